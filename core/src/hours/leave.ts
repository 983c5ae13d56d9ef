// The withdrawal rule: a trainee whose leave exceeds a share (by default 1/7) of a program's hours must withdraw.
import { fromMilli, toMilli } from './hours-math.ts';

/** A share as a ratio of integers, so the threshold test is exact. */
export type Fraction = { numerator: number; denominator: number };

/** 请假超过总学时七分之一的，应当退学: more than 1/7 of the program's hours on leave means withdrawal. */
export const WITHDRAWAL_THRESHOLD: Readonly<Fraction> = Object.freeze({ numerator: 1, denominator: 7 });

/** Share of the program's hours taken as leave (for display); 0 for a program without hours. */
export function leaveShare(programHours: number, leaveHours: number): number {
  const total = toMilli(programHours);
  return total > 0 ? toMilli(leaveHours) / total : 0;
}

/**
 * True only when leave is strictly above `threshold` of the program's hours: exactly 1/7 is still allowed.
 * Compares leave × denominator > hours × numerator on integer thousandths of an hour, never on floats
 * (0.1 × 7 is 0.7000000000000001 in floating point, which would wrongly withdraw a trainee at exactly 1/7).
 */
export function mustWithdraw(programHours: number, leaveHours: number, threshold: Fraction = WITHDRAWAL_THRESHOLD): boolean {
  if (!Number.isInteger(threshold.numerator) || !Number.isInteger(threshold.denominator) || threshold.denominator <= 0 || threshold.numerator < 0) {
    throw new RangeError('threshold must be a fraction of non-negative integers with a positive denominator');
  }
  return toMilli(leaveHours) * threshold.denominator > toMilli(programHours) * threshold.numerator;
}

/** Total scheduled hours of a program: the base the leave share is measured against. */
export function programHoursFrom(sessions: readonly { creditedHours: number }[]): number {
  let milli = 0;
  for (const s of sessions) milli += toMilli(s.creditedHours);
  return fromMilli(milli);
}

/** Hours of leave: the scheduled hours of the sessions covered by approved leave (each session counted once). */
export function leaveHoursFrom(sessions: readonly { id: string; creditedHours: number }[], approvedLeaveSessionIds: Iterable<string>): number {
  const onLeave = new Set(approvedLeaveSessionIds);
  return programHoursFrom(sessions.filter((s) => onLeave.has(s.id)));
}
