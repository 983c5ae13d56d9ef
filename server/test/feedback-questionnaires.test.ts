// Questionnaires: template validation and CRUD, the built-in default, one answer per trainee, anonymous results.
import type { MyQuestionnaire, QuestionnaireResults, QuestionnaireTemplate, QuestionnaireTemplateList } from '@duibiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../src/db/dialect.ts';
import { freshProgram } from './feedback-helpers.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let trainee: Session; // cadre snsw
let pm: Session; // qd_pm
let snPm: Session;
beforeAll(async () => {
  t = await createTestApp();
  trainee = await login(t, 'qd_trainee');
  pm = await login(t, 'qd_pm');
  snPm = await login(t, 'sn_pm');
});
afterAll(() => t.close());

const QUESTIONS = [
  { id: 'sat', type: 'rating', title: '总体满意度', required: true },
  { id: 'form', type: 'single', title: '最喜欢的形式', options: ['讲授', '现场教学'], required: true },
  { id: 'topics', type: 'multi', title: '想带回的做法', options: ['招商', '人才', '治理'], required: false },
  { id: 'advice', type: 'text', title: '建议', required: false },
];

const post = (s: Session, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: s.headers, payload: payload as object });
const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });
const fields = (body: string) => (JSON.parse(body) as { error: { details: { field: string }[] } }).error.details.map((d) => d.field).sort();

