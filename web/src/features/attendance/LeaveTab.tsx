// Program detail tab 请假: requests with pending ones first, approve/reject with a note, and the 1/7 rule made
// visible — each trainee's leave so far against the hours they must attend, and the withdrawal flag.
import { useState } from 'react';
import { Alert, App, Button, Input, Modal, Segmented, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PaperClipOutlined, WarningOutlined } from '@ant-design/icons';
import type { LeaveRequestDto, LeaveStatus } from '@duibiao/contracts';
import { ApiError } from '../../api/client.ts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { decideLeave, leaveAttachmentUrl, listProgramLeave } from './api.ts';
import { dayClock, LeaveTag } from './attendance-ui.tsx';

type Filter = LeaveStatus | 'all';

const percent = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '—');

export default function LeaveTab({ programId }: { programId: number }) {
  const t = useT();
  const label = useLabel();
  const [filter, setFilter] = useState<Filter>('all');
  const { data, error, loading, reload } = useRequest(
    (signal) => listProgramLeave(programId, filter === 'all' ? undefined : filter, signal),
    `${programId}:${filter}`,
  );
  const [deciding, setDeciding] = useState<{ leave: LeaveRequestDto; decision: 'approve' | 'reject' } | null>(null);
  const pending = data?.filter((l) => l.status === 'pending').length ?? 0;

  return (
    <>
      <div className="db-page-header" style={{ marginBottom: 12 }}>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('leave.filter.all') },
            ...(['pending', 'approved', 'rejected', 'cancelled'] as const).map((s) => ({ value: s, label: label('leaveStatus', s) })),
          ]}
        />
        {pending > 0 && <Tag color="processing">{t('leave.pendingCount', { n: pending })}</Tag>}
      </div>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      {loading && !data ? (
        <Skeleton active />
      ) : (
        <Table<LeaveRequestDto>
          rowKey="id"
          size="small"
          scroll={{ x: 1100 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('leave.empty') }}
          dataSource={data ?? []}
          columns={[
            {
              title: t('leave.trainee'),
              key: 'who',
              width: 170,
              render: (_, l) => (
                <div>
                  <Space size={4} wrap>
                    <Typography.Text strong>{l.cadreName}</Typography.Text>
                    {l.withdrawalFlagged && (
                      <Tooltip title={t('leave.withdrawalHint')}>
                        <Tag color="error" icon={<WarningOutlined />}>
                          {t('leave.withdrawal')}
                        </Tag>
                      </Tooltip>
                    )}
                  </Space>
                  <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
                    {l.orgName}
                    {l.className ? ` · ${l.className}` : ''}
                  </div>
                </div>
              ),
            },
            {
              title: t('leave.sessions'),
              key: 'sessions',
              width: 260,
              render: (_, l) => (
                <div style={{ fontSize: 13 }}>
                  {l.sessions.map((s) => (
                    <div key={s.id}>
                      {dayClock(s.startsAt)} {s.title}
                    </div>
                  ))}
                </div>
              ),
            },
            { title: t('leave.hours'), dataIndex: 'hours', width: 64, align: 'right' },
            {
              title: t('leave.standing'),
              key: 'standing',
              width: 150,
              render: (_, l) => (
                <span style={{ color: l.withdrawalFlagged ? '#cf1322' : undefined }}>
                  {l.approvedLeaveHours} / {l.requiredHours}（{percent(l.approvedLeaveHours, l.requiredHours)}）
                </span>
              ),
            },
            { title: t('leave.reason'), dataIndex: 'reason', ellipsis: true },
            {
              title: t('leave.attachment'),
              key: 'file',
              width: 110,
              render: (_, l) =>
                l.attachmentName ? (
                  <a href={leaveAttachmentUrl(l.id)} target="_blank" rel="noreferrer">
                    <PaperClipOutlined /> {l.attachmentName}
                  </a>
                ) : (
                  '—'
                ),
            },
            {
              title: t('leave.status'),
              key: 'status',
              width: 150,
              render: (_, l) => (
                <div>
                  <LeaveTag status={l.status} />
                  {l.decidedBy && l.decidedAt && (
                    <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{t('leave.decidedBy', { name: l.decidedBy, at: l.decidedAt.slice(0, 10) })}</div>
                  )}
                  {l.decisionNote && <div style={{ fontSize: 12 }}>{l.decisionNote}</div>}
                </div>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 140,
              fixed: 'right',
              render: (_, l) =>
                l.status === 'pending' ? (
                  <Space size={4}>
                    <Button size="small" type="primary" onClick={() => setDeciding({ leave: l, decision: 'approve' })}>
                      {t('leave.approve')}
                    </Button>
                    <Button size="small" danger onClick={() => setDeciding({ leave: l, decision: 'reject' })}>
                      {t('leave.reject')}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      )}
      {deciding && (
        <DecisionModal
          leave={deciding.leave}
          decision={deciding.decision}
          onClose={(changed) => {
            setDeciding(null);
            if (changed) reload();
          }}
        />
      )}
    </>
  );
}

function DecisionModal({ leave, decision, onClose }: { leave: LeaveRequestDto; decision: 'approve' | 'reject'; onClose: (changed: boolean) => void }) {
  const t = useT();
  const label = useLabel();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const action = decision === 'approve' ? t('leave.approve') : t('leave.reject');
  // The 1/7 rule, shown before it happens: strictly above a seventh of the required hours.
  const after = Math.round((leave.approvedLeaveHours + leave.hours) * 1000) / 1000;
  const crosses = decision === 'approve' && !leave.withdrawalFlagged && after * 7 > leave.requiredHours + 1e-9;

  const submit = async () => {
    setSaving(true);
    try {
      await decideLeave(leave.id, { decision, ...(note.trim() ? { note: note.trim() } : {}) });
      void message.success(label('leaveStatus', decision === 'approve' ? 'approved' : 'rejected'));
      onClose(true);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
      setSaving(false);
      if (e instanceof ApiError && e.status === 409) onClose(true);
    }
  };

  return (
    <Modal
      open
      title={t('leave.decisionTitle', { action, name: leave.cadreName })}
      okText={action}
      okButtonProps={{ danger: decision === 'reject', loading: saving }}
      onOk={() => void submit()}
      onCancel={() => onClose(false)}
    >
      {crosses && <Alert type="warning" showIcon title={t('leave.approveWarning', { after, required: leave.requiredHours })} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">
        {leave.sessions.map((s) => `${dayClock(s.startsAt)} ${s.title}`).join('；')}（{leave.hours} h）
      </Typography.Paragraph>
      <Typography.Paragraph>{leave.reason}</Typography.Paragraph>
      <Input.TextArea
        rows={3}
        maxLength={500}
        showCount
        placeholder={t('leave.notePlaceholder')}
        aria-label={t('leave.note')}
        style={{ marginBottom: 16 }}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
    </Modal>
  );
}
