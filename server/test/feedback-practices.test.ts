// Reflections with action items, and the good-practice library with Chinese full-text search. The search parity
// test runs the same queries on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL in the same run.
import type { PracticeSearch, Reflection } from '@duibiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let trainee: Session; // qd_trainee = cadre snsw, enrolled in program QD
let pm: Session; // qd_pm
beforeAll(async () => {
  t = await createTestApp();
  trainee = await login(t, 'qd_trainee');
  pm = await login(t, 'qd_pm');
});
afterAll(() => t.close());

const send = (app: TestApp, s: Session, method: string, url: string, payload?: unknown) =>
  app.app.inject({ method: method as 'GET', url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

describe('reflections', () => {
  it('a trainee writes a reflection with action items, edits it, and the manager sees it signed and moves an item along', async () => {
    const programId = t.fixture.programs['QD']!;
    const created = await send(t, trainee, 'POST', '/api/v1/me/reflections', {
      programId,
      title: '赴深圳对标学习心得',
      learned: '前海深港现代服务业合作区的招商引资和营商环境经验',
      body: '深圳坚持"要素跟着项目走"。',
      actionItems: [
        { content: '起草智慧社区建设方案', owner: '李晓梅', deadline: '2026-12-31' },
        { content: '梳理人才政策清单', owner: '商务局' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const r = created.json<Reflection>();
    expect(r.cadre).toMatchObject({ id: t.fixture.cadres['snsw'], name: '李晓梅' });
    expect(r.actionItems.map((i) => [i.content, i.status, i.deadline])).toEqual([
      ['起草智慧社区建设方案', 'planned', '2026-12-31'],
      ['梳理人才政策清单', 'planned', null],
    ]);
    const stored = await t.db.kysely.selectFrom('reflections').select('search_terms').where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(stored.search_terms).toContain('|招商|');
    expect(stored.search_terms).toContain('|智慧|');

    // The manager sees it with the author's name and moves the first item to "in progress".
    const list = await send(t, pm, 'GET', `/api/v1/programs/${programId}/reflections`);
    expect(list.json<Reflection[]>().find((x) => x.id === r.id)?.cadre.name).toBe('李晓梅');
    const moved = await send(t, pm, 'PATCH', `/api/v1/action-items/${r.actionItems[0]!.id}`, { status: 'in_progress' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<Reflection>().actionItems[0]!.status).toBe('in_progress');
    expect((await send(t, pm, 'PATCH', `/api/v1/action-items/${r.actionItems[0]!.id}`, { status: 'finished' })).statusCode).toBe(400);

    // The trainee keeps item 1 (status survives), drops item 2, adds a new one.
    const edited = await send(t, trainee, 'PATCH', `/api/v1/me/reflections/${r.id}`, {
      title: '赴深圳对标学习心得（修订）',
      actionItems: [
        { id: r.actionItems[0]!.id, content: '起草智慧社区建设方案（第二稿）', owner: '李晓梅', deadline: '2026-12-31' },
        { content: '研究M0工业用地政策', owner: '李晓梅' },
      ],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const e = edited.json<Reflection>();
    expect(e.title).toBe('赴深圳对标学习心得（修订）');
    expect(e.actionItems.map((i) => [i.content, i.status])).toEqual([
      ['起草智慧社区建设方案（第二稿）', 'in_progress'],
      ['研究M0工业用地政策', 'planned'],
    ]);
    const terms = await t.db.kysely.selectFrom('reflections').select('search_terms').where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(terms.search_terms).toContain('|m0|');
    // Managers search a program's reflections with the same jieba terms (an action item's words count too).
    const search = async (q: string) =>
      (await send(t, pm, 'GET', `/api/v1/programs/${programId}/reflections?q=${encodeURIComponent(q)}`)).json<Reflection[]>().map((x) => x.id);
    expect(await search('工业用地')).toEqual([r.id]);
    expect(await search('招商引资 营商环境')).toEqual([r.id]);
    expect(await search('乡村振兴')).toEqual([]);
    expect((await send(t, trainee, 'GET', '/api/v1/me/reflections')).json<Reflection[]>().map((x) => x.id)).toContain(r.id);
  });

  it('rejects bad input field by field without writing, and hides other trainees’ reflections', async () => {
    const before = await t.db.kysely.selectFrom('reflections').select('id').execute();
    const bad = await send(t, trainee, 'POST', '/api/v1/me/reflections', {
      programId: t.fixture.programs['QD'],
      title: '',
      learned: '',
      actionItems: [{ content: '', owner: '', deadline: '2026-02-30' }],
    });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json() as { error: { details: { field: string }[] } }).error.details.map((d) => d.field).sort();
    expect(fields).toEqual(['actionItems.0.content', 'actionItems.0.deadline', 'actionItems.0.owner', 'learned', 'title']);
    expect(await t.db.kysely.selectFrom('reflections').select('id').execute()).toHaveLength(before.length);
    const sn = await login(t, 'sn_trainee');
    const mineOnly = (await send(t, sn, 'GET', '/api/v1/me/reflections')).json<Reflection[]>();
    expect(mineOnly.every((x) => x.cadre.id === t.fixture.cadres['bdg'])).toBe(true);
    const other = before[0];
    if (other) expect((await send(t, sn, 'PATCH', `/api/v1/me/reflections/${other.id}`, { title: 'x' })).statusCode).toBe(404);
  });
});

const LIBRARY = [
  { title: '前海招商引资"以商引商"', summary: '依托龙头企业以商引商，招商引资全程代办', fields: ['招商引资', '营商环境'], sourceCity: '深圳' },
  { title: '福田政务服务"秒批"', summary: '推行无人干预自动审批，企业开办一天办结', fields: ['营商环境'], sourceCity: '深圳' },
  { title: '常州科教城产学研合作', summary: '围绕产业链招商，引资与引智并重，高校院所共建平台', fields: ['科技创新'], sourceCity: '常州' },
  { title: '智慧社区网格化治理', summary: '社区网格员一格一员，智慧平台联动处置', fields: ['社会治理'], sourceCity: '深圳' },
  { title: '村集体经济"飞地"招商', summary: '几个村抱团到园区建设飞地，招商收益按股分红', fields: ['乡村振兴'], sourceCity: '杭州' },
];

async function seedLibrary(app: TestApp, session: Session): Promise<number[]> {
  const ids: number[] = [];
  for (const p of LIBRARY) {
    const res = await send(app, session, 'POST', '/api/v1/practices', { ...p, orgId: app.fixture.orgs['QD'] });
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json<{ id: number }>().id);
  }
  return ids;
}

/** Ranked titles (ids differ between databases; the library is inserted in the same order, so titles identify). */
const rankedTitles = async (app: TestApp, s: Session, query: string) =>
  (await send(app, s, 'GET', `/api/v1/practices?${query}`)).json<PracticeSearch>().items.map((i) => [i.title, i.score]);

describe('good practices', () => {
  let ids: number[];
  beforeAll(async () => {
    ids = await seedLibrary(t, pm);
  });

  it('finds 招商引资 also where the text says 招商 and 引资 apart, ranks the compound first, and highlights the hits', async () => {
    const res = await send(t, pm, 'GET', `/api/v1/practices?q=${encodeURIComponent('招商引资')}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<PracticeSearch>();
    expect(body.terms).toEqual(['招商', '引资']);
    // 常州 says "产业链招商，引资与引智" (no compound); 飞地 has 招商 but no 引资, so it is not a match.
    expect(body.items.map((i) => i.id)).toEqual([ids[0], ids[2]]);
    expect(body.items[0]!.score!).toBeGreaterThan(body.items[1]!.score!);
    expect(body.items[0]!.highlight.title.filter((s) => s.hit).map((s) => s.text)).toEqual(['招商引资']);
    expect(body.items[1]!.highlight.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['招商', '引资']);
  });

  it('filters by field and city, and lists newest first without a query', async () => {
    const byField = (await send(t, pm, 'GET', `/api/v1/practices?field=${encodeURIComponent('营商环境')}`)).json<PracticeSearch>();
    expect(byField.items.map((i) => i.id)).toEqual([ids[1], ids[0]]);
    const byCity = (await send(t, pm, 'GET', `/api/v1/practices?q=${encodeURIComponent('招商')}&city=${encodeURIComponent('深圳')}`)).json<PracticeSearch>();
    expect(byCity.items.map((i) => i.id)).toEqual([ids[0]]);
    const all = (await send(t, pm, 'GET', '/api/v1/practices?pageSize=2')).json<PracticeSearch>();
    expect(all.total).toBe(LIBRARY.length);
    expect(all.items.map((i) => i.id)).toEqual([ids[4], ids[3]]);
    const facets = (await send(t, pm, 'GET', '/api/v1/practices/facets')).json<{
      fields: { value: string; count: number }[];
      cities: { value: string; count: number }[];
    }>();
    expect(facets.fields[0]).toEqual({ value: '营商环境', count: 2 });
    expect(facets.cities[0]).toEqual({ value: '深圳', count: 3 });
  });

  it('does not match inside other words, and treats LIKE wildcards in the query literally', async () => {
    // 智慧 is a whole term of the 智慧社区 practice; 慧 alone is not one of its terms.
    expect((await send(t, pm, 'GET', `/api/v1/practices?q=${encodeURIComponent('慧')}`)).json<PracticeSearch>().total).toBe(0);
    expect((await send(t, pm, 'GET', `/api/v1/practices?q=${encodeURIComponent('%')}`)).json<PracticeSearch>().total).toBe(0);
    expect((await send(t, pm, 'GET', `/api/v1/practices?q=${encodeURIComponent('招商_')}`)).json<PracticeSearch>().items.map((i) => i.id)).toEqual(
      (await send(t, pm, 'GET', `/api/v1/practices?q=${encodeURIComponent('招商')}`)).json<PracticeSearch>().items.map((i) => i.id),
    );
  });

  it('re-indexes on edit, shares practices down the tree read-only, and takes a practice from a reflection', async () => {
    const edited = await send(t, pm, 'PATCH', `/api/v1/practices/${ids[1]}`, { summary: '人才公寓拎包入住，人才政策一网通办' });
    expect(edited.statusCode).toBe(200);
    const found = (await send(t, pm, 'GET', `/api/v1/practices?q=${encodeURIComponent('人才政策')}`)).json<PracticeSearch>();
    expect(found.items.map((i) => i.id)).toEqual([ids[1]]);

    const snPm = await login(t, 'sn_pm');
    const shared = await send(t, snPm, 'GET', `/api/v1/practices/${ids[0]}`);
    expect(shared.statusCode).toBe(200);
    expect(shared.json<{ canEdit: boolean }>().canEdit).toBe(false);
    expect((await send(t, snPm, 'PATCH', `/api/v1/practices/${ids[0]}`, { title: 'x' })).statusCode).toBe(404);
    const lsAdmin = await login(t, 'ls_admin');
    const snOwn = await send(t, snPm, 'POST', '/api/v1/practices', { title: '市南区街道议事会', summary: '居民议事，协商共治', fields: ['社会治理'] });
    expect(snOwn.statusCode).toBe(201);
    expect((await send(t, lsAdmin, 'GET', `/api/v1/practices/${snOwn.json<{ id: number }>().id}`)).statusCode).toBe(404);

    const reflection = await send(t, trainee, 'POST', '/api/v1/me/reflections', {
      programId: t.fixture.programs['QD'],
      title: '飞地经济的启示',
      learned: '飞地抱团发展',
    });
    const rid = reflection.json<Reflection>().id;
    const fromReflection = await send(t, pm, 'POST', '/api/v1/practices', { title: '飞地抱团', summary: '村集体抱团发展飞地经济', reflectionId: rid });
    expect(fromReflection.statusCode, fromReflection.body).toBe(201);
    expect(fromReflection.json()).toMatchObject({ reflectionId: rid, program: { id: t.fixture.programs['QD'] } });
    const listed = (await send(t, pm, 'GET', `/api/v1/programs/${t.fixture.programs['QD']}/reflections`)).json<Reflection[]>().find((r) => r.id === rid);
    expect(listed?.practiceIds).toEqual([fromReflection.json<{ id: number }>().id]);
    const badSource = await send(t, snPm, 'POST', '/api/v1/practices', { title: 'x', summary: 'y', reflectionId: rid });
    expect(badSource.statusCode).toBe(400);
  });

  it('rejects bad input with field details and writes nothing', async () => {
    const before = await t.db.kysely.selectFrom('good_practices').select('id').execute();
    const res = await send(t, pm, 'POST', '/api/v1/practices', { title: '', summary: '', fields: ['x'.repeat(31)] });
    expect(res.statusCode).toBe(400);
    const fields = (res.json() as { error: { details: { field: string }[] } }).error.details.map((d) => d.field).sort();
    expect(fields).toEqual(['fields.0', 'summary', 'title']);
    expect(await t.db.kysely.selectFrom('good_practices').select('id').execute()).toHaveLength(before.length);
  });
});

describe('search parity across databases', () => {
  it('gives the same ranked results and scores on SQLite and on the database under test', async () => {
    // `fresh` runs on TEST_DATABASE_URL when set (PostgreSQL), `sqlite` always on SQLite; both get the same library.
    const url = process.env.TEST_DATABASE_URL;
    delete process.env.TEST_DATABASE_URL;
    let sqlite: TestApp;
    try {
      sqlite = await createTestApp();
    } finally {
      if (url !== undefined) process.env.TEST_DATABASE_URL = url;
    }
    try {
      expect(sqlite.db.kind).toBe('sqlite');
      const b = await login(sqlite, 'qd_admin');
      const fresh = await createTestApp();
      try {
        expect(fresh.db.kind).toBe(url ? 'postgres' : 'sqlite');
        const c = await login(fresh, 'qd_admin');
        await seedLibrary(fresh, c);
        await seedLibrary(sqlite, b);
        for (const q of ['招商引资', '招商', '深圳 智慧社区', '飞地 村集体经济', '审批']) {
          const query = `q=${encodeURIComponent(q)}`;
          const expected = await rankedTitles(sqlite, b, query);
          expect(expected.length, q).toBeGreaterThan(0);
          expect(await rankedTitles(fresh, c, query), `${q} on ${fresh.db.kind}`).toEqual(expected);
        }
      } finally {
        await fresh.close();
      }
    } finally {
      await sqlite.close();
    }
  });
});
