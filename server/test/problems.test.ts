// 问题清单 over HTTP: collecting questions (form, phone, xlsx import with a dry run), promoting, merging, splitting,
// publishing versions with a diff, and exporting the list — with what each write leaves in the database.
import type { KeyProblem, ProblemListDetail, ProblemListDiff, ProblemQuestion, QuestionImportResult } from '@duibiao/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, freshProblemProgram, insertQuestions, QUESTIONS } from './problems-helpers.ts';
import { multipart } from './multipart.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
const s: Record<string, Session> = {};
const call = (who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: s[who]!.headers, ...(payload ? { payload } : {}) });
const fx = () => t.fixture;
const program = () => freshProblemProgram(t, fx().orgs['QD']!);
const countRows = async (table: 'problem_questions' | 'key_problems' | 'problem_list_versions', programId: number) =>
  (await t.db.kysely.selectFrom(table).select('id').where('program_id', '=', programId).execute()).length;

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['qd_pm', 'sn_pm', 'qd_tutor', 'qd_trainee', 'sn_trainee']) s[u] = await login(t, u);
});
afterAll(() => t.close());

describe('collecting questions', () => {
  it('lets an organizer add a question for a unit in their subtree and rejects bad fields naming each', async () => {
    const p = await program();
    const ok = await call('qd_pm', 'POST', `/programs/${p}/questions`, { text: QUESTIONS[0], field: 'finance', homeOrgId: fx().orgs['QD-SN-SW'] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<ProblemQuestion>()).toMatchObject({
      source: 'unit',
      field: 'finance',
      homeOrgName: '市南区商务局',
      submitterName: '市南区商务局',
      keyProblems: [],
    });
    const row = await t.db.kysely.selectFrom('problem_questions').selectAll().where('id', '=', ok.json<ProblemQuestion>().id).executeTakeFirstOrThrow();
    expect(row.search_terms).toMatch(/^ .* $/);
    expect(row.search_terms).toContain(' 融资 ');

    const bad = await call('qd_pm', 'POST', `/programs/${p}/questions`, { text: '短', field: 'nope' });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json<{ error: { details: { field: string }[] } }>().error.details.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['text', 'field']));
    // A unit outside 市南区's subtree is refused for sn_pm.
    const outside = await call('sn_pm', 'POST', `/programs/${await freshProblemProgram(t, fx().orgs['QD-SN']!)}/questions`, {
      text: QUESTIONS[1],
      homeOrgId: fx().orgs['QD-LS-SZK'],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json<{ error: { details: { field: string }[] } }>().error.details[0]!.field).toBe('homeOrgId');
    expect(await countRows('problem_questions', p)).toBe(1);
  });

  it('answers 404 for a program outside the subtree and 403 without program:write', async () => {
    const outside = await freshProblemProgram(t, fx().orgs['QD-LS']!);
    expect((await call('sn_pm', 'GET', `/programs/${outside}/questions`)).statusCode).toBe(404);
    expect((await call('sn_pm', 'POST', `/programs/${outside}/questions`, { text: QUESTIONS[0], submitterName: '某人' })).statusCode).toBe(404);
    expect((await call('qd_tutor', 'POST', `/programs/${outside}/questions`, { text: QUESTIONS[0], submitterName: '某人' })).statusCode).toBe(403);
    expect(await countRows('problem_questions', outside)).toBe(0);
  });

  it('lets an enrolled trainee submit, list, edit and delete their own questions; others get 404', async () => {
    const p = await program();
    expect((await call('qd_trainee', 'POST', `/me/programs/${p}/questions`, { text: QUESTIONS[0] })).statusCode).toBe(404);
    await enrol(t, p, fx().cadres['snsw']!);
    const res = await call('qd_trainee', 'POST', `/me/programs/${p}/questions`, { text: QUESTIONS[0], field: 'finance' });
    expect(res.statusCode).toBe(200);
    const q = res.json<ProblemQuestion>();
    expect(q).toMatchObject({ source: 'trainee', submitterName: '李晓梅', homeOrgId: fx().orgs['QD-SN-SW'], canChange: true });
    expect((await call('sn_trainee', 'GET', `/me/programs/${p}/questions`)).statusCode).toBe(404);
    expect((await call('sn_trainee', 'DELETE', `/me/programs/${p}/questions/${q.id}`)).statusCode).toBe(404);
    const edited = await call('qd_trainee', 'PUT', `/me/programs/${p}/questions/${q.id}`, { text: QUESTIONS[1], field: 'finance' });
    expect(edited.json<ProblemQuestion>().text).toBe(QUESTIONS[1]);
    const mine = await call('qd_trainee', 'GET', `/me/programs/${p}/questions`);
    expect(mine.json<ProblemQuestion[]>().map((x) => x.id)).toEqual([q.id]);
    expect((await call('qd_trainee', 'DELETE', `/me/programs/${p}/questions/${q.id}`)).statusCode).toBe(204);
    expect(await countRows('problem_questions', p)).toBe(0);
  });

  it('keeps a trainee question once it sits in a merged key problem (409), not before', async () => {
    const p = await program();
    await enrol(t, p, fx().cadres['snsw']!);
    const mine = (await call('qd_trainee', 'POST', `/me/programs/${p}/questions`, { text: QUESTIONS[0] })).json<ProblemQuestion>();
    await insertQuestions(t, p, [QUESTIONS[1]!]);
    const items = (await call('qd_pm', 'POST', `/programs/${p}/key-problems/promote`)).json<KeyProblem[]>();
    // Singleton item: still the trainee's to change.
    expect((await call('qd_trainee', 'PUT', `/me/programs/${p}/questions/${mine.id}`, { text: `${QUESTIONS[0]}（补充）` })).statusCode).toBe(200);
    await call('qd_pm', 'POST', `/programs/${p}/key-problems/merge`, { ids: items.map((i) => i.id), title: '中小企业融资难融资贵' });
    expect((await call('qd_trainee', 'DELETE', `/me/programs/${p}/questions/${mine.id}`)).statusCode).toBe(409);
    expect((await call('qd_trainee', 'GET', `/me/programs/${p}/questions`)).json<ProblemQuestion[]>()[0]!.canChange).toBe(false);
    expect(await countRows('problem_questions', p)).toBe(2);
  });
});

