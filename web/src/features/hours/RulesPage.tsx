// /hours/rules — the compliance rules in force (national defaults, inherited, own), editable on the admin's own node.
import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, UndoOutlined } from '@ant-design/icons';
import type { EffectiveRule, HoursRuleDto } from '@duibiao/contracts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useLang, useT } from '../../i18n/index.tsx';
import { useMe } from '../auth/session.ts';
import { getRules, removeRule, resetRules } from './api.ts';
import { requirementText, windowText } from './format.ts';
import { HoursHeader } from './HoursNav.tsx';
import { RuleFormDrawer } from './RuleFormDrawer.tsx';

export default function RulesPage() {
  const t = useT();
  const label = useLabel();
  const { lang } = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState<number>(me.org.id);
  const { data, error, loading, reload } = useRequest((signal) => getRules(orgId, signal), orgId);
  const [editing, setEditing] = useState<HoursRuleDto | 'new' | null>(null);
  const editable = data?.editable ?? false;

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void message.success(done);
      reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const sourceTag = (r: EffectiveRule) =>
    r.source === 'national' ? (
      <Tag>{t('hours.source.national')}</Tag>
    ) : r.source === 'own' ? (
      <Tag color="blue">{t('hours.source.own')}</Tag>
    ) : (
      <Tag color="purple">{t('hours.source.inherited', { org: r.from?.name ?? '' })}</Tag>
    );

  return (
    <>
      <HoursHeader
        extra={
          editable && (
            <Space wrap>
              <Popconfirm title={t('hours.rules.resetConfirm')} onConfirm={() => void run(resetRules, t('hours.rules.resetDone'))}>
                <Button icon={<UndoOutlined />}>{t('hours.rules.reset')}</Button>
              </Popconfirm>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('hours.rules.add')}
              </Button>
            </Space>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>{t('hours.rules.viewAt')}</span>
          <OrgTreeSelect style={{ width: 260 }} value={orgId} onChange={(v) => setOrgId(v ?? me.org.id)} aria-label={t('hours.org')} />
          <Typography.Text type="secondary">{editable ? t('hours.rules.editableHint') : t('hours.rules.readOnlyHint')}</Typography.Text>
        </Space>
      </Card>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      {data && data.disabled.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('hours.rules.disabled')}
          description={data.disabled.map((d) => t('hours.rules.disabledItem', { code: d.code, org: d.from.name })).join('；')}
        />
      )}
      <Card size="small">
        <Table<EffectiveRule>
          rowKey={(r) => r.rule.id}
          size="small"
          loading={loading}
          pagination={false}
          dataSource={data?.rules ?? []}
          scroll={{ x: 960 }}
          columns={[
            {
              title: t('hours.rules.name'),
              key: 'name',
              render: (_, r) => (
                <>
                  <div>{r.rule.name[lang]}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.rule.id}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: t('hours.rules.ranks'),
              key: 'ranks',
              width: 260,
              render: (_, r) => (
                <Space size={[4, 4]} wrap>
                  {r.rule.appliesTo.ranks.map((rank) => (
                    <Tag key={rank}>{label('rank', rank)}</Tag>
                  ))}
                </Space>
              ),
            },
            { title: t('hours.rules.window'), key: 'window', width: 150, render: (_, r) => windowText(t, r.rule.window) },
            {
              title: t('hours.rules.category'),
              key: 'category',
              width: 100,
              render: (_, r) => t(r.rule.category === 'online' ? 'hours.category.online' : 'hours.category.all'),
            },
            { title: t('hours.rules.requirement'), key: 'req', width: 160, render: (_, r) => requirementText(t, r.rule) },
            { title: t('hours.rules.source'), key: 'source', width: 150, render: (_, r) => sourceTag(r) },
            ...(editable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 150,
                    render: (_: unknown, r: EffectiveRule) => (
                      <Space>
                        <Button size="small" onClick={() => setEditing(r.rule)}>
                          {t('common.edit')}
                        </Button>
                        <Popconfirm
                          title={r.source === 'own' ? t('hours.rules.removeOwnConfirm') : t('hours.rules.switchOffConfirm')}
                          onConfirm={() => void run(() => removeRule(r.rule.id), t('common.saved'))}
                        >
                          <Button size="small" danger>
                            {r.source === 'own' ? t('hours.rules.removeOwn') : t('hours.rules.switchOff')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <RuleFormDrawer
        open={editing !== null}
        rule={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void message.success(t('common.saved'));
          reload();
        }}
      />
    </>
  );
}
