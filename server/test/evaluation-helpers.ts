// Test records for the final evaluation and the Party branch, inserted directly (the topics, milestones and
// recommendations routes are built by other modules): programs, enrolments, topics with task forces, panel scores,
// host final reviews, attendance marks, reflections and recommendations.
import { nowIso } from '../src/db/dialect.ts';
import { newEnrolmentRow } from '../src/modules/programs/enrolment-row.ts';
import { newProgramRow } from '../src/modules/programs/program-row.ts';
import { freshPlacement } from './practicum-helpers.ts';
import type { TestApp } from './support.ts';
import { newTopicRow, newTaskForceMemberRow } from '../src/modules/topics/topic-row.ts';

let counter = 0;

export async function freshProgram(
  t: TestApp,
  orgId: number,
  o: { type?: 'centralized_class' | 'embedded_practicum'; startDate?: string; endDate?: string } = {},
): Promise<number> {
  const n = ++counter;
  const { id } = await t.db.kysely
    .insertInto('programs')
    .values(
      newProgramRow(
        {
          code: `EV-${n}-${Math.random().toString(36).slice(2, 8)}`,
          name: `青岛市第${n}批赴深圳体悟实训`,
          type: o.type ?? 'embedded_practicum',
          status: 'running',
          organizerOrgId: orgId,
          startDate: o.startDate ?? '2026-09-01',
          endDate: o.endDate ?? '2026-12-31',
          places: ['深圳'],
        },
        nowIso(),
      ),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function enrol(t: TestApp, programId: number, cadreId: number): Promise<number> {
  const { id } = await t.db.kysely
    .insertInto('enrolments')
    .values(newEnrolmentRow({ programId, cadreId, classId: null, groupId: null }, nowIso()))
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A topic whose task force is the given cadres (the first one leads). */
export async function freshTopic(t: TestApp, programId: number, cadreIds: number[], title = '深圳营商环境改革经验借鉴'): Promise<number> {
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('research_topics')
    .values(newTopicRow({ programId, title, status: 'in_progress', teamMin: 1, teamMax: 5 }, at))
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, cadreId] of cadreIds.entries()) {
    await t.db.kysely
      .insertInto('task_force_members')
      .values(newTaskForceMemberRow({ topicId: id, cadreId, name: `成员${i}`, role: i === 0 ? 'lead' : 'member', assignedRank: 1 }, at))
      .execute();
  }
  return id;
}

/** A defence milestone with a rubric of the given maximum and one panel score per total (reviewers from `reviewers`). */
export async function defence(t: TestApp, topicId: number, kind: 'midterm' | 'final', max: number, totals: number[], reviewers: number[]): Promise<void> {
  const at = nowIso();
  const rubric = JSON.stringify([
    { key: 'a', label: '问题把握', max: max / 2 },
    { key: 'b', label: '对策可行', max: max / 2 },
  ]);
  const { id } = await t.db.kysely
    .insertInto('topic_milestones')
    .values({
      topic_id: topicId,
      kind,
      title: kind,
      due_date: '2026-10-01',
      status: 'passed',
      rubric,
      decision_note: null,
      decided_by: null,
      decided_at: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, total] of totals.entries()) {
    await t.db.kysely
      .insertInto('milestone_scores')
      .values({
        milestone_id: id,
        reviewer_user_id: reviewers[i]!,
        scores: JSON.stringify({ a: total / 2, b: total / 2 }),
        total,
        comment: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
}

/** The cadre's placement in the program with a final review (score and/or result). */
export async function hostFinal(t: TestApp, orgId: number, programId: number, cadreId: number, score: number | null, result: string | null): Promise<void> {
  const p = await freshPlacement(t, { orgId, cadreId, contactUserId: null, programId, status: 'completed' });
  const at = nowIso();
  await t.db.kysely
    .insertInto('placement_reviews')
    .values({
      placement_id: p.placementId,
      kind: 'final',
      self_summary: null,
      host_feedback: '表现良好',
      score,
      result,
      hours: null,
      hours_entry_id: null,
      reviewer_id: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

/** One session per status, with the cadre's mark on each. */
export async function marks(t: TestApp, programId: number, cadreId: number, statuses: string[]): Promise<void> {
  const at = nowIso();
  const e = await t.db.kysely
    .selectFrom('enrolments')
    .select('id')
    .where('program_id', '=', programId)
    .where('cadre_id', '=', cadreId)
    .executeTakeFirstOrThrow();
  for (const [i, status] of statuses.entries()) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const { id } = await t.db.kysely
      .insertInto('program_sessions')
      .values({
        program_id: programId,
        code: null,
        title: `课程${i}`,
        type: 'lecture',
        starts_at: `2026-09-${day}T01:00:00.000Z`,
        ends_at: `2026-09-${day}T03:00:00.000Z`,
        venue_id: null,
        audience_kind: 'program',
        audience_class_id: null,
        audience_group_id: null,
        credited_hours: 2,
        mode: 'offline',
        checkin_enabled: 0,
        geofence_m: null,
        checkin_generation: 0,
        notes: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .insertInto('attendance')
      .values({
        session_id: id,
        stop_seq: 0,
        cadre_id: cadreId,
        enrolment_id: e.id,
        status,
        minutes_missed: 0,
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
}

export async function reflection(t: TestApp, programId: number, cadreId: number, actionItems: number, status = 'submitted'): Promise<void> {
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('reflections')
    .values({
      program_id: programId,
      cadre_id: cadreId,
      title: '学习体会',
      learned: '学到了深圳的改革经验',
      body: null,
      status,
      search_terms: ' ',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < actionItems; i++) {
    await t.db.kysely
      .insertInto('action_items')
      .values({ reflection_id: id, content: `行动${i}`, owner: '本单位', deadline: null, status: 'planned', created_at: at, updated_at: at })
      .execute();
  }
}

export async function recommendation(t: TestApp, programId: number, topicId: number | null, status: string): Promise<void> {
  const at = nowIso();
  await t.db.kysely
    .insertInto('recommendations')
    .values({
      program_id: programId,
      source: 'topic',
      report_id: null,
      topic_id: topicId,
      action_item_id: null,
      title: '建立项目秘书制度',
      content: null,
      owner_org_id: null,
      owner_name: '市发改委',
      deadline: null,
      expected_effect: null,
      status,
      reject_reason: null,
      landed_at: status === 'landed' ? at : null,
      last_update_at: null,
      reminded_for: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}
