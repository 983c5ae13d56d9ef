// Page /topics: every topic of the programs in the caller's subtree, filterable by program and status.
import { useState } from 'react';
import { Card, Empty, Select, Space, Table } from 'antd';
import type { Topic, TopicStatus } from '@duibiao/contracts';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useLabelOptions, useT } from '../../i18n/index.tsx';
import { listAllTopics } from './api.ts';
import { topicColumns } from './columns.tsx';
import { OverdueMilestonesAlert } from '../milestones/OverdueMilestonesAlert.tsx';

export default function TopicsPage() {
  const t = useT();
  const label = useLabel();
  const options = useLabelOptions();
  const [programId, setProgramId] = useState<number | undefined>();
  const [status, setStatus] = useState<TopicStatus | undefined>();
  const all = useRequest((signal) => listAllTopics({}, signal), 'all');
  const programs = [...new Map((all.data ?? []).map((x) => [x.program.id, x.program])).values()];
  const shown = (all.data ?? []).filter((x) => (programId === undefined || x.program.id === programId) && (status === undefined || x.status === status));
  return (
    <>
      <PageHeader title={t('topics.overviewTitle')} />
      <OverdueMilestonesAlert />
      <Card>
        <Space style={{ marginBottom: 12 }} wrap>
          <Select
            allowClear
            placeholder={t('topics.filterProgram')}
            style={{ width: 260 }}
            value={programId}
            onChange={setProgramId}
            options={programs.map((p) => ({ value: p.id, label: p.name }))}
          />
          <Select
            allowClear
            placeholder={t('topics.filterStatus')}
            style={{ width: 160 }}
            value={status}
            onChange={setStatus}
            options={options('topicStatus')}
          />
        </Space>
        <Table<Topic>
          size="small"
          rowKey="id"
          loading={all.loading}
          dataSource={shown}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('topics.empty')} /> }}
          scroll={{ x: 1000 }}
          columns={[
            {
              title: t('topics.program'),
              key: 'program',
              width: 200,
              ellipsis: true,
              render: (_: unknown, r) => <Link to={`/programs/${r.program.id}?tab=topics`}>{r.program.name}</Link>,
            },
            ...topicColumns(t, label),
            { title: t('topics.bids'), dataIndex: 'bidCount', width: 60 },
          ]}
        />
      </Card>
    </>
  );
}
