// Overdue milestones flagged where topics are managed (the /topics overview and a program's 研究课题 tab): due date
// passed while still pending or sent back for revision, each linking to its topic page. Nothing shows when none is late.
import { Alert, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { getOverdueMilestones } from './api.ts';

export function OverdueMilestonesAlert({ programId }: { programId?: number }) {
  const t = useT();
  const label = useLabel();
  const { data } = useRequest((signal) => getOverdueMilestones(signal), 'overdue-milestones');
  const rows = (data ?? []).filter((r) => programId === undefined || r.programId === programId);
  if (rows.length === 0) return null;
  const today = dayjs().startOf('day');
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('milestones.overdueTitle', { n: rows.length })}
      description={
        <List
          size="small"
          dataSource={rows.slice(0, 10)}
          renderItem={(r) => (
            <List.Item style={{ padding: '4px 0' }}>
              <Space wrap size={6}>
                {programId === undefined && <Typography.Text type="secondary">{r.programName}</Typography.Text>}
                <Link to={`/topics/${r.topicId}`}>{r.topicTitle}</Link>
                <Tag>{label('milestoneKind', r.kind)}</Tag>
                <Tag color="red">{t('milestones.overdueDays', { n: today.diff(dayjs(r.dueDate), 'day') })}</Tag>
                <Tag>{label('milestoneStatus', r.status)}</Tag>
              </Space>
            </List.Item>
          )}
        />
      }
    />
  );
}
