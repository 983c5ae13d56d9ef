// ECharts options for the dashboard, built from /cadres/stats.
import type { CadreStats } from '@duibiao/contracts';
import type { EChartOption } from '../../components/EChart.tsx';

const PALETTE = ['#1e5bb8', '#3aa0ff', '#36cfc9', '#73d13d', '#ffc53d', '#ff9c6e', '#f759ab', '#9254de'];

export function rankBarOption(rows: CadreStats['byRank'], rankLabel: (r: CadreStats['byRank'][number]['rank']) => string, seriesName: string): EChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => rankLabel(r.rank)), axisLabel: { interval: 0, width: 72, overflow: 'break' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: seriesName, type: 'bar', data: rows.map((r) => r.count), barMaxWidth: 40, label: { show: true, position: 'top' } }],
  };
}

export function agePieOption(rows: CadreStats['byAgeBand'], seriesName: string, compact: boolean): EChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: compact ? { bottom: 0, left: 'center' } : { orient: 'vertical', right: 8, top: 'middle' },
    series: [
      {
        name: seriesName,
        type: 'pie',
        percentPrecision: 1,
        radius: compact ? ['30%', '55%'] : ['40%', '70%'],
        center: compact ? ['50%', '40%'] : ['40%', '50%'],
        data: rows.map((r) => ({ name: r.band, value: r.count })),
        // On phones the outside labels do not fit: show the share inside the ring, names in the legend.
        label: compact ? { position: 'inside', formatter: '{d}%', fontSize: 10, color: '#fff' } : { formatter: '{b}\n{d}%' },
        labelLine: { show: !compact },
      },
    ],
  };
}

export function unitBarOption(rows: CadreStats['byUnit'], seriesName: string): EChartOption {
  const top = [...rows]
    .sort((a, b) => b.count - a.count)
    .slice(0, 10)
    .reverse();
  return {
    color: ['#1e5bb8'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: top.map((r) => r.name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [{ name: seriesName, type: 'bar', data: top.map((r) => r.count), barMaxWidth: 22, label: { show: true, position: 'right' } }],
  };
}
