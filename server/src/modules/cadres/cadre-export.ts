// Export columns: the same Chinese headers the importer reads, so an export can be edited and re-imported.
import { LABELS, type CadreSummary } from '@duibiao/contracts';
import type { XlsxColumn } from '../../lib/xlsx-writer.ts';
import type { ExportSourceRow } from './cadres.repo.ts';

export interface ExportRow {
  index: number;
  row: ExportSourceRow;
  summary: CadreSummary;
  /** Full values for roles with `cadre:sensitive`, masked otherwise. */
  sensitive: { idNumber: string; mobile: string | null };
}

export const CADRE_EXPORT_COLUMNS: XlsxColumn<ExportRow>[] = [
  { header: '序号', width: 8, value: (r) => r.index },
  { header: '姓名', width: 12, value: (r) => r.summary.name },
  { header: '性别', width: 6, value: (r) => (r.summary.gender ? LABELS.gender[r.summary.gender].zh : '') },
  { header: '出生年月', width: 12, value: (r) => r.summary.birthDate ?? '' },
  { header: '民族', width: 8, value: (r) => r.summary.ethnicity ?? '' },
  { header: '政治面貌', width: 12, value: (r) => r.summary.politicalStatus ?? '' },
  { header: '身份证号', width: 22, value: (r) => r.sensitive.idNumber },
  { header: '手机', width: 14, value: (r) => r.sensitive.mobile ?? '' },
  { header: '工作单位', width: 28, value: (r) => r.summary.org.name },
  { header: '职务', width: 28, value: (r) => r.summary.position ?? '' },
  { header: '职级', width: 18, value: (r) => (r.summary.rank ? LABELS.rank[r.summary.rank].zh : '') },
  { header: '学历', width: 12, value: (r) => (r.summary.education ? LABELS.education[r.summary.education].zh : '') },
  { header: '专业特长', width: 28, value: (r) => r.summary.specialties.join('、') },
  { header: '参加工作时间', width: 14, value: (r) => r.row.work_start_date ?? '' },
];
