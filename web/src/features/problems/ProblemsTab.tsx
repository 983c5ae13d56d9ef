// Program detail tab: 问题清单：问题征集、相似问题合并、版本化重点问题清单.
import { Empty } from 'antd';

export default function ProblemsTab({ programId }: { programId: number }) {
  return <Empty description={`#${programId}`} />;
}
