// Test records of the problems module: a program at a given organizer node, enrolments, and questions inserted
// directly (with their search terms) so suggestion and diff tests need no HTTP round trips to set up.
import { nowIso } from '../src/db/dialect.ts';
import { newEnrolmentRow } from '../src/modules/programs/enrolment-row.ts';
import { newProgramRow } from '../src/modules/programs/program-row.ts';
import { searchTermsOf } from '../src/modules/problems/problems.rules.ts';
import type { TestApp } from './support.ts';

let counter = 0;

export async function freshProblemProgram(t: TestApp, orgId: number): Promise<number> {
  const n = ++counter;
  const { id } = await t.db.kysely
    .insertInto('programs')
    .values(
      newProgramRow(
        {
          code: `PQ-${n}-${Math.random().toString(36).slice(2, 8)}`,
          name: `问题清单测试班${n}`,
          type: 'embedded_practicum',
          status: 'running',
          organizerOrgId: orgId,
          startDate: '2026-09-01',
          endDate: '2026-12-31',
          places: ['青岛'],
        },
        nowIso(),
      ),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function enrol(t: TestApp, programId: number, cadreId: number): Promise<void> {
  await t.db.kysely
    .insertInto('enrolments')
    .values(newEnrolmentRow({ programId, cadreId, classId: null, groupId: null }, nowIso()))
    .execute();
}

export async function insertQuestions(t: TestApp, programId: number, texts: readonly string[], cadreId: number | null = null): Promise<number[]> {
  const ids: number[] = [];
  for (const text of texts) {
    const at = nowIso();
    const { id } = await t.db.kysely
      .insertInto('problem_questions')
      .values({
        program_id: programId,
        text,
        field: null,
        source: cadreId === null ? 'unit' : 'trainee',
        submitter_cadre_id: cadreId,
        submitter_user_id: null,
        submitter_name: '测试单位',
        home_org_id: null,
        search_terms: searchTermsOf(text),
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(id);
  }
  return ids;
}

export const QUESTIONS = [
  '如何破解中小企业融资难融资贵的问题？',
  '中小企业贷款难、贷款贵怎么解决？',
  '招商引资如何从拼政策转向拼服务？',
  '老旧小区改造资金从哪里来？',
  '乡村振兴中如何留住年轻人才？',
];

export interface ProblemScenario {
  programId: number;
  questionIds: number[];
  itemIds: number[];
  versionIds: number[];
}

/**
 * A program at `orgId` with three questions (the first by `cadreId`, enrolled), each promoted to a singleton item,
 * and two published versions — enough state for every route of the module.
 */
export async function problemScenario(t: TestApp, orgId: number, cadreId: number): Promise<ProblemScenario> {
  const db = t.db.kysely;
  const programId = await freshProblemProgram(t, orgId);
  await enrol(t, programId, cadreId);
  const questionIds = [
    ...(await insertQuestions(t, programId, QUESTIONS.slice(0, 1), cadreId)),
    ...(await insertQuestions(t, programId, QUESTIONS.slice(1, 3))),
  ];
  const at = nowIso();
  const itemIds: number[] = [];
  for (const [k, q] of questionIds.entries()) {
    const { id } = await db
      .insertInto('key_problems')
      .values({
        program_id: programId,
        title: QUESTIONS[k]!,
        description: null,
        field: null,
        kind: null,
        priority: k + 1,
        status: 'active',
        merged_into_id: null,
        search_terms: searchTermsOf(QUESTIONS[k]!),
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('key_problem_sources').values({ key_problem_id: id, question_id: q }).execute();
    itemIds.push(id);
  }
  const snapshot = JSON.stringify({
    items: itemIds.map((id, k) => ({ id, title: QUESTIONS[k], description: null, field: null, kind: null, priority: k + 1, questionIds: [questionIds[k]] })),
  });
  const versionIds: number[] = [];
  for (const version of ['1.0', '1.1']) {
    const { id } = await db
      .insertInto('problem_list_versions')
      .values({ program_id: programId, version, title: '问题清单', note: null, snapshot, published_by: null, published_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    versionIds.push(id);
  }
  return { programId, questionIds, itemIds, versionIds };
}
