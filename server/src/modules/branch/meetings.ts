// Recording organizational-life meetings (组织生活) and their attendance; shared by managers and the branch secretary.
import type { PartyMeetingInput } from '@duibiao/contracts';
import type { Kysely } from 'kysely';
import { nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import type { Actor } from '../auth/actor.ts';
import { findMeeting, listMembers } from './branch.repo.ts';

export interface BranchRef {
  id: number;
  name: string;
  organizer_path: string;
}

/** Attendance may list only the branch's members, each once (400 naming every bad entry, nothing written). */
async function checkAttendance(db: Kysely<Database>, branchId: number, input: PartyMeetingInput): Promise<void> {
  if (!input.attendance) return;
  const members = new Set((await listMembers(db, branchId)).map((m) => m.cadre_id));
  const seen = new Set<number>();
  const problems = input.attendance.flatMap((a, i) => {
    if (!members.has(a.cadreId)) return [{ field: `attendance.${i}.cadreId`, message: '只能登记本支部党员的出席情况' }];
    if (seen.has(a.cadreId)) return [{ field: `attendance.${i}.cadreId`, message: '同一党员重复登记' }];
    seen.add(a.cadreId);
    return [];
  });
  if (problems.length > 0) throw invalid(problems);
}

/** Creates (meetingId null) or updates a meeting; attendance, when given, replaces the recorded one. */
export async function saveMeeting(db: Kysely<Database>, actor: Actor, branch: BranchRef, meetingId: number | null, input: PartyMeetingInput): Promise<number> {
  const before = meetingId === null ? undefined : await findMeeting(db, branch.id, meetingId);
  if (meetingId !== null && !before) throw notFound('组织生活记录');
  await checkAttendance(db, branch.id, input);
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const values = {
      kind: input.kind,
      held_on: input.heldOn,
      title: input.title,
      location: input.location ?? null,
      agenda: input.agenda ?? null,
      minutes: input.minutes ?? null,
      updated_at: at,
    };
    let id: number;
    if (before) {
      await trx.updateTable('party_meetings').set(values).where('id', '=', before.id).execute();
      id = before.id;
    } else {
      const row = await trx
        .insertInto('party_meetings')
        .values({ ...values, branch_id: branch.id, created_by: actor.userId || null, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    if (input.attendance) {
      await trx.deleteFrom('party_meeting_attendance').where('meeting_id', '=', id).execute();
      if (input.attendance.length > 0) {
        await trx
          .insertInto('party_meeting_attendance')
          .values(input.attendance.map((a) => ({ meeting_id: id, cadre_id: a.cadreId, status: a.status, note: a.note ?? null })))
          .execute();
      }
    }
    await recordAudit(trx, actor, {
      action: 'party_meeting.save',
      entityType: 'party_meeting',
      entityId: id,
      scopePath: branch.organizer_path,
      summary: `${before ? '修改' : '记录'}「${branch.name}」组织生活：${input.heldOn} ${input.title}`,
      before: before ? { kind: before.kind, heldOn: before.held_on, title: before.title } : undefined,
      after: { kind: input.kind, heldOn: input.heldOn, title: input.title, attendance: input.attendance?.length },
    });
    return id;
  });
}
