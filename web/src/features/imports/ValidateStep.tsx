// Step 2: parsing progress, then either the planned changes with 提交导入, or every error with a fix-and-retry hint.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Progress, Row, Space, Statistic, Typography } from 'antd';
import type { ImportJob } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';
import { useCan } from '../auth/session.ts';
import { importErrorsUrl } from './api.ts';
import { ErrorsTable, PreviewTable } from './ImportTables.tsx';

interface Props {
  job: ImportJob;
  onCommit: () => Promise<void>;
  onRestart: () => void;
}

export function ValidateStep({ job, onCommit, onRestart }: Props) {
  const t = useT();
  const can = useCan();

  if (job.status === 'parsing') {
    return (
      <div style={{ maxWidth: 640 }}>
        <Typography.Paragraph>{t('imports.parsing', { file: job.fileName })}</Typography.Paragraph>
        <Progress percent={Math.round(job.progress * 100)} status="active" />
        <Typography.Text type="secondary">{t('imports.rowsRead', { n: job.rowsRead })}</Typography.Text>
      </div>
    );
  }

  const counts = (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      <Col xs={12} sm={6}>
        <Statistic title={t('imports.rowsReadLabel')} value={job.rowsRead} />
      </Col>
      <Col xs={12} sm={6}>
        <Statistic title={t('imports.toCreate')} value={job.summary.created} />
      </Col>
      <Col xs={12} sm={6}>
        <Statistic title={t('imports.toUpdate')} value={job.summary.updated} />
      </Col>
      <Col xs={12} sm={6}>
        <Statistic title={t('imports.unchanged')} value={job.summary.unchanged} />
      </Col>
    </Row>
  );

  if (job.status === 'invalid') {
    const shown = job.summary.errors.length;
    return (
      <>
        <Alert
          type="error"
          showIcon
          title={t('imports.invalidTitle', { n: job.errorCount, file: job.fileName })}
          description={
            shown < job.errorCount ? `${t('imports.invalidHint')} ${t('imports.errorsTruncated', { shown, total: job.errorCount })}` : t('imports.invalidHint')
          }
          action={
            <Space direction="vertical">
              <Button onClick={onRestart}>{t('imports.uploadAgain')}</Button>
              <Button icon={<DownloadOutlined />} href={importErrorsUrl(job.id)}>
                {t('imports.downloadErrors')}
              </Button>
            </Space>
          }
          style={{ marginBottom: 16 }}
        />
        <ErrorsTable errors={job.summary.errors} />
      </>
    );
  }

  // validated
  return (
    <>
      <Alert
        type="success"
        showIcon
        title={t('imports.validTitle', { file: job.fileName })}
        description={t('imports.validHint')}
        style={{ marginBottom: 16 }}
      />
      {counts}
      <Typography.Title level={5}>{t('imports.preview')}</Typography.Title>
      <PreviewTable rows={job.preview} />
      <Space wrap style={{ marginTop: 16 }}>
        <Button type="primary" onClick={() => void onCommit()} disabled={!can('cadre:import')}>
          {t('imports.commit')}
        </Button>
        <Button onClick={onRestart}>{t('imports.chooseAnother')}</Button>
      </Space>
    </>
  );
}
