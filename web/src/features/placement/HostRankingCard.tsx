// 候选人排序 on /host: the host contact orders the trainees who chose each of their posts (best first) and unticks those
// the unit will not take. Ticked trainees are saved as the unit's ranking; unticked ones are unacceptable for the post
// (the solver never places them there). Shown only while some post is open (before placements are published).
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Space, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { HostRankingCandidate, HostRankingInput, HostRankingPost } from '@duibiao/contracts';
import { api, request } from '../../api/client.ts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';

const listHostRankingPosts = (signal?: AbortSignal) => api.get<HostRankingPost[]>('/host/posts', undefined, signal);
const saveHostRanking = (postId: number, body: HostRankingInput) => request<HostRankingPost>('PUT', `/host/posts/${postId}/ranking`, { body });

interface Line {
  cadreId: number;
  included: boolean;
}

/** The saved ranking first (ticked), then the other candidates (unticked); with no ranking yet everyone is ticked. */
function initialLines(post: HostRankingPost): Line[] {
  if (post.ranking.length === 0) return post.candidates.map((c) => ({ cadreId: c.cadreId, included: true }));
  const ranked = new Set(post.ranking);
  return [
    ...post.ranking.map((cadreId) => ({ cadreId, included: true })),
    ...post.candidates.filter((c) => !ranked.has(c.cadreId)).map((c) => ({ cadreId: c.cadreId, included: false })),
  ];
}

function CandidateLine({ c, position }: { c: HostRankingCandidate; position: number | null }) {
  const t = useT();
  return (
    <div style={{ minWidth: 0, flex: 1 }}>
      <Space size={[6, 2]} wrap>
        <Typography.Text strong>{position === null ? '—' : `${position}.`}</Typography.Text>
        <Typography.Text strong>{c.name}</Typography.Text>
        <Tag color={c.choice === 1 ? 'green' : c.choice === null ? 'default' : 'blue'}>
          {c.choice === null ? t('placement.hostRank.noChoice') : t('placement.mobile.choiceN', { n: c.choice })}
        </Tag>
      </Space>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {c.homeUnit}
          {c.age !== null && ` · ${t('placement.hostRank.age', { n: c.age })}`}
          {c.specialties.length > 0 && ` · ${c.specialties.join('、')}`}
        </Typography.Text>
      </div>
    </div>
  );
}

function PostRanking({ post, onSaved }: { post: HostRankingPost; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [lines, setLines] = useState<Line[]>(() => initialLines(post));
  const [saving, setSaving] = useState(false);
  const candidates = new Map(post.candidates.map((c) => [c.cadreId, c]));
  const move = (i: number, by: number) =>
    setLines((ls) => {
      const next = [...ls];
      [next[i], next[i + by]] = [next[i + by]!, next[i]!];
      return next;
    });
  const toggle = (cadreId: number, included: boolean) => setLines((ls) => ls.map((l) => (l.cadreId === cadreId ? { ...l, included } : l)));
  const save = async () => {
    setSaving(true);
    try {
      await saveHostRanking(post.postId, { ranking: lines.filter((l) => l.included).map((l) => l.cadreId) });
      void message.success(t('placement.hostRank.saved'));
      onSaved();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  // An empty list would read as "no preference" to the solver, so at least one trainee must stay ticked.
  const noneIncluded = !lines.some((l) => l.included);
  let position = 0;

  return (
    <Card
      size="small"
      type="inner"
      title={
        <Space size={[6, 0]} wrap>
          <span>
            {post.hostUnit.name} · {post.title}
          </span>
          <Tag color="blue">{t('placement.mobile.seats', { n: post.seats })}</Tag>
          <Tag color={post.ranking.length > 0 ? 'green' : post.scored ? 'gold' : 'default'}>
            {t(post.ranking.length > 0 ? 'placement.hostRank.ranked' : post.scored ? 'placement.hostRank.scored' : 'placement.hostRank.unranked')}
          </Tag>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {post.programName}
      </Typography.Paragraph>
      {lines.length === 0 ? (
        <Typography.Text type="secondary">{t('placement.hostRank.noCandidates')}</Typography.Text>
      ) : (
        <Space orientation="vertical" size={6} style={{ width: '100%' }}>
          {lines.map((l, i) => (
            <Flex key={l.cadreId} gap={8} align="center" style={{ opacity: l.included ? 1 : 0.55, borderBottom: '1px solid #f0f0f0', paddingBottom: 6 }}>
              <Checkbox checked={l.included} aria-label={t('placement.hostRank.accept')} onChange={(e) => toggle(l.cadreId, e.target.checked)} />
              {candidates.get(l.cadreId) && <CandidateLine c={candidates.get(l.cadreId)!} position={l.included ? ++position : null} />}
              <Space size={4}>
                <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} aria-label={t('placement.mobile.up')} onClick={() => move(i, -1)} />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={i === lines.length - 1}
                  aria-label={t('placement.mobile.down')}
                  onClick={() => move(i, 1)}
                />
              </Space>
            </Flex>
          ))}
        </Space>
      )}
      <Flex justify="end" align="center" gap={8} wrap style={{ marginTop: 10 }}>
        {lines.length > 0 && noneIncluded && <Typography.Text type="warning">{t('placement.hostRank.noneTicked')}</Typography.Text>}
        <Button type="primary" loading={saving} disabled={noneIncluded} onClick={() => void save()}>
          {t('placement.hostRank.save')}
        </Button>
      </Flex>
    </Card>
  );
}

/** The host contact's posts still open for ranking; renders nothing when there are none. */
export function HostRankingCard() {
  const t = useT();
  const { data, error, reload } = useRequest((signal) => listHostRankingPosts(signal), 'host-ranking-posts');
  if (error) return <Alert type="error" showIcon title={error.message} style={{ marginTop: 16 }} />;
  if (!data || data.length === 0) return null;
  return (
    <Card title={t('placement.hostRank.title')} style={{ marginTop: 16 }}>
      <Alert type="info" showIcon title={t('placement.hostRank.hint')} style={{ marginBottom: 12 }} />
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {data.map((post) => (
          // Keyed by the saved ranking so a reload after saving starts from what the server holds.
          <PostRanking key={`${post.postId}:${post.ranking.join(',')}`} post={post} onSaved={reload} />
        ))}
      </Space>
    </Card>
  );
}
