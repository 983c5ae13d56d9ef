// When a session's check-in is open, and whether a check-in at a given instant counts as present or late.
import type { CheckinMessage } from './message.ts';

/** Session times as ISO 8601 strings with an explicit offset (`2024-06-15T09:00:00+08:00` or `…Z`). */
export type CheckinSession = { start: string; end: string };

/** Minutes relative to the session; all non-negative. */
export type CheckinPolicy = {
  /** Check-in opens this long before the start (default 30). */
  opensMinutesBefore: number;
  /** From this long after the start a check-in counts as late (default 10). */
  lateAfterMinutes: number;
  /** Check-in closes this long after the end (default 0: at the end). */
  closesMinutesAfterEnd: number;
};

/** Instants in ms since the epoch. Present in [opensAt, lateAt), late in [lateAt, closesAt). */
export type CheckinWindow = { opensAt: number; lateAt: number; closesAt: number };

/** Result of {@link classifyCheckin}. */
export type CheckinClassification =
  { allowed: true; status: 'present' | 'late'; message: CheckinMessage } | { allowed: false; reason: 'too_early' | 'closed'; message: CheckinMessage };

export const DEFAULT_CHECKIN_POLICY: Readonly<CheckinPolicy> = { opensMinutesBefore: 30, lateAfterMinutes: 10, closesMinutesAfterEnd: 0 };

const MINUTE_MS = 60_000;
// Programs run in China: messages show Beijing time whatever zone the server runs in. China has no DST.
const BEIJING_OFFSET_MS = 8 * 60 * MINUTE_MS;
// An offset is required: without one, Date.parse reads the time in the machine's zone.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The check-in window of a session. Missing policy fields take {@link DEFAULT_CHECKIN_POLICY}.
 * A late threshold past the close simply means no check-in is ever late.
 * Throws RangeError on a time without offset, an end before the start, or a negative policy value.
 */
export function checkinWindow(session: CheckinSession, policy: Partial<CheckinPolicy> = {}): CheckinWindow {
  const start = parseInstant(session.start, 'session start');
  const end = parseInstant(session.end, 'session end');
  if (end < start) throw new RangeError(`session ends before it starts: ${session.start} – ${session.end}`);
  const p = resolvePolicy(policy);
  return {
    opensAt: start - p.opensMinutesBefore * MINUTE_MS,
    lateAt: start + p.lateAfterMinutes * MINUTE_MS,
    closesAt: end + p.closesMinutesAfterEnd * MINUTE_MS,
  };
}

/**
 * Classifies a check-in at `at` (ISO with offset). Each boundary instant belongs to the later phase:
 * exactly at opening is allowed, exactly at the late threshold is late, exactly at closing is closed.
 */
export function classifyCheckin(session: CheckinSession, policy: Partial<CheckinPolicy>, at: string): CheckinClassification {
  const window = checkinWindow(session, policy);
  const t = parseInstant(at, 'check-in time');
  if (t < window.opensAt) {
    const when = beijingTime(window.opensAt, t);
    return { allowed: false, reason: 'too_early', message: { zh: `签到将于 ${when.zh} 开放`, en: `Check-in opens at ${when.en}` } };
  }
  if (t >= window.closesAt) {
    const when = beijingTime(window.closesAt, t);
    return { allowed: false, reason: 'closed', message: { zh: `签到已于 ${when.zh} 截止`, en: `Check-in closed at ${when.en}` } };
  }
  if (t < window.lateAt) return { allowed: true, status: 'present', message: { zh: '签到成功', en: 'Checked in' } };
  const when = beijingTime(window.lateAt, t);
  return {
    allowed: true,
    status: 'late',
    message: { zh: `签到成功，${when.zh} 后签到记为迟到`, en: `Checked in — late (after ${when.en})` },
  };
}

/**
 * `HH:mm` in Beijing time, with the date in front when it is not the same Beijing day as `reference`
 * (a trainee checking in the evening before must not read "08:30" as tonight).
 */
export function beijingTime(instant: number, reference: number): { zh: string; en: string } {
  const d = new Date(instant + BEIJING_OFFSET_MS);
  const hhmm = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
  if (beijingDay(instant) === beijingDay(reference)) return { zh: hhmm, en: hhmm };
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return { zh: `${month}月${day}日 ${hhmm}`, en: `${d.getUTCFullYear()}-${pad2(month)}-${pad2(day)} ${hhmm}` };
}

function beijingDay(instant: number): number {
  return Math.floor((instant + BEIJING_OFFSET_MS) / (24 * 60 * MINUTE_MS));
}

function parseInstant(iso: string, what: string): number {
  const ms = typeof iso === 'string' && ISO_WITH_OFFSET.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${what} must be an ISO 8601 date-time with an offset: ${String(iso)}`);
  return ms;
}

function resolvePolicy(policy: Partial<CheckinPolicy>): CheckinPolicy {
  const resolved = { ...DEFAULT_CHECKIN_POLICY, ...dropUndefined(policy) };
  for (const [key, value] of Object.entries(resolved)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${key} must be a non-negative number of minutes: ${value}`);
  }
  return resolved;
}

function dropUndefined(policy: Partial<CheckinPolicy>): Partial<CheckinPolicy> {
  return Object.fromEntries(Object.entries(policy).filter(([, v]) => v !== undefined));
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
