// Program detail tab: 临时党支部：支委、党员、组织生活.
import { Empty } from 'antd';

export default function BranchTab({ programId }: { programId: number }) {
  return <Empty description={`#${programId}`} />;
}
