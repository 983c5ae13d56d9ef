// Program detail tab 结业: close-out documents, the assessment table (suggested result, result + reason, save),
// certificate issuing, per-trainee PDF download and revocation.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, FileExcelOutlined, FileWordOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { ASSESSMENTS, type Assessment, type AssessmentRow } from '@duibiao/contracts';
import { ApiError } from '../../api/client.ts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { useCan } from '../auth/session.ts';
import { certificatePdfUrl, documentUrl, getAssessments, issueCertificates, revokeCertificate, saveAssessments, type DocumentFile } from './api.ts';
import { percent } from './format.ts';

interface Draft {
  result: Assessment | null;
  reason: string;
}

const DOCUMENTS: {
  file: DocumentFile;
  key: 'closeout.doc.rosterDocx' | 'closeout.doc.rosterXlsx' | 'closeout.doc.signIn' | 'closeout.doc.hours';
  word: boolean;
}[] = [
  { file: 'roster.docx', key: 'closeout.doc.rosterDocx', word: true },
  { file: 'roster.xlsx', key: 'closeout.doc.rosterXlsx', word: false },
  { file: 'sign-in.docx', key: 'closeout.doc.signIn', word: true },
  { file: 'hours.xlsx', key: 'closeout.doc.hours', word: false },
];

