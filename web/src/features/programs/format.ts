// Small display helpers shared by the program pages.
import dayjs from 'dayjs';
import type { ProgramStatus, ProgramTargets } from '@duibiao/contracts';
import type { TFunction } from '../../i18n/index.tsx';

export const STATUS_COLORS: Record<ProgramStatus, string> = {
  draft: 'default',
  enrolling: 'blue',
  running: 'green',
  closed: 'purple',
  follow_up: 'gold',
};

/** Inclusive number of days between two ISO dates. */
export const dayCount = (start: string, end: string): number => dayjs(end).diff(dayjs(start), 'day') + 1;

export const dateRange = (start: string, end: string): string => (start === end ? start : `${start} ~ ${end}`);

/** Targets as short phrases, e.g. "现场教学占比 ≥ 70%". */
export function targetPhrases(t: TFunction, sessionLabel: (code: string) => string, targets: ProgramTargets): string[] {
  const out: string[] = [];
  if (targets.onsiteShareMin !== null && targets.onsiteShareMin !== undefined)
    out.push(t('programs.targetOnsite', { value: Math.round(targets.onsiteShareMin * 1000) / 10 }));
  if (targets.seminarHoursMin !== null && targets.seminarHoursMin !== undefined) out.push(t('programs.targetSeminar', { value: targets.seminarHoursMin }));
  for (const m of targets.minimums) out.push(t('programs.targetMinimum', { type: sessionLabel(m.sessionType), value: m.hoursMin }));
  return out;
}

export const fileSize = (bytes: number): string =>
  bytes < 1024 ? `${bytes} B` : bytes < 1_048_576 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`;
