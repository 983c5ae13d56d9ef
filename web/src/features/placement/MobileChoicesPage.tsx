// /m/choices — phone page: the trainee ranks the host posts of their practicum program (志愿): add posts to the list,
// move them up or down, save. Locked once placements are published.
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, List, Select, Space, Spin, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined, PlusOutlined } from '@ant-design/icons';
import type { HostPost, MyPreferences } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import { getMyChoices, getMyPrograms, saveMyChoices } from './api.ts';

/** Every program of the trainee that offers posts, with the current choices. */
async function loadChoices(signal: AbortSignal): Promise<MyPreferences[]> {
  const programs = await getMyPrograms(signal);
  const all = await Promise.all(programs.map((p) => getMyChoices(p.programId, signal).catch(() => null)));
  return all.filter((c): c is MyPreferences => c !== null && c.posts.length > 0);
}

function PostLine({ post }: { post: HostPost }) {
  const t = useT();
  return (
    <div>
      <div>
        <Typography.Text strong>{post.hostUnit.name}</Typography.Text> · {post.title}
      </div>
      <Space size={[4, 4]} wrap style={{ marginTop: 2 }}>
        {post.hostUnit.city && <Tag>{post.hostUnit.city}</Tag>}
        <Tag color="blue">{t('placement.mobile.seats', { n: post.seats })}</Tag>
        {post.specialtyTags.map((tag) => (
          <Tag key={tag}>{tag}</Tag>
        ))}
      </Space>
      {post.requirements && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
          {post.requirements}
        </Typography.Paragraph>
      )}
    </div>
  );
}

export default function MobileChoicesPage() {
  const t = useT();
  const { message } = App.useApp();
  const choices = useRequest((signal) => loadChoices(signal), 'my-choices');
  const [programId, setProgramId] = useState<number | null>(null);
  // Unsaved edits of one program's list; the saved list shows until the trainee changes something.
  const [draft, setDraft] = useState<{ programId: number; order: number[] } | null>(null);
  const [saving, setSaving] = useState(false);
  const current = choices.data?.find((c) => c.programId === programId) ?? choices.data?.[0];

  if (choices.loading && !choices.data) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (choices.error) return <Alert type="error" showIcon title={choices.error.message} />;
  if (!current) return <Empty description={t('placement.mobile.none')} />;

  const posts = new Map(current.posts.map((p) => [p.id, p]));
  const order = draft?.programId === current.programId ? draft.order : current.postIds;
  const setOrder = (change: (o: number[]) => number[]) => setDraft({ programId: current.programId, order: change(order) });
  const move = (i: number, by: number) =>
    setOrder((o) => {
      const next = [...o];
      [next[i], next[i + by]] = [next[i + by]!, next[i]!];
      return next;
    });
  const save = async () => {
    setSaving(true);
    try {
      await saveMyChoices(current.programId, order);
      void message.success(t('placement.mobile.saved'));
      setDraft(null);
      choices.reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  const editable = current.editable;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('placement.mobile.title')}
      </Typography.Title>
      {(choices.data?.length ?? 0) > 1 && (
        <Select
          style={{ width: '100%' }}
          value={current.programId}
          onChange={setProgramId}
          options={choices.data!.map((c) => ({ value: c.programId, label: c.programName }))}
          aria-label={t('placement.mobile.program')}
        />
      )}
      {(choices.data?.length ?? 0) === 1 && <Typography.Text type="secondary">{current.programName}</Typography.Text>}
      {editable ? <Alert type="info" title={t('placement.mobile.hint')} /> : <Alert type="warning" showIcon title={t('placement.mobile.locked')} />}
      <Card size="small" title={t('placement.mobile.mine')}>
        <List
          dataSource={order}
          locale={{ emptyText: t('placement.prefs.none') }}
          renderItem={(id, i) => (
            <List.Item
              actions={
                editable
                  ? [
                      <Button
                        key="up"
                        size="small"
                        icon={<ArrowUpOutlined />}
                        disabled={i === 0}
                        aria-label={t('placement.mobile.up')}
                        onClick={() => move(i, -1)}
                      />,
                      <Button
                        key="down"
                        size="small"
                        icon={<ArrowDownOutlined />}
                        disabled={i === order.length - 1}
                        aria-label={t('placement.mobile.down')}
                        onClick={() => move(i, 1)}
                      />,
                      <Button
                        key="remove"
                        size="small"
                        danger
                        icon={<CloseOutlined />}
                        aria-label={t('placement.mobile.remove')}
                        onClick={() => setOrder((o) => o.filter((x) => x !== id))}
                      />,
                    ]
                  : []
              }
            >
              <Space align="start">
                <Tag color={i === 0 ? 'green' : 'blue'}>{t('placement.mobile.choiceN', { n: i + 1 })}</Tag>
                {posts.get(id) ? <PostLine post={posts.get(id)!} /> : id}
              </Space>
            </List.Item>
          )}
        />
        {editable && (
          <Button type="primary" block loading={saving} onClick={() => void save()} style={{ marginTop: 8 }}>
            {t('common.save')}
          </Button>
        )}
      </Card>
      {editable && (
        <Card size="small" title={t('placement.mobile.available')}>
          <List
            dataSource={current.posts.filter((p) => !order.includes(p.id))}
            renderItem={(post) => (
              <List.Item
                actions={[
                  <Button key="add" size="small" icon={<PlusOutlined />} onClick={() => setOrder((o) => [...o, post.id])}>
                    {t('placement.mobile.add')}
                  </Button>,
                ]}
              >
                <PostLine post={post} />
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}
