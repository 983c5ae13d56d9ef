// /m/questions — phone page: the trainee picks one of their programs, writes a question (with its field) and sees and
// deletes their own questions until a curator has merged them into the key-problem list.
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Input, List, Popconfirm, Select, Space, Spin, Tag, Typography } from 'antd';
import { DeleteOutlined, SendOutlined } from '@ant-design/icons';
import type { ProblemField } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useLabelOptions, useT } from '../../i18n/index.tsx';
import { deleteMyQuestion, getMyPrograms, listMyQuestions, submitMyQuestion } from './api.ts';

export default function MobileQuestionsPage() {
  const t = useT();
  const label = useLabel();
  const options = useLabelOptions();
  const { message } = App.useApp();
  const programs = useRequest((signal) => getMyPrograms(signal), 'my-programs');
  const [chosen, setChosen] = useState<number | null>(null);
  const programId = chosen ?? programs.data?.[0]?.programId ?? null;
  const mine = useRequest((signal) => listMyQuestions(programId!, signal), programId ?? 0, programId !== null);
  const [text, setText] = useState('');
  const [field, setField] = useState<ProblemField | null>(null);
  const [busy, setBusy] = useState(false);

  if (programs.loading && !programs.data) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (programs.error) return <Alert type="error" showIcon title={programs.error.message} />;
  if (programId === null) return <Empty description={t('problems.mobile.noPrograms')} />;

  const submit = async () => {
    setBusy(true);
    try {
      await submitMyQuestion(programId, { text, field });
      setText('');
      void message.success(t('problems.mobile.sent'));
      mine.reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: number) => {
    try {
      await deleteMyQuestion(programId, id);
      mine.reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('problems.mobile.title')}
      </Typography.Title>
      {(programs.data?.length ?? 0) > 1 && (
        <Select
          style={{ width: '100%' }}
          value={programId}
          onChange={setChosen}
          options={programs.data!.map((p) => ({ value: p.programId, label: p.name }))}
          aria-label={t('problems.mobile.program')}
        />
      )}
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('problems.mobile.hint')}</Typography.Text>
          <Input.TextArea
            rows={4}
            style={{ marginBottom: 16 }}
            value={text}
            maxLength={500}
            showCount
            placeholder={t('problems.mobile.placeholder')}
            onChange={(e) => setText(e.target.value)}
          />
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('problems.q.field')}
            options={options('problemField')}
            value={field ?? undefined}
            onChange={(v?: ProblemField) => setField(v ?? null)}
          />
          <Button type="primary" block icon={<SendOutlined />} loading={busy} disabled={text.trim().length < 5} onClick={() => void submit()}>
            {t('problems.mobile.submit')}
          </Button>
        </Space>
      </Card>
      <Typography.Text strong>{t('problems.mobile.mine', { n: mine.data?.length ?? 0 })}</Typography.Text>
      {mine.error && <Alert type="error" showIcon title={mine.error.message} />}
      <List
        loading={mine.loading}
        dataSource={mine.data ?? []}
        locale={{ emptyText: t('problems.mobile.empty') }}
        renderItem={(q) => (
          <List.Item
            actions={
              q.canChange
                ? [
                    <Popconfirm key="delete" title={t('problems.mobile.deleteConfirm')} onConfirm={() => void remove(q.id)}>
                      <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <div style={{ minWidth: 0 }}>
              <div style={{ wordBreak: 'break-word' }}>{q.text}</div>
              <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>
                {q.field && <Tag>{label('problemField', q.field)}</Tag>}
                {q.keyProblems.length > 0 ? (
                  <Tag color="blue">{q.canChange ? t('problems.mobile.listed') : t('problems.mobile.merged')}</Tag>
                ) : (
                  <Tag>{t('problems.mobile.pending')}</Tag>
                )}
              </Space>
            </div>
          </List.Item>
        )}
      />
    </Space>
  );
}