async function createTemplate(orgKey = 'QD'): Promise<QuestionnaireTemplate> {
  const res = await post(pm, '/api/v1/questionnaire-templates', { orgId: t.fixture.orgs[orgKey], name: '深圳班结业问卷', questions: QUESTIONS });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('questionnaire templates', () => {
  it('creates a template and lists it with the built-in default', async () => {
    const created = await createTemplate();
    expect(created).toMatchObject({ name: '深圳班结业问卷', responseCount: 0, canEdit: true, orgName: '青岛市' });
    expect(created.questions).toHaveLength(4);
    const list = (await get(pm, '/api/v1/questionnaire-templates')).json<QuestionnaireTemplateList>();
    expect(list.items.map((i) => i.id)).toContain(created.id);
    expect(list.builtIn.name).toBe('结业问卷（默认）');
    // Shared downwards: the district sees the city's template, read-only.
    const seen = (await get(snPm, '/api/v1/questionnaire-templates')).json<QuestionnaireTemplateList>().items.find((i) => i.id === created.id);
    expect(seen).toMatchObject({ canEdit: false });
    expect(
      (await t.app.inject({ method: 'PATCH', url: `/api/v1/questionnaire-templates/${created.id}`, headers: snPm.headers, payload: { name: 'x' } })).statusCode,
    ).toBe(404);
  });

  it('rejects malformed questions with one detail per problem and writes nothing', async () => {
    const before = await t.db.kysely.selectFrom('questionnaire_templates').select('id').execute();
    const res = await post(pm, '/api/v1/questionnaire-templates', {
      name: '坏问卷',
      questions: [
        { id: 'a', type: 'single', title: '只有一个选项', options: ['是'], required: true },
        { id: 'a', type: 'rating', title: '编号重复', required: true },
        { id: 'b c', type: 'text', title: '', options: ['x'], required: false },
        { id: 'd', type: 'slider', title: '未知题型', required: true },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res.body)).toEqual(['questions.0.options', 'questions.2.id', 'questions.2.options', 'questions.2.title', 'questions.3.type']);
    // Duplicate ids are checked across the list once every question is well-formed on its own.
    const dup = await post(pm, '/api/v1/questionnaire-templates', { name: '重复', questions: [QUESTIONS[0], { ...QUESTIONS[3], id: 'sat' }] });
    expect(dup.statusCode).toBe(400);
    expect(fields(dup.body)).toEqual(['questions.1.id']);
    const after = await t.db.kysely.selectFrom('questionnaire_templates').select('id').execute();
    expect(after).toHaveLength(before.length);
  });
});

describe('trainee questionnaire', () => {
  it('uses the built-in default when the program has none, stores the organizer’s copy on the first answer, and accepts one answer', async () => {
    const programId = await freshProgram(t, t.fixture.orgs['QD']!, [t.fixture.cadres['snsw']!]);
    const mine = (await get(trainee, '/api/v1/me/questionnaires')).json<MyQuestionnaire[]>().find((q) => q.programId === programId)!;
    expect(mine).toMatchObject({ name: '结业问卷（默认）', submittedAt: null });
    const answers = { overall: 5, design: 4, organisation: 4, most_useful: '现场教学', bring_home: ['招商引资', '人才工作'] };
    const first = await post(trainee, `/api/v1/me/questionnaires/${programId}`, { answers });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<MyQuestionnaire>().submittedAt).not.toBeNull();
    const program = await t.db.kysely.selectFrom('programs').select('questionnaire_template_id').where('id', '=', programId).executeTakeFirstOrThrow();
    const copy = await t.db.kysely
      .selectFrom('questionnaire_templates')
      .selectAll()
      .where('id', '=', program.questionnaire_template_id!)
      .executeTakeFirstOrThrow();
    expect(copy).toMatchObject({ org_id: t.fixture.orgs['QD'], name: '结业问卷（默认）' });
    const again = await post(trainee, `/api/v1/me/questionnaires/${programId}`, { answers });
    expect(again.statusCode).toBe(409);
    expect(await t.db.kysely.selectFrom('questionnaire_responses').select('id').where('program_id', '=', programId).execute()).toHaveLength(1);
  });

  it('validates answers against the program’s template', async () => {
    const template = await createTemplate();
    const programId = await freshProgram(t, t.fixture.orgs['QD']!, [t.fixture.cadres['snsw']!]);
    expect(
      (await t.app.inject({ method: 'PUT', url: `/api/v1/programs/${programId}/questionnaire`, headers: pm.headers, payload: { templateId: template.id } }))
        .statusCode,
    ).toBe(200);
    const res = await post(trainee, `/api/v1/me/questionnaires/${programId}`, { answers: { sat: 6, form: '自学', topics: ['招商', '招商'], extra: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(fields(res.body)).toEqual(['answers.extra', 'answers.form', 'answers.sat', 'answers.topics']);
    const missing = await post(trainee, `/api/v1/me/questionnaires/${programId}`, { answers: { topics: ['人才'] } });
    expect(fields(missing.body)).toEqual(['answers.form', 'answers.sat']);
    expect(await t.db.kysely.selectFrom('questionnaire_responses').select('id').where('program_id', '=', programId).execute()).toHaveLength(0);
  });

  it('is closed before the program runs and for programs the trainee is not in', async () => {
    const draft = await freshProgram(t, t.fixture.orgs['QD']!, [t.fixture.cadres['snsw']!], 'enrolling');
    expect((await get(trainee, '/api/v1/me/questionnaires')).json<MyQuestionnaire[]>().some((q) => q.programId === draft)).toBe(false);
    expect((await post(trainee, `/api/v1/me/questionnaires/${draft}`, { answers: { overall: 5 } })).statusCode).toBe(400);
    const notMine = await freshProgram(t, t.fixture.orgs['QD']!, [t.fixture.cadres['fgw']!]);
    expect((await post(trainee, `/api/v1/me/questionnaires/${notMine}`, { answers: { overall: 5 } })).statusCode).toBe(404);
  });
});

describe('questionnaire results', () => {
  it('aggregates per question without names, only from three responses on, and freezes the template', async () => {
    const template = await createTemplate();
    const programId = await freshProgram(t, t.fixture.orgs['QD']!, [t.fixture.cadres['snsw']!, t.fixture.cadres['fgw']!, t.fixture.cadres['tpj']!]);
    await t.app.inject({ method: 'PUT', url: `/api/v1/programs/${programId}/questionnaire`, headers: pm.headers, payload: { templateId: template.id } });
    const submit = await post(trainee, `/api/v1/me/questionnaires/${programId}`, {
      answers: { sat: 5, form: '现场教学', topics: ['招商', '人才'], advice: '多安排研讨' },
    });
    expect(submit.statusCode).toBe(201);
    const add = (cadre: string, answers: object) =>
      t.db.kysely
        .insertInto('questionnaire_responses')
        .values({ program_id: programId, template_id: template.id, cadre_id: t.fixture.cadres[cadre]!, answers: JSON.stringify(answers), created_at: nowIso() })
        .execute();
    await add('fgw', { sat: 4, form: '现场教学', topics: ['招商'] });

    const few = (await get(pm, `/api/v1/programs/${programId}/questionnaire/results`)).json<QuestionnaireResults>();
    expect(few).toMatchObject({ responses: 2, tooFew: true, questions: [] });

    await add('tpj', { sat: 3, form: '讲授', advice: '时间再长些' });
    const res = await get(pm, `/api/v1/programs/${programId}/questionnaire/results`);
    const body = res.json<QuestionnaireResults>();
    expect(body).toMatchObject({ responses: 3, tooFew: false });
    const [sat, form, topics, advice] = body.questions;
    expect(sat).toMatchObject({ answered: 3, average: 4, distribution: [{ count: 0 }, { count: 0 }, { count: 1 }, { count: 1 }, { count: 1 }] });
    expect(form!.distribution).toEqual([
      { value: '讲授', count: 1 },
      { value: '现场教学', count: 2 },
    ]);
    expect(topics!.distribution).toEqual([
      { value: '招商', count: 2 },
      { value: '人才', count: 1 },
      { value: '治理', count: 0 },
    ]);
    expect(advice!.texts).toEqual(['多安排研讨', '时间再长些'].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')));
    for (const name of ['李晓梅', '王建国', '刘洋']) expect(res.body).not.toContain(name);
    expect(res.body).not.toMatch(/cadre/i);

    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/questionnaire-templates/${template.id}`,
      headers: pm.headers,
      payload: { questions: QUESTIONS.slice(0, 1) },
    });
    expect(edit.statusCode).toBe(409);
    const swap = await t.app.inject({ method: 'PUT', url: `/api/v1/programs/${programId}/questionnaire`, headers: pm.headers, payload: { templateId: null } });
    expect(swap.statusCode).toBe(409);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/questionnaire-templates/${template.id}`, headers: pm.headers })).statusCode).toBe(409);
  });
});
