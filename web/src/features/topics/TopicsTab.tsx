// Program detail tab: 研究课题：招拍挂投标、课题分配、工作专班.
import { Empty } from 'antd';

export default function TopicsTab({ programId }: { programId: number }) {
  return <Empty description={`#${programId}`} />;
}
