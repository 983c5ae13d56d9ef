// Program detail tab: 成果溯源与转化漏斗.
import { Empty } from 'antd';

export default function TraceTab({ programId }: { programId: number }) {
  return <Empty description={`#${programId}`} />;
}
