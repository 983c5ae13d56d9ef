// Fresh feedback records for tests and the authorization matrix: sessions, programs with a trainee enrolled,
// questionnaire templates, reflections with an action item, good practices.
import { nowIso } from '../src/db/dialect.ts';
import { toSearchColumn } from '../src/modules/feedback/search.rules.ts';
import { beijingIso } from './program-fixture.ts';
import type { TestApp } from './support.ts';
import { newEnrolmentRow } from '../src/modules/programs/enrolment-row.ts';
import { newProgramRow } from '../src/modules/programs/program-row.ts';

let counter = 0;
const next = () => ++counter;

/** A session of the program (audience: whole program) that ended `hoursAgo` hours ago, or ends in the future when negative. */
export async function freshSession(
  t: TestApp,
  programId: number,
  options: { hoursAgo?: number; venueId?: number | null; instructorId?: number; audience?: { kind: 'class' | 'group'; id: number } } = {},
): Promise<number> {
  const hoursAgo = options.hoursAgo ?? 2;
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('program_sessions')
    .values({
      program_id: programId,
      code: null,
      title: `专题课${next()}`,
      type: 'lecture',
      starts_at: beijingIso(-(hoursAgo + 2) * 3600_000),
      ends_at: beijingIso(-hoursAgo * 3600_000),
      venue_id: options.venueId ?? null,
      audience_kind: options.audience?.kind ?? 'program',
      audience_class_id: options.audience?.kind === 'class' ? options.audience.id : null,
      audience_group_id: options.audience?.kind === 'group' ? options.audience.id : null,
      credited_hours: 2,
      mode: 'offline',
      checkin_enabled: 1,
      geofence_m: null,
      checkin_generation: 0,
      notes: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (options.instructorId) await t.db.kysely.insertInto('session_instructors').values({ session_id: id, instructor_id: options.instructorId }).execute();
  return id;
}

/** A running program of `orgId` with `cadreIds` enrolled. */
export async function freshProgram(t: TestApp, orgId: number, cadreIds: number[], status = 'running'): Promise<number> {
  const at = nowIso();
  const n = next();
  const { id } = await t.db.kysely
    .insertInto('programs')
    .values(
      newProgramRow(
        {
          code: `FB-${n}-${Math.random().toString(36).slice(2, 8)}`,
          name: `测试培训班${n}`,
          type: 'centralized_class',
          status,
          organizerOrgId: orgId,
          startDate: '2026-01-01',
          endDate: '2026-01-05',
        },
        at,
      ),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const cadreId of cadreIds) {
    await t.db.kysely
      .insertInto('enrolments')
      .values(newEnrolmentRow({ programId: id, cadreId, classId: null, groupId: null }, at))
      .execute();
  }
  return id;
}

export async function freshTemplate(t: TestApp, orgId: number): Promise<number> {
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('questionnaire_templates')
    .values({
      org_id: orgId,
      name: `问卷${next()}`,
      questions: JSON.stringify([{ id: 'q1', type: 'rating', title: '总体满意度', required: true }]),
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A reflection of `cadreId` in `programId` with one action item; returns both ids. */
export async function freshReflection(t: TestApp, programId: number, cadreId: number): Promise<{ reflectionId: number; itemId: number }> {
  const at = nowIso();
  const title = `心得${next()}`;
  const { id } = await t.db.kysely
    .insertInto('reflections')
    .values({
      program_id: programId,
      cadre_id: cadreId,
      title,
      learned: '学到了营商环境的做法',
      body: null,
      status: 'submitted',
      search_terms: toSearchColumn(title),
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const item = await t.db.kysely
    .insertInto('action_items')
    .values({ reflection_id: id, content: '制定智慧社区方案', owner: '本人', deadline: null, status: 'planned', created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { reflectionId: id, itemId: item.id };
}

export async function freshPractice(
  t: TestApp,
  orgId: number,
  text: { title?: string; summary?: string; fields?: string[]; city?: string } = {},
): Promise<number> {
  const at = nowIso();
  const title = text.title ?? `经验做法${next()}`;
  const summary = text.summary ?? '一站式政务服务';
  const fields = text.fields ?? [];
  const { id } = await t.db.kysely
    .insertInto('good_practices')
    .values({
      org_id: orgId,
      program_id: null,
      reflection_id: null,
      title,
      summary,
      body: null,
      fields: JSON.stringify(fields),
      fields_index: `|${fields.join('|')}|`,
      source_city: text.city ?? null,
      search_terms: toSearchColumn(title, summary, fields.join(' '), text.city),
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
