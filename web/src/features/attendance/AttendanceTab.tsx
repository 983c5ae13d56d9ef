// Program detail tab 考勤: attendance rate by session (chart), then the roll call of one session — status per
// trainee (or per itinerary stop), bulk "all present", remarks — and the way to the QR check-in screen.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Empty, Input, InputNumber, Segmented, Select, Skeleton, Space, Table, Tooltip, Typography } from 'antd';
import { CheckOutlined, QrcodeOutlined, SaveOutlined } from '@ant-design/icons';
import type { AttendanceStatus, AttendanceSummary, RollCallEntry, RollCallRow } from '@duibiao/contracts';
import { ATTENDANCE_STATUSES } from '@duibiao/contracts';
import { EChart } from '../../components/EChart.tsx';
import type { EChartOption } from '../../components/EChart.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { ApiError } from '../../api/client.ts';
import { getAttendanceSummary, getRollCall, saveRollCall } from './api.ts';
import { AttendanceTag, CheckinStateTag, clock, dayClock } from './attendance-ui.tsx';

type Draft = { status: AttendanceStatus; minutesMissed: number; remarks: string };
type Summary = AttendanceSummary['sessions'][number];

/** The session running now, else the latest one that has started, else the first. */
function defaultSession(sessions: Summary[]): number | undefined {
  const now = Date.now();
  const started = sessions.filter((s) => Date.parse(s.startsAt) <= now);
  const running = started.find((s) => Date.parse(s.endsAt) > now);
  return (running ?? started[started.length - 1] ?? sessions[0])?.sessionId;
}

export default function AttendanceTab({ programId }: { programId: number }) {
  const t = useT();
  const summary = useRequest((signal) => getAttendanceSummary(programId, signal), programId);
  const [picked, setPicked] = useState<number | undefined>();
  const sessions = summary.data?.sessions ?? [];
  const sessionId = picked ?? defaultSession(sessions);

  if (summary.loading && !summary.data) return <Skeleton active />;
  if (summary.error) return <Alert type="error" showIcon title={summary.error.message} />;
  if (sessions.length === 0) return <Empty description={t('att.noSessions')} />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <RateChart sessions={sessions} />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text strong>{t('att.session')}</Typography.Text>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 'min(520px, 80vw)' }}
            placeholder={t('att.pickSession')}
            value={sessionId}
            onChange={setPicked}
            options={sessions.map((s) => ({ value: s.sessionId, label: `${dayClock(s.startsAt)} ${s.title}` }))}
          />
        </Space>
        {sessionId !== undefined && <RollCallTable key={sessionId} programId={programId} sessionId={sessionId} onSaved={summary.reload} />}
      </Card>
    </Space>
  );
}

function RateChart({ sessions }: { sessions: Summary[] }) {
  const t = useT();
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => `${String(v)}%`,
      },
      grid: { left: 48, right: 16, top: 24, bottom: 72 },
      xAxis: {
        type: 'category',
        data: sessions.map((s) => `${dayClock(s.startsAt)}\n${s.title.length > 8 ? `${s.title.slice(0, 8)}…` : s.title}`),
        axisLabel: { interval: 0, rotate: sessions.length > 8 ? 30 : 0, fontSize: 11 },
      },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          name: t('att.rate'),
          data: sessions.map((s) => (s.rate === null ? 0 : Math.round(s.rate * 1000) / 10)),
          itemStyle: { color: '#1e5bb8' },
          barMaxWidth: 36,
          label: { show: sessions.length <= 16, position: 'top', formatter: '{c}%', fontSize: 11 },
        },
      ],
    }),
    [sessions, t],
  );
  return (
    <Card size="small" title={t('att.rateChart')}>
      <EChart option={option} height={260} ariaLabel={t('att.rateChart')} />
    </Card>
  );
}

