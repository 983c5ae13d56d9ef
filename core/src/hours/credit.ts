// Hours credited to one trainee in one program, from the timetable, the attendance sheet and the organizer's policy.
import { roundHours, sumHours } from './hours-math.ts';

export type SessionMode = 'offline' | 'online';

/** One timetable session. `creditedHours` is what full attendance earns, set by the organizer. */
export type CreditSession = { id: string; start: string; end: string; creditedHours: number; mode: SessionMode };

export const ATTENDANCE_STATUSES = ['present', 'late', 'left_early', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** One attendance mark. `minutesMissed` matters for `late` and `left_early`; when absent it is read as 0. */
export type AttendanceRecord = { sessionId: string; status: AttendanceStatus; minutesMissed?: number };

export const PARTIAL_CREDIT_MODES = ['full', 'proportional', 'none'] as const;
/** How a late arrival or early departure is credited: all hours, hours minus the share missed, or nothing. */
export type PartialCreditMode = (typeof PARTIAL_CREDIT_MODES)[number];

export const ROUNDING_STEPS = [0.1, 0.5, 1] as const;
export type RoundingStep = (typeof ROUNDING_STEPS)[number];

/** The organizer's crediting policy. */
export type CreditPolicy = {
  late: PartialCreditMode;
  leftEarly: PartialCreditMode;
  /** Lateness up to and including this many minutes earns full credit whatever `late` says. */
  lateGraceMinutes: number;
  /** Multiplier for online sessions: 0.5 means 1 online hour counts as 0.5 学时. */
  onlineFactor: number;
  /** Each session's credit is rounded half up to a multiple of this. */
  roundTo: RoundingStep;
};

/**
 * Default policy: missed minutes cost their share of the session, 10 minutes of grace for lateness,
 * online hours count 1:1 (the 2023 regulation counts online study at face value), half-hour rounding.
 */
export const DEFAULT_CREDIT_POLICY: Readonly<CreditPolicy> = Object.freeze({
  late: 'proportional',
  leftEarly: 'proportional',
  lateGraceMinutes: 10,
  onlineFactor: 1,
  roundTo: 0.5,
});

/** Why a session earned what it did; the UI maps each code to a label. */
export type CreditReason =
  | 'present'
  | 'late_within_grace'
  | 'late_full'
  | 'late_proportional'
  | 'late_none'
  | 'left_early_full'
  | 'left_early_proportional'
  | 'left_early_none'
  | 'absent'
  | 'excused'
  | 'no_record';

export type SessionCredit = { sessionId: string; credited: number; reason: CreditReason };

export type CreditResult = {
  offlineHours: number;
  onlineHours: number;
  totalHours: number;
  /** Distinct Asia/Shanghai calendar days on which some session earned credit. */
  days: number;
  perSession: SessionCredit[];
};

const MS_PER_MINUTE = 60_000;
/** China Standard Time is UTC+8 all year (no daylight saving since 1991), so a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 60 * MS_PER_MINUTE;
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Epoch milliseconds of an ISO timestamp. A timestamp without an offset is read as Beijing time, so the result
 * never depends on the machine's time zone. NaN when unparseable.
 */
export function parseInstant(iso: string): number {
  const hasTime = iso.includes('T');
  return Date.parse(hasTime && !HAS_OFFSET.test(iso) ? `${iso}+08:00` : iso);
}

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an ISO timestamp. */
export function shanghaiDate(iso: string): string {
  return new Date(parseInstant(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Length of a session in minutes; throws RangeError when the times are unparseable or end is not after start. */
export function sessionMinutes(session: CreditSession): number {
  const minutes = (parseInstant(session.end) - parseInstant(session.start)) / MS_PER_MINUTE;
  if (!Number.isFinite(minutes) || minutes <= 0) {
    throw new RangeError(`session ${session.id}: end must be a valid time after start`);
  }
  return minutes;
}

/**
 * Credits one trainee's attendance in one program. A session without an attendance record counts as absent;
 * when a session has several records the last one wins. Totals are sums of the rounded per-session credits,
 * so every figure on the trainee's record adds up. Sessions attributed to days by their start time.
 */
export function creditHours(
  sessions: readonly CreditSession[],
  attendance: readonly AttendanceRecord[],
  policy: CreditPolicy = DEFAULT_CREDIT_POLICY,
): CreditResult {
  const bySession = new Map<string, AttendanceRecord>();
  for (const record of attendance) bySession.set(record.sessionId, record);

  const perSession: SessionCredit[] = [];
  const offline: number[] = [];
  const online: number[] = [];
  const days = new Set<string>();
  for (const session of sessions) {
    const { hours, reason } = creditBeforeMode(session, bySession.get(session.id), policy);
    const factor = session.mode === 'online' ? policy.onlineFactor : 1;
    const credited = roundHours(hours * factor, policy.roundTo);
    perSession.push({ sessionId: session.id, credited, reason });
    (session.mode === 'online' ? online : offline).push(credited);
    if (credited > 0) days.add(shanghaiDate(session.start));
  }
  const offlineHours = sumHours(offline);
  const onlineHours = sumHours(online);
  return { offlineHours, onlineHours, totalHours: sumHours([offlineHours, onlineHours]), days: days.size, perSession };
}

/** Hours one session earns from its attendance mark, before the online factor and rounding. */
function creditBeforeMode(session: CreditSession, record: AttendanceRecord | undefined, policy: CreditPolicy): { hours: number; reason: CreditReason } {
  if (!record) return { hours: 0, reason: 'no_record' };
  const missed = record.minutesMissed ?? 0;
  switch (record.status) {
    case 'present':
      return { hours: session.creditedHours, reason: 'present' };
    case 'absent':
      return { hours: 0, reason: 'absent' };
    case 'excused':
      // Excused leave is still time not trained; it counts towards the withdrawal threshold instead (leave.ts).
      return { hours: 0, reason: 'excused' };
    case 'late':
      if (missed <= policy.lateGraceMinutes) return { hours: session.creditedHours, reason: 'late_within_grace' };
      return partial(session, missed, policy.late, 'late');
    case 'left_early':
      return partial(session, missed, policy.leftEarly, 'left_early');
  }
}

function partial(session: CreditSession, missed: number, mode: PartialCreditMode, kind: 'late' | 'left_early'): { hours: number; reason: CreditReason } {
  switch (mode) {
    case 'full':
      return { hours: session.creditedHours, reason: `${kind}_full` };
    case 'none':
      return { hours: 0, reason: `${kind}_none` };
    case 'proportional': {
      // Missing more minutes than the session lasts cannot make credit negative.
      const attendedShare = Math.max(0, 1 - missed / sessionMinutes(session));
      return { hours: session.creditedHours * attendedShare, reason: `${kind}_proportional` };
    }
  }
}
