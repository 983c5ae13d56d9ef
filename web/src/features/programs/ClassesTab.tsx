// 班级与分组: one card per class — capacity, tutors, monitor — with its groups and their leaders.
import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, Form, Input, List, Modal, Popconfirm, Progress, Row, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, UserOutlined } from '@ant-design/icons';
import type { ClassGroup, ProgramClass } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useCan } from '../auth/session.ts';
import { createGroup, deleteClass, deleteGroup, listClasses, updateGroup } from './api.ts';
import { ClassFormModal } from './ClassFormModal.tsx';
import { useAction } from '../../hooks/useAction.ts';

type GroupTarget = { classId: number; group: ClassGroup | null };

export default function ClassesTab({ programId }: { programId: number }) {
  const t = useT();
  const can = useCan();
  const act = useAction();
  const canWrite = can('program:write');
  const { data, error, loading, reload } = useRequest((signal) => listClasses(programId, signal), programId);
  const [classTarget, setClassTarget] = useState<ProgramClass | 'new' | null>(null);
  const [groupTarget, setGroupTarget] = useState<GroupTarget | null>(null);
  const [groupForm] = Form.useForm<{ name: string }>();

  const saveGroup = async () => {
    const { name } = await groupForm.validateFields();
    const target = groupTarget!;
    const ok = await act(
      () => (target.group ? updateGroup(programId, target.group.id, { name }) : createGroup(programId, { classId: target.classId, name })),
      t('common.saved'),
    );
    if (ok) {
      setGroupTarget(null);
      reload();
    }
  };

  const person = (p: { name: string } | null) => (p ? p.name : <Typography.Text type="secondary">{t('classes.none')}</Typography.Text>);

  return (
    <>
      {canWrite && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setClassTarget('new')} style={{ marginBottom: 16 }}>
          {t('classes.create')}
        </Button>
      )}
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      {data && data.length === 0 && <Empty description={t('classes.empty')} />}
      {loading && !data && <Card loading />}
      <Row gutter={[16, 16]}>
        {data?.map((c) => (
          <Col xs={24} lg={12} key={c.id}>
            <Card
              size="small"
              title={
                <Space wrap>
                  <span>{c.name}</span>
                  {c.theme && <Tag color="blue">{c.theme}</Tag>}
                </Space>
              }
              extra={
                canWrite && (
                  <Space size={0}>
                    <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('classes.edit')} onClick={() => setClassTarget(c)} />
                    <Popconfirm
                      title={t('classes.deleteConfirm', { name: c.name })}
                      onConfirm={() => void act(() => deleteClass(programId, c.id), t('common.deleted')).then(reload)}
                    >
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>
                  </Space>
                )
              }
            >
              <Progress
                percent={Math.round((c.enrolledCount / c.capacity) * 100)}
                format={() => t('classes.enrolled', { n: c.enrolledCount, capacity: c.capacity })}
                status={c.enrolledCount >= c.capacity ? 'success' : 'normal'}
                size="small"
              />
              <div style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 12px', margin: '8px 0 12px', fontSize: 13 }}>
                <Typography.Text type="secondary">{t('classes.place')}</Typography.Text>
                <span>{c.place ?? '—'}</span>
                <Typography.Text type="secondary">{t('classes.tutorInstructor')}</Typography.Text>
                <span>{person(c.tutorInstructor)}</span>
                <Typography.Text type="secondary">{t('classes.tutorUsers')}</Typography.Text>
                <span>{c.tutorUsers.length ? c.tutorUsers.map((u) => u.name).join('、') : person(null)}</span>
                <Typography.Text type="secondary">{t('classes.monitor')}</Typography.Text>
                <span>{person(c.monitor)}</span>
              </div>
              <List
                size="small"
                bordered
                header={
                  <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
                    <Typography.Text strong>{t('classes.groups')}</Typography.Text>
                    {canWrite && (
                      <Button
                        size="small"
                        icon={<PlusOutlined />}
                        onClick={() => {
                          groupForm.setFieldsValue({ name: t('classes.defaultGroupName', { n: c.groups.length + 1 }) });
                          setGroupTarget({ classId: c.id, group: null });
                        }}
                      >
                        {t('classes.addGroup')}
                      </Button>
                    )}
                  </div>
                }
                locale={{ emptyText: t('classes.noGroups') }}
                dataSource={c.groups}
                renderItem={(g) => (
                  <List.Item
                    actions={
                      canWrite
                        ? [
                            <Button
                              key="rename"
                              type="link"
                              size="small"
                              onClick={() => {
                                groupForm.setFieldsValue({ name: g.name });
                                setGroupTarget({ classId: c.id, group: g });
                              }}
                            >
                              {t('classes.renameGroup')}
                            </Button>,
                            <Popconfirm
                              key="delete"
                              title={t('classes.deleteGroupConfirm', { name: g.name })}
                              onConfirm={() => void act(() => deleteGroup(programId, g.id), t('common.deleted')).then(reload)}
                            >
                              <Button type="link" size="small" danger>
                                {t('common.delete')}
                              </Button>
                            </Popconfirm>,
                          ]
                        : []
                    }
                  >
                    <Space wrap>
                      <span>{g.name}</span>
                      <Typography.Text type="secondary">{t('classes.members', { n: g.memberCount })}</Typography.Text>
                      {g.leader && (
                        <Tag icon={<UserOutlined />} color="gold">
                          {t('classes.leaderOf', { name: g.leader.name })}
                        </Tag>
                      )}
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <ClassFormModal
        programId={programId}
        target={classTarget}
        onClose={() => setClassTarget(null)}
        onSaved={() => {
          setClassTarget(null);
          reload();
        }}
      />
      <Modal
        open={groupTarget !== null}
        title={groupTarget?.group ? t('classes.renameGroup') : t('classes.addGroup')}
        onCancel={() => setGroupTarget(null)}
        onOk={() => void saveGroup().catch(() => undefined)}
        forceRender
      >
        <Form name="classGroup" form={groupForm} layout="vertical">
          <Form.Item label={t('classes.groupName')} name="name" rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