describe('xlsx import', () => {
  const book = async (rows: (string | null)[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('问题');
    ws.addRow(['问题', '领域', '提出单位', '提出人']);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const upload = async (p: number, content: Buffer, dryRun: boolean) => {
    const form = multipart({}, { name: '问题.xlsx', content });
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/programs/${p}/questions/import?dryRun=${dryRun}`,
      headers: { ...s['qd_pm']!.headers, ...form.headers },
      payload: form.payload,
    });
  };

  it('downloads a template with the four columns', async () => {
    const p = await program();
    const res = await call('qd_pm', 'GET', `/programs/${p}/questions/template.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('问题')!.getRow(1).values).toEqual([undefined, '问题', '领域', '提出单位', '提出人']);
  });

  it('lists every row error in the dry run and writes nothing on a failing commit', async () => {
    const p = await program();
    const file = await book([
      [QUESTIONS[0]!, '金融服务', '市南区商务局', '王科长'],
      ['短', '不存在的领域', '火星市', null],
      [QUESTIONS[2]!, null, null, '张三'],
    ]);
    const dry = await upload(p, file, true);
    expect(dry.statusCode).toBe(200);
    const result = dry.json<QuestionImportResult>();
    expect(result.errors.map((e) => `${e.row}.${e.column}`)).toEqual(['3.问题', '3.领域', '3.提出单位']);
    const commit = await upload(p, file, false);
    expect(commit.statusCode).toBe(400);
    const fields = commit.json<{ error: { details: { field: string }[] } }>().error.details.map((d) => d.field);
    expect(fields).toEqual(['rows.3.问题', 'rows.3.领域', 'rows.3.提出单位']);
    expect(await countRows('problem_questions', p)).toBe(0);
  });

  it('commits all rows of a clean file with field, unit and source import', async () => {
    const p = await program();
    const res = await upload(
      p,
      await book([
        [QUESTIONS[0]!, '金融服务', '市南区商务局', '王科长'],
        [QUESTIONS[3]!, 'urban', null, '张三'],
      ]),
      false,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json<QuestionImportResult>()).toMatchObject({ committed: true, rows: 2, errors: [] });
    const rows = await t.db.kysely.selectFrom('problem_questions').selectAll().where('program_id', '=', p).orderBy('id').execute();
    expect(rows.map((r) => [r.source, r.field, r.home_org_id, r.submitter_name])).toEqual([
      ['import', 'finance', fx().orgs['QD-SN-SW'], '王科长'],
      ['import', 'urban', null, '张三'],
    ]);
  });
});

