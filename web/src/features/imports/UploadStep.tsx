// Step 1: target unit (default: the user's own) and the roster file (.xlsx or .csv), with upload progress.
import { useState } from 'react';
import { Button, Form, Progress, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/index.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useMe } from '../auth/session.ts';
import { importTemplateUrl } from '../cadres/api.ts';

const ACCEPT = '.xlsx,.csv';
const isAccepted = (name: string) => /\.(xlsx|csv)$/i.test(name);

export function UploadStep({ uploadProgress, onUpload }: { uploadProgress: number | null; onUpload: (orgId: number, file: File) => Promise<void> }) {
  const t = useT();
  const me = useMe();
  const [orgId, setOrgId] = useState<number>(me.org.id);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const uploading = uploadProgress !== null;
  const fileList: UploadFile[] = file ? [{ uid: 'roster', name: file.name, size: file.size, status: 'done' }] : [];

  return (
    <Form layout="vertical" style={{ maxWidth: 640 }} onFinish={() => file && void onUpload(orgId, file)}>
      <Form.Item label={t('imports.targetOrg')} required extra={t('imports.targetOrgHint')}>
        <OrgTreeSelect value={orgId} onChange={(v) => setOrgId(v)} aria-label={t('imports.targetOrg')} />
      </Form.Item>
      <Form.Item label={t('imports.file')} required validateStatus={fileError ? 'error' : undefined} help={fileError ?? undefined}>
        <Upload.Dragger
          accept={ACCEPT}
          maxCount={1}
          fileList={fileList}
          disabled={uploading}
          beforeUpload={(f) => {
            if (!isAccepted(f.name)) {
              setFileError(t('imports.badType'));
              return Upload.LIST_IGNORE;
            }
            setFileError(null);
            setFile(f);
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('imports.dragText')}</p>
          <p className="ant-upload-hint">{t('imports.dragHint')}</p>
        </Upload.Dragger>
      </Form.Item>
      <Typography.Paragraph>
        <a href={importTemplateUrl()} download>
          <DownloadOutlined /> {t('imports.downloadTemplate')}
        </a>
      </Typography.Paragraph>
      {uploading && (
        <Form.Item label={t('imports.uploading')}>
          <Progress percent={Math.round((uploadProgress ?? 0) * 100)} status="active" />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" disabled={!file} loading={uploading}>
        {t('imports.startValidate')}
      </Button>
    </Form>
  );
}
