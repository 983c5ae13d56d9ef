// Leave reads shared by the leave use-cases (queries plus the audience rule, hence not a plain *.repo.ts): the
// sessions a trainee must attend, approved leave against them (the 1/7 rule's two numbers), and leave rows
// presented with their people and sessions.
import type { LeaveRequestDto, LeaveStatus } from '@duibiao/contracts';
import { leaveHoursFrom, programHoursFrom } from '@duibiao/core/hours/index';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { sessionIsFor } from '../programs/audience.ts';
import { roundHours } from './attendance.rules.ts';

type Q = Kysely<Database>;

/** The sessions an enrolment must attend, with their hours: the base of the 1/7 rule. */
export async function requiredSessions(db: Q, enrolmentId: number) {
  const e = await db.selectFrom('enrolments').select(['program_id', 'class_id', 'group_id']).where('id', '=', enrolmentId).executeTakeFirstOrThrow();
  const sessions = await db
    .selectFrom('program_sessions')
    .select(['id', 'title', 'starts_at', 'ends_at', 'credited_hours', 'audience_kind', 'audience_class_id', 'audience_group_id'])
    .where('program_id', '=', e.program_id)
    .orderBy('starts_at')
    .execute();
  return sessions.filter((s) => sessionIsFor(s, e));
}

/** Approved leave hours (each session once) against required hours, per enrolment. */
export async function leaveStanding(db: Q, enrolmentIds: number[]): Promise<Map<number, { approved: number; required: number }>> {
  const result = new Map<number, { approved: number; required: number }>();
  if (enrolmentIds.length === 0) return result;
  const ids = [...new Set(enrolmentIds)];
  const [required, approved] = await Promise.all([
    db
      .selectFrom('enrolments as e')
      .innerJoin('program_sessions as s', 's.program_id', 'e.program_id')
      .select(['e.id as enrolment_id', 's.id as session_id', 's.credited_hours'])
      .where('e.id', 'in', ids)
      .where((eb) =>
        eb.or([
          eb('s.audience_kind', '=', 'program'),
          eb.and([eb('s.audience_kind', '=', 'class'), eb('s.audience_class_id', '=', eb.ref('e.class_id'))]),
          eb.and([eb('s.audience_kind', '=', 'group'), eb('s.audience_group_id', '=', eb.ref('e.group_id'))]),
        ]),
      )
      .execute(),
    db
      .selectFrom('leave_requests as l')
      .innerJoin('leave_request_sessions as ls', 'ls.leave_id', 'l.id')
      .select(['l.enrolment_id', 'ls.session_id'])
      .where('l.enrolment_id', 'in', ids)
      .where('l.status', '=', 'approved')
      .execute(),
  ]);
  for (const id of ids) {
    const sessions = required.filter((r) => r.enrolment_id === id).map((r) => ({ id: String(r.session_id), creditedHours: roundHours(r.credited_hours) }));
    const onLeave = approved.filter((a) => a.enrolment_id === id).map((a) => String(a.session_id));
    result.set(id, { approved: leaveHoursFrom(sessions, onLeave), required: programHoursFrom(sessions) });
  }
  return result;
}

/** Leave rows with their people and sessions, presented. */
export async function presentLeave(q: Q, ids: number[]): Promise<LeaveRequestDto[]> {
  if (ids.length === 0) return [];
  const [rows, sessions] = await Promise.all([
    q
      .selectFrom('leave_requests as l')
      .innerJoin('programs as p', 'p.id', 'l.program_id')
      .innerJoin('enrolments as e', 'e.id', 'l.enrolment_id')
      .innerJoin('cadres as c', 'c.id', 'l.cadre_id')
      .innerJoin('organizations as o', 'o.id', 'c.org_id')
      .leftJoin('program_classes as pc', 'pc.id', 'e.class_id')
      .leftJoin('users as u', 'u.id', 'l.decided_by')
      .select([
        'l.id',
        'l.program_id',
        'p.name as program_name',
        'l.enrolment_id',
        'l.cadre_id',
        'c.name as cadre_name',
        'o.name as org_name',
        'pc.name as class_name',
        'l.reason',
        'l.hours',
        'l.status',
        'l.attachment_name',
        'u.display_name as decided_by',
        'l.decided_at',
        'l.decision_note',
        'l.created_at',
        'e.withdrawal_flagged_at',
      ])
      .where('l.id', 'in', ids)
      .execute(),
    q
      .selectFrom('leave_request_sessions as ls')
      .innerJoin('program_sessions as s', 's.id', 'ls.session_id')
      .select(['ls.leave_id', 's.id', 's.title', 's.starts_at', 's.ends_at', 's.credited_hours'])
      .where('ls.leave_id', 'in', ids)
      .orderBy('s.starts_at')
      .execute(),
  ]);
  const standing = await leaveStanding(
    q,
    rows.map((r) => r.enrolment_id),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids
    .map((id) => byId.get(id))
    .filter((r) => r !== undefined)
    .map((r) => ({
      id: r.id,
      programId: r.program_id,
      programName: r.program_name,
      enrolmentId: r.enrolment_id,
      cadreId: r.cadre_id,
      cadreName: r.cadre_name,
      orgName: r.org_name,
      className: r.class_name,
      reason: r.reason,
      hours: roundHours(r.hours),
      status: r.status as LeaveStatus,
      sessions: sessions
        .filter((s) => s.leave_id === r.id)
        .map((s) => ({ id: s.id, title: s.title, startsAt: s.starts_at, endsAt: s.ends_at, hours: roundHours(s.credited_hours) })),
      attachmentName: r.attachment_name,
      decidedBy: r.decided_by,
      decidedAt: r.decided_at,
      decisionNote: r.decision_note,
      createdAt: r.created_at,
      approvedLeaveHours: standing.get(r.enrolment_id)?.approved ?? 0,
      requiredHours: standing.get(r.enrolment_id)?.required ?? 0,
      withdrawalFlagged: r.withdrawal_flagged_at !== null,
    }));
}
