// A trainee's standing in one program apart from credited hours: scheduled hours, absences, leave and the 1/7 rule.
import { leaveHoursFrom, mustWithdraw, parseInstant, programHoursFrom } from '@duibiao/core/hours/index';
import { sessionIsFor } from '../programs/audience.ts';

/** A timetable session as the ledger reads it. */
export type LedgerSession = {
  id: number;
  starts_at: string;
  ends_at: string;
  credited_hours: number;
  mode: string;
  audience_kind: string;
  audience_class_id: number | null;
  audience_group_id: number | null;
};

export interface Placement {
  class_id: number | null;
  group_id: number | null;
}

export interface Progress {
  scheduledHours: number;
  absences: number;
  leaveHours: number;
  mustWithdraw: boolean;
}

/**
 * `statusBySession`: the trainee's stop-0 attendance status per session id. An ended session with no mark, or
 * marked absent, is an absence; excused sessions are leave, not absences.
 */
export function progressOf(
  sessions: readonly LedgerSession[],
  placement: Placement,
  statusBySession: ReadonlyMap<number, string>,
  approvedLeaveSessionIds: ReadonlySet<number>,
  now = Date.now(),
): Progress {
  const mine = sessions.filter((s) => sessionIsFor(s, placement));
  const hours = mine.map((s) => ({ id: String(s.id), creditedHours: Number(s.credited_hours) }));
  const scheduledHours = programHoursFrom(hours);
  const leaveHours = leaveHoursFrom(
    hours,
    [...approvedLeaveSessionIds].map((id) => String(id)),
  );
  const absences = mine.filter((s) => {
    if (parseInstant(s.ends_at) > now) return false;
    const status = statusBySession.get(s.id);
    return status === undefined || status === 'absent';
  }).length;
  return { scheduledHours, absences, leaveHours, mustWithdraw: mustWithdraw(scheduledHours, leaveHours) };
}
