// Class and group formation (S2 分班建组) over HTTP: feasibility before solving, the solver's proposal, live evaluation of
// a hand move, locks kept on re-solve, apply writing enrolments and 第k组 groups, refusals and scope.
import type { FormationApplyResult, FormationDraft, FormationEvaluation, FormationSolution, FormationView } from '@duibiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formationCadres, formationProgram } from './formation-helpers.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let pm: Session; // qd_pm: program manager at city level
let sn: Session; // sn_admin: district admin, cannot see city programs
let tutor: Session;
let programId: number;
let classIds: number[];
const GROUPS = { min: 5, max: 8 };

beforeAll(async () => {
  t = await createTestApp();
  pm = await login(t, 'qd_pm');
  sn = await login(t, 'sn_admin');
  tutor = await login(t, 'qd_tutor');
  // 40 trainees, 22 grassroots, from 8 units; two themed classes of at most 22 that each need ≥ 50 % grassroots.
  const cadres = await formationCadres(t, t.fixture.orgs['QD']!, 40, 22);
  ({ programId, classIds } = await formationProgram(t, t.fixture.orgs['QD']!, cadres, [
    { name: '乡村振兴专题班', capacity: 22, tags: ['乡村振兴', '党建', '金融'], share: 0.5 },
    { name: '城市治理专题班', capacity: 22, tags: ['社会治理', '城市规划', '招商引资'], share: 0.5 },
  ]));
});
afterAll(() => t.close());

