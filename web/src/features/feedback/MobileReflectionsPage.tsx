// /m/reflections — phone page: write a reflection (心得体会) with "what I learned" and the things to do at home
// (content, owner, deadline), and read or edit my earlier ones.
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, List, Select, Space, Spin, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { reflectionInputSchema, reflectionPatchSchema } from '@duibiao/contracts';
import type { Reflection } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { useMe } from '../auth/session.ts';
import { createReflection, getMyPrograms, getMyReflections, updateReflection } from './api.ts';
import { ActionStatusTag } from './ActionStatusTag.tsx';

interface Values {
  programId?: number;
  title: string;
  learned: string;
  body?: string;
  actionItems: { id?: number; content: string; owner: string; deadline?: Dayjs | null }[];
}

const FIELDS = ['programId', 'title', 'learned', 'body', 'actionItems'];

function ReflectionForm({ editing, onDone }: { editing: Reflection | null; onDone: () => void }) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const programs = useRequest((signal) => getMyPrograms(signal), 'my-programs', editing === null);
  const initial: Values = editing
    ? {
        title: editing.title,
        learned: editing.learned,
        body: editing.body ?? undefined,
        actionItems: editing.actionItems.map((i) => ({ id: i.id, content: i.content, owner: i.owner, deadline: i.deadline ? dayjs(i.deadline) : null })),
      }
    : { title: '', learned: '', actionItems: [{ content: '', owner: me.displayName }] };

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const body = {
      title: v.title,
      learned: v.learned,
      body: v.body ?? '',
      actionItems: (v.actionItems ?? []).map((i) => ({
        ...(i.id ? { id: i.id } : {}),
        content: i.content,
        owner: i.owner,
        deadline: i.deadline ? i.deadline.format('YYYY-MM-DD') : null,
      })),
    };
    setSaving(true);
    setError(null);
    try {
      if (editing) {
        const patch = parseWithSchema(reflectionPatchSchema, body, form);
        if (!patch) return;
        await updateReflection(editing.id, patch);
      } else {
        const input = parseWithSchema(reflectionInputSchema, { ...body, programId: v.programId }, form);
        if (!input) return;
        await createReflection(input);
      }
      void message.success(t('feedbackMobile.saved'));
      onDone();
    } catch (e) {
      setError(applyApiError(form, e, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={editing ? t('feedbackMobile.editReflection') : t('feedbackMobile.writeReflection')}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial}>
        {!editing && (
          <Form.Item label={t('feedbackMobile.program')} name="programId" required>
            <Select loading={programs.loading} options={(programs.data ?? []).map((p) => ({ value: p.programId, label: p.name }))} />
          </Form.Item>
        )}
        <Form.Item label={t('reflections.titleField')} name="title" required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('reflections.learned')} name="learned" required>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item label={t('reflections.body')} name="body">
          <Input.TextArea rows={4} maxLength={20000} />
        </Form.Item>
        <Typography.Text strong>{t('reflections.whatIWillDo')}</Typography.Text>
        <Form.List name="actionItems">
          {(items, { add, remove }) => (
            <>
              {items.map((item) => (
                <Card key={item.key} size="small" style={{ margin: '8px 0', background: '#fafafa' }}>
                  <Form.Item name={[item.name, 'content']} label={t('reflections.content')} required style={{ marginBottom: 8 }}>
                    <Input.TextArea rows={2} maxLength={500} />
                  </Form.Item>
                  <Space.Compact style={{ width: '100%' }}>
                    <Form.Item name={[item.name, 'owner']} noStyle>
                      <Input placeholder={t('reflections.owner')} maxLength={100} style={{ width: '45%' }} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'deadline']} noStyle>
                      <DatePicker placeholder={t('reflections.deadline')} style={{ width: '45%' }} inputReadOnly />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(item.name)} style={{ width: '10%' }} />
                  </Space.Compact>
                </Card>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ content: '', owner: me.displayName })} style={{ margin: '8px 0 16px' }}>
                {t('feedbackMobile.addAction')}
              </Button>
            </>
          )}
        </Form.List>
        <Space style={{ width: '100%' }} orientation="vertical">
          <Button type="primary" block size="large" loading={saving} onClick={() => void submit()}>
            {t('common.save')}
          </Button>
          <Button block onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

export default function MobileReflectionsPage() {
  const t = useT();
  const mine = useRequest((signal) => getMyReflections(signal), 'mine');
  const [editing, setEditing] = useState<Reflection | 'new' | null>(null);

  if (editing !== null) {
    return (
      <ReflectionForm
        key={editing === 'new' ? 'new' : editing.id}
        editing={editing === 'new' ? null : editing}
        onDone={() => {
          setEditing(null);
          mine.reload();
        }}
      />
    );
  }
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Button type="primary" block size="large" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
        {t('feedbackMobile.writeReflection')}
      </Button>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('feedbackMobile.myReflections')}
      </Typography.Title>
      {mine.error && <Alert type="error" showIcon title={mine.error.message} />}
      {mine.loading && !mine.data && <Spin />}
      {mine.data?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('feedbackMobile.noReflections')} />}
      {mine.data?.map((r) => (
        <Card
          key={r.id}
          size="small"
          title={<span style={{ whiteSpace: 'normal' }}>{r.title}</span>}
          extra={
            <Button size="small" onClick={() => setEditing(r)}>
              {t('common.edit')}
            </Button>
          }
        >
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.programName} · {r.createdAt.slice(0, 10)}
          </Typography.Text>
          <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ margin: '8px 0' }}>
            {r.learned}
          </Typography.Paragraph>
          <List
            size="small"
            header={<Typography.Text strong>{t('reflections.whatIWillDo')}</Typography.Text>}
            dataSource={r.actionItems}
            renderItem={(i) => (
              <List.Item extra={<ActionStatusTag status={i.status} />}>
                <List.Item.Meta title={<span style={{ fontWeight: 400 }}>{i.content}</span>} description={[i.owner, i.deadline].filter(Boolean).join(' · ')} />
              </List.Item>
            )}
          />
        </Card>
      ))}
    </Space>
  );
}