describe('working list', () => {
  it('promotes each unlinked question once, merges keeping every source, splits only when every source lands', async () => {
    const p = await program();
    const qs = await insertQuestions(t, p, QUESTIONS);
    const promoted = (await call('qd_pm', 'POST', `/programs/${p}/key-problems/promote`)).json<KeyProblem[]>();
    expect(promoted.map((k) => k.questions.map((q) => q.id))).toEqual(qs.map((q) => [q]));
    expect((await call('qd_pm', 'POST', `/programs/${p}/key-problems/promote`)).json<KeyProblem[]>()).toHaveLength(5);

    const merged = await call('qd_pm', 'POST', `/programs/${p}/key-problems/merge`, {
      ids: [promoted[0]!.id, promoted[1]!.id],
      survivorId: promoted[0]!.id,
      title: '中小企业融资难融资贵',
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json<KeyProblem>()).toMatchObject({ id: promoted[0]!.id, title: '中小企业融资难融资贵' });
    expect(merged.json<KeyProblem>().questions.map((q) => q.id)).toEqual([qs[0], qs[1]]);
    const folded = await t.db.kysely.selectFrom('key_problems').selectAll().where('id', '=', promoted[1]!.id).executeTakeFirstOrThrow();
    expect([folded.status, folded.merged_into_id]).toEqual(['merged', promoted[0]!.id]);
    // Merging an item that is no longer active is refused.
    expect((await call('qd_pm', 'POST', `/programs/${p}/key-problems/merge`, { ids: [promoted[1]!.id, promoted[2]!.id], title: '两项' })).statusCode).toBe(400);

    const missing = await call('qd_pm', 'POST', `/programs/${p}/key-problems/${promoted[0]!.id}/split`, {
      parts: [
        { title: '融资难', questionIds: [qs[0]] },
        { title: '融资贵', questionIds: [qs[0]] },
      ],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ error: { details: { field: string }[] } }>().error.details.map((d) => d.field)).toEqual(['parts']);
    const split = await call('qd_pm', 'POST', `/programs/${p}/key-problems/${promoted[0]!.id}/split`, {
      parts: [
        { title: '融资难', questionIds: [qs[0]] },
        { title: '融资贵', questionIds: [qs[1]] },
      ],
    });
    expect(split.statusCode).toBe(200);
    expect(split.json<KeyProblem[]>().map((k) => [k.title, k.questions.map((q) => q.id)])).toEqual([
      ['融资难', [qs[0]]],
      ['融资贵', [qs[1]]],
    ]);
    const list = (await call('qd_pm', 'GET', `/programs/${p}/key-problems`)).json<KeyProblem[]>();
    expect(list.map((k) => k.title).slice(0, 2)).toEqual(['融资难', '融资贵']);

    // A question shows which key problems it feeds.
    const questions = (await call('qd_pm', 'GET', `/programs/${p}/questions`)).json<ProblemQuestion[]>();
    expect(questions.find((q) => q.id === qs[1])!.keyProblems.map((k) => [k.title, k.status])).toEqual(
      expect.arrayContaining([
        ['融资贵', 'active'],
        [QUESTIONS[1], 'merged'],
      ]),
    );
  });

  it('rephrases, classifies, reorders (exact id set) and removes keeping sources', async () => {
    const p = await program();
    const qs = await insertQuestions(t, p, QUESTIONS.slice(0, 3));
    const items = (await call('qd_pm', 'POST', `/programs/${p}/key-problems/promote`)).json<KeyProblem[]>();
    const patched = await call('qd_pm', 'PATCH', `/programs/${p}/key-problems/${items[2]!.id}`, {
      title: '招商引资转向拼服务',
      kind: 'fixed',
      field: 'investment',
    });
    expect(patched.json<KeyProblem>()).toMatchObject({ title: '招商引资转向拼服务', kind: 'fixed', field: 'investment' });
    expect((await call('qd_pm', 'PUT', `/programs/${p}/key-problems/order`, { ids: [items[0]!.id] })).statusCode).toBe(400);
    const order = [items[2]!.id, items[0]!.id, items[1]!.id];
    const reordered = await call('qd_pm', 'PUT', `/programs/${p}/key-problems/order`, { ids: order });
    expect(reordered.json<KeyProblem[]>().map((k) => k.id)).toEqual(order);
    expect((await call('qd_pm', 'DELETE', `/programs/${p}/key-problems/${items[1]!.id}`)).statusCode).toBe(204);
    const removed = await t.db.kysely.selectFrom('key_problem_sources').select('question_id').where('key_problem_id', '=', items[1]!.id).execute();
    expect(removed.map((r) => r.question_id)).toEqual([qs[1]]);
    expect((await call('qd_pm', 'PATCH', `/programs/${p}/key-problems/${items[1]!.id}`, { kind: 'open' })).statusCode).toBe(409);
    expect((await call('qd_tutor', 'DELETE', `/programs/${p}/key-problems/${items[0]!.id}`)).statusCode).toBe(403);
  });

  it('suggests the two financing questions as duplicates with score and shared terms', async () => {
    const p = await program();
    await insertQuestions(t, p, QUESTIONS);
    const res = await call('qd_pm', 'GET', `/programs/${p}/duplicate-suggestions?over=questions`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ groups: { members: { title: string }[]; score: number; sharedTerms: string[] }[] }>();
    expect(body.groups[0]!.members.map((m) => m.title)).toEqual([QUESTIONS[0], QUESTIONS[1]]);
    expect(body.groups[0]!.score).toBeGreaterThan(0.2);
    expect(body.groups[0]!.sharedTerms).toContain('中小企业');
    expect((await call('qd_pm', 'GET', `/programs/${p}/duplicate-suggestions?threshold=2`)).statusCode).toBe(400);
  });
});

describe('published versions', () => {
  it('publishes 1.0 and 2.0, refuses a duplicate label, diffs the merge and exports the titles', async () => {
    const p = await program();
    const qs = await insertQuestions(t, p, QUESTIONS);
    const items = (await call('qd_pm', 'POST', `/programs/${p}/key-problems/promote`)).json<KeyProblem[]>();
    for (const [k, item] of items.entries()) await call('qd_pm', 'PATCH', `/programs/${p}/key-problems/${item.id}`, { kind: k < 3 ? 'fixed' : 'open' });
    const v1 = await call('qd_pm', 'POST', `/programs/${p}/problem-lists`, { version: '1.0', title: '问题清单', note: '初稿' });
    expect(v1.statusCode).toBe(200);
    expect(v1.json<ProblemListDetail>()).toMatchObject({ version: '1.0', counts: { items: 5, fixed: 3, open: 2 }, headline: '固定题 3 项 + 开放题 2 项' });
    const stored = await t.db.kysely
      .selectFrom('problem_list_versions')
      .select('snapshot')
      .where('id', '=', v1.json<ProblemListDetail>().id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.snapshot).items[0]).toEqual({
      id: items[0]!.id,
      title: QUESTIONS[0],
      description: null,
      field: null,
      kind: 'fixed',
      priority: 1,
      questionIds: [qs[0]],
    });
    expect((await call('qd_pm', 'POST', `/programs/${p}/problem-lists`, { version: '1.0', title: '又一版' })).statusCode).toBe(409);

    await call('qd_pm', 'POST', `/programs/${p}/key-problems/merge`, { ids: [items[0]!.id, items[1]!.id], title: '中小企业融资难融资贵' });
    await call('qd_pm', 'PATCH', `/programs/${p}/key-problems/${items[2]!.id}`, { title: '招商引资转向拼服务' });
    await call('qd_pm', 'DELETE', `/programs/${p}/key-problems/${items[4]!.id}`);
    const v2 = (await call('qd_pm', 'POST', `/programs/${p}/problem-lists`, { version: '2.0', title: '问题清单 2.0' })).json<ProblemListDetail>();
    expect(v2.headline).toBe('固定题 2 项 + 开放题 1 项');
    expect(v2.items[0]!.questions.map((q) => q.id)).toEqual([qs[0], qs[1]]);
    expect(await countRows('problem_list_versions', p)).toBe(2);

    const diff = (await call('qd_pm', 'GET', `/programs/${p}/problem-lists/diff?from=${v1.json<ProblemListDetail>().id}&to=${v2.id}`)).json<ProblemListDiff>();
    expect(diff.merged).toHaveLength(1);
    expect(diff.merged[0]!.into.title).toBe('中小企业融资难融资贵');
    expect(diff.merged[0]!.from.map((f) => f.id)).toEqual([items[0]!.id, items[1]!.id]);
    expect(diff.added).toEqual([]);
    expect(diff.removed.map((r) => r.id)).toEqual([items[4]!.id]);
    expect(diff.changed).toEqual([{ id: items[2]!.id, changes: [{ field: 'title', before: QUESTIONS[2], after: '招商引资转向拼服务' }] }]);
    expect([diff.from.counts.fixed, diff.to.counts.open]).toEqual([3, 1]);

    const xlsx = await call('qd_pm', 'GET', `/programs/${p}/key-problems.xlsx?versionId=${v2.id}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells = (wb.worksheets[0]!.getSheetValues() as unknown[][]).flat().map(String);
    expect(cells).toEqual(expect.arrayContaining(['中小企业融资难融资贵', '招商引资转向拼服务', '固定题 2 项 + 开放题 1 项', `\u3000${QUESTIONS[1]}`]));
    const docx = await call('qd_pm', 'GET', `/programs/${p}/key-problems.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await call('qd_pm', 'GET', `/programs/${p}/key-problems.xlsx?versionId=999999`)).statusCode).toBe(404);
  });

  it('answers 404 for versions of a program outside the subtree', async () => {
    const outside = await freshProblemProgram(t, fx().orgs['QD-LS']!);
    expect((await call('sn_pm', 'GET', `/programs/${outside}/problem-lists`)).statusCode).toBe(404);
    expect((await call('sn_pm', 'POST', `/programs/${outside}/problem-lists`, { version: '1.0', title: '问题清单' })).statusCode).toBe(404);
  });
});
