// ECharts options of the program dashboard and the organization-department program charts.
import type { EChartOption } from '../../components/EChart.tsx';

const BLUE = '#1e5bb8';
const PALETTE = ['#1e5bb8', '#3aa0ff', '#36cfc9', '#73d13d', '#ffc53d', '#ff9c6e', '#f759ab', '#9254de'];

/** "5月11日 开班式…" — the session's day and a short title for a category axis. */
const sessionLabel = (startsAt: string, title: string) => {
  const day = `${Number(startsAt.slice(5, 7))}/${Number(startsAt.slice(8, 10))}`;
  // Per-day rows carry the date as their title.
  if (title === startsAt.slice(0, 10)) return day;
  return `${day} ${title.length > 8 ? `${title.slice(0, 8)}…` : title}`;
};

export function attendanceBarOption(
  rows: { title: string; startsAt: string; rate: number | null; attended: number; expected: number }[],
  name: string,
): EChartOption {
  return {
    color: [BLUE],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const p = (params as { dataIndex: number }[])[0]!;
        const r = rows[p.dataIndex]!;
        return `${r.title}<br/>${r.startsAt.slice(0, 16).replace('T', ' ').replace(' 00:00', '')}<br/>${name}: ${r.rate === null ? '—' : `${Math.round(r.rate * 1000) / 10}%`} (${r.attended}/${r.expected})`;
      },
    },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => sessionLabel(r.startsAt, r.title)), axisLabel: { rotate: rows.length > 6 ? 35 : 0, fontSize: 11 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name,
        type: 'bar',
        barMaxWidth: 36,
        data: rows.map((r) => ({
          value: r.rate === null ? 0 : Math.round(r.rate * 1000) / 10,
          itemStyle: { color: r.rate !== null && r.rate < 0.9 ? '#fa8c16' : BLUE },
        })),
        label: { show: rows.length <= 12, position: 'top', formatter: '{c}%' },
      },
    ],
  };
}

export function categoryBarOption(
  rows: { name: string; value: number }[],
  seriesName: string,
  options: { horizontal?: boolean; unit?: string } = {},
): EChartOption {
  const category = { type: 'category' as const, data: rows.map((r) => r.name), axisLabel: { width: 120, overflow: 'truncate' as const, interval: 0 } };
  // Percentages always span 0–100 %, so an all-zero chart still reads as "none" rather than a blank axis.
  const value = { type: 'value' as const, minInterval: 1, ...(options.unit === '%' ? { min: 0, max: 100 } : {}) };
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 32, top: 16, bottom: 8, containLabel: true },
    xAxis: options.horizontal ? value : category,
    yAxis: options.horizontal ? category : value,
    series: [
      {
        name: seriesName,
        type: 'bar',
        barMaxWidth: options.horizontal ? 20 : 36,
        data: rows.map((r) => r.value),
        label: { show: true, position: options.horizontal ? 'right' : 'top', formatter: options.unit ? `{c}${options.unit}` : '{c}' },
      },
    ],
  };
}

export function pieOption(rows: { name: string; value: number; color?: string }[], seriesName: string, compact: boolean): EChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: compact ? { bottom: 0, left: 'center' } : { orient: 'vertical', right: 8, top: 'middle' },
    series: [
      {
        name: seriesName,
        type: 'pie',
        radius: compact ? ['30%', '55%'] : ['40%', '68%'],
        center: compact ? ['50%', '42%'] : ['40%', '50%'],
        data: rows.map((r) => ({ name: r.name, value: r.value, ...(r.color ? { itemStyle: { color: r.color } } : {}) })),
        label: compact ? { show: false } : { formatter: '{b}\n{c}' },
      },
    ],
  };
}

export function ratingRadarOption(scores: { name: string; value: number }[], seriesName: string): EChartOption {
  return {
    color: [BLUE],
    tooltip: {},
    radar: { indicator: scores.map((s) => ({ name: `${s.name} ${s.value.toFixed(2)}`, max: 5 })), radius: '62%' },
    series: [{ name: seriesName, type: 'radar', data: [{ value: scores.map((s) => s.value), name: seriesName, areaStyle: { opacity: 0.25 } }] }],
  };
}
