// 导入学员: choose a file, check it (dry run lists every problem), then import — all rows or none.
import { useState } from 'react';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { EnrolmentImportResult } from '@duibiao/contracts';
import { ApiError } from '../../api/client.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { enrolmentTemplateUrl, importEnrolments } from './api.ts';

type Problem = EnrolmentImportResult['errors'][number];

export function EnrolmentImportModal({
  programId,
  open,
  onClose,
  onImported,
}: {
  programId: number;
  open: boolean;
  onClose: () => void;
  onImported: (n: number) => void;
}) {
  const t = useT();
  const label = useLabel();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<EnrolmentImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await importEnrolments(programId, file, dryRun);
      if (r.committed) onImported(r.rows);
      else setResult(r);
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  const ok = result !== null && result.errors.length === 0;
  return (
    <Modal
      open={open}
      title={t('enrolments.importTitle')}
      onCancel={onClose}
      width={760}
      afterOpenChange={(isOpen) => {
        if (isOpen) return;
        setFile(null);
        setResult(null);
        setError(null);
      }}
      footer={
        <Space wrap>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button disabled={!file} loading={busy && !ok} onClick={() => void run(true)}>
            {t('enrolments.dryRun')}
          </Button>
          <Button type="primary" disabled={!ok} loading={busy && ok} onClick={() => void run(false)}>
            {t('enrolments.commit', { n: result?.rows ?? 0 })}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('enrolments.importHint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Upload
          accept=".xlsx,.csv"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setResult(null);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setResult(null);
          }}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />}>{t('enrolments.chooseFile')}</Button>
        </Upload>
        <Button type="link" icon={<DownloadOutlined />} href={enrolmentTemplateUrl()}>
          {t('enrolments.template')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {result && ok && <Alert type="success" showIcon title={t('enrolments.dryRunOk', { n: result.rows })} style={{ marginBottom: 16 }} />}
      {result && !ok && <Alert type="error" showIcon title={t('enrolments.dryRunErrors', { n: result.errors.length })} style={{ marginBottom: 16 }} />}
      {result && !ok && (
        <Table<Problem>
          size="small"
          rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
          dataSource={result.errors}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('enrolments.row'), dataIndex: 'row', width: 70 },
            { title: t('enrolments.column'), dataIndex: 'column', width: 100 },
            { title: t('enrolments.problem'), dataIndex: 'message' },
          ]}
        />
      )}
      {result && ok && (
        <Table
          size="small"
          rowKey="row"
          dataSource={result.preview}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('enrolments.row'), dataIndex: 'row', width: 70 },
            { title: t('enrolments.name'), dataIndex: 'name' },
            { title: t('enrolments.class'), dataIndex: 'className', render: (v: string | null) => v ?? '—' },
            { title: t('enrolments.group'), dataIndex: 'groupName', render: (v: string | null) => v ?? '—' },
            {
              title: t('enrolments.roles'),
              dataIndex: 'roles',
              render: (r: EnrolmentImportResult['preview'][number]['roles']) => r.map((x) => label('classRole', x)).join('、') || '—',
            },
          ]}
        />
      )}
    </Modal>
  );
}
