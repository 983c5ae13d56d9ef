// /m/placement — the trainee's long placement on the phone: where, with whom and why; 远程报到 before arrival; one
// 工作周志 per week (locked once the mentor commented) with the mentor's comments; the reviews when recorded.
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { placementLogInputSchema, remoteCheckinInputSchema } from '@duibiao/contracts';
import type { MyPlacement } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { getMyPlacements, remoteCheckin, saveLog } from './api.ts';
import { LogList, ReviewList, StatusTag } from './parts.tsx';

function PlacementInfo({ p }: { p: MyPlacement }) {
  const t = useT();
  return (
    <Card size="small" title={p.programName} extra={<StatusTag status={p.status} />}>
      <Descriptions size="small" column={1} colon={false} styles={{ label: { width: 84, whiteSpace: 'nowrap', color: 'rgba(0,0,0,0.55)' } }}>
        <Descriptions.Item label={t('practicum.hostUnit')}>
          <strong>{p.hostUnit.name}</strong>
          {p.hostUnit.city && <Typography.Text type="secondary">（{p.hostUnit.city}）</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={t('practicum.post')}>
          <Space size={6} wrap>
            {p.post.title}
            {p.choice !== null && <Tag color="blue">{t('practicum.choice', { n: p.choice })}</Tag>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('practicum.period')}>
          {p.startDate ?? '—'} ~ {p.endDate ?? '—'}
        </Descriptions.Item>
        {p.hostUnit.address && <Descriptions.Item label={t('practicum.address')}>{p.hostUnit.address}</Descriptions.Item>}
        <Descriptions.Item label={t('practicum.contact')}>
          <Space size={8} wrap>
            {p.hostUnit.contactName ?? '—'}
            {p.hostUnit.contactPhone && <a href={`tel:${p.hostUnit.contactPhone}`}>{p.hostUnit.contactPhone}</a>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('practicum.mentor')}>{p.post.mentorName ?? '—'}</Descriptions.Item>
      </Descriptions>
      {p.explanation && <Alert type="info" showIcon title={t('practicum.why')} description={p.explanation} style={{ marginTop: 8 }} />}
    </Card>
  );
}

function CheckinCard({ p, onSaved }: { p: MyPlacement; onSaved: (p: MyPlacement) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ contactConfirmed: boolean; firstTasks: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (p.remoteCheckin.at) {
    return (
      <Card size="small" title={t('practicum.checkin')}>
        <Alert type="success" showIcon title={t('practicum.checkedIn', { at: p.remoteCheckin.at.slice(0, 10) })} description={p.remoteCheckin.firstTasks} />
      </Card>
    );
  }
  const submit = async () => {
    const input = parseWithSchema(remoteCheckinInputSchema, form.getFieldsValue(true), form);
    if (!input) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await remoteCheckin(p.id, input));
      void message.success(t('practicum.saved'));
    } catch (e) {
      setError(applyApiError(form, e, ['contactConfirmed', 'firstTasks']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={t('practicum.checkin')}>
      <Typography.Paragraph type="secondary">{t('practicum.checkinHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ contactConfirmed: false, firstTasks: '' }}>
        <Form.Item name="contactConfirmed" valuePropName="checked">
          <Checkbox>{t('practicum.contacted')}</Checkbox>
        </Form.Item>
        <Form.Item name="firstTasks" label={t('practicum.firstTasks')} required>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('practicum.firstTasksPlaceholder')} />
        </Form.Item>
        <Button type="primary" block loading={saving} onClick={() => void submit()}>
          {t('practicum.submitCheckin')}
        </Button>
      </Form>
    </Card>
  );
}

function LogForm({ p, onSaved }: { p: MyPlacement; onSaved: (p: MyPlacement) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ weekStart?: string; content: string; nextPlan?: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const locked = new Set(p.logs.filter((l) => l.mentorComment !== null).map((l) => l.weekStart));
  const weeks = p.loggableWeeks.filter((w) => !locked.has(w));
  if (weeks.length === 0) return <Typography.Text type="secondary">{t('practicum.noWeeks')}</Typography.Text>;

  // Picking a week already filed loads it for editing.
  const pickWeek = (week: string) => {
    const existing = p.logs.find((l) => l.weekStart === week);
    form.setFieldsValue({ content: existing?.content ?? '', nextPlan: existing?.nextPlan ?? '' });
  };
  const submit = async () => {
    const v = form.getFieldsValue(true) as { weekStart?: string; content: string; nextPlan?: string };
    if (!v.weekStart) return form.setFields([{ name: 'weekStart', errors: [t('practicum.week')] }]);
    const input = parseWithSchema(placementLogInputSchema, { content: v.content, nextPlan: v.nextPlan ?? '' }, form);
    if (!input) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await saveLog(p.id, v.weekStart, input));
      void message.success(t('practicum.saved'));
    } catch (e) {
      setError(applyApiError(form, e, ['weekStart', 'content', 'nextPlan']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ weekStart: weeks[0], content: p.logs.find((l) => l.weekStart === weeks[0])?.content ?? '' }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="weekStart" label={t('practicum.week')} required>
        <Select options={weeks.map((w) => ({ value: w, label: t('practicum.weekOf', { date: w }) }))} onChange={pickWeek} />
      </Form.Item>
      <Form.Item name="content" label={t('practicum.content')} required>
        <Input.TextArea rows={4} maxLength={5000} placeholder={t('practicum.contentPlaceholder')} />
      </Form.Item>
      <Form.Item name="nextPlan" label={t('practicum.nextPlan')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Button type="primary" block loading={saving} onClick={() => void submit()}>
        {t('practicum.submitLog')}
      </Button>
    </Form>
  );
}

export default function MobilePlacementPage() {
  const t = useT();
  const { data, error, loading } = useRequest((signal) => getMyPlacements(signal), 'my-placements');
  const [updated, setUpdated] = useState<Record<number, MyPlacement>>({});
  if (loading && !data) return <Skeleton active />;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  const placements = (data ?? []).map((p) => updated[p.id] ?? p);
  const choices = (
    <Link to="/m/choices">
      <Button block>{t('practicum.myChoices')}</Button>
    </Link>
  );
  if (placements.length === 0)
    return (
      <Empty description={t('practicum.none')} style={{ marginTop: 48 }}>
        {choices}
      </Empty>
    );
  const keep = (p: MyPlacement) => setUpdated((u) => ({ ...u, [p.id]: p }));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {placements.map((p) => (
        <Space key={p.id} orientation="vertical" size={12} style={{ width: '100%' }} data-placement={p.id}>
          <PlacementInfo p={p} />
          {p.status !== 'completed' && <CheckinCard p={p} onSaved={keep} />}
          <Card size="small" title={t('practicum.logs')}>
            {p.status !== 'completed' && <LogForm key={`${p.id}-${p.logs.length}`} p={p} onSaved={keep} />}
            <LogList logs={p.logs} />
          </Card>
          {p.reviews.length > 0 && (
            <Card size="small" title={t('practicum.reviews')}>
              <ReviewList reviews={p.reviews} />
            </Card>
          )}
        </Space>
      ))}
      {choices}
    </Space>
  );
}
