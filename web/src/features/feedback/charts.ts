// ECharts options for evaluation results: averages per session, the three dimensions as a radar, answer counts.
import type { DimensionAverages, QuestionResult, SessionEvaluation } from '@duibiao/contracts';
import type { EChartOption } from '../../components/EChart.tsx';

const PALETTE = ['#1e5bb8', '#36cfc9', '#ffc53d', '#ff9c6e'];
export const DIMENSIONS = ['content', 'delivery', 'usefulness'] as const;

/** Past this many sessions one bar group per session is unreadable: the chart shows one group per day instead. */
export const MAX_SESSION_BARS = 16;

/**
 * One bar group per day: each dimension's mean over that day's shown sessions, weighted by their rating counts
 * (sessions under the anonymity threshold carry no averages and stay out).
 */
export function dailyAverages(sessions: SessionEvaluation[]): { title: string; averages: DimensionAverages | null }[] {
  const days = new Map<string, SessionEvaluation[]>();
  for (const s of sessions) days.set(s.startsAt.slice(0, 10), [...(days.get(s.startsAt.slice(0, 10)) ?? []), s]);
  return [...days].map(([day, list]) => {
    const shown = list.filter((s) => s.averages !== null);
    const n = shown.reduce((sum, s) => sum + s.n, 0);
    const mean = (d: keyof DimensionAverages) => Math.round((shown.reduce((sum, s) => sum + s.averages![d] * s.n, 0) / n) * 100) / 100;
    return {
      title: day.slice(5),
      averages: n > 0 ? { content: mean('content'), delivery: mean('delivery'), usefulness: mean('usefulness'), overall: mean('overall') } : null,
    };
  });
}

/** Grouped bars of the three dimensions per session (or per day); groups with too few ratings stay empty (no bar). */
export function sessionBarOption(
  sessions: { title: string; averages: DimensionAverages | null }[],
  dimensionLabel: (d: (typeof DIMENSIONS)[number]) => string,
  compact: boolean,
): EChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: sessions.map((s) => s.title),
      axisLabel: { interval: 0, width: compact ? 56 : 96, overflow: 'truncate', rotate: sessions.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', min: 0, max: 5, interval: 1 },
    series: DIMENSIONS.map((d) => ({
      name: dimensionLabel(d),
      type: 'bar' as const,
      barMaxWidth: 18,
      data: sessions.map((s) => s.averages?.[d] ?? null),
    })),
  };
}

/** The program's three dimension averages on a 0–5 radar. */
export function dimensionRadarOption(
  averages: DimensionAverages,
  dimensionLabel: (d: (typeof DIMENSIONS)[number]) => string,
  seriesName: string,
): EChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item' },
    radar: { indicator: DIMENSIONS.map((d) => ({ name: dimensionLabel(d), max: 5, min: 0 })), radius: '65%', splitNumber: 5 },
    series: [
      {
        name: seriesName,
        type: 'radar',
        areaStyle: { opacity: 0.25 },
        label: { show: true, formatter: '{c}' },
        data: [{ name: seriesName, value: DIMENSIONS.map((d) => averages[d]) }],
      },
    ],
  };
}

/** Horizontal bars of how often each option (or score) was chosen. */
export function distributionOption(q: QuestionResult, seriesName: string): EChartOption {
  const rows = [...q.distribution].reverse();
  return {
    color: ['#1e5bb8'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => (q.type === 'rating' ? `${r.value} ★` : r.value)), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [{ name: seriesName, type: 'bar', data: rows.map((r) => r.count), barMaxWidth: 18, label: { show: true, position: 'right' } }],
  };
}
