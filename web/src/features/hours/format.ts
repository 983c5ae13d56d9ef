// Small display helpers shared by the hours pages.
import type { HoursRuleDto, RuleResultDto } from '@duibiao/contracts';
import type { TFunction } from '../../i18n/index.tsx';

/** Hours without float noise, at most two decimals: 89.9, 90, 12.5, 95.83. */
export const fmtHours = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : String(Math.round(n * 100) / 100));

export const pct = (rate: number | null | undefined): string => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

export function windowText(t: TFunction, w: HoursRuleDto['window']): string {
  return w.kind === 'calendarYear' ? t('hours.window.year') : t('hours.window.years', { n: w.years, from: w.anchorYear });
}

export function requirementText(t: TFunction, r: { minHours?: number | undefined; minDays?: number | undefined }): string {
  const parts = [
    r.minHours !== undefined ? t('hours.req.hours', { n: r.minHours }) : null,
    r.minDays !== undefined ? t('hours.req.days', { n: r.minDays }) : null,
  ];
  return parts.filter(Boolean).join(t('hours.req.or'));
}

/** How far a result is towards its requirement, 0–100, by whichever minimum is closer to being met. */
export function progressOf(r: RuleResultDto): number {
  const shares = [
    r.requiredHours ? r.achievedHours / r.requiredHours : null,
    r.requiredDays ? r.achievedDays / r.requiredDays : null,
    r.requiredHours === 0 || r.requiredDays === 0 ? 1 : null,
  ].filter((x): x is number => x !== null);
  return Math.min(100, Math.round(Math.max(0, ...shares) * 100));
}
