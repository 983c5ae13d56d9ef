// /nominations — the nominating unit's desk: programs open to my unit, candidates of a quota with their eligibility
// (ineligible rows disabled, the reason as tooltip), nominating with a statement, and my unit's nominations with
// 审核通过 and 撤回.
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Input, List, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Candidate, Nomination, NominationCall } from '@duibiao/contracts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { listCalls, listCandidates, listNominations, nominate, unitApprove, withdraw } from './api.ts';
import { NominationTable } from './NominationTable.tsx';
import { ReasonModal, type ReasonRequest } from './ReasonModal.tsx';

/** 截止 2026-12-10, or a red 已截止 once the deadline has passed (the server decides, on the Beijing date). */
function DeadlineTag({ call }: { call: NominationCall }) {
  const t = useT();
  return (
    <>
      {call.deadline && <Tag color={call.open ? 'blue' : undefined}>{t('selection.deadlineOn', { date: call.deadline })}</Tag>}
      {!call.open && <Tag color="red">{t('selection.closed')}</Tag>}
    </>
  );
}

function CandidatesCard({ call, quotaId, onNominated }: { call: NominationCall; quotaId: number; onNominated: () => void }) {
  const t = useT();
  const label = useLabel();
  const { message, notification } = App.useApp();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number[]>([]);
  const [statement, setStatement] = useState('');
  const [tick, setTick] = useState(0);
  const candidates = useRequest(
    (s) => listCandidates(call.programId, { quotaId, q, page, pageSize: 20 }, s),
    `${call.programId}:${quotaId}:${q}:${page}:${tick}`,
  );

  const submit = async () => {
    try {
      const res = await nominate(call.programId, { quotaId, cadreIds: selected, statement: statement.trim() || null });
      notification.success({ title: res.messages.join('；'), placement: 'bottomRight' });
      setSelected([]);
      setStatement('');
      setTick((n) => n + 1);
      onNominated();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e), 6);
    }
  };

  const columns: TableColumnsType<Candidate> = [
    { title: t('selection.name'), key: 'name', render: (_, c) => c.cadre.name },
    { title: t('selection.gender'), key: 'g', width: 60, render: (_, c) => label('gender', c.cadre.gender) },
    { title: t('selection.age'), key: 'age', width: 60, render: (_, c) => c.cadre.age ?? '—' },
    { title: t('selection.orgName'), key: 'org', render: (_, c) => c.cadre.orgName },
    { title: t('selection.rank'), key: 'rank', render: (_, c) => label('rank', c.cadre.rank) },
    { title: t('selection.specialties'), key: 'sp', render: (_, c) => c.cadre.specialties.join('、') || '—' },
    {
      title: t('selection.status'),
      key: 'eligible',
      render: (_, c) =>
        c.enrolled ? (
          <Tag>{t('selection.alreadyEnrolled')}</Tag>
        ) : c.nominated ? (
          <Tag>{t('selection.alreadyNominated')}</Tag>
        ) : c.eligible ? (
          <Tag color="green">{t('selection.eligible')}</Tag>
        ) : (
          <Tooltip title={c.failures.map((f) => f.zh).join('；')}>
            <Tag color="red">
              {t('selection.ineligible')}：{c.failures[0]?.zh}
            </Tag>
          </Tooltip>
        ),
    },
  ];
  return (
    <Card size="small" title={`${t('selection.candidates')} · ${call.programName}`}>
      {!call.open && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('selection.closedHint', { date: call.deadline ?? '' })} />}
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search
          allowClear
          placeholder={t('selection.searchName')}
          aria-label={t('selection.searchName')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 220 }}
        />
        <Input
          placeholder={t('selection.statement')}
          aria-label={t('selection.statement')}
          value={statement}
          maxLength={2000}
          onChange={(e) => setStatement(e.target.value)}
          style={{ width: 320 }}
        />
        <Button type="primary" disabled={selected.length === 0 || !call.open} onClick={() => void submit()}>
          {t('selection.nominate')}
        </Button>
        <Typography.Text type="secondary">{t('selection.selectedCount', { n: selected.length })}</Typography.Text>
      </Space>
      <Table<Candidate>
        rowKey={(c) => c.cadre.id}
        size="small"
        loading={candidates.loading}
        columns={columns}
        dataSource={candidates.data?.items ?? []}
        rowSelection={{
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setSelected(keys.map(Number)),
          getCheckboxProps: (c) => ({ disabled: !c.eligible || c.nominated || c.enrolled, 'aria-label': c.cadre.name }),
        }}
        pagination={{ current: page, pageSize: 20, total: candidates.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
      />
    </Card>
  );
}

