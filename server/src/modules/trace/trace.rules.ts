// Pure rules of tracing and the results funnel: the dashboard window, overdue, and folding grouped counts into a
// funnel. No I/O, so each rule is tested on its own.
import { FUNNEL_MAX_MONTHS, type FieldError, type FunnelCounts } from '@duibiao/contracts';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const monthIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number): string => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The month `n` months after `month` (negative: before). */
export const addMonths = (month: string, n: number): string => monthOf(monthIndex(month) + n);

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthOf(i));
  return out;
}

export type MonthWindow = { ok: true; from: string; to: string } | { ok: false; errors: FieldError[] };

/**
 * The dashboard window: both ends YYYY-MM, from ≤ to, at most FUNNEL_MAX_MONTHS months. A missing end defaults to
 * the twelve months ending in the current month (or relative to the other end).
 */
export function monthWindow(from: string | undefined, to: string | undefined, currentMonth: string): MonthWindow {
  const errors: FieldError[] = [];
  if (from !== undefined && !MONTH.test(from)) errors.push({ field: 'from', message: '起始月份格式应为 YYYY-MM' });
  if (to !== undefined && !MONTH.test(to)) errors.push({ field: 'to', message: '截止月份格式应为 YYYY-MM' });
  if (errors.length > 0) return { ok: false, errors };
  const end = to ?? (from !== undefined ? maxMonth(addMonths(from, 11), currentMonth, from) : currentMonth);
  const start = from ?? addMonths(end, -11);
  if (monthIndex(start) > monthIndex(end)) return { ok: false, errors: [{ field: 'from', message: '起始月份不能晚于截止月份' }] };
  if (monthIndex(end) - monthIndex(start) + 1 > FUNNEL_MAX_MONTHS) {
    return { ok: false, errors: [{ field: 'to', message: `时间跨度不能超过${FUNNEL_MAX_MONTHS}个月` }] };
  }
  return { ok: true, from: start, to: end };
}

/** With only `from` given, the window runs twelve months but not past the current month (nor before `from`). */
function maxMonth(candidate: string, current: string, floor: string): string {
  const capped = monthIndex(candidate) > monthIndex(current) ? current : candidate;
  return monthIndex(capped) < monthIndex(floor) ? floor : capped;
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The UTC instant at which `month` begins in Beijing, as stored instants are written (ISO, Z). */
export function beijingMonthStart(month: string): string {
  const start = Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1) - BEIJING_OFFSET_MS;
  return new Date(start).toISOString();
}

/**
 * The Beijing month of a stored value cut to the hour ('2026-03-31T16' is April in Beijing). Date-only values
 * ('2026-03-31') are already local days.
 */
export function beijingMonthOf(hourOrDate: string): string {
  if (hourOrDate.length < 13 || hourOrDate[10] !== 'T') return hourOrDate.slice(0, 7);
  const at = Date.parse(`${hourOrDate.slice(0, 13)}:00:00Z`);
  return Number.isNaN(at) ? hourOrDate.slice(0, 7) : new Date(at + BEIJING_OFFSET_MS).toISOString().slice(0, 7);
}

/** A recommendation is overdue when its deadline is before today (Beijing) and it is neither landed nor rejected. */
export const isOverdue = (deadline: string | null, status: string, today: string): boolean =>
  deadline !== null && deadline.slice(0, 10) < today && status !== 'landed' && status !== 'rejected';

/** The key-problem stage: the latest published snapshot if any, else the active working list. */
export interface KeyProblemStage {
  total: number;
  fixed: number;
  open: number;
  version: string | null;
}

/** Counts of one program's list snapshot JSON (`{ items: [{ kind }] }`); a corrupt snapshot counts as empty. */
export function snapshotStage(snapshot: string, version: string): KeyProblemStage {
  let items: { kind?: unknown }[] = [];
  try {
    const parsed = JSON.parse(snapshot) as { items?: unknown };
    if (Array.isArray(parsed.items)) items = parsed.items as { kind?: unknown }[];
  } catch {
    items = [];
  }
  return {
    total: items.length,
    fixed: items.filter((i) => i.kind === 'fixed').length,
    open: items.filter((i) => i.kind === 'open').length,
    version,
  };
}

/** Item ids of a list snapshot JSON; a corrupt snapshot holds none. */
export function snapshotItemIds(snapshot: string): number[] {
  try {
    const parsed = JSON.parse(snapshot) as { items?: unknown };
    if (!Array.isArray(parsed.items)) return [];
    return (parsed.items as { id?: unknown }[]).map((i) => i.id).filter((id): id is number => typeof id === 'number');
  } catch {
    return [];
  }
}

export interface StageInput {
  questions: number;
  keyProblems: KeyProblemStage;
  topics: number;
  reports: number;
  /** Recommendation count per status. */
  byStatus: Record<string, number>;
  overdue: number;
}

export function funnelOf(s: StageInput): FunnelCounts {
  const recommendations = Object.values(s.byStatus).reduce((a, b) => a + b, 0);
  const landed = s.byStatus['landed'] ?? 0;
  return {
    questions: s.questions,
    keyProblems: s.keyProblems.total,
    fixed: s.keyProblems.fixed,
    open: s.keyProblems.open,
    listVersion: s.keyProblems.version,
    topics: s.topics,
    reports: s.reports,
    recommendations,
    landed,
    inProgress: (s.byStatus['accepted'] ?? 0) + (s.byStatus['in_progress'] ?? 0),
    rejected: s.byStatus['rejected'] ?? 0,
    overdue: s.overdue,
    landingRate: recommendations === 0 ? null : landed / recommendations,
  };
}

/** The sum of several programs' funnels (their list versions differ, so none is named). */
export function sumFunnels(parts: FunnelCounts[]): FunnelCounts {
  const sum = (k: keyof FunnelCounts) => parts.reduce((a, p) => a + (p[k] as number), 0);
  const recommendations = sum('recommendations');
  const landed = sum('landed');
  return {
    questions: sum('questions'),
    keyProblems: sum('keyProblems'),
    fixed: sum('fixed'),
    open: sum('open'),
    listVersion: null,
    topics: sum('topics'),
    reports: sum('reports'),
    recommendations,
    landed,
    inProgress: sum('inProgress'),
    rejected: sum('rejected'),
    overdue: sum('overdue'),
    landingRate: recommendations === 0 ? null : landed / recommendations,
  };
}
