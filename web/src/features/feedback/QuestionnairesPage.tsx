// /questionnaires — end-of-program questionnaire templates visible to the user (their org's and those shared down by
// ancestors) and the built-in default; managers create, edit, copy and delete them in a drawer.
import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CopyOutlined, DeleteOutlined, EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { QuestionnaireTemplate } from '@duibiao/contracts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import { useCan } from '../auth/session.ts';
import { deleteTemplate, listTemplates } from './api.ts';
import { QuestionnaireTemplateDrawer } from './QuestionnaireTemplateDrawer.tsx';
import type { TemplateDraft } from './QuestionnaireTemplateDrawer.tsx';

interface DrawerState {
  template: QuestionnaireTemplate | null;
  draft: TemplateDraft | null;
  readOnly: boolean;
}

export default function QuestionnairesPage() {
  const t = useT();
  const can = useCan();
  const canWrite = can('program:write');
  const { message } = App.useApp();
  const list = useRequest((signal) => listTemplates(signal), 'questionnaire-templates');
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [drawer, setDrawer] = useState<DrawerState>({ template: null, draft: null, readOnly: false });

  const openDrawer = (state: DrawerState) => {
    setDrawer(state);
    setDrawerOpen(true);
  };
  const copy = (source: TemplateDraft) =>
    openDrawer({ template: null, draft: { name: t('questionnaires.copyName', { name: source.name }), questions: source.questions }, readOnly: false });
  const remove = async (id: number) => {
    try {
      await deleteTemplate(id);
      void message.success(t('common.deleted'));
      list.reload();
    } catch (e) {
      // 409: the template is chosen by a program or already answered — the server says which.
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const columns: TableColumnsType<QuestionnaireTemplate> = [
    {
      title: t('questionnaires.name'),
      dataIndex: 'name',
      render: (name: string, tpl) => (
        <Typography.Link onClick={() => openDrawer({ template: tpl, draft: null, readOnly: !tpl.canEdit })}>{name}</Typography.Link>
      ),
    },
    { title: t('questionnaires.org'), dataIndex: 'orgName', width: 200 },
    { title: t('questionnaires.questionCount'), key: 'questions', width: 90, align: 'right', render: (_: unknown, tpl) => tpl.questions.length },
    { title: t('questionnaires.responses'), dataIndex: 'responseCount', width: 80, align: 'right' },
    { title: t('questionnaires.updated'), dataIndex: 'updatedAt', width: 150, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_: unknown, tpl) => (
        <Space size={0}>
          {tpl.canEdit ? (
            <Button
              type="text"
              size="small"
              icon={<EditOutlined />}
              aria-label={t('common.edit')}
              title={t('common.edit')}
              onClick={() => openDrawer({ template: tpl, draft: null, readOnly: false })}
            />
          ) : (
            <Button
              type="text"
              size="small"
              icon={<EyeOutlined />}
              aria-label={t('questionnaires.view')}
              title={t('questionnaires.view')}
              onClick={() => openDrawer({ template: tpl, draft: null, readOnly: true })}
            />
          )}
          {canWrite && (
            <Button
              type="text"
              size="small"
              icon={<CopyOutlined />}
              aria-label={t('questionnaires.copy')}
              title={t('questionnaires.copy')}
              onClick={() => copy(tpl)}
            />
          )}
          {tpl.canEdit && (
            <Popconfirm title={t('questionnaires.deleteConfirm', { name: tpl.name })} onConfirm={() => void remove(tpl.id)}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} title={t('common.delete')} />
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const builtIn = list.data?.builtIn;
  return (
    <>
      <PageHeader
        title={t('questionnaires.title')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openDrawer({ template: null, draft: null, readOnly: false })}>
              {t('questionnaires.create')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('questionnaires.intro')}</Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          locale={{ emptyText: t('questionnaires.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 760 }}
        />
      </Card>
      {builtIn && (
        <Card
          size="small"
          title={
            <Space>
              {builtIn.name}
              <Tag>{t('questionnaires.builtIn')}</Tag>
            </Space>
          }
          extra={
            <Space size={0}>
              <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => openDrawer({ template: null, draft: builtIn, readOnly: true })}>
                {t('questionnaires.viewAction')}
              </Button>
              {canWrite && (
                <Button type="link" size="small" icon={<CopyOutlined />} onClick={() => copy(builtIn)}>
                  {t('questionnaires.copy')}
                </Button>
              )}
            </Space>
          }
        >
          <Typography.Text type="secondary">
            {t('questionnaires.builtInCount', { n: builtIn.questions.length })} · {t('questionnaires.builtInNote')}
          </Typography.Text>
        </Card>
      )}
      <QuestionnaireTemplateDrawer
        open={drawerOpen}
        template={drawer.template}
        draft={drawer.draft}
        readOnly={drawer.readOnly}
        onClose={() => setDrawerOpen(false)}
        onSaved={() => {
          setDrawerOpen(false);
          list.reload();
        }}
      />
    </>
  );
}
