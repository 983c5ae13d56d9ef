// Task force editor (工作专班): members with unit, role and the choice they got; managers switch the lead (the old lead
// becomes a member), add a trainee or a home-side liaison, remove members.
import { App, Button, Card, Drawer, Form, Input, InputNumber, Popconfirm, Select, Space, Table } from 'antd';
import type { TaskForceMember, TaskForceRole, Topic } from '@duibiao/contracts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useLabelOptions, useT } from '../../i18n/index.tsx';
import { addMember, getMembers, removeMember, setMemberRole } from './api.ts';

export function MembersDrawer({ topic, canWrite, onClose, onChanged }: { topic: Topic | null; canWrite: boolean; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const label = useLabel();
  const options = useLabelOptions();
  const { message } = App.useApp();
  const members = useRequest((signal) => getMembers(topic!.id, signal), topic?.id ?? 0, topic !== null);
  const [liaison] = Form.useForm<{ name: string; orgId?: number }>();
  const [trainee] = Form.useForm<{ cadreId: number }>();

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      members.reload();
      onChanged();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Drawer title={topic ? t('topics.members.title', { title: topic.title }) : ''} open={topic !== null} onClose={onClose} size={720}>
      <Table<TaskForceMember>
        size="small"
        rowKey="id"
        loading={members.loading}
        pagination={false}
        dataSource={members.data ?? []}
        columns={[
          { title: t('topics.members.name'), dataIndex: 'name', width: 100 },
          { title: t('topics.members.unit'), key: 'org', render: (_: unknown, m) => m.org?.name ?? '—' },
          {
            title: t('topics.members.role'),
            key: 'role',
            width: 150,
            render: (_: unknown, m) =>
              canWrite ? (
                <Select<TaskForceRole>
                  size="small"
                  value={m.role}
                  style={{ width: 130 }}
                  options={options('taskForceRole').filter((o) => m.cadreId !== null || o.value === 'liaison')}
                  onChange={(role) => void act(() => setMemberRole(topic!.id, m.id, role))}
                />
              ) : (
                label('taskForceRole', m.role)
              ),
          },
          { title: t('topics.members.rank'), dataIndex: 'assignedRank', width: 90, render: (n: number | null) => (n ? t('topics.solve.choiceN', { n }) : '—') },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'remove',
                  width: 70,
                  render: (_: unknown, m: TaskForceMember) => (
                    <Popconfirm title={t('topics.members.remove')} onConfirm={() => void act(() => removeMember(topic!.id, m.id))}>
                      <Button size="small" type="link" danger>
                        {t('topics.members.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canWrite && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
          <Card size="small" title={t('topics.members.addLiaison')}>
            <Form
              form={liaison}
              layout="inline"
              onFinish={(v) =>
                void act(() => addMember(topic!.id, { role: 'liaison', name: v.name, orgId: v.orgId ?? topic!.ownerOrg?.id ?? null })).then(() =>
                  liaison.resetFields(),
                )
              }
            >
              <Form.Item name="name" rules={[{ required: true }]}>
                <Input placeholder={t('topics.members.liaisonName')} maxLength={60} />
              </Form.Item>
              <Form.Item name="orgId">
                <OrgTreeSelect placeholder={t('topics.members.liaisonOrg')} style={{ width: 220 }} />
              </Form.Item>
              <Button htmlType="submit">{t('topics.members.add')}</Button>
            </Form>
          </Card>
          <Card size="small" title={t('topics.members.addTrainee')}>
            <Form
              form={trainee}
              layout="inline"
              onFinish={(v) => void act(() => addMember(topic!.id, { role: 'member', cadreId: v.cadreId })).then(() => trainee.resetFields())}
            >
              <Form.Item name="cadreId" rules={[{ required: true }]}>
                <InputNumber min={1} precision={0} placeholder={t('topics.members.cadreId')} />
              </Form.Item>
              <Button htmlType="submit">{t('topics.members.add')}</Button>
            </Form>
          </Card>
        </Space>
      )}
    </Drawer>
  );
}
