// Columns of the compliance workbook: the cadre, this year's totals, then met / shortfall per rule.
import { LABELS, type ComplianceRow, type RuleRef } from '@duibiao/contracts';
import type { XlsxColumn } from '../../lib/xlsx-writer.ts';

export function complianceColumns(rules: readonly RuleRef[], year: number): XlsxColumn<ComplianceRow>[] {
  const result = (row: ComplianceRow, id: string) => row.results.find((r) => r.ruleId === id);
  return [
    { header: '姓名', width: 12, value: (r) => r.name },
    { header: '单位', width: 30, value: (r) => r.org.name },
    { header: '职级', width: 18, value: (r) => (r.rank ? LABELS.rank[r.rank].zh : '') },
    { header: `${year}年学时`, width: 12, value: (r) => r.yearHours },
    { header: '其中网络学时', width: 14, value: (r) => r.yearOnlineHours },
    { header: '培训天数', width: 10, value: (r) => r.yearDays },
    { header: '全部达标', width: 10, value: (r) => (r.compliant ? '是' : '否') },
    ...rules.flatMap((rule): XlsxColumn<ComplianceRow>[] => [
      {
        header: `${rule.name.zh}：是否达标`,
        width: 24,
        value: (r) => {
          const x = result(r, rule.id);
          return x ? (x.compliant ? '达标' : '未达标') : '不适用';
        },
      },
      { header: `${rule.name.zh}：已完成学时`, width: 16, value: (r) => result(r, rule.id)?.achievedHours ?? null },
      { header: `${rule.name.zh}：差额学时`, width: 14, value: (r) => result(r, rule.id)?.shortfallHours ?? null },
    ]),
  ];
}
