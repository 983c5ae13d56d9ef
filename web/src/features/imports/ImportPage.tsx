// 批量导入: 1 choose unit and file → 2 validate (dry run) → 3 commit and summary.
import { Alert, Card, Steps } from 'antd';
import { Link } from 'react-router';
import type { ImportJob } from '@duibiao/contracts';
import { useT } from '../../i18n/index.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useQueryParams } from '../../hooks/useQueryParams.ts';
import { useImportJob } from './useImportJob.ts';
import { UploadStep } from './UploadStep.tsx';
import { ValidateStep } from './ValidateStep.tsx';
import { DoneStep } from './DoneStep.tsx';

function stepOf(job: ImportJob | null): 0 | 1 | 2 {
  if (!job) return 0;
  if (job.status === 'parsing' || job.status === 'validated' || job.status === 'invalid') return 1;
  return 2;
}

export default function ImportPage() {
  const t = useT();
  const { params, update } = useQueryParams();
  const state = useImportJob(params.get('job'), (id) => update({ job: id }));
  const { job } = state;
  const current = stepOf(job);

  return (
    <>
      <PageHeader title={t('imports.title')} extra={<Link to="/cadres">{t('cadres.backToList')}</Link>} />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={current}
          status={job?.status === 'invalid' || job?.status === 'failed' ? 'error' : undefined}
          items={[
            { title: t('imports.step1'), content: t('imports.step1Desc') },
            { title: t('imports.step2'), content: t('imports.step2Desc') },
            { title: t('imports.step3'), content: t('imports.step3Desc') },
          ]}
        />
      </Card>
      {state.error && <Alert type="error" showIcon title={state.error} style={{ marginBottom: 16 }} closable={{ closeIcon: true }} />}
      <Card>
        {current === 0 && <UploadStep uploadProgress={state.uploadProgress} onUpload={state.upload} />}
        {current === 1 && job && <ValidateStep job={job} onCommit={state.commit} onRestart={state.reset} />}
        {current === 2 && job && <DoneStep job={job} onRestart={state.reset} />}
      </Card>
    </>
  );
}
