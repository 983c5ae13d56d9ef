// /m/topics — phone page: the trainee builds a ranked list of the topics open for bids (add, move up/down, proposal),
// submits it; once assigned, shows "你被分配到第 N 志愿课题《…》", the role and a link to the topic page.
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Input, List, Select, Space, Spin, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { MyProgramTopics, MyTopic } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { getMembers, getMyTopics, saveMyBids } from './api.ts';

interface DraftBid {
  topicId: number;
  proposal: string;
}

const savedBids = (p: MyProgramTopics): DraftBid[] =>
  p.topics
    .filter((x) => x.myBid && x.myBid.status === 'active' && x.biddingOpen)
    .sort((a, b) => a.myBid!.rank - b.myBid!.rank)
    .map((x) => ({ topicId: x.id, proposal: x.myBid!.proposal ?? '' }));

function TopicLine({ topic }: { topic: MyTopic }) {
  const t = useT();
  const label = useLabel();
  return (
    <div style={{ minWidth: 0 }}>
      <Typography.Text strong>{topic.title}</Typography.Text>
      <Space size={[4, 4]} wrap style={{ display: 'flex', marginTop: 2 }}>
        {topic.field && <Tag>{label('problemField', topic.field)}</Tag>}
        <Tag color="blue">
          {topic.teamMin}–{topic.teamMax}
        </Tag>
        <Tag>{t('topics.mobile.bidders', { n: topic.bidCount })}</Tag>
        {topic.biddingOpen ? (
          topic.biddingClosesOn && <Tag color="orange">{t('topics.mobile.closesOn', { date: topic.biddingClosesOn })}</Tag>
        ) : (
          <Tag>{t('topics.mobile.closed')}</Tag>
        )}
      </Space>
      {topic.goals && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0', fontSize: 12 }}>
          {topic.goals}
        </Typography.Paragraph>
      )}
    </div>
  );
}

/** My task force once assigned: names, units and roles (I am a member, so the topic is open to me). */
function MyTaskForce({ topicId }: { topicId: number }) {
  const t = useT();
  const label = useLabel();
  const members = useRequest((signal) => getMembers(topicId, signal), topicId);
  return (
    <Card size="small" title={t('topics.mobile.myTaskForce')}>
      <List
        size="small"
        loading={members.loading}
        dataSource={members.data ?? []}
        renderItem={(m) => (
          <List.Item>
            <Space size={6} wrap>
              <Typography.Text strong>{m.name}</Typography.Text>
              {m.org && <Typography.Text type="secondary">{m.org.name}</Typography.Text>}
              <Tag color={m.role === 'lead' ? 'gold' : m.role === 'liaison' ? 'cyan' : 'default'}>{label('taskForceRole', m.role)}</Tag>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

export default function MobileTopicsPage() {
  const t = useT();
  const label = useLabel();
  const { message } = App.useApp();
  const mine = useRequest((signal) => getMyTopics(signal), 'my-topics');
  const [programId, setProgramId] = useState<number | null>(null);
  const [draft, setDraft] = useState<{ programId: number; bids: DraftBid[] } | null>(null);
  const [saving, setSaving] = useState(false);
  const current = mine.data?.find((p) => p.program.id === programId) ?? mine.data?.[0];

  if (mine.loading && !mine.data) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (mine.error) return <Alert type="error" showIcon title={mine.error.message} />;
  if (!current) return <Empty description={t('topics.mobile.none')} />;

  const topics = new Map(current.topics.map((x) => [x.id, x]));
  const bids = draft?.programId === current.program.id ? draft.bids : savedBids(current);
  const setBids = (change: (b: DraftBid[]) => DraftBid[]) => setDraft({ programId: current.program.id, bids: change(bids) });
  const move = (i: number, by: number) =>
    setBids((b) => {
      const next = [...b];
      [next[i], next[i + by]] = [next[i + by]!, next[i]!];
      return next;
    });
  const open = current.topics.filter((x) => x.biddingOpen && !bids.some((b) => b.topicId === x.id));
  const save = async () => {
    setSaving(true);
    try {
      await saveMyBids(current.program.id, { bids: bids.map((b) => ({ topicId: b.topicId, proposal: b.proposal || null })) });
      void message.success(t('topics.mobile.saved'));
      setDraft(null);
      mine.reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  const { assignment } = current;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('topics.mobile.title')}
      </Typography.Title>
      {(mine.data?.length ?? 0) > 1 && (
        <Select
          style={{ width: '100%' }}
          value={current.program.id}
          onChange={setProgramId}
          options={mine.data!.map((p) => ({ value: p.program.id, label: p.program.name }))}
        />
      )}
      {assignment && (
        <Alert
          type="success"
          showIcon
          title={
            assignment.assignedRank
              ? t('topics.mobile.assigned', { rank: assignment.assignedRank, title: assignment.title })
              : t('topics.mobile.assignedNoRank', { title: assignment.title })
          }
          description={
            <Space orientation="vertical" size={4}>
              {t('topics.mobile.role', { role: label('taskForceRole', assignment.role) })}
              <Link to={`/m/topics/${assignment.topicId}`}>{t('topics.mobile.open')}</Link>
            </Space>
          }
        />
      )}
      {assignment && <MyTaskForce topicId={assignment.topicId} />}
      {(bids.length > 0 || open.length > 0) && (
        <Card size="small" title={t('topics.mobile.myList')}>
          <List
            dataSource={bids}
            locale={{ emptyText: t('topics.mobile.none') }}
            renderItem={(b, i) => (
              <List.Item style={{ display: 'block' }}>
                <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }}>
                  <Space align="start">
                    <Tag color="blue">{i + 1}</Tag>
                    {topics.get(b.topicId) && <TopicLine topic={topics.get(b.topicId)!} />}
                  </Space>
                  <Space size={0}>
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowUpOutlined />}
                      disabled={i === 0}
                      aria-label={t('topics.mobile.up')}
                      onClick={() => move(i, -1)}
                    />
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowDownOutlined />}
                      disabled={i === bids.length - 1}
                      aria-label={t('topics.mobile.down')}
                      onClick={() => move(i, 1)}
                    />
                    <Button
                      size="small"
                      type="text"
                      icon={<CloseOutlined />}
                      aria-label={t('topics.mobile.remove')}
                      onClick={() => setBids((x) => x.filter((_, k) => k !== i))}
                    />
                  </Space>
                </Space>
                <Input.TextArea
                  rows={2}
                  maxLength={1000}
                  style={{ marginTop: 6 }}
                  placeholder={t('topics.mobile.proposal')}
                  value={b.proposal}
                  onChange={(e) => setBids((x) => x.map((y, k) => (k === i ? { ...y, proposal: e.target.value } : y)))}
                />
              </List.Item>
            )}
          />
          <Button type="primary" block loading={saving} disabled={!draft} onClick={() => void save()} style={{ marginTop: 8 }}>
            {t('topics.mobile.submit')}
          </Button>
        </Card>
      )}
      {open.length > 0 && (
        <Card size="small" title={t('topics.mobile.available')}>
          <List
            dataSource={open}
            renderItem={(x) => (
              <List.Item
                actions={[
                  <Button key="add" size="small" icon={<PlusOutlined />} onClick={() => setBids((b) => [...b, { topicId: x.id, proposal: '' }])}>
                    {t('topics.mobile.add')}
                  </Button>,
                ]}
              >
                <TopicLine topic={x} />
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}
