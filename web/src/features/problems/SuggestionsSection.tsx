// 相似问题建议: groups of likely duplicates (score, shared terms highlighted) over the working list or the questions not
// yet promoted; a curator merges a group in one click (choosing the surviving title) or dismisses it for this session.
import { Fragment, useState } from 'react';
import { Alert, Button, Card, Empty, Segmented, Slider, Space, Tag, Typography } from 'antd';
import { CloseOutlined, MergeCellsOutlined } from '@ant-design/icons';
import type { DuplicateSuggestions } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import { getSuggestions } from './api.ts';
import { MergeModal } from './MergeModal.tsx';

type Group = DuplicateSuggestions['groups'][number];

/** The text with every shared term marked, longest terms first so 招商引资 wins over 招商. */
function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  const sorted = [...terms].filter(Boolean).sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return <>{text}</>;
  const escaped = sorted.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`, 'gi'));
  return <>{parts.map((p, i) => (i % 2 === 1 ? <mark key={i}>{p}</mark> : <Fragment key={i}>{p}</Fragment>))}</>;
}

const groupKey = (g: Group) => g.members.map((m) => m.id).join('-');

export function SuggestionsSection({ programId, canWrite, onMerged }: { programId: number; canWrite: boolean; onMerged: () => void }) {
  const t = useT();
  const [over, setOver] = useState<'items' | 'questions'>('items');
  const [threshold, setThreshold] = useState(0.2);
  const [dismissed, setDismissed] = useState<string[]>([]);
  const [merging, setMerging] = useState<Group | null>(null);
  const suggestions = useRequest((signal) => getSuggestions(programId, { over, threshold }, signal), `${programId}:${over}:${threshold}`);
  const groups = (suggestions.data?.groups ?? []).filter((g) => !dismissed.includes(groupKey(g)));

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }} size={16}>
        <Segmented
          value={over}
          onChange={(v) => setOver(v as 'items' | 'questions')}
          options={[
            { value: 'items', label: t('problems.s.overItems') },
            { value: 'questions', label: t('problems.s.overQuestions') },
          ]}
        />
        <Space>
          {t('problems.s.threshold')}
          <Slider style={{ width: 160 }} min={0.1} max={0.6} step={0.05} value={threshold} onChange={setThreshold} />
          {threshold.toFixed(2)}
        </Space>
        <Typography.Text type="secondary">{t('problems.s.hint')}</Typography.Text>
      </Space>
      {suggestions.error && <Alert type="error" showIcon title={suggestions.error.message} style={{ marginBottom: 12 }} />}
      {groups.length === 0 && !suggestions.loading && <Empty description={t('problems.s.none')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {groups.map((g) => (
          <Card
            key={groupKey(g)}
            size="small"
            title={
              <Space wrap>
                {t('problems.s.group', { n: g.members.length })}
                <Tag color={g.score >= 0.4 ? 'red' : g.score >= 0.25 ? 'orange' : 'gold'}>{t('problems.s.score', { score: g.score.toFixed(2) })}</Tag>
                {g.sharedTerms.map((term) => (
                  <Tag key={term} color="blue">
                    {term}
                  </Tag>
                ))}
              </Space>
            }
            extra={
              <Space>
                {canWrite && over === 'items' && (
                  <Button size="small" type="primary" icon={<MergeCellsOutlined />} onClick={() => setMerging(g)}>
                    {t('problems.s.merge')}
                  </Button>
                )}
                <Button size="small" icon={<CloseOutlined />} onClick={() => setDismissed([...dismissed, groupKey(g)])}>
                  {t('problems.s.dismiss')}
                </Button>
              </Space>
            }
          >
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {g.members.map((m) => (
                <li key={m.id}>
                  <Highlighted text={m.title} terms={[...g.sharedTerms, ...g.pairs.flatMap((p) => (p.a === m.id || p.b === m.id ? p.sharedTerms : []))]} />
                </li>
              ))}
            </ul>
            {over === 'questions' && <Typography.Text type="secondary">{t('problems.s.promoteFirst')}</Typography.Text>}
          </Card>
        ))}
      </Space>
      {merging && (
        <MergeModal
          programId={programId}
          members={merging.members}
          onClose={() => setMerging(null)}
          onDone={() => {
            setMerging(null);
            suggestions.reload();
            onMerged();
          }}
        />
      )}
    </>
  );
}
