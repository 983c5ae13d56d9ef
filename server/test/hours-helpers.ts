// Builders for the hours tests: a small program with chosen sessions, attendance marks, leave and manual entries,
// written straight to the database so each test states exactly the data its rule depends on.
import type { Rank } from '@duibiao/contracts';
import { nowIso } from '../src/db/dialect.ts';
import { freshCadre, freshOrg } from './authz/support.ts';
import type { TestApp } from './support.ts';
import { newEnrolmentRow } from '../src/modules/programs/enrolment-row.ts';
import { newProgramRow } from '../src/modules/programs/program-row.ts';

export interface SessionSpec {
  start: string;
  end: string;
  hours: number;
  mode?: 'offline' | 'online';
  audience?: { kind: 'program' } | { kind: 'class'; classId: number } | { kind: 'group'; groupId: number };
}

export interface TestProgram {
  id: number;
  classId: number;
  otherClassId: number;
  sessionIds: number[];
  enrolments: Record<number, number>;
}

let seq = 0;

/** A running program organized by `orgId`, with two classes; every cadre is enrolled in the first class. */
export async function makeProgram(t: TestApp, orgId: number, cadreIds: number[], sessions: SessionSpec[], startDate = '2025-03-03'): Promise<TestProgram> {
  const db = t.db.kysely;
  const at = nowIso();
  const { id } = await db
    .insertInto('programs')
    .values(
      newProgramRow(
        {
          code: `HT-${++seq}-${Date.now()}`,
          name: `学时测试班${seq}`,
          type: 'centralized_class',
          status: 'running',
          organizerOrgId: orgId,
          startDate,
          endDate: startDate,
        },
        at,
      ),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  const classRow = (name: string, sort: number) => ({
    program_id: id,
    name,
    theme: null,
    place: null,
    capacity: 50,
    tutor_instructor_id: null,
    sort_order: sort,
    created_at: at,
    updated_at: at,
  });
  const cls = await db.insertInto('program_classes').values(classRow('一班', 0)).returning('id').executeTakeFirstOrThrow();
  const other = await db.insertInto('program_classes').values(classRow('二班', 1)).returning('id').executeTakeFirstOrThrow();
  const enrolments: Record<number, number> = {};
  for (const cadreId of cadreIds) {
    const e = await db
      .insertInto('enrolments')
      .values(newEnrolmentRow({ programId: id, cadreId, classId: cls.id, groupId: null }, at))
      .returning('id')
      .executeTakeFirstOrThrow();
    enrolments[cadreId] = e.id;
  }
  const sessionIds: number[] = [];
  for (const [i, s] of sessions.entries()) {
    const audience = s.audience ?? { kind: 'program' };
    const row = await db
      .insertInto('program_sessions')
      .values({
        program_id: id,
        code: null,
        title: `第${i + 1}讲`,
        type: 'lecture',
        starts_at: s.start,
        ends_at: s.end,
        venue_id: null,
        audience_kind: audience.kind,
        audience_class_id: audience.kind === 'class' ? audience.classId : null,
        audience_group_id: audience.kind === 'group' ? audience.groupId : null,
        credited_hours: s.hours,
        mode: s.mode ?? 'offline',
        checkin_enabled: 1,
        geofence_m: null,
        checkin_generation: 0,
        notes: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    sessionIds.push(row.id);
  }
  return { id, classId: cls.id, otherClassId: other.id, sessionIds, enrolments };
}

/** Writes (or overwrites) one stop-0 attendance mark. */
export async function mark(t: TestApp, p: TestProgram, sessionId: number, cadreId: number, status: string, minutesMissed = 0): Promise<void> {
  const db = t.db.kysely;
  const at = nowIso();
  await db.deleteFrom('attendance').where('session_id', '=', sessionId).where('cadre_id', '=', cadreId).where('stop_seq', '=', 0).execute();
  await db
    .insertInto('attendance')
    .values({
      session_id: sessionId,
      stop_seq: 0,
      cadre_id: cadreId,
      enrolment_id: p.enrolments[cadreId]!,
      status,
      minutes_missed: minutesMissed,
      method: 'manual',
      checked_in_at: null,
      lat: null,
      lng: null,
      accuracy_m: null,
      distance_m: null,
      remarks: null,
      recorded_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

/** An approved leave request covering these sessions. */
export async function approvedLeave(t: TestApp, p: TestProgram, cadreId: number, sessionIds: number[], hours: number): Promise<void> {
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('leave_requests')
    .values({
      program_id: p.id,
      enrolment_id: p.enrolments[cadreId]!,
      cadre_id: cadreId,
      reason: '公务',
      hours,
      attachment_name: null,
      attachment_path: null,
      status: 'approved',
      decided_by: null,
      decided_at: at,
      decision_note: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const sessionId of sessionIds) await t.db.kysely.insertInto('leave_request_sessions').values({ leave_id: id, session_id: sessionId }).execute();
}

/** A manual ledger entry written directly. */
export async function entry(
  t: TestApp,
  cadreId: number,
  date: string,
  hours: number,
  options: { days?: number; category?: 'offline' | 'online' } = {},
): Promise<void> {
  const at = nowIso();
  await t.db.kysely
    .insertInto('hours_entries')
    .values({
      cadre_id: cadreId,
      program_id: null,
      source: 'manual',
      category: options.category ?? 'offline',
      title: '外部培训',
      provider: null,
      date,
      hours,
      days: options.days ?? 0,
      evidence_name: null,
      evidence_path: null,
      note: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

/** A fresh unit below `parent` with fresh cadres of the given ranks (null = rank unknown). */
export async function unitWithCadres(t: TestApp, parent: number, ranks: (Rank | null)[]): Promise<{ orgId: number; cadres: number[] }> {
  const orgId = await freshOrg(t, parent);
  const cadres: number[] = [];
  for (const rank of ranks) {
    const id = await freshCadre(t, orgId);
    await t.db.kysely.updateTable('cadres').set({ rank }).where('id', '=', id).execute();
    cadres.push(id);
  }
  return { orgId, cadres };
}

export async function programRows(t: TestApp, programId: number, cadreId: number) {
  return t.db.kysely
    .selectFrom('hours_entries')
    .select(['category', 'hours', 'days', 'date', 'title'])
    .where('program_id', '=', programId)
    .where('cadre_id', '=', cadreId)
    .where('source', '=', 'program')
    .orderBy('category')
    .execute();
}
