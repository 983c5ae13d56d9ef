// Charts of the trace feature: the stage funnel and the monthly trend. The shared EChart wrapper registers only
// bar/pie/radar; funnel and line series are registered here (echarts.use is global and idempotent) so the shared
// component can draw them without this feature editing it.
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { FunnelChart, LineChart } from 'echarts/charts';
import type { FunnelSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { FUNNEL_STAGES, type FunnelCounts, type FunnelMonth, type FunnelStage } from '@duibiao/contracts';
import { EChart } from '../../components/EChart.tsx';
import type { EChartOption } from '../../components/EChart.tsx';
import type { TFunction } from '../../i18n/index.tsx';

echarts.use([FunnelChart, LineChart]);

type TraceChartOption = ComposeOption<FunnelSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

const STAGE_COLORS = ['#9bb7e0', '#6f97d3', '#4a7cc7', '#1e5bb8', '#154a99', '#2f9e44'];

/** Share of `value` in `previous`, as a whole percentage; '—' when there was nothing before. */
export const conversion = (value: number, previous: number): string => (previous > 0 ? `${Math.round((value / previous) * 100)}%` : '—');

export const stageValue = (f: FunnelCounts, stage: FunnelStage): number => f[stage];

function funnelOption(f: FunnelCounts, t: TFunction): TraceChartOption {
  // Widths step down by stage rather than by count: 200 questions against 2 landed would leave the last stages too
  // narrow to read. The counts and conversion rates are in the labels.
  const data = FUNNEL_STAGES.map((stage, i) => {
    const value = stageValue(f, stage);
    const previous = i === 0 ? null : stageValue(f, FUNNEL_STAGES[i - 1]!);
    const name = t(`trace.stage.${stage}`);
    const rate = previous === null ? '' : `（${t('trace.conversion', { pct: conversion(value, previous) })}）`;
    const text = `${name} ${value}${rate}`;
    return { name: text, value: FUNNEL_STAGES.length - i, label: { formatter: text }, itemStyle: { color: STAGE_COLORS[i] } };
  });
  return {
    tooltip: { trigger: 'item', formatter: '{b}' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '8%',
        width: '84%',
        top: 8,
        bottom: 8,
        min: 0,
        max: FUNNEL_STAGES.length,
        minSize: '38%',
        gap: 3,
        label: { show: true, position: 'inside', color: '#fff', fontSize: 13 },
        data,
      },
    ],
  };
}

export function StageFunnel({ funnel, t, height = 300 }: { funnel: FunnelCounts; t: TFunction; height?: number }) {
  return <EChart option={funnelOption(funnel, t) as EChartOption} height={height} ariaLabel={t('trace.funnel')} />;
}

const SERIES = ['questions', 'topics', 'reports', 'recommendations', 'landed'] as const;

function trendOption(months: FunnelMonth[], t: TFunction): TraceChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: SERIES.map((key, i) => ({
      name: t(`trace.series.${key}`),
      type: 'line',
      data: months.map((m) => m[key]),
      itemStyle: { color: STAGE_COLORS[i === 4 ? 5 : i + 1] },
    })),
  } as TraceChartOption;
}

export function MonthlyTrend({ months, t }: { months: FunnelMonth[]; t: TFunction }) {
  return <EChart option={trendOption(months, t) as EChartOption} height={280} ariaLabel={t('trace.trend')} />;
}
