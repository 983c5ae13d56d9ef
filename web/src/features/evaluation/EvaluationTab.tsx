// Program detail tab: 综合评价：答辩、单位评价、出勤、心得、落地加权.
import { Empty } from 'antd';

export default function EvaluationTab({ programId }: { programId: number }) {
  return <Empty description={`#${programId}`} />;
}
