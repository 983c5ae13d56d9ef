// 导入志愿: choose the filled-in template, check it (the dry run lists every problem by row and column), then import —
// the listed trainees' choices are replaced all together, or nothing is written.
import { useState } from 'react';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { PreferenceImportResult } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';
import { importPreferences, preferenceTemplateUrl } from './api.ts';

type Problem = PreferenceImportResult['errors'][number];
type PreviewRow = PreferenceImportResult['preview'][number];

export function PreferencesImportModal({
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
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<PreferenceImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await importPreferences(programId, file, dryRun);
      if (r.committed) onImported(r.rows);
      else setResult(r);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  const ok = result !== null && result.errors.length === 0;
  return (
    <Modal
      open={open}
      title={t('placement.prefs.importTitle')}
      onCancel={onClose}
      width={820}
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
            {t('placement.prefs.dryRun')}
          </Button>
          <Button type="primary" disabled={!ok} loading={busy && ok} onClick={() => void run(false)}>
            {t('placement.prefs.commit', { n: result?.rows ?? 0 })}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('placement.prefs.importHint')}</Typography.Paragraph>
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
          <Button icon={<UploadOutlined />}>{t('placement.prefs.chooseFile')}</Button>
        </Upload>
        <Button type="link" icon={<DownloadOutlined />} href={preferenceTemplateUrl(programId)}>
          {t('placement.prefs.template')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {result && ok && <Alert type="success" showIcon title={t('placement.prefs.dryRunOk', { n: result.rows })} style={{ marginBottom: 16 }} />}
      {result && !ok && <Alert type="error" showIcon title={t('placement.prefs.dryRunErrors', { n: result.errors.length })} style={{ marginBottom: 16 }} />}
      {result && !ok && (
        <Table<Problem>
          size="small"
          rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
          dataSource={result.errors}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('placement.prefs.row'), dataIndex: 'row', width: 70 },
            { title: t('placement.prefs.column'), dataIndex: 'column', width: 100 },
            { title: t('placement.prefs.problem'), dataIndex: 'message' },
          ]}
        />
      )}
      {result && ok && (
        <Table<PreviewRow>
          size="small"
          rowKey="row"
          dataSource={result.preview}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('placement.prefs.row'), dataIndex: 'row', width: 70 },
            { title: t('placement.prefs.cadre'), dataIndex: 'name', width: 100 },
            {
              title: t('placement.prefs.choices'),
              dataIndex: 'choices',
              render: (c: string[]) => (c.length === 0 ? t('placement.prefs.none') : c.map((x, i) => `${i + 1}. ${x}`).join('；')),
            },
          ]}
        />
      )}
    </Modal>
  );
}
