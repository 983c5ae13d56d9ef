// 导入学员: choose a file, check it (dry run lists every problem), then import — all rows or none.
import type { EnrolmentImportResult } from '@duibiao/contracts';
import { ImportCheckModal } from '../../components/ImportCheckModal.tsx';
import { useLabel, useT } from '../../i18n/index.tsx';
import { enrolmentTemplateUrl, importEnrolments } from './api.ts';

type PreviewRow = EnrolmentImportResult['preview'][number];

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
  return (
    <ImportCheckModal<PreviewRow>
      open={open}
      onClose={onClose}
      onImported={onImported}
      title={t('enrolments.importTitle')}
      hint={t('enrolments.importHint')}
      templateLabel={t('enrolments.template')}
      templateHref={enrolmentTemplateUrl()}
      commitLabel={(n) => t('enrolments.commit', { n })}
      run={(file, dryRun) => importEnrolments(programId, file, dryRun)}
      previewColumns={[
        { title: t('enrolments.name'), dataIndex: 'name' },
        { title: t('enrolments.class'), dataIndex: 'className', render: (v: string | null) => v ?? '—' },
        { title: t('enrolments.group'), dataIndex: 'groupName', render: (v: string | null) => v ?? '—' },
        { title: t('enrolments.roles'), dataIndex: 'roles', render: (r: PreviewRow['roles']) => r.map((x) => label('classRole', x)).join('、') || '—' },
      ]}
    />
  );
}