function MyNominations({ programId, open, tick, onChanged }: { programId: number; open: boolean; tick: number; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [reason, setReason] = useState<ReasonRequest | null>(null);
  const list = useRequest((s) => listNominations(programId, undefined, s), `${programId}:${tick}`);
  const act = (title: string, required: boolean, run: (r: string) => Promise<unknown>) =>
    setReason({
      title,
      required,
      run: async (r) => {
        try {
          await run(r);
          onChanged();
        } catch (e) {
          void message.error(e instanceof Error ? e.message : String(e));
        }
      },
    });
  const actions = (n: Nomination) => (
    <Space size={0}>
      {n.status === 'submitted' && (
        <Button
          size="small"
          type="link"
          disabled={!open}
          onClick={() => act(`${t('selection.unitApprove')} ${n.cadre.name}`, false, (r) => unitApprove(n.id, r || undefined))}
        >
          {t('selection.unitApprove')}
        </Button>
      )}
      {['submitted', 'unit_approved', 'approved', 'waitlisted'].includes(n.status) && (
        <Button size="small" type="link" danger onClick={() => act(`${t('selection.withdraw')} ${n.cadre.name}`, true, (r) => withdraw(n.id, r))}>
          {t('selection.withdraw')}
        </Button>
      )}
    </Space>
  );
  return (
    <Card size="small" title={t('selection.myNominations')}>
      <NominationTable items={list.data ?? []} loading={list.loading} actions={actions} />
      <ReasonModal request={reason} onClose={() => setReason(null)} />
    </Card>
  );
}

export default function NominationsPage() {
  const t = useT();
  const [tick, setTick] = useState(0);
  const calls = useRequest((s) => listCalls(s), tick);
  const [pick, setPick] = useState<{ programId: number; quotaId: number } | null>(null);
  const call = calls.data?.find((c) => c.programId === pick?.programId);
  return (
    <>
      <PageHeader title={t('nav.selection')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {calls.error && <Alert type="error" title={calls.error.message} />}
        <Card size="small" title={t('selection.calls')} loading={calls.loading && !calls.data}>
          {calls.data && calls.data.length === 0 ? (
            <Empty description={t('selection.noCalls')} />
          ) : (
            <List
              dataSource={calls.data ?? []}
              renderItem={(c) => (
                <List.Item>
                  <List.Item.Meta
                    title={c.programName}
                    description={
                      <Space size={8} wrap>
                        <span>{`${c.organizerName} · ${t('selection.programDates', { start: c.startDate, end: c.endDate })}`}</span>
                        <DeadlineTag call={c} />
                      </Space>
                    }
                  />
                  <Space wrap>
                    {c.quotas.map((q) => (
                      <Button
                        key={q.id}
                        type={pick?.quotaId === q.id ? 'primary' : 'default'}
                        onClick={() => setPick({ programId: c.programId, quotaId: q.id })}
                      >
                        {t('selection.quotaLeft', { label: q.label, quota: q.quota, remaining: q.remaining })}
                      </Button>
                    ))}
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
        {call && pick ? (
          <>
            <CandidatesCard call={call} quotaId={pick.quotaId} onNominated={() => setTick((n) => n + 1)} />
            <MyNominations programId={call.programId} open={call.open} tick={tick} onChanged={() => setTick((n) => n + 1)} />
          </>
        ) : (
          calls.data && calls.data.length > 0 && <Typography.Text type="secondary">{t('selection.pickCall')}</Typography.Text>
        )}
      </Space>
    </>
  );
}
