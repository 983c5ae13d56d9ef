// Pure close-out rules: how much of what was due a trainee attended, and the suggested result with its reason.
import { ATTENDANCE_PASS_MIN, type Assessment } from '@duibiao/contracts';
import { sessionIsFor, type AudienceFields } from '../programs/audience.ts';

/** Marks that count as having attended (late and left-early still attended; their hours are the ledger's business). */
export const ATTENDED = new Set(['present', 'late', 'left_early']);

export interface DueSession extends AudienceFields {
  id: number;
  ends_at: string;
  credited_hours: number;
}

export interface Standing {
  dueHours: number;
  attendedHours: number;
  /** attended ÷ due by credited hours; null when nothing has been due yet. */
  attendanceRate: number | null;
  /** Ended sessions without an attended or excused mark. */
  absentSessions: number;
}

const round = (v: number, digits = 4) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * Standing of one trainee over the sessions that have ended and whose attendance was taken (`recorded`: at least
 * one trainee has a mark; a ceremony nobody checked in to says nothing about anyone). In a recorded session a
 * trainee without a mark missed it: after a session ends, silence means no check-in. Excused (approved leave) is
 * not attended either, so leave and absence together decide the rate, as the 1/7 rule reads "缺课（含请假）".
 */
export function standingOf(
  sessions: readonly DueSession[],
  placement: { class_id: number | null; group_id: number | null },
  marks: ReadonlyMap<number, string>,
  recorded: ReadonlySet<number>,
  nowMs: number,
): Standing {
  let due = 0;
  let attended = 0;
  let absent = 0;
  for (const s of sessions) {
    if (Date.parse(s.ends_at) > nowMs || !recorded.has(s.id) || !sessionIsFor(s, placement)) continue;
    due += s.credited_hours;
    const mark = marks.get(s.id);
    if (mark && ATTENDED.has(mark)) attended += s.credited_hours;
    else if (mark !== 'excused') absent++;
  }
  return { dueHours: round(due, 3), attendedHours: round(attended, 3), attendanceRate: due > 0 ? round(attended / due) : null, absentSessions: absent };
}

/**
 * The suggested result: 不合格 when withdrawn, flagged for withdrawal under the 1/7 leave rule, or attending less
 * than 6/7 of the due hours; otherwise 合格. 优秀 is a judgement the manager makes, never suggested.
 */
export function suggestResult(input: { withdrawn: boolean; flagged: boolean; attendanceRate: number | null }): { result: Assessment; reason: string | null } {
  if (input.withdrawn) return { result: 'fail', reason: '已退学' };
  if (input.flagged) return { result: 'fail', reason: '请假超过项目总学时的 1/7，应予退学' };
  if (input.attendanceRate !== null && input.attendanceRate < ATTENDANCE_PASS_MIN) {
    return { result: 'fail', reason: `出勤率 ${percent(input.attendanceRate)}，低于 ${percent(ATTENDANCE_PASS_MIN)}` };
  }
  return { result: 'pass', reason: null };
}

export const percent = (rate: number): string => `${(Math.floor(rate * 1000) / 10).toFixed(1)}%`;

/** The certificate holder's name for the public page: 张伟 → 张*, 欧阳娜娜 → 欧**娜, 张小伟 → 张*伟. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Certificate serial: DB-2026-000042. */
export const formatSerial = (year: number, n: number): string => `DB-${year}-${String(n).padStart(6, '0')}`;

/** Path of the public verification page of a certificate. */
export const verifyPath = (code: string): string => `/verify/${code}`;
