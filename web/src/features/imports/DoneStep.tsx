// Step 3: commit progress, then the result (created / updated / unchanged) or the failure message.
import { Button, Progress, Result, Typography } from 'antd';
import { Link } from 'react-router';
import type { ImportJob } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';

export function DoneStep({ job, onRestart }: { job: ImportJob; onRestart: () => void }) {
  const t = useT();
  if (job.status === 'committing') {
    return (
      <div style={{ maxWidth: 640 }}>
        <Typography.Paragraph>{t('imports.committing', { file: job.fileName })}</Typography.Paragraph>
        <Progress percent={Math.round(job.progress * 100)} status="active" />
      </div>
    );
  }
  const again = (
    <Button key="again" onClick={onRestart}>
      {t('imports.importAnother')}
    </Button>
  );
  const back = (
    <Link key="back" to="/cadres">
      <Button type="primary">{t('cadres.backToList')}</Button>
    </Link>
  );
  if (job.status === 'failed') {
    return <Result status="error" title={t('imports.failedTitle')} subTitle={job.message ?? ''} extra={[again, back]} />;
  }
  return (
    <Result
      status="success"
      title={t('imports.committedTitle')}
      subTitle={t('imports.committedSummary', { created: job.summary.created, updated: job.summary.updated, unchanged: job.summary.unchanged })}
      extra={[back, again]}
    />
  );
}
