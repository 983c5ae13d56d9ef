// 岗位: the program's posts at host units (title, seats, specialty tags, requirements, mentor), edited in a drawer.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { hostPostInputSchema, hostPostPatchSchema } from '@duibiao/contracts';
import type { HostPost } from '@duibiao/contracts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import { applyApiError, parseWithSchema } from '../../lib/forms.ts';
import { createPost, deletePost, getPreferences, listHostUnits, listPosts, updatePost } from './api.ts';

interface Values {
  hostUnitId?: number;
  title: string;
  seats: number;
  specialtyTags: string[];
  requirements?: string;
  mentorName?: string;
}
const FIELDS = ['hostUnitId', 'title', 'seats', 'specialtyTags', 'requirements', 'mentorName'];

function PostDrawer({
  programId,
  open,
  post,
  onClose,
  onSaved,
}: {
  programId: number;
  open: boolean;
  post: HostPost | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const units = useRequest((signal) => listHostUnits(signal), 'units', open);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (post)
      form.setFieldsValue({
        hostUnitId: post.hostUnit.id,
        title: post.title,
        seats: post.seats,
        specialtyTags: post.specialtyTags,
        requirements: post.requirements ?? undefined,
        mentorName: post.mentorName ?? undefined,
      });
    else form.setFieldsValue({ seats: 1, specialtyTags: [] });
  }, [open, post, form]);

  const submit = async () => {
    await form.validateFields();
    const v = form.getFieldsValue(true) as Values;
    const body = {
      hostUnitId: v.hostUnitId,
      title: v.title,
      seats: v.seats,
      specialtyTags: v.specialtyTags ?? [],
      requirements: v.requirements ?? null,
      mentorName: v.mentorName ?? null,
    };
    setSaving(true);
    setError(null);
    try {
      if (post) {
        const patch = parseWithSchema(hostPostPatchSchema, body, form);
        if (!patch) return;
        await updatePost(post.id, patch);
      } else {
        const input = parseWithSchema(hostPostInputSchema, body, form);
        if (!input) return;
        await createPost(programId, input);
      }
      void message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      setError(applyApiError(form, e, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDrawer
      title={post ? t('placement.posts.edit') : t('placement.posts.create')}
      open={open}
      onClose={onClose}
      width={520}
      saving={saving}
      onSave={submit}
      error={error}
    >
      <Form form={form} layout="vertical">
        <Form.Item label={t('placement.posts.unit')} name="hostUnitId" rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={units.loading}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: [u.name, u.city].filter(Boolean).join(' · ') }))}
          />
        </Form.Item>
        <Form.Item label={t('placement.posts.title')} name="title" rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('placement.posts.seats')} name="seats" rules={[{ required: true }]}>
          <InputNumber min={1} max={1000} precision={0} />
        </Form.Item>
        <Form.Item label={t('placement.posts.tags')} name="specialtyTags">
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} />
        </Form.Item>
        <Form.Item label={t('placement.posts.requirements')} name="requirements">
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item label={t('placement.posts.mentor')} name="mentorName">
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

export function PostsSection({ programId, canWrite }: { programId: number; canWrite: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const posts = useRequest((signal) => listPosts(programId, signal), programId);
  const overview = useRequest((signal) => getPreferences(programId, signal), programId);
  const [editing, setEditing] = useState<HostPost | null>(null);
  const [open, setOpen] = useState(false);
  const remove = async (id: number) => {
    try {
      await deletePost(id);
      void message.success(t('common.deleted'));
      posts.reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const rows = posts.data ?? [];
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12, gap: 8, flexWrap: 'wrap' }}>
        <Typography.Text type="secondary">
          {t('placement.posts.totalSeats', { posts: rows.length, seats: rows.reduce((n, p) => n + p.seats, 0), cadres: overview.data?.cadres.length ?? 0 })}
        </Typography.Text>
        {canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setOpen(true);
            }}
          >
            {t('placement.posts.create')}
          </Button>
        )}
      </div>
      {posts.error && <Alert type="error" showIcon title={posts.error.message} style={{ marginBottom: 12 }} />}
      <Table<HostPost>
        rowKey="id"
        size="small"
        loading={posts.loading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('placement.posts.empty') }}
        columns={[
          { title: t('placement.posts.unit'), key: 'unit', render: (_: unknown, p) => [p.hostUnit.name, p.hostUnit.city].filter(Boolean).join(' · ') },
          { title: t('placement.posts.title'), dataIndex: 'title' },
          { title: t('placement.posts.seats'), dataIndex: 'seats', width: 70, align: 'right' },
          {
            title: t('placement.posts.tags'),
            dataIndex: 'specialtyTags',
            render: (tags: string[]) => tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
          },
          { title: t('placement.posts.mentor'), dataIndex: 'mentorName', width: 100, render: (v: string | null) => v ?? '—' },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, p: HostPost) => (
                    <Space size={0}>
                      <Button
                        type="text"
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t('common.edit')}
                        onClick={() => {
                          setEditing(p);
                          setOpen(true);
                        }}
                      />
                      <Popconfirm title={t('placement.posts.deleteConfirm')} onConfirm={() => void remove(p.id)}>
                        <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <PostDrawer
        programId={programId}
        open={open}
        post={editing}
        onClose={() => setOpen(false)}
        onSaved={() => {
          setOpen(false);
          posts.reload();
        }}
      />
    </>
  );
}
