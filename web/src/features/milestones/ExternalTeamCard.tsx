// The topic's external team (外挂团队): kinds, organizations, accounts; organizers add (optionally with a sign-in
// account, linked or created) and remove members.
import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, List, Modal, Popconfirm, Radio, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ExternalKind, ExternalMemberInput } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useLabelOptions, useT } from '../../i18n/index.tsx';
import { applyApiError } from '../../lib/forms.ts';
import { useAction } from '../../hooks/useAction.ts';
import { attachExternal, detachExternal, getExternalMembers } from './api.ts';

interface FormValues {
  kind: ExternalKind;
  name: string;
  organization?: string;
  contact?: string;
  mode: 'none' | 'link' | 'create';
  userId?: number;
  account?: { username: string; displayName?: string; password: string };
}

function AddMemberModal({ topicId, open, onClose, onDone }: { topicId: number; open: boolean; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const options = useLabelOptions();
  const [form] = Form.useForm<FormValues>();
  const mode = Form.useWatch('mode', form);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const submit = async (v: FormValues) => {
    const body: ExternalMemberInput = {
      kind: v.kind,
      name: v.name,
      organization: v.organization ?? null,
      contact: v.contact ?? null,
      userId: v.mode === 'link' ? (v.userId ?? null) : null,
      account: v.mode === 'create' && v.account ? { ...v.account, displayName: v.account.displayName || v.name } : null,
    };
    setSaving(true);
    try {
      await attachExternal(topicId, body);
      form.resetFields();
      onDone();
    } catch (e) {
      const rest = applyApiError(form, e);
      if (rest) void message.error(rest);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={t('milestones.addExternal')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'expert', mode: 'none' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="kind" label={t('milestones.kind')} rules={[{ required: true }]}>
          <Select options={options('externalKind')} />
        </Form.Item>
        <Form.Item name="name" label={t('milestones.name')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="organization" label={t('milestones.organization')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="contact" label={t('milestones.contact')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="mode" label={t('milestones.accountMode')}>
          <Radio.Group
            options={[
              { value: 'none', label: t('milestones.accountNone') },
              { value: 'link', label: t('milestones.accountLink') },
              { value: 'create', label: t('milestones.accountCreate') },
            ]}
          />
        </Form.Item>
        {mode === 'link' && (
          <Form.Item name="userId" label={t('milestones.userId')} rules={[{ required: true }]}>
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {mode === 'create' && (
          <>
            <Form.Item name={['account', 'username']} label={t('milestones.username')} rules={[{ required: true }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name={['account', 'displayName']} label={t('milestones.displayName')}>
              <Input />
            </Form.Item>
            <Form.Item name={['account', 'password']} label={t('milestones.password')} rules={[{ required: true }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

export function ExternalTeamCard({ topicId, canManage }: { topicId: number; canManage: boolean }) {
  const t = useT();
  const label = useLabel();
  const run = useAction();
  const [adding, setAdding] = useState(false);
  const { data, loading, reload } = useRequest((signal) => getExternalMembers(topicId, signal), `ext-${topicId}`);
  return (
    <Card
      size="small"
      title={t('milestones.external')}
      style={{ marginBottom: 12 }}
      extra={
        canManage && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('milestones.addExternal')}
          </Button>
        )
      }
    >
      <List
        size="small"
        loading={loading}
        dataSource={data ?? []}
        locale={{ emptyText: t('milestones.noExternal') }}
        renderItem={(m) => (
          <List.Item
            actions={
              canManage
                ? [
                    <Popconfirm
                      key="del"
                      title={t('milestones.detachConfirm')}
                      onConfirm={() =>
                        void run(async () => {
                          await detachExternal(topicId, m.id);
                          reload();
                        }, t('milestones.detached'))
                      }
                    >
                      <Button size="small" type="link" danger>
                        {t('milestones.detach')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <Tag color="blue">{label('externalKind', m.kind)}</Tag>
                  <span>{m.name}</span>
                  {m.account && <Tag>{`${t('milestones.account')}: ${m.account.username}`}</Tag>}
                </Space>
              }
              description={<Typography.Text type="secondary">{[m.organization, m.contact].filter(Boolean).join(' · ')}</Typography.Text>}
            />
          </List.Item>
        )}
      />
      <AddMemberModal
        topicId={topicId}
        open={adding}
        onClose={() => setAdding(false)}
        onDone={() => {
          setAdding(false);
          reload();
        }}
      />
    </Card>
  );
}
