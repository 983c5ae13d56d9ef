// Table columns shared by the program tab and the overview page: status tag, title linking to the topic page, team.
import { Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { Topic, TopicStatus } from '@duibiao/contracts';
import type { TFunction } from '../../i18n/index.tsx';

const STATUS_COLORS: Record<TopicStatus, string> = { draft: 'default', bidding: 'processing', assigned: 'purple', in_progress: 'orange', completed: 'success' };

export function topicColumns(t: TFunction, label: (group: 'topicStatus', code: TopicStatus) => string): TableColumnsType<Topic> {
  return [
    { title: t('topics.code'), dataIndex: 'code', width: 70, render: (c: string | null) => c ?? '—' },
    { title: t('topics.name'), key: 'title', render: (_: unknown, r) => <Link to={`/topics/${r.id}`}>{r.title}</Link> },
    { title: t('topics.status'), dataIndex: 'status', width: 90, render: (s: TopicStatus) => <Tag color={STATUS_COLORS[s]}>{label('topicStatus', s)}</Tag> },
    { title: t('topics.keyProblem'), key: 'kp', ellipsis: true, render: (_: unknown, r) => r.keyProblem?.name ?? '—' },
    { title: t('topics.owner'), key: 'owner', ellipsis: true, render: (_: unknown, r) => r.ownerOrg?.name ?? '—' },
    { title: t('topics.team'), key: 'team', width: 90, render: (_: unknown, r) => `${r.teamSize} / ${r.teamMin}–${r.teamMax}` },
    { title: t('topics.lead'), key: 'lead', width: 80, render: (_: unknown, r) => r.lead?.name ?? '—' },
  ];
}
