// ECharts options of the compliance report, built from /hours/compliance/summary.
import type { ComplianceSummary } from '@duibiao/contracts';
import type { EChartOption } from '../../components/EChart.tsx';

const PALETTE = ['#1e5bb8', '#36cfc9', '#ffc53d', '#9254de', '#ff9c6e'];

/** Compliance rate per unit: one bar for "all rules met", then one per rule. */
export function unitRateOption(summary: ComplianceSummary, ruleName: (id: string) => string, overallName: string, selfSuffix: string): EChartOption {
  const units = summary.units.filter((u) => u.summary.cadres.total > 0);
  const rate = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 72, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: units.map((u) => (u.self ? `${u.name}${selfSuffix}` : u.name)),
      axisLabel: { interval: 0, width: 90, overflow: 'truncate' },
    },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: overallName, type: 'bar', barMaxWidth: 28, data: units.map((u) => rate(u.summary.cadres.rate)) },
      ...summary.rules.map((rule) => ({
        name: ruleName(rule.id),
        type: 'bar' as const,
        barMaxWidth: 28,
        data: units.map((u) => rate(u.summary.rules.find((r) => r.ruleId === rule.id)?.rate ?? null)),
      })),
    ],
  };
}

export function compliancePieOption(summary: ComplianceSummary, names: { compliant: string; nonCompliant: string }): EChartOption {
  return {
    color: ['#52c41a', '#ff4d4f'],
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, left: 'center' },
    series: [
      {
        type: 'pie',
        radius: ['32%', '72%'],
        center: ['50%', '45%'],
        percentPrecision: 1,
        label: { position: 'inside', formatter: '{d}%', color: '#fff', fontWeight: 'bold' },
        labelLine: { show: false },
        data: [
          { name: names.compliant, value: summary.overall.cadres.compliant },
          { name: names.nonCompliant, value: summary.overall.cadres.nonCompliant },
        ],
      },
    ],
  };
}

export function hoursHistogramOption(summary: ComplianceSummary, seriesName: string): EChartOption {
  return {
    color: ['#3aa0ff'],
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items) => {
        const first = Array.isArray(items) ? items[0] : items;
        const band = summary.hoursDistribution[first?.dataIndex ?? 0]!;
        return `${band.to === null ? `≥ ${band.from}` : `${band.from}–${band.to}`}: ${Number(first?.value ?? 0)}`;
      },
    },
    // Each bar is labelled with where its band starts; the tooltip gives the whole range.
    xAxis: {
      type: 'category',
      data: summary.hoursDistribution.map((b) => (b.to === null ? `${b.from}+` : String(b.from))),
      axisLabel: { hideOverlap: true },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: seriesName, type: 'bar', barCategoryGap: '8%', data: summary.hoursDistribution.map((b) => b.count), label: { show: true, position: 'top' } },
    ],
  };
}
