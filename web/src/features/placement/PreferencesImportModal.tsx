// 导入志愿: choose the filled-in template, check it (the dry run lists every problem by row and column), then import —
// the listed trainees' choices are replaced all together, or nothing is written.
import type { PreferenceImportResult } from '@duibiao/contracts';
import { ImportCheckModal } from '../../components/ImportCheckModal.tsx';
import { useT } from '../../i18n/index.tsx';
import { importPreferences, preferenceTemplateUrl } from './api.ts';

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
  return (
    <ImportCheckModal<PreviewRow>
      open={open}
      onClose={onClose}
      onImported={onImported}
      width={820}
      title={t('placement.prefs.importTitle')}
      hint={t('placement.prefs.importHint')}
      templateLabel={t('placement.prefs.template')}
      templateHref={preferenceTemplateUrl(programId)}
      commitLabel={(n) => t('placement.prefs.commit', { n })}
      run={(file, dryRun) => importPreferences(programId, file, dryRun)}
      previewColumns={[
        { title: t('placement.prefs.cadre'), dataIndex: 'name', width: 100 },
        {
          title: t('placement.prefs.choices'),
          dataIndex: 'choices',
          render: (c: string[]) => (c.length === 0 ? t('placement.prefs.none') : c.map((x, i) => `${i + 1}. ${x}`).join('；')),
        },
      ]}
    />
  );
}
