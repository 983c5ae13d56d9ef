// Direct inserts for close-out tests: attendance marks, leave, ratings and ledger entries, as the other modules
// would have written them (close-out reads the tables, so the tests need not drive those modules).
import { nowIso } from '../src/db/dialect.ts';
import type { TestApp } from './support.ts';

export async function addAttendance(t: TestApp, sessionId: number, cadreKey: string, status: string): Promise<void> {
  const at = nowIso();
  await t.db.kysely
    .insertInto('attendance')
    .values({
      session_id: sessionId,
      stop_seq: 0,
      cadre_id: t.fixture.cadres[cadreKey]!,
      enrolment_id: t.fixture.enrolments[cadreKey]!,
      status,
      minutes_missed: 0,
      method: 'manual',
      checked_in_at: status === 'present' ? at : null,
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

export async function addLeave(t: TestApp, programKey: string, cadreKey: string, hours: number, status: string): Promise<void> {
  const at = nowIso();
  await t.db.kysely
    .insertInto('leave_requests')
    .values({
      program_id: t.fixture.programs[programKey]!,
      enrolment_id: t.fixture.enrolments[cadreKey]!,
      cadre_id: t.fixture.cadres[cadreKey]!,
      reason: '公务',
      hours,
      attachment_name: null,
      attachment_path: null,
      status,
      decided_by: null,
      decided_at: status === 'pending' ? null : at,
      decision_note: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

export async function addRating(t: TestApp, sessionId: number, cadreKey: string, scores: [number, number, number]): Promise<void> {
  await t.db.kysely
    .insertInto('session_ratings')
    .values({
      session_id: sessionId,
      cadre_id: t.fixture.cadres[cadreKey]!,
      content: scores[0],
      delivery: scores[1],
      usefulness: scores[2],
      comment: null,
      created_at: nowIso(),
    })
    .execute();
}

export async function addHours(
  t: TestApp,
  cadreKey: string,
  entry: { programKey?: string; date: string; hours: number; days: number; category?: 'offline' | 'online' },
): Promise<void> {
  const at = nowIso();
  await t.db.kysely
    .insertInto('hours_entries')
    .values({
      cadre_id: t.fixture.cadres[cadreKey]!,
      program_id: entry.programKey ? t.fixture.programs[entry.programKey]! : null,
      source: entry.programKey ? 'program' : 'manual',
      category: entry.category ?? 'offline',
      title: '测试学时',
      provider: null,
      date: entry.date,
      hours: entry.hours,
      days: entry.days,
      evidence_name: null,
      evidence_path: null,
      note: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}
