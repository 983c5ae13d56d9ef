// Program detail tab: 调研报告、对策建议与成果落地跟踪.
import { Empty } from 'antd';

export default function ResultsTab({ programId }: { programId: number }) {
  return <Empty description={`#${programId}`} />;
}
