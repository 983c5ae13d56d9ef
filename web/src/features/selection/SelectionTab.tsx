// Program tab 选调推荐 (organizer): rules, quotas, the live shares, and the nominations with bulk decisions
// (批准 / 候补 / 退回) behind a reason dialog; a name opens the nomination's approval history.
import { useState } from 'react';
import { Alert, App, Button, Card, Select, Space, Typography } from 'antd';
import { NOMINATION_STATUSES, type Nomination, type NominationStatus } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { useCan } from '../auth/session.ts';
import { bulkDecide, getRules, getSummary, listNominations, listQuotas, withdraw } from './api.ts';
import { NominationTable } from './NominationTable.tsx';
import { QuotasCard } from './QuotasCard.tsx';
import { ReasonModal, type ReasonRequest } from './ReasonModal.tsx';
import { RulesCard } from './RulesCard.tsx';
import { SharesCard } from './SharesCard.tsx';

type Decision = 'approve' | 'waitlist' | 'reject';
const DECIDABLE: Record<Decision, NominationStatus[]> = {
  approve: ['unit_approved', 'waitlisted'],
  waitlist: ['unit_approved'],
  reject: ['unit_approved', 'waitlisted'],
};

export default function SelectionTab({ programId }: { programId: number }) {
  const t = useT();
  const label = useLabel();
  const can = useCan();
  const { message, notification } = App.useApp();
  const [status, setStatus] = useState<NominationStatus | undefined>();
  const [selected, setSelected] = useState<number[]>([]);
  const [reason, setReason] = useState<ReasonRequest | null>(null);
  const [tick, setTick] = useState(0);
  const reload = () => setTick((n) => n + 1);

  const rules = useRequest((s) => getRules(programId, s), `${programId}:${tick}`, can('program:write'));
  const quotas = useRequest((s) => listQuotas(programId, s), `${programId}:${tick}`, can('program:write'));
  const summary = useRequest((s) => getSummary(programId, s), `${programId}:${tick}`, can('program:write'));
  const nominations = useRequest((s) => listNominations(programId, status, s), `${programId}:${status ?? ''}:${tick}`, can('program:write'));

  if (!can('program:write')) return <Alert type="info" title={t('selection.organizerOnly')} />;
  const items = nominations.data ?? [];
  const chosen = items.filter((n) => selected.includes(n.id));

  const after = (messages: string[]) => {
    if (messages.length)
      notification.info({
        title: t('selection.nominations'),
        description: messages.slice(0, 10).map((m) => <div key={m}>{m}</div>),
        placement: 'bottomRight',
      });
    setSelected([]);
    reload();
  };
  const ask = (decision: Decision) => {
    const ids = chosen.filter((n) => DECIDABLE[decision].includes(n.status)).map((n) => n.id);
    if (ids.length === 0) return;
    setReason({
      title: t('selection.confirmDecision', { action: t(`selection.${decision}`), n: ids.length }),
      required: decision === 'reject',
      run: async (r) => {
        try {
          after((await bulkDecide(programId, { ids, decision, reason: r || undefined })).messages);
        } catch (e) {
          void message.error(e instanceof Error ? e.message : String(e));
        }
      },
    });
  };
  const askWithdraw = (n: Nomination) =>
    setReason({
      title: `${t('selection.withdraw')} ${n.cadre.name}`,
      required: true,
      run: async (r) => {
        try {
          after((await withdraw(n.id, r)).messages);
        } catch (e) {
          void message.error(e instanceof Error ? e.message : String(e));
        }
      },
    });
  const count = (d: Decision) => chosen.filter((n) => DECIDABLE[d].includes(n.status)).length;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <SharesCard summary={summary.data} />
      <RulesCard programId={programId} view={rules.data} onSaved={reload} />
      <QuotasCard programId={programId} quotas={quotas.data ?? []} loading={quotas.loading} onChanged={reload} />
      <Card
        size="small"
        title={t('selection.nominations')}
        extra={
          <Select<NominationStatus | undefined>
            allowClear
            placeholder={t('selection.allStatuses')}
            style={{ width: 160 }}
            value={status}
            onChange={(v) => setStatus(v)}
            options={NOMINATION_STATUSES.map((s) => ({ value: s, label: label('nominationStatus', s) }))}
          />
        }
      >
        <Space style={{ marginBottom: 12 }} wrap>
          <Typography.Text type="secondary">{t('selection.selectedCount', { n: selected.length })}</Typography.Text>
          <Button type="primary" disabled={count('approve') === 0} onClick={() => ask('approve')}>
            {t('selection.approve')}
          </Button>
          <Button disabled={count('waitlist') === 0} onClick={() => ask('waitlist')}>
            {t('selection.waitlist')}
          </Button>
          <Button danger disabled={count('reject') === 0} onClick={() => ask('reject')}>
            {t('selection.reject')}
          </Button>
        </Space>
        <NominationTable
          items={items}
          loading={nominations.loading}
          selection={{ selected, onChange: setSelected }}
          actions={(n) =>
            ['submitted', 'unit_approved', 'approved', 'waitlisted'].includes(n.status) ? (
              <Button size="small" type="link" onClick={() => askWithdraw(n)}>
                {t('selection.withdraw')}
              </Button>
            ) : null
          }
        />
      </Card>
      <ReasonModal request={reason} onClose={() => setReason(null)} />
    </Space>
  );
}