function RollCallTable({ programId, sessionId, onSaved }: { programId: number; sessionId: number; onSaved: () => void }) {
  const t = useT();
  const label = useLabel();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useRequest((signal) => getRollCall(sessionId, signal), sessionId);
  const [stop, setStop] = useState(0);
  const [drafts, setDrafts] = useState<Map<string, Draft>>(new Map());
  const [saving, setSaving] = useState(false);

  if (loading && !data) return <Skeleton active />;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!data) return null;

  const key = (enrolmentId: number) => `${enrolmentId}:${stop}`;
  const markOf = (row: RollCallRow) => (stop === 0 ? row.mark : (row.stops.find((s) => s.seq === stop)?.mark ?? null));
  const current = (row: RollCallRow): Draft | null => {
    const d = drafts.get(key(row.enrolmentId));
    if (d) return d;
    const m = markOf(row);
    return m ? { status: m.status, minutesMissed: m.minutesMissed, remarks: m.remarks ?? '' } : null;
  };
  const edit = (row: RollCallRow, patch: Partial<Draft>) => {
    const base = current(row) ?? { status: 'present' as const, minutesMissed: 0, remarks: '' };
    setDrafts(new Map(drafts).set(key(row.enrolmentId), { ...base, ...patch }));
  };
  const allPresent = () => {
    const next = new Map(drafts);
    for (const row of data.rows) {
      const c = current(row);
      if (c?.status === 'excused') continue;
      next.set(key(row.enrolmentId), { status: 'present', minutesMissed: 0, remarks: c?.remarks ?? '' });
    }
    setDrafts(next);
  };
  const save = async () => {
    const entries: RollCallEntry[] = [...drafts.entries()].map(([k, d]) => {
      const [enrolmentId, stopSeq] = k.split(':').map(Number) as [number, number];
      return { enrolmentId, stopSeq, status: d.status, minutesMissed: d.minutesMissed, remarks: d.remarks.trim() === '' ? null : d.remarks.trim() };
    });
    setSaving(true);
    try {
      await saveRollCall(sessionId, entries);
      setDrafts(new Map());
      void message.success(t('att.saved'));
      reload();
      onSaved();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  const counts = (s: AttendanceStatus | null) => data.rows.filter((r) => (current(r)?.status ?? null) === s).length;
  const screenUrl = `/programs/${programId}/sessions/${sessionId}/checkin-screen${stop > 0 ? `?stop=${stop}` : ''}`;
  const editable = data.canEdit;

  return (
    <>
      <div className="db-page-header" style={{ marginBottom: 12 }}>
        <Space wrap>
          <CheckinStateTag state={data.session.state} />
          <Typography.Text type="secondary">
            {t('att.summaryCounts', {
              expected: data.rows.length,
              present: counts('present'),
              late: counts('late'),
              leftEarly: counts('left_early'),
              absent: counts('absent'),
              excused: counts('excused'),
              none: counts(null),
            })}
          </Typography.Text>
        </Space>
        <Space wrap>
          {data.session.checkinEnabled && (
            <Button icon={<QrcodeOutlined />} href={screenUrl} target="_blank">
              {t('att.openScreen')}
            </Button>
          )}
          {editable && (
            <Tooltip title={t('att.allPresentHint')}>
              <Button icon={<CheckOutlined />} onClick={allPresent}>
                {t('att.allPresent')}
              </Button>
            </Tooltip>
          )}
          {editable && (
            <Button type="primary" icon={<SaveOutlined />} disabled={drafts.size === 0} loading={saving} onClick={() => void save()}>
              {drafts.size > 0 ? `${t('att.saveRollCall')}（${t('att.unsaved', { n: drafts.size })}）` : t('att.saveRollCall')}
            </Button>
          )}
        </Space>
      </div>
      {!editable && <Alert type="info" showIcon title={t('att.readOnly')} style={{ marginBottom: 12 }} />}
      {data.stops.length > 0 && (
        <Segmented
          style={{ marginBottom: 12 }}
          value={stop}
          onChange={(v) => setStop(Number(v))}
          options={[{ value: 0, label: t('att.itself') }, ...data.stops.map((s) => ({ value: s.seq, label: t('att.stop', { n: s.seq, name: s.name }) }))]}
        />
      )}
      <Table<RollCallRow>
        rowKey="enrolmentId"
        size="small"
        pagination={data.rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        scroll={{ x: 980 }}
        locale={{ emptyText: t('att.noTrainees') }}
        dataSource={data.rows}
        rowClassName={(row) => (drafts.has(key(row.enrolmentId)) ? 'db-row-edited' : '')}
        columns={[
          { title: t('att.name'), dataIndex: 'name', width: 96, fixed: 'left' },
          { title: t('att.org'), dataIndex: 'orgName', width: 180, ellipsis: true },
          { title: t('att.classGroup'), key: 'cg', width: 130, render: (_, r) => [r.className, r.groupName].filter(Boolean).join(' / ') || '—' },
          {
            title: t('att.status'),
            key: 'status',
            width: 150,
            render: (_, row) => {
              const c = current(row);
              if (!editable) return <AttendanceTag status={c?.status ?? null} />;
              return (
                <Select<AttendanceStatus>
                  size="small"
                  style={{ width: 128 }}
                  aria-label={`${row.name} ${t('att.status')}`}
                  placeholder={t('att.notRecorded')}
                  value={c?.status}
                  onChange={(status) => edit(row, { status, minutesMissed: status === 'late' || status === 'left_early' ? (c?.minutesMissed ?? 0) : 0 })}
                  options={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: label('attendanceStatus', s) }))}
                />
              );
            },
          },
          {
            title: t('att.minutesMissed'),
            key: 'minutes',
            width: 130,
            render: (_, row) => {
              const c = current(row);
              const relevant = c?.status === 'late' || c?.status === 'left_early';
              if (!editable || !relevant) return relevant ? c.minutesMissed : '—';
              return <InputNumber size="small" min={0} max={1440} value={c.minutesMissed} onChange={(v) => edit(row, { minutesMissed: v ?? 0 })} />;
            },
          },
          { title: t('att.checkedInAt'), key: 'at', width: 96, render: (_, row) => clock(markOf(row)?.checkedInAt) },
          {
            title: t('att.method'),
            key: 'method',
            width: 80,
            render: (_, row) => {
              const m = markOf(row);
              return m ? t(`att.method.${m.method}`) : '—';
            },
          },
          {
            title: t('att.remarks'),
            key: 'remarks',
            render: (_, row) => {
              const c = current(row);
              if (!editable) return c?.remarks || '—';
              return <Input size="small" maxLength={200} value={c?.remarks ?? ''} onChange={(e) => edit(row, { remarks: e.target.value })} />;
            },
          },
        ]}
      />
    </>
  );
}
