// One milestone of a topic: versions with upload, the review panel and scores (per criterion, average), the invited
// reviewer's score form and the organizer's decision. Only what the viewer may do is shown.
import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Input, InputNumber, List, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { MilestoneView, TopicProcess } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { useAction } from '../../hooks/useAction.ts';
import { decide, getReviewerCandidates, saveScore, scoreSheetUrl, setReviewers, submissionUrl, updateMilestone, uploadSubmission } from './api.ts';

export const STATUS_COLORS: Record<string, string> = { pending: 'default', submitted: 'processing', passed: 'success', revise: 'warning' };

interface Props {
  topicId: number;
  m: MilestoneView;
  viewer: TopicProcess['viewer'];
  onChanged: (view: TopicProcess) => void;
}

function Submissions({ topicId, m, viewer, onChanged }: Props) {
  const t = useT();
  const run = useAction();
  const [note, setNote] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const canUpload = viewer.canSubmit && m.status !== 'passed';
  const upload = (file: File) =>
    void run(async () => {
      setProgress(0);
      try {
        onChanged(await uploadSubmission(topicId, m.id, file, note, setProgress));
        setNote('');
      } finally {
        setProgress(null);
      }
    }, t('milestones.uploaded'));
  return (
    <>
      <Typography.Text strong>{t('milestones.submissions')}</Typography.Text>
      {m.submissions.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('milestones.noSubmissions')}</Typography.Paragraph>
      ) : (
        <List
          size="small"
          dataSource={m.submissions}
          renderItem={(s) => (
            <List.Item
              actions={[
                <a key="dl" href={submissionUrl(topicId, m.id, s.id)} aria-label={s.fileName ?? ''}>
                  <DownloadOutlined />
                </a>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Tag>{t('milestones.version', { n: s.version })}</Tag>
                    <span style={{ wordBreak: 'break-all' }}>{s.fileName}</span>
                  </Space>
                }
                description={[s.submittedBy?.name, dayjs(s.createdAt).format('YYYY-MM-DD HH:mm'), s.note].filter(Boolean).join(' · ')}
              />
            </List.Item>
          )}
        />
      )}
      {canUpload && (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input placeholder={t('milestones.note')} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          <Upload
            accept=".docx,.pdf,.xlsx,.pptx"
            showUploadList={false}
            beforeUpload={(file) => {
              upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={progress !== null}>
              {progress !== null ? `${Math.round(progress * 100)}%` : t('milestones.upload')}
            </Button>
          </Upload>
        </Space.Compact>
      )}
      {canUpload && <Typography.Text type="secondary">{t('milestones.uploadHint')}</Typography.Text>}
    </>
  );
}

function Panel({ topicId, m, viewer, onChanged }: Props) {
  const t = useT();
  const run = useAction();
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<number[]>([]);
  const candidates = useRequest((signal) => getReviewerCandidates(topicId, signal), `cand-${topicId}`, editing);
  return (
    <div style={{ marginTop: 12 }}>
      <Space wrap>
        <Typography.Text strong>{t('milestones.panel')}</Typography.Text>
        {m.reviewers.length === 0 && <Typography.Text type="secondary">{t('milestones.noPanel')}</Typography.Text>}
        {m.reviewers.map((r) => (
          <Tag key={r.id} color={r.hasScored ? 'green' : undefined}>
            {r.name} · {r.hasScored ? t('milestones.scored') : t('milestones.notScored')}
          </Tag>
        ))}
        {viewer.canManage && m.status !== 'passed' && !editing && (
          <Button
            size="small"
            onClick={() => {
              setChosen(m.reviewers.map((r) => r.id));
              setEditing(true);
            }}
          >
            {t('milestones.invite')}
          </Button>
        )}
      </Space>
      {editing && (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Select
            mode="multiple"
            style={{ width: '100%' }}
            loading={candidates.loading}
            value={chosen}
            onChange={setChosen}
            optionFilterProp="label"
            options={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.orgName}）` }))}
          />
          <Button
            type="primary"
            onClick={() =>
              void run(async () => {
                onChanged(await setReviewers(topicId, m.id, { userIds: chosen }));
                setEditing(false);
              }, t('milestones.saved'))
            }
          >
            {t('milestones.save')}
          </Button>
        </Space.Compact>
      )}
    </div>
  );
}

function Scores({ m, organizer }: { m: MilestoneView; organizer: boolean }) {
  const t = useT();
  if (m.scores.length === 0) return null;
  const rows = [
    ...m.scores.map((s) => ({ key: String(s.reviewer.id), name: s.reviewer.name, scores: s.scores, total: s.total, comment: s.comment })),
    // Others see only their own sheet, so an average would just repeat it.
    ...(organizer ? [{ key: 'avg', name: t('milestones.average'), scores: m.averageByCriterion, total: m.averageTotal, comment: null }] : []),
  ];
  return (
    <Table
      style={{ marginTop: 12 }}
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      columns={[
        { title: t('milestones.reviewer'), dataIndex: 'name', fixed: 'left' },
        ...m.rubric.map((r) => ({ title: `${r.label}(${r.max})`, key: r.key, render: (_: unknown, row: (typeof rows)[number]) => row.scores[r.key] ?? '—' })),
        { title: t('milestones.total'), dataIndex: 'total', render: (v: number | null) => <strong>{v ?? '—'}</strong> },
        { title: t('milestones.comment'), dataIndex: 'comment' },
      ]}
    />
  );
}

function ScoreForm({ topicId, m, onChanged }: Props) {
  const t = useT();
  const run = useAction();
  const mine = m.scores[0];
  const [values, setValues] = useState<Record<string, number | null>>(() => Object.fromEntries(m.rubric.map((r) => [r.key, mine?.scores[r.key] ?? null])));
  const [comment, setComment] = useState(mine?.comment ?? '');
  const total = m.rubric.reduce((s, r) => s + (values[r.key] ?? 0), 0);
  return (
    <Card size="small" title={t('milestones.myScore')} style={{ marginTop: 12 }}>
      <Space wrap>
        {m.rubric.map((r) => (
          <Space key={r.key} orientation="vertical" size={0}>
            <Typography.Text>{`${r.label}（0–${r.max}）`}</Typography.Text>
            <InputNumber aria-label={r.label} min={0} max={r.max} step={0.5} value={values[r.key]} onChange={(v) => setValues((x) => ({ ...x, [r.key]: v }))} />
          </Space>
        ))}
      </Space>
      <Input.TextArea
        style={{ marginTop: 8 }}
        rows={2}
        maxLength={2000}
        placeholder={t('milestones.comment')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <Space style={{ marginTop: 8 }}>
        <Typography.Text>
          {t('milestones.total')}: <strong>{total}</strong>
        </Typography.Text>
        <Button
          type="primary"
          onClick={() =>
            void run(async () => {
              const scores = Object.fromEntries(Object.entries(values).filter((e): e is [string, number] => e[1] !== null));
              onChanged(await saveScore(topicId, m.id, { scores, comment: comment || null }));
            }, t('milestones.scoreSaved'))
          }
        >
          {t('milestones.saveScore')}
        </Button>
      </Space>
    </Card>
  );
}

function Decision({ topicId, m, onChanged }: Props) {
  const t = useT();
  const run = useAction();
  const [note, setNote] = useState('');
  const go = (result: 'pass' | 'revise') =>
    void run(async () => onChanged(await decide(topicId, m.id, { result, note: note || null })), t('milestones.decided'));
  return (
    <Card size="small" title={t('milestones.decision')} style={{ marginTop: 12 }}>
      <Input.TextArea rows={2} maxLength={2000} placeholder={t('milestones.decisionNote')} value={note} onChange={(e) => setNote(e.target.value)} />
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" onClick={() => go('pass')}>
          {t('milestones.pass')}
        </Button>
        <Button danger onClick={() => go('revise')}>
          {t('milestones.revise')}
        </Button>
      </Space>
    </Card>
  );
}

export function MilestoneCard(props: Props) {
  const { topicId, m, viewer, onChanged } = props;
  const t = useT();
  const label = useLabel();
  const run = useAction();
  const extra = (
    <Space wrap size={4}>
      <Tag color={STATUS_COLORS[m.status]}>{label('milestoneStatus', m.status)}</Tag>
      {m.overdue && <Tag color="red">{t('milestones.overdue')}</Tag>}
    </Space>
  );
  return (
    <Card id={`milestone-${m.id}`} size="small" title={m.title} extra={extra} style={{ marginBottom: 12 }}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('milestones.dueDate')}>
          {viewer.canManage && m.status !== 'passed' ? (
            <DatePicker
              size="small"
              allowClear={false}
              inputReadOnly
              value={dayjs(m.dueDate)}
              onChange={(d) =>
                d && void run(async () => onChanged(await updateMilestone(topicId, m.id, { dueDate: d.format('YYYY-MM-DD') })), t('milestones.saved'))
              }
            />
          ) : (
            <Typography.Text type={m.overdue ? 'danger' : undefined}>{m.dueDate}</Typography.Text>
          )}
        </Descriptions.Item>
        {m.decisionNote && <Descriptions.Item label={t('milestones.decision')}>{m.decisionNote}</Descriptions.Item>}
      </Descriptions>
      <Submissions {...props} />
      {m.rubric.length > 0 && <Panel {...props} />}
      <Scores m={m} organizer={viewer.as === 'organizer'} />
      {m.canScore && <ScoreForm key={m.scores[0]?.updatedAt ?? 'new'} {...props} />}
      {viewer.canManage && m.status === 'submitted' && <Decision {...props} />}
      {viewer.as === 'organizer' && m.rubric.length > 0 && m.scores.length > 0 && (
        <Space style={{ marginTop: 12 }}>
          <Button size="small" icon={<DownloadOutlined />} href={scoreSheetUrl(topicId, m.kind, 'xlsx')}>
            {t('milestones.exportXlsx')}
          </Button>
          <Button size="small" icon={<DownloadOutlined />} href={scoreSheetUrl(topicId, m.kind, 'docx')}>
            {t('milestones.exportDocx')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
