// Calendar rules of long placements, pure: which weeks a log may be filed for, which weeks are missing, and how many
// days and 学时 a completed placement credits. Dates are Beijing calendar dates (YYYY-MM-DD), handled as UTC days.
import { PLACEMENT_HOURS_PER_WORKING_DAY, type ReviewResult } from '@duibiao/contracts';

const DAY_MS = 86_400_000;
/** The regulation's day cap of one ledger entry (hours entries accept at most 366 days). */
export const MAX_PLACEMENT_DAYS = 366;
/** Remote check-in stays open this many days after the start date (the first week on site). */
export const CHECKIN_GRACE_DAYS = 7;

const toDay = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const fromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const addDays = (date: string, n: number): string => fromDay(toDay(date) + n);

export function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = toDay(value);
  return Number.isFinite(day) && fromDay(day) === value;
}

/** 0 = Monday … 6 = Sunday. */
const weekday = (date: string): number => (new Date(toDay(date) * DAY_MS).getUTCDay() + 6) % 7;
export const isMonday = (date: string): boolean => weekday(date) === 0;
export const mondayOf = (date: string): string => addDays(date, -weekday(date));

export interface Period {
  startDate: string | null;
  endDate: string | null;
}

/** Why a week cannot take a log, or null when it can. */
export function weekStartProblem(weekStart: string, period: Period, today: string): string | null {
  if (!isValidDate(weekStart)) return '不是有效的日期（YYYY-MM-DD）';
  if (!isMonday(weekStart)) return '周次应为星期一';
  if (weekStart > today) return '不能为未来的周次填写周志';
  if (period.startDate && addDays(weekStart, 6) < period.startDate) return '该周在实训开始之前';
  if (period.endDate && weekStart > period.endDate) return '该周在实训结束之后';
  return null;
}

/** Mondays of the weeks begun so far (the start's week up to this week or the end's week), oldest first. */
export function begunWeeks(period: Period, today: string): string[] {
  if (!period.startDate || today < period.startDate) return [];
  const last = mondayOf(period.endDate && period.endDate < today ? period.endDate : today);
  const weeks: string[] = [];
  for (let w = mondayOf(period.startDate); w <= last && weeks.length <= 60; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}

/** Begun weeks that are over (this week is not, while the placement still runs), oldest first. */
function finishedWeeks(period: Period, today: string): string[] {
  const current = mondayOf(today);
  const running = !period.endDate || period.endDate >= today;
  return begunWeeks(period, today).filter((w) => !(running && w === current));
}

/** Finished weeks without a log: a week still running is not missing yet. */
export function missingWeeks(period: Period, today: string, logged: ReadonlySet<string>): string[] {
  return finishedWeeks(period, today).filter((w) => !logged.has(w));
}

/** Flag: the two most recent finished weeks both have no log (so at least 2 weeks without one). */
export function noRecentLog(period: Period, today: string, logged: ReadonlySet<string>): boolean {
  const lastTwo = finishedWeeks(period, today).slice(-2);
  return lastTwo.length === 2 && lastTwo.every((w) => !logged.has(w));
}

/** Calendar days of the placement, both ends included, capped at MAX_PLACEMENT_DAYS. */
export function placementDays(startDate: string, endDate: string): number {
  return Math.max(0, Math.min(MAX_PLACEMENT_DAYS, toDay(endDate) - toDay(startDate) + 1));
}

/** Monday-to-Friday days within the (capped) period. */
export function workingDays(startDate: string, endDate: string): number {
  const days = placementDays(startDate, endDate);
  let n = 0;
  for (let i = 0; i < days; i++) if (weekday(addDays(startDate, i)) < 5) n++;
  return n;
}

/**
 * 学时 of a final assessment. Rule: every working day (Mon–Fri) of the placement counts
 * PLACEMENT_HOURS_PER_WORKING_DAY (8) 学时 — credit policies convert session minutes, they have no per-day rate, so
 * the conventional full-time day applies. A failed assessment credits nothing (0 学时 and 0 days); the entry is kept
 * so the file shows the assessment and a re-submission updates it.
 */
export function placementCredit(result: ReviewResult, startDate: string, endDate: string): { days: number; hours: number } {
  if (result === 'fail') return { days: 0, hours: 0 };
  return { days: placementDays(startDate, endDate), hours: workingDays(startDate, endDate) * PLACEMENT_HOURS_PER_WORKING_DAY };
}

/** Completed years of age on `today`, or null without a birth date. */
export function ageOn(birthDate: string | null, today: string): number | null {
  if (!birthDate || !isValidDate(birthDate)) return null;
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