export default function CloseoutTab({ programId }: { programId: number }) {
  const t = useT();
  const label = useLabel();
  const canWrite = useCan()('program:write');
  const { message, modal } = App.useApp();
  const { data, error, loading, reload } = useRequest((signal) => getAssessments(programId, signal), programId);
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState(false);
  const [revoking, setRevoking] = useState<AssessmentRow | null>(null);

  const valueOf = (r: AssessmentRow): Draft => drafts[r.enrolmentId] ?? { result: r.result, reason: r.reason ?? '' };
  const changed = useMemo(
    () =>
      (data?.items ?? []).filter(
        (r) => drafts[r.enrolmentId] && (drafts[r.enrolmentId]!.result !== r.result || drafts[r.enrolmentId]!.reason !== (r.reason ?? '')),
      ),
    [data, drafts],
  );

  function edit(r: AssessmentRow, patch: Partial<Draft>) {
    setDrafts((d) => ({ ...d, [r.enrolmentId]: { ...valueOf(r), ...patch } }));
    setErrors((e) => {
      const { [r.enrolmentId]: _, ...rest } = e;
      return rest;
    });
  }

  function applySuggestions() {
    const next = { ...drafts };
    for (const r of data?.items ?? []) {
      if (valueOf(r).result !== null) continue;
      next[r.enrolmentId] = { result: r.suggestion, reason: r.suggestionReason ?? '' };
    }
    setDrafts(next);
  }

  async function save() {
    const rows = changed.filter((r) => valueOf(r).result !== null);
    if (rows.length === 0) return void message.info(t('closeout.nothingChanged'));
    const missing = Object.fromEntries(
      rows.filter((r) => valueOf(r).result === 'fail' && !valueOf(r).reason.trim()).map((r) => [r.enrolmentId, t('closeout.reasonRequired')]),
    );
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      return void message.error(t('closeout.fixErrors'));
    }
    const items = rows.map((r) => {
      const v = valueOf(r);
      return { enrolmentId: r.enrolmentId, result: v.result!, ...(v.reason.trim() ? { reason: v.reason.trim() } : {}) };
    });
    setBusy(true);
    try {
      await saveAssessments(programId, items);
      setDrafts({});
      message.success(t('closeout.saved', { n: items.length }));
      reload();
    } catch (e) {
      // Field paths are "<index>.<field>": point each error at its row.
      if (e instanceof ApiError && e.details.length > 0) {
        setErrors(Object.fromEntries(e.details.map((d) => [items[Number(d.field.split('.')[0])]?.enrolmentId ?? -1, d.message])));
      }
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  function issue() {
    modal.confirm({
      title: t('closeout.issue'),
      content: t('closeout.issueConfirm'),
      onOk: async () => {
        try {
          const r = await issueCertificates(programId);
          message.success(t('closeout.issued', { issued: r.issued.length, already: r.alreadyIssued, not: r.notEligible }));
          reload();
        } catch (e) {
          message.error(e instanceof Error ? e.message : String(e));
        }
      },
    });
  }

  if (error && !data) return <Alert type="error" showIcon title={error.message} />;
  const items = data?.items ?? [];
  const counts = { excellent: 0, pass: 0, fail: 0, none: 0 };
  for (const r of items) counts[r.result ?? 'none']++;

  const columns: TableColumnsType<AssessmentRow> = [
    {
      title: t('closeout.col.trainee'),
      key: 'name',
      fixed: 'left',
      width: 170,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Space size={4}>
            <span>{r.name}</span>
            {r.withdrawn && <Tag color="default">{t('closeout.withdrawn')}</Tag>}
            {r.withdrawalFlagged && !r.withdrawn && <Tag color="red">{t('closeout.flagged')}</Tag>}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: r.unit }}>
            {r.unit}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('closeout.col.class'),
      key: 'class',
      width: 150,
      ellipsis: { showTitle: false },
      render: (_, r) => (
        <Space orientation="vertical" size={0} style={{ maxWidth: '100%' }}>
          <Typography.Text ellipsis={{ tooltip: r.className }} style={{ maxWidth: 140 }}>
            {r.className ?? '—'}
          </Typography.Text>
          {r.groupName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.groupName}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('closeout.col.attendance'),
      key: 'attendance',
      width: 100,
      render: (_, r) => (
        <Tooltip title={t('closeout.col.attendanceHint', { due: r.dueHours, attended: r.attendedHours })}>
          <Space orientation="vertical" size={0}>
            <Typography.Text type={r.attendanceRate !== null && r.attendanceRate < (data?.passThreshold ?? 0) ? 'danger' : undefined}>
              {r.attendanceRate === null ? '—' : percent(r.attendanceRate)}
            </Typography.Text>
            {r.absentSessions > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('closeout.col.absentN', { n: r.absentSessions })}
              </Typography.Text>
            )}
          </Space>
        </Tooltip>
      ),
    },
    {
      title: t('closeout.col.hours'),
      key: 'hours',
      width: 100,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.creditedHours}</span>
          {r.approvedLeaveHours > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('closeout.col.leaveN', { n: r.approvedLeaveHours })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('closeout.col.suggestion'),
      key: 'suggestion',
      width: 150,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Tag color={r.suggestion === 'fail' ? 'red' : 'green'}>{label('assessment', r.suggestion)}</Tag>
          {r.suggestionReason && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.suggestionReason}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('closeout.col.result'),
      key: 'result',
      width: 120,
      render: (_, r) => (
        <Select<Assessment>
          aria-label={`${t('closeout.col.result')} ${r.name}`}
          value={valueOf(r).result ?? undefined}
          placeholder={t('closeout.resultPlaceholder')}
          disabled={!canWrite}
          style={{ width: '100%' }}
          options={ASSESSMENTS.map((a) => ({ value: a, label: label('assessment', a) }))}
          onChange={(result) => edit(r, { result })}
        />
      ),
    },
    {
      title: t('closeout.col.reason'),
      key: 'reason',
      width: 180,
      render: (_, r) => (
        <Tooltip title={errors[r.enrolmentId]} open={errors[r.enrolmentId] ? undefined : false} color="red">
          <Input
            aria-label={`${t('closeout.col.reason')} ${r.name}`}
            value={valueOf(r).reason}
            status={errors[r.enrolmentId] ? 'error' : undefined}
            placeholder={valueOf(r).result === 'fail' ? t('closeout.reasonPlaceholder') : undefined}
            disabled={!canWrite}
            maxLength={500}
            onChange={(e) => edit(r, { reason: e.target.value })}
          />
        </Tooltip>
      ),
    },
    {
      title: t('closeout.col.certificate'),
      key: 'certificate',
      fixed: 'right',
      width: 210,
      render: (_, r) =>
        r.certificate ? (
          <Space orientation="vertical" size={0}>
            <Space size={4}>
              <Typography.Text code>{r.certificate.serial}</Typography.Text>
              {r.certificate.revoked && <Tag color="red">{t('closeout.revoked')}</Tag>}
            </Space>
            <Space size={0} wrap>
              <Button type="link" size="small" icon={<DownloadOutlined />} href={certificatePdfUrl(r.certificate.id)} download>
                {t('closeout.download')}
              </Button>
              <Button type="link" size="small" href={r.certificate.verifyPath} target="_blank" rel="noreferrer">
                {t('closeout.verify')}
              </Button>
              {canWrite && !r.certificate.revoked && (
                <Button type="link" size="small" danger onClick={() => setRevoking(r)}>
                  {t('closeout.revoke')}
                </Button>
              )}
            </Space>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('closeout.noCertificate')}</Typography.Text>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('closeout.documents')}>
        <Space wrap>
          {DOCUMENTS.map((d) => (
            <Button key={d.file} icon={d.word ? <FileWordOutlined /> : <FileExcelOutlined />} href={documentUrl(programId, d.file)} download>
              {t(d.key)}
            </Button>
          ))}
        </Space>
      </Card>
      <Card
        size="small"
        title={t('closeout.assessment')}
        extra={
          canWrite && (
            <Space wrap>
              {changed.length > 0 && <Tag color="orange">{t('closeout.unsaved')}</Tag>}
              <Button onClick={applySuggestions} disabled={items.length === 0}>
                {t('closeout.applySuggestions')}
              </Button>
              <Button type="primary" onClick={() => void save()} loading={busy}>
                {t('closeout.save')}
              </Button>
              <Button icon={<SafetyCertificateOutlined />} onClick={issue} disabled={changed.length > 0}>
                {t('closeout.issue')}
              </Button>
            </Space>
          )
        }
      >
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('closeout.rule', { threshold: percent(data?.passThreshold ?? 6 / 7) })} />
        <Typography.Paragraph type="secondary">
          {t('closeout.summary', { total: items.length, excellent: counts.excellent, pass: counts.pass, fail: counts.fail, none: counts.none })}
        </Typography.Paragraph>
        <Table<AssessmentRow>
          rowKey="enrolmentId"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={items}
          pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 1180 }}
        />
      </Card>
      <RevokeModal
        row={revoking}
        onClose={() => setRevoking(null)}
        onDone={() => {
          setRevoking(null);
          message.success(t('closeout.revokeDone'));
          reload();
        }}
      />
    </Flex>
  );
}

function RevokeModal({ row, onClose, onDone }: { row: AssessmentRow | null; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!row?.certificate) return;
    setBusy(true);
    try {
      await revokeCertificate(row.certificate.id, reason);
      setReason('');
      setProblem(null);
      onDone();
    } catch (e) {
      setProblem(e instanceof ApiError ? (e.details[0]?.message ?? e.message) : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={row !== null}
      title={t('closeout.revokeTitle', { serial: row?.certificate?.serial ?? '' })}
      okText={t('closeout.revoke')}
      okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{row?.name}</Typography.Paragraph>
      <Input.TextArea
        aria-label={t('closeout.revokeReason')}
        placeholder={t('closeout.revokeReason')}
        value={reason}
        status={problem ? 'error' : undefined}
        maxLength={500}
        rows={3}
        onChange={(e) => setReason(e.target.value)}
      />
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
    </Modal>
  );
}
