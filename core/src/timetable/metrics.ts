// Curriculum metrics of a timetable (share of on-site teaching, seminar hours, hours per type) against design targets.
import { SESSION_TYPE_LABELS, SESSION_TYPES, type Bilingual, type Session, type SessionType } from './session.ts';

/** Curriculum targets set at design time; every one is optional. Shares are 0..1, hours are credited hours (学时). */
export type CurriculumTargets = {
  onsiteShareMin?: number;
  seminarHoursMin?: number;
  perTypeMinHours?: Partial<Record<SessionType, number>>;
};

export type CurriculumOptions = {
  /** Types counted as on-site; default on-site teaching and site visits. */
  onsiteTypes?: SessionType[];
  /** Types left out of the total (and so of every share); default ceremonies, which carry no teaching. */
  excludeFromTotal?: SessionType[];
};

/** One target compared with the timetable. `key` is `onsiteShareMin`, `seminarHoursMin` or `perTypeMinHours.<type>`. */
export type CurriculumCheck = { key: string; actual: number; target: number; met: boolean; label: Bilingual };

export type CurriculumMetrics = {
  totalHours: number;
  hoursByType: Record<SessionType, number>;
  /** On-site hours / total hours, 0 when the total is 0. */
  onsiteShare: number;
  seminarHours: number;
  checks: CurriculumCheck[];
};

/**
 * Credited-hour metrics of a timetable and a check per given target, met when actual ≥ target. Labels show
 * rounded figures ("现场教学 76% ≥ 目标 70% ✓"); the comparison uses the exact values.
 */
export function curriculumMetrics(sessions: readonly Session[], targets: CurriculumTargets, options: CurriculumOptions = {}): CurriculumMetrics {
  const onsiteTypes = new Set(options.onsiteTypes ?? ['onsite_teaching', 'site_visit']);
  const excluded = new Set(options.excludeFromTotal ?? ['ceremony']);

  const hoursByType = Object.fromEntries(SESSION_TYPES.map((t) => [t, 0])) as Record<SessionType, number>;
  for (const s of sessions) {
    if (!Number.isFinite(s.creditedHours) || s.creditedHours < 0) throw new RangeError(`session ${s.id}: creditedHours must be a number ≥ 0`);
    hoursByType[s.type] += s.creditedHours;
  }
  // Sums of halves and quarters stay exact, but 0.1-style hours drift; micro-hour rounding keeps 21 equal to 21.
  for (const t of SESSION_TYPES) hoursByType[t] = tidy(hoursByType[t]);

  let totalHours = 0;
  let onsiteHours = 0;
  for (const t of SESSION_TYPES) {
    if (excluded.has(t)) continue;
    totalHours += hoursByType[t];
    if (onsiteTypes.has(t)) onsiteHours += hoursByType[t];
  }
  totalHours = tidy(totalHours);
  onsiteHours = tidy(onsiteHours);
  const onsiteShare = totalHours > 0 ? onsiteHours / totalHours : 0;
  const seminarHours = hoursByType.seminar;

  const checks: CurriculumCheck[] = [];
  if (targets.onsiteShareMin !== undefined) {
    checks.push(shareCheck('onsiteShareMin', { zh: '现场教学', en: 'On-site teaching' }, onsiteShare, targets.onsiteShareMin));
  }
  if (targets.seminarHoursMin !== undefined) {
    checks.push(hoursCheck('seminarHoursMin', SESSION_TYPE_LABELS.seminar, seminarHours, targets.seminarHoursMin));
  }
  for (const t of SESSION_TYPES) {
    const target = targets.perTypeMinHours?.[t];
    if (target !== undefined) checks.push(hoursCheck(`perTypeMinHours.${t}`, SESSION_TYPE_LABELS[t], hoursByType[t], target));
  }
  return { totalHours, hoursByType, onsiteShare, seminarHours, checks };
}

function shareCheck(key: string, name: Bilingual, actual: number, target: number): CurriculumCheck {
  const met = actual >= target;
  const a = `${Math.round(actual * 100)}%`;
  const t = `${Math.round(target * 100)}%`;
  return {
    key,
    actual,
    target,
    met,
    label: { zh: `${name.zh} ${a} ${met ? '≥' : '<'} 目标 ${t} ${mark(met)}`, en: `${name.en} ${a} ${met ? '≥' : '<'} target ${t} ${mark(met)}` },
  };
}

function hoursCheck(key: string, name: Bilingual, actual: number, target: number): CurriculumCheck {
  const met = actual >= target;
  const a = formatHours(actual);
  const t = formatHours(target);
  return {
    key,
    actual,
    target,
    met,
    label: { zh: `${name.zh} ${a} 学时 ${met ? '≥' : '<'} ${t} 学时 ${mark(met)}`, en: `${name.en} ${a} h ${met ? '≥' : '<'} ${t} h ${mark(met)}` },
  };
}

const mark = (met: boolean) => (met ? '✓' : '✗');

/** Hours with at most one decimal and no trailing zero: 21, 20.5. */
function formatHours(hours: number): string {
  return String(Math.round(hours * 10) / 10);
}

function tidy(hours: number): number {
  return Math.round(hours * 1e6) / 1e6;
}
