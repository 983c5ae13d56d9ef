// /m/evaluations — phone page: rate each ended session (1–5 stars for content, delivery, usefulness, and an optional
// comment), then fill in the program's end-of-program questionnaire.
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Input, Rate, Space, Spin, Typography } from 'antd';
import type { PendingRating } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { getMyQuestionnaires, getPendingRatings, rateSession } from './api.ts';
import { MobileQuestionnaire } from './MobileQuestionnaire.tsx';

const DIMS = ['content', 'delivery', 'usefulness'] as const;
type Scores = Record<(typeof DIMS)[number], number>;

function RatingCard({ session, onRated }: { session: PendingRating; onRated: () => void }) {
  const t = useT();
  const label = useLabel();
  const { message } = App.useApp();
  const [scores, setScores] = useState<Scores>({ content: 0, delivery: 0, usefulness: 0 });
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const complete = DIMS.every((d) => scores[d] > 0);

  const submit = async () => {
    setSaving(true);
    try {
      await rateSession({ sessionId: session.sessionId, ...scores, comment: comment.trim() || undefined });
      void message.success(t('feedbackMobile.rated'));
      onRated();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={<span style={{ whiteSpace: 'normal' }}>{session.title}</span>}>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 8 }}>
        {label('sessionType', session.type)} · {session.startsAt.slice(5, 16).replace('T', ' ')}
        {session.instructorNames.length > 0 ? ` · ${session.instructorNames.join('、')}` : ''}
        {session.venueName ? ` · ${session.venueName}` : ''}
      </Typography.Text>
      {DIMS.map((d) => (
        <div key={d} style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', minHeight: 40 }}>
          <span>{t(`feedback.dim.${d}`)}</span>
          <Rate value={scores[d]} onChange={(v) => setScores((s) => ({ ...s, [d]: v }))} aria-label={t(`feedback.dim.${d}`)} style={{ fontSize: 26 }} />
        </div>
      ))}
      <Input.TextArea
        rows={2}
        maxLength={1000}
        placeholder={t('feedbackMobile.comment')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        style={{ margin: '8px 0' }}
      />
      <Button type="primary" block size="large" disabled={!complete} loading={saving} onClick={() => void submit()}>
        {t('feedbackMobile.submitRating')}
      </Button>
    </Card>
  );
}

export default function MobileEvaluationsPage() {
  const t = useT();
  const pending = useRequest((signal) => getPendingRatings(signal), 'pending');
  const questionnaires = useRequest((signal) => getMyQuestionnaires(signal), 'questionnaires');

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('feedbackMobile.anonymous')} />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('feedbackMobile.pendingRatings')}
      </Typography.Title>
      {pending.error && <Alert type="error" showIcon title={pending.error.message} />}
      {pending.loading && !pending.data && <Spin />}
      {pending.data?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('feedbackMobile.noPending')} />}
      {pending.data?.map((s) => (
        <RatingCard key={s.sessionId} session={s} onRated={pending.reload} />
      ))}

      <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
        {t('feedbackMobile.questionnaires')}
      </Typography.Title>
      {questionnaires.error && <Alert type="error" showIcon title={questionnaires.error.message} />}
      {questionnaires.data?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('feedbackMobile.noQuestionnaire')} />}
      {questionnaires.data?.map((q) => (
        <MobileQuestionnaire key={q.programId} questionnaire={q} onSubmitted={questionnaires.reload} />
      ))}
    </Space>
  );
}