const url = (id = programId, tail = '') => `/api/v1/programs/${id}/formation${tail}`;
const get = (s: Session, id = programId) => t.app.inject({ method: 'GET', url: url(id), headers: s.headers });
const post = (s: Session, tail: string, payload?: unknown, id = programId) =>
  t.app.inject({ method: 'POST', url: url(id, tail), headers: s.headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
const put = (s: Session, payload: unknown, id = programId) =>
  t.app.inject({ method: 'PUT', url: url(id, '/draft'), headers: s.headers, payload: payload as object });
const grassrootsIds = async () =>
  new Set(
    (await get(pm))
      .json<FormationView>()
      .people.filter((p) => p.grassroots)
      .map((p) => p.id),
  );
const clone = (s: FormationSolution): FormationSolution => JSON.parse(JSON.stringify(s)) as FormationSolution;

describe('GET …/formation', () => {
  it('builds the instance from enrolled trainees and classes and reports it feasible', async () => {
    const res = await get(pm);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<FormationView>();
    expect(view.people).toHaveLength(40);
    expect(view.people.filter((p) => p.grassroots)).toHaveLength(22);
    expect(view.people[0]).toMatchObject({ name: expect.stringMatching(/^学员/), unitName: expect.stringMatching(/^测试/), age: expect.any(Number) });
    expect(view.classes.map((c) => c.minGrassrootsShare)).toEqual([0.5, 0.5]);
    expect(view.classes[0]!.themeTags).toContain('乡村振兴');
    expect(view.feasibility).toEqual([]);
    expect(view.draft).toBeNull();
  });

  it('is readable by a tutor but 404 outside the caller’s subtree', async () => {
    expect((await get(tutor)).statusCode).toBe(200);
    expect((await get(sn)).statusCode).toBe(404);
  });
});

describe('POST …/formation/solve', () => {
  it('refuses an infeasible instance with the plain-Chinese reason and writes nothing', async () => {
    const cadres = await formationCadres(t, t.fixture.orgs['QD']!, 20, 6, 4);
    const small = await formationProgram(t, t.fixture.orgs['QD']!, cadres, [
      { name: '一班', capacity: 10, share: 0.5 },
      { name: '二班', capacity: 10, share: 0.5 },
    ]);
    const view = (await get(pm, small.programId)).json<FormationView>();
    expect(view.feasibility.map((i) => i.message)).toContain('需要 10 名基层干部（2 个班 × 10 人 × 50%），实际提名 6 人');
    const res = await post(pm, '/solve', { groupSize: GROUPS }, small.programId);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('需要 10 名基层干部');
    expect(res.json().error.details[0]).toMatchObject({ field: 'feasibility' });
    expect(await t.db.kysely.selectFrom('formation_drafts').select('id').where('program_id', '=', small.programId).execute()).toEqual([]);
  });

  it('names the class when its size cannot be split into groups', async () => {
    const res = await post(pm, '/solve', { groupSize: { min: 15, max: 15 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('乡村振兴专题班 20 人无法分成每组 15–15 人的小组');
  });

  it('rejects bad input naming the field', async () => {
    const res = await post(pm, '/solve', { groupSize: { min: 9, max: 3 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain('groupSize.min');
  });

  it('proposes classes at their grassroots floor and groups within range, and saves the draft', async () => {
    const res = await post(pm, '/solve', { groupSize: GROUPS, seed: 7 });
    expect(res.statusCode, res.body).toBe(200);
    const draft = res.json<FormationDraft>();
    expect(draft.violations.filter((v) => v.severity === 'error')).toEqual([]);
    const grassroots = await grassrootsIds();
    const everyone = draft.solution.classes.flatMap((c) => c.members);
    expect(new Set(everyone).size).toBe(40);
    for (const cls of draft.solution.classes) {
      expect(cls.members.length).toBe(20);
      expect(cls.members.filter((id) => grassroots.has(id)).length).toBeGreaterThanOrEqual(10);
      for (const g of cls.groups) {
        expect(g.members.length).toBeGreaterThanOrEqual(GROUPS.min);
        expect(g.members.length).toBeLessThanOrEqual(GROUPS.max);
      }
      expect(cls.groups.flatMap((g) => g.members).sort()).toEqual([...cls.members].sort());
    }
    expect(draft.stats.classes.map((c) => c.requiredGrassroots)).toEqual([10, 10]);
    expect(draft.stats.sameUnitPairs).toBe(draft.stats.sameUnitPairsLowerBound);
    expect(draft.seed).toBe(7);
    const audit = await t.db.kysely.selectFrom('audit_log').select('summary').where('action', '=', 'formation.solve').execute();
    expect(audit.length).toBe(1);
    const view = (await get(pm)).json<FormationView>();
    expect(view.draft?.solution).toEqual(draft.solution);
  });
});

describe('POST …/formation/evaluate', () => {
  it('flags a grassroots cadre moved out of a class at its floor, and a group out of range, without saving', async () => {
    const draft = (await get(pm)).json<FormationView>().draft!;
    const grassroots = await grassrootsIds();
    const solution = clone(draft.solution);
    const [from, to] = solution.classes;
    // Swap grassroots cadres of the first class for non-grassroots ones of the second until the first has 9 of the 10 needed.
    const fromGrassroots = from!.members.filter((id) => grassroots.has(id));
    const toOthers = to!.members.filter((id) => !grassroots.has(id));
    const swap = (a: string, b: string) => {
      for (const cls of solution.classes) {
        cls.members = cls.members.map((m) => (m === a ? b : m === b ? a : m));
        for (const g of cls.groups) g.members = g.members.map((m) => (m === a ? b : m === b ? a : m));
      }
    };
    fromGrassroots.slice(0, fromGrassroots.length - 9).forEach((id, i) => swap(id, toOthers[i]!));
    // And empty the second class's first group but one member into its second group.
    const [g1, g2] = to!.groups;
    g2!.members.push(...g1!.members.splice(1));
    const res = await post(pm, '/evaluate', { solution });
    expect(res.statusCode, res.body).toBe(200);
    const { violations, stats } = res.json<FormationEvaluation>();
    const floor = violations.find((v) => v.code === 'GRASSROOTS_SHARE');
    expect(floor).toMatchObject({ severity: 'error', classId: String(classIds[0]) });
    expect(floor!.message).toMatch(/^乡村振兴专题班基层干部 9\/\d+ 人，低于 50%/);
    expect(violations.find((v) => v.code === 'GROUP_SIZE' && v.groupId === g1!.id)!.message).toMatch(/^城市治理专题班第1组 1 人，不在 5–8 人之间/);
    expect(stats.classes[0]!.grassroots).toBe(9);
    // Nothing was written.
    expect((await get(pm)).json<FormationView>().draft!.solution).toEqual(draft.solution);
  });

  it('rejects locks on people who are not trainees of the program', async () => {
    const draft = (await get(pm)).json<FormationView>().draft!;
    const res = await post(pm, '/evaluate', { solution: draft.solution, locks: [{ person: '999999', class: String(classIds[0]) }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('locks.0.person');
  });
});

describe('PUT …/formation/draft and locks', () => {
  it('refuses a solution that leaves someone out or names an unknown class, and saves one that merely breaks rules', async () => {
    const draft = (await get(pm)).json<FormationView>().draft!;
    const missing = clone(draft.solution);
    const dropped = missing.classes[0]!.members.pop()!;
    for (const g of missing.classes[0]!.groups) g.members = g.members.filter((m) => m !== dropped);
    const res = await put(pm, { solution: missing, locks: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('未分班');

    const unknown = clone(draft.solution);
    unknown.classes[0]!.id = '987654';
    expect((await put(pm, { solution: unknown, locks: [] })).statusCode).toBe(400);

    // Two people swap groups inside one class: groups keep their sizes, the draft saves with its (warning-only) violations.
    const swapped = clone(draft.solution);
    const [g1, g2] = swapped.classes[0]!.groups;
    const a = g1!.members.shift()!;
    const b = g2!.members.shift()!;
    g1!.members.push(b);
    g2!.members.push(a);
    const saved = await put(pm, { solution: swapped, locks: [] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<FormationDraft>().solution).toEqual(swapped);
  });

  it('keeps locked people in their class and group when re-solving', async () => {
    const draft = (await get(pm)).json<FormationView>().draft!;
    // Lock two people of the second class into the first class's first group, plus one in place.
    const second = draft.solution.classes[1]!;
    const first = draft.solution.classes[0]!;
    const g = first.groups[0]!;
    const locks = [
      { person: second.members[0]!, class: first.id, group: g.id },
      { person: second.members[1]!, class: first.id, group: g.id },
      { person: first.members[5]!, class: first.id },
    ];
    const saved = await put(pm, { solution: draft.solution, locks });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<FormationDraft>().violations.filter((v) => v.code === 'LOCK_BROKEN')).toHaveLength(2);

    const res = await post(pm, '/solve', { groupSize: GROUPS, seed: 3 });
    expect(res.statusCode, res.body).toBe(200);
    const next = res.json<FormationDraft>();
    expect(next.locks).toEqual(locks);
    expect(next.violations.filter((v) => v.severity === 'error')).toEqual([]);
    const group = next.solution.classes.find((c) => c.id === first.id)!.groups.find((x) => x.id === g.id)!;
    expect(group.members).toEqual(expect.arrayContaining([locks[0]!.person, locks[1]!.person]));
    expect(next.solution.classes.find((c) => c.id === first.id)!.members).toContain(locks[2]!.person);

    // keepLocks: false drops them.
    const free = await post(pm, '/solve', { groupSize: GROUPS, seed: 3, keepLocks: false });
    expect(free.json<FormationDraft>().locks).toEqual([]);
  });
});

describe('POST …/formation/apply', () => {
  it('refuses while an error-severity violation remains, listing it, and changes nothing', async () => {
    const draft = (await get(pm)).json<FormationView>().draft!;
    const broken = clone(draft.solution);
    const [g1, g2] = broken.classes[0]!.groups;
    // Move three people from one group into another: the donor group drops below the minimum of 5 or the other exceeds 8.
    for (let i = 0; i < 3; i++) g2!.members.push(g1!.members.pop()!);
    expect((await put(pm, { solution: broken, locks: [] })).statusCode).toBe(200);
    const res = await post(pm, '/apply');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/不能应用.*乡村振兴专题班第[12]组/);
    const placed = await t.db.kysely.selectFrom('enrolments').select('id').where('program_id', '=', programId).where('class_id', 'is not', null).execute();
    expect(placed).toEqual([]);
  });

  it('writes classes and 第k组 groups to the enrolments in one audited step', async () => {
    const solved = (await post(pm, '/solve', { groupSize: GROUPS, seed: 11 })).json<FormationDraft>();
    const res = await post(pm, '/apply');
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json<FormationApplyResult>();
    expect(out.moved).toBe(40);
    expect(out.draft.appliedAt).not.toBeNull();
    const groups = await t.db.kysely
      .selectFrom('class_groups')
      .select(['id', 'class_id', 'name'])
      .where('class_id', 'in', classIds)
      .orderBy('class_id')
      .orderBy('sort_order')
      .execute();
    expect(groups.length).toBe(solved.solution.classes.reduce((n, c) => n + c.groups.length, 0));
    expect(groups.filter((g) => g.class_id === classIds[0]).map((g) => g.name)).toEqual(solved.solution.classes[0]!.groups.map((_, k) => `第${k + 1}组`));
    const rows = await t.db.kysely.selectFrom('enrolments').select(['id', 'class_id', 'group_id']).where('program_id', '=', programId).execute();
    for (const [k, cls] of solved.solution.classes.entries()) {
      for (const [j, g] of cls.groups.entries()) {
        const groupId = groups.filter((x) => x.class_id === classIds[k])[j]!.id;
        for (const m of g.members) expect(rows.find((r) => String(r.id) === m)).toMatchObject({ class_id: classIds[k], group_id: groupId });
      }
    }
    // The board now shows the applied arrangement as current, and the draft uses the same group labels.
    const view = (await get(pm)).json<FormationView>();
    expect(view.current).toEqual(view.draft!.solution);
    expect(await t.db.kysely.selectFrom('audit_log').select('id').where('action', '=', 'formation.apply').execute()).toHaveLength(1);

    // A re-solve with fewer, larger groups reuses the first groups and deletes the ones left empty.
    expect((await post(pm, '/solve', { groupSize: { min: 10, max: 10 }, seed: 11 })).statusCode).toBe(200);
    const again = (await post(pm, '/apply')).json<FormationApplyResult>();
    expect(again.groupsCreated).toBe(0);
    expect(again.groupsDeleted).toBe(groups.length - 4);
    const left = await t.db.kysely.selectFrom('class_groups').select('id').where('class_id', 'in', classIds).execute();
    expect(left.map((g) => g.id).sort((a, b) => a - b)).toEqual(
      [...groups.filter((g) => g.class_id === classIds[0]).slice(0, 2), ...groups.filter((g) => g.class_id === classIds[1]).slice(0, 2)]
        .map((g) => g.id)
        .sort((a, b) => a - b),
    );
  });

  it('answers 404 out of scope, 403 to a tutor, and 409 without a draft', async () => {
    expect((await post(sn, '/apply')).statusCode).toBe(404);
    expect((await post(tutor, '/apply')).statusCode).toBe(403);
    const other = await formationProgram(t, t.fixture.orgs['QD']!, [t.fixture.cadres['fgw']!], [{ name: '一班', capacity: 5 }]);
    expect((await post(pm, '/apply', undefined, other.programId)).statusCode).toBe(409);
  });
});

describe('class fields for formation', () => {
  it('stores theme tags and the grassroots floor on a class, and rejects a share outside 0..1', async () => {
    const classes = `/api/v1/programs/${programId}/classes`;
    const created = await t.app.inject({
      method: 'POST',
      url: classes,
      headers: pm.headers,
      payload: { name: '党建引领班', capacity: 30, themeTags: ['党建', '基层治理'], minGrassrootsShare: 0.6 },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ themeTags: ['党建', '基层治理'], minGrassrootsShare: 0.6 });
    const id = created.json<{ id: number }>().id;
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `${classes}/${id}`,
      headers: pm.headers,
      payload: { themeTags: ['党建'], minGrassrootsShare: 0.5 },
    });
    expect(patched.json()).toMatchObject({ themeTags: ['党建'], minGrassrootsShare: 0.5 });
    const view = (await get(pm)).json<FormationView>();
    expect(view.classes.find((c) => c.id === String(id))).toMatchObject({ themeTags: ['党建'], minGrassrootsShare: 0.5 });
    const bad = await t.app.inject({ method: 'PATCH', url: `${classes}/${id}`, headers: pm.headers, payload: { minGrassrootsShare: 1.5 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('minGrassrootsShare');
  });
});
