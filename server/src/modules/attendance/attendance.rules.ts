// Pure attendance rules: Beijing-time formatting, check-in state of a session, roll-call counting.
import { checkinWindow, DEFAULT_CHECKIN_POLICY, type CheckinWindow } from '@duibiao/core/checkin/index';
import type { AttendanceStatus, CheckinState, CheckinWindowDto } from '@duibiao/contracts';

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** An instant written in Beijing time with an explicit offset, the way sessions are stored. */
export function beijingIso(ms: number): string {
  return `${new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** The Beijing calendar date (YYYY-MM-DD) of an instant. */
export const beijingDate = (ms: number): string => beijingIso(ms).slice(0, 10);

/** `HH:mm` in Beijing time. */
export const beijingClock = (iso: string): string => beijingIso(Date.parse(iso)).slice(11, 16);

export interface TimedSession {
  starts_at: string;
  ends_at: string;
  checkin_enabled: number;
}

/** The check-in window of a session under the default policy (30 min before, late after 10 min, closes at the end). */
export function windowOf(session: TimedSession): CheckinWindow {
  return checkinWindow({ start: session.starts_at, end: session.ends_at }, DEFAULT_CHECKIN_POLICY);
}

export function windowDto(window: CheckinWindow): CheckinWindowDto {
  return { opensAt: beijingIso(window.opensAt), lateAt: beijingIso(window.lateAt), closesAt: beijingIso(window.closesAt) };
}

/** Where a session's check-in stands at `now`; boundaries belong to the later phase, as in core/src/checkin. */
export function checkinState(session: TimedSession, now: number): CheckinState {
  if (session.checkin_enabled !== 1) return 'disabled';
  const w = windowOf(session);
  if (now < w.opensAt) return 'not_open';
  if (now >= w.closesAt) return 'closed';
  return now < w.lateAt ? 'open' : 'late';
}

/** Statuses that count as having attended (for rates and live counts). */
export const ATTENDED: readonly AttendanceStatus[] = ['present', 'late', 'left_early'];

/** Attendance rate, or null when nobody is expected; rounded to 4 decimals for stable JSON. */
export function attendanceRate(attended: number, expected: number): number | null {
  return expected > 0 ? Math.round((attended / expected) * 10_000) / 10_000 : null;
}

/** Hours rounded to thousandths: PostgreSQL `real` columns return 1.5 exactly but 0.1 as 0.10000000149. */
export const roundHours = (h: number): number => Math.round(h * 1000) / 1000;
