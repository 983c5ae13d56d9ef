// The check-then-import dialog every spreadsheet import in a tab shares: choose a file, 预检 (a dry run listing every
// problem by row and column, nothing written), then import all rows or none. Callers give the texts, the template link,
// the request and how a previewed row reads.
import { useState } from 'react';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useT } from '../i18n/index.tsx';

interface Problem {
  row: number;
  column: string;
  message: string;
}

export interface ImportCheckResult<P> {
  committed: boolean;
  rows: number;
  errors: Problem[];
  preview: P[];
}

export interface ImportCheckModalProps<P extends { row: number }> {
  open: boolean;
  onClose: () => void;
  onImported: (rows: number) => void;
  title: string;
  hint: string;
  templateLabel: string;
  templateHref: string;
  commitLabel: (rows: number) => string;
  run: (file: File, dryRun: boolean) => Promise<ImportCheckResult<P>>;
  previewColumns: TableColumnsType<P>;
  width?: number;
}

export function ImportCheckModal<P extends { row: number }>(props: ImportCheckModalProps<P>) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportCheckResult<P> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await props.run(file, dryRun);
      if (r.committed) props.onImported(r.rows);
      else setResult(r);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  const ok = result !== null && result.errors.length === 0;
  const rowColumn = { title: t('import.row'), dataIndex: 'row', width: 70 } as const;
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      width={props.width ?? 760}
      afterOpenChange={(isOpen) => {
        if (isOpen) return;
        setFile(null);
        setResult(null);
        setError(null);
      }}
      footer={
        <Space wrap>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button disabled={!file} loading={busy && !ok} onClick={() => void run(true)}>
            {t('import.dryRun')}
          </Button>
          <Button type="primary" disabled={!ok} loading={busy && ok} onClick={() => void run(false)}>
            {props.commitLabel(result?.rows ?? 0)}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{props.hint}</Typography.Paragraph>
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
          <Button icon={<UploadOutlined />}>{t('import.chooseFile')}</Button>
        </Upload>
        <Button type="link" icon={<DownloadOutlined />} href={props.templateHref}>
          {props.templateLabel}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {result && ok && <Alert type="success" showIcon title={t('import.dryRunOk', { n: result.rows })} style={{ marginBottom: 16 }} />}
      {result && !ok && <Alert type="error" showIcon title={t('import.dryRunErrors', { n: result.errors.length })} style={{ marginBottom: 16 }} />}
      {result && !ok && (
        <Table<Problem>
          size="small"
          rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
          dataSource={result.errors}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[rowColumn, { title: t('import.column'), dataIndex: 'column', width: 100 }, { title: t('import.problem'), dataIndex: 'message' }]}
        />
      )}
      {result && ok && (
        <Table<P>
          size="small"
          rowKey="row"
          dataSource={result.preview}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[rowColumn, ...props.previewColumns]}
        />
      )}
    </Modal>
  );
}
