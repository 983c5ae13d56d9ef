// Research topics over HTTP: validation, status moves, bidding rules, solve → adopt, manual pick, the one-lead rule,
// scope (404 outside the subtree or the task force) and the roster export.
import type { MyProgramTopics, TaskForceMember, Topic, TopicBid, TopicDetail, TopicRunDetail } from '@duibiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from './support.ts';
import { daysFromToday, enrol, freshBid, freshCadre, freshMember, freshTopic, freshTopicProgram } from './topics-helpers.ts';

let t: TestApp;
const s: Record<string, Session> = {};
const call = (who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: s[who]!.headers, ...(payload ? { payload } : {}) });
const fx = () => t.fixture;
const db = () => t.db.kysely;

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['qd_pm', 'qd_tutor', 'sn_pm', 'qd_trainee', 'sn_trainee', 'qd_expert']) s[u] = await login(t, u);
});
afterAll(() => t.close());

describe('topic create and edit', () => {
  it('creates a topic from a key problem (title defaults to it) and answers 400 naming every bad field', async () => {
    const programId = await freshTopicProgram(t, fx().orgs['QD']!);
    const at = new Date().toISOString();
    const kp = await db()
      .insertInto('key_problems')
      .values({
        program_id: programId,
        title: '如何引进深圳创投资本',
        description: null,
        field: 'finance',
        kind: 'fixed',
        priority: 1,
        status: 'active',
        merged_into_id: null,
        search_terms: ' ',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ok = await call('qd_pm', 'POST', `/programs/${programId}/topics`, {
      keyProblemId: kp.id,
      teamMin: 3,
      teamMax: 6,
      ownerOrgId: fx().orgs['QD-FGW'],
      field: 'finance',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json<Topic>()).toMatchObject({
      title: '如何引进深圳创投资本',
      keyProblem: { id: kp.id },
      ownerOrg: { name: '青岛市发展和改革委员会' },
      status: 'draft',
      teamSize: 0,
    });

    const bad = await call('qd_pm', 'POST', `/programs/${programId}/topics`, { teamMin: 5, teamMax: 3, ownerOrgId: 999999 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<{ error: { details: { field: string }[] } }>()
        .error.details.map((d) => d.field)
        .sort(),
    ).toEqual(['ownerOrgId', 'teamMax', 'title']);
    const range = await call('qd_pm', 'POST', `/programs/${programId}/topics`, { title: '课题', teamMin: 0, teamMax: 51 });
    expect(range.statusCode).toBe(400);
    expect(
      range
        .json<{ error: { details: { field: string }[] } }>()
        .error.details.map((d) => d.field)
        .sort(),
    ).toEqual(['teamMax', 'teamMin']);
    const foreignKp = await call('qd_pm', 'POST', `/programs/${await freshTopicProgram(t, fx().orgs['QD']!)}/topics`, { keyProblemId: kp.id });
    expect(foreignKp.statusCode).toBe(400);
    expect(await db().selectFrom('research_topics').select('id').where('program_id', '=', programId).execute()).toHaveLength(1);

    const patched = await call('qd_pm', 'PATCH', `/topics/${ok.json<Topic>().id}`, { teamMin: 7 });
    expect(patched.statusCode).toBe(400);
    expect((await call('qd_pm', 'PATCH', `/topics/${ok.json<Topic>().id}`, { teamMin: 2, goals: '形成招引清单' })).json<Topic>()).toMatchObject({
      teamMin: 2,
      goals: '形成招引清单',
    });
  });

  it('hides programs outside the subtree (404) and refuses writers without program:write (403)', async () => {
    const programId = await freshTopicProgram(t, fx().orgs['QD']!);
    expect((await call('sn_pm', 'POST', `/programs/${programId}/topics`, { title: '越权课题' })).statusCode).toBe(404);
    expect((await call('sn_pm', 'GET', `/programs/${programId}/topics`)).statusCode).toBe(404);
    expect((await call('qd_tutor', 'POST', `/programs/${programId}/topics`, { title: '课题' })).statusCode).toBe(403);
    const topicId = await freshTopic(t, programId);
    expect((await call('sn_pm', 'GET', `/topics/${topicId}`)).statusCode).toBe(404);
    expect((await call('qd_tutor', 'GET', `/topics/${topicId}`)).statusCode).toBe(200);
    expect((await call('sn_pm', 'GET', '/topics')).json<Topic[]>().map((x) => x.id)).not.toContain(topicId);
    expect((await call('qd_pm', 'GET', `/topics?programId=${programId}&status=bidding`)).json<Topic[]>().map((x) => x.id)).toEqual([topicId]);
  });
});

describe('status transitions', () => {
  it('moves draft → bidding (needs a closing date) → assigned → in_progress (needs a lead) → completed; illegal moves 409', async () => {
    const programId = await freshTopicProgram(t, fx().orgs['QD']!, [fx().cadres['snsw']!]);
    const topicId = await freshTopic(t, programId, { status: 'draft' });
    const move = (status: string, extra: object = {}) => call('qd_pm', 'POST', `/topics/${topicId}/status`, { status, ...extra });
    expect((await move('bidding')).statusCode).toBe(400);
    expect((await move('in_progress')).statusCode).toBe(409);
    expect((await move('assigned')).statusCode).toBe(409);
    expect((await move('bidding', { biddingClosesOn: daysFromToday(5) })).json<Topic>()).toMatchObject({
      status: 'bidding',
      biddingClosesOn: daysFromToday(5),
    });
    expect((await move('assigned')).statusCode).toBe(409);
    await freshMember(t, topicId, fx().cadres['snsw']!, 'member');
    expect((await move('assigned')).statusCode).toBe(200);
    expect((await move('in_progress')).statusCode).toBe(409);
    await db().updateTable('task_force_members').set({ role: 'lead' }).where('topic_id', '=', topicId).execute();
    expect((await move('in_progress')).statusCode).toBe(200);
    expect((await move('bidding')).statusCode).toBe(409);
    expect((await move('completed')).json<Topic>().status).toBe('completed');
    expect((await call('qd_pm', 'DELETE', `/topics/${topicId}`)).statusCode).toBe(409);
  });

  it('S2: a topic bound to a group is claimed straight from draft, the group becoming the task force', async () => {
    const programId = await freshTopicProgram(t, fx().orgs['QD']!);
    const at = new Date().toISOString();
    const cls = await db()
      .insertInto('program_classes')
      .values({
        program_id: programId,
        name: '一班',
        theme: null,
        place: null,
        capacity: 50,
        tutor_instructor_id: null,
        sort_order: 1,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const group = await db()
      .insertInto('class_groups')
      .values({ class_id: cls.id, name: '第一组', sort_order: 1, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const a = await freshCadre(t, fx().orgs['QD-SN-SW']!, '组员甲', '2001-07-01');
    const b = await freshCadre(t, fx().orgs['QD-SN-SW']!, '组员乙', '1995-07-01');
    await enrol(t, programId, a, group.id);
    await enrol(t, programId, b, group.id);
    const created = await call('qd_pm', 'POST', `/programs/${programId}/topics`, { title: '乡村振兴路径', groupId: group.id, teamMin: 2, teamMax: 8 });
    expect(created.json<Topic>()).toMatchObject({ class: { id: cls.id }, group: { id: group.id, name: '第一组' } });
    const claimed = await call('qd_pm', 'POST', `/topics/${created.json<Topic>().id}/status`, { status: 'assigned' });
    expect(claimed.json<Topic>()).toMatchObject({ status: 'assigned', teamSize: 2, lead: { name: '组员乙' } });
  });
});

describe('bidding', () => {
  it('lets an enrolled trainee rank open topics with proposals, replacing earlier bids; closed or foreign topics refused', async () => {
    const me = fx().cadres['snsw']!;
    const programId = await freshTopicProgram(t, fx().orgs['QD']!, [me]);
    const [a, b] = [await freshTopic(t, programId, { title: '甲课题' }), await freshTopic(t, programId, { title: '乙课题' })];
    const closed = await freshTopic(t, programId, { title: '过期课题', closesOn: daysFromToday(-1) });
    const draft = await freshTopic(t, programId, { status: 'draft' });
    const other = await freshTopic(t, await freshTopicProgram(t, fx().orgs['QD']!));

    const first = await call('qd_trainee', 'PUT', `/me/programs/${programId}/bids`, { bids: [{ topicId: a, proposal: '我在招商局工作多年' }, { topicId: b }] });
    expect(first.statusCode).toBe(200);
    const view = first.json<MyProgramTopics>();
    expect(view.topics.map((x) => [x.id, x.myBid?.rank ?? null, x.biddingOpen])).toEqual([
      [a, 1, true],
      [b, 2, true],
      [closed, null, false],
    ]);
    const second = await call('qd_trainee', 'PUT', `/me/programs/${programId}/bids`, { bids: [{ topicId: b, proposal: '改投' }] });
    expect(second.json<MyProgramTopics>().topics.find((x) => x.id === b)!.myBid).toEqual({ rank: 1, proposal: '改投', status: 'active' });
    expect(await db().selectFrom('topic_bids').select(['topic_id', 'rank']).where('cadre_id', '=', me).where('program_id', '=', programId).execute()).toEqual([
      { topic_id: b, rank: 1 },
    ]);

    expect((await call('qd_trainee', 'PUT', `/me/programs/${programId}/bids`, { bids: [{ topicId: closed }] })).statusCode).toBe(409);
    expect((await call('qd_trainee', 'PUT', `/me/programs/${programId}/bids`, { bids: [{ topicId: draft }] })).statusCode).toBe(409);
    const foreign = await call('qd_trainee', 'PUT', `/me/programs/${programId}/bids`, { bids: [{ topicId: b }, { topicId: other }, { topicId: b }] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<{ error: { details: { field: string }[] } }>().error.details.map((d) => d.field)).toEqual(['bids.1.topicId', 'bids.2.topicId']);
    expect((await call('qd_trainee', 'PUT', `/me/programs/${programId}/bids`, { bids: [{ topicId: a, proposal: '长'.repeat(1001) }] })).statusCode).toBe(400);
    // Not enrolled: 404, whoever asks.
    expect((await call('sn_trainee', 'PUT', `/me/programs/${programId}/bids`, { bids: [{ topicId: a }] })).statusCode).toBe(404);
    expect((await call('qd_pm', 'GET', `/me/programs/${programId}/topics`)).statusCode).toBe(404);
    expect((await call('qd_trainee', 'GET', '/me/topics')).json<MyProgramTopics[]>().some((p) => p.program.id === programId)).toBe(true);

    const bids = await call('qd_pm', 'GET', `/topics/${b}/bids`);
    expect(bids.json<TopicBid[]>()).toMatchObject([{ cadreId: me, cadreName: '李晓梅', orgName: '市南区商务局', rank: 1, proposal: '改投', status: 'active' }]);
  });
});

describe('solve and adopt', () => {
  it('stores a run with worst rank and profile, adopts it into task forces with assigned ranks and won/lost bids', async () => {
    const org = fx().orgs['QD-SN-SW']!;
    const people = [fx().cadres['snsw']!];
    for (let i = 0; i < 5; i++) people.push(await freshCadre(t, org, `学员${i}`, `20${10 + i}-01-01`));
    const programId = await freshTopicProgram(t, fx().orgs['QD']!, people);
    const x = await freshTopic(t, programId, { title: '热门课题', min: 1, max: 2 });
    const y = await freshTopic(t, programId, { title: '冷门课题', min: 2, max: 4 });
    for (const [i, c] of people.entries()) {
      await freshBid(t, programId, x, c, 1);
      if (i % 2 === 0) await freshBid(t, programId, y, c, 2);
    }
    const solved = await call('qd_pm', 'POST', `/programs/${programId}/topic-assignment-runs`, {});
    expect(solved.statusCode).toBe(201);
    const run = solved.json<TopicRunDetail>();
    expect(run).toMatchObject({ worstRank: 2, profile: [2, 4], placed: 6, adoptedAt: null });
    expect(run.unranked).toBe(run.assignments.filter((a) => !a.bid).length);
    expect(run.topics).toEqual([
      { topicId: x, title: '热门课题', size: 2, teamMin: 1, teamMax: 2 },
      { topicId: y, title: '冷门课题', size: 4, teamMin: 2, teamMax: 4 },
    ]);
    expect(await db().selectFrom('topic_assignment_runs').select('id').where('program_id', '=', programId).execute()).toHaveLength(1);
    expect((await call('qd_pm', 'GET', `/programs/${programId}/topic-assignment-runs`)).json<unknown[]>()).toHaveLength(1);

    const adopted = await call('qd_pm', 'POST', `/topic-assignment-runs/${run.id}/adopt`);
    expect(adopted.statusCode).toBe(200);
    expect(adopted.json<TopicRunDetail>().adoptedAt).not.toBeNull();
    const members = await db()
      .selectFrom('task_force_members')
      .select(['topic_id', 'cadre_id', 'role', 'assigned_rank'])
      .where('topic_id', 'in', [x, y])
      .execute();
    expect(members).toHaveLength(6);
    for (const a of run.assignments)
      expect(members).toContainEqual(expect.objectContaining({ topic_id: a.topicId, cadre_id: a.cadreId, assigned_rank: a.rank }));
    expect(
      members
        .filter((m) => m.role === 'lead')
        .map((m) => m.topic_id)
        .sort(),
    ).toEqual([x, y].sort());
    const bids = await db().selectFrom('topic_bids').select(['topic_id', 'cadre_id', 'status']).where('program_id', '=', programId).execute();
    for (const b of bids) expect(b.status).toBe(members.some((m) => m.topic_id === b.topic_id && m.cadre_id === b.cadre_id) ? 'won' : 'lost');
    expect((await db().selectFrom('research_topics').select('status').where('id', 'in', [x, y]).execute()).map((r) => r.status)).toEqual([
      'assigned',
      'assigned',
    ]);
    const mine = (await call('qd_trainee', 'GET', `/me/programs/${programId}/topics`)).json<MyProgramTopics>();
    const placed = run.assignments.find((a) => a.cadreId === fx().cadres['snsw'])!;
    expect(mine.assignment).toMatchObject({ topicId: placed.topicId, assignedRank: placed.rank });

    // Re-adopting replaces members of topics not yet in progress; once one is in progress, 409.
    expect((await call('qd_pm', 'POST', `/topic-assignment-runs/${run.id}/adopt`)).statusCode).toBe(200);
    expect(await db().selectFrom('task_force_members').select('id').where('topic_id', 'in', [x, y]).execute()).toHaveLength(6);
    await db().updateTable('research_topics').set({ status: 'in_progress' }).where('id', '=', x).execute();
    expect((await call('qd_pm', 'POST', `/topic-assignment-runs/${run.id}/adopt`)).statusCode).toBe(409);
  });

  it('answers 409 with the reason when the teams cannot be formed, storing nothing', async () => {
    const programId = await freshTopicProgram(t, fx().orgs['QD']!, [fx().cadres['snsw']!]);
    await freshTopic(t, programId, { title: '大课题', min: 3, max: 5 });
    const res = await call('qd_pm', 'POST', `/programs/${programId}/topic-assignment-runs`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { message: string } }>().error.message).toContain('课题最少人数合计 3 人，只有 1 名学员');
    expect(await db().selectFrom('topic_assignment_runs').select('id').where('program_id', '=', programId).execute()).toHaveLength(0);
    const strict = await freshTopicProgram(t, fx().orgs['QD']!, [fx().cadres['snsw']!]);
    await freshTopic(t, strict, { title: '无人投标课题', min: 1, max: 5 });
    const why = await call('qd_pm', 'POST', `/programs/${strict}/topic-assignment-runs`, { allowUnranked: false });
    expect(why.json<{ error: { message: string } }>().error.message).toContain('学员李晓梅 没有填报任何课题');
    expect((await call('sn_pm', 'POST', `/programs/${strict}/topic-assignment-runs`, {})).statusCode).toBe(404);
  });

  it('picks winners by hand: only bidders, within the team range, others lose', async () => {
    const people = [
      await freshCadre(t, fx().orgs['QD-SN-SW']!, '甲'),
      await freshCadre(t, fx().orgs['QD-SN-SW']!, '乙'),
      await freshCadre(t, fx().orgs['QD-SN-SW']!, '丙'),
    ];
    const programId = await freshTopicProgram(t, fx().orgs['QD']!, people);
    const topicId = await freshTopic(t, programId, { min: 1, max: 2 });
    await freshBid(t, programId, topicId, people[0]!, 1);
    await freshBid(t, programId, topicId, people[1]!, 2);
    const bad = await call('qd_pm', 'PUT', `/topics/${topicId}/winners`, { cadreIds: [people[0], people[2]], leadCadreId: people[1] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { details: { field: string }[] } }>().error.details.map((d) => d.field)).toEqual(['cadreIds.1', 'leadCadreId']);
    const ok = await call('qd_pm', 'PUT', `/topics/${topicId}/winners`, { cadreIds: [people[1]], leadCadreId: people[1] });
    expect(ok.json<TaskForceMember[]>()).toMatchObject([{ cadreId: people[1], role: 'lead', assignedRank: 2 }]);
    expect(
      (await db().selectFrom('topic_bids').select(['cadre_id', 'status']).where('topic_id', '=', topicId).orderBy('cadre_id').execute()).map((b) => b.status),
    ).toEqual(['lost', 'won']);
  });
});

describe('task force', () => {
  it('keeps exactly one lead: a second lead is 409, switching the lead demotes the old one atomically', async () => {
    const a = await freshCadre(t, fx().orgs['QD-SN-SW']!, '甲');
    const b = await freshCadre(t, fx().orgs['QD-SN-SW']!, '乙');
    const programId = await freshTopicProgram(t, fx().orgs['QD']!, [a, b]);
    const topicId = await freshTopic(t, programId, { status: 'assigned' });
    const leadId = await freshMember(t, topicId, a, 'lead');
    expect((await call('qd_pm', 'POST', `/topics/${topicId}/members`, { role: 'lead', cadreId: b })).statusCode).toBe(409);
    const added = await call('qd_pm', 'POST', `/topics/${topicId}/members`, { role: 'member', cadreId: b });
    const bId = added.json<TaskForceMember[]>().find((m) => m.cadreId === b)!.id;
    const switched = await call('qd_pm', 'PATCH', `/topics/${topicId}/members/${bId}`, { role: 'lead' });
    expect(switched.json<TaskForceMember[]>().map((m) => [m.id, m.role])).toEqual([
      [bId, 'lead'],
      [leadId, 'member'],
    ]);
    const liaison = await call('qd_pm', 'POST', `/topics/${topicId}/members`, { role: 'liaison', name: '周联络', orgId: fx().orgs['QD-FGW'] });
    expect(liaison.json<TaskForceMember[]>().find((m) => m.role === 'liaison')).toMatchObject({ name: '周联络', org: { name: '青岛市发展和改革委员会' } });
    const liaisonId = liaison.json<TaskForceMember[]>().find((m) => m.role === 'liaison')!.id;
    expect((await call('qd_pm', 'PATCH', `/topics/${topicId}/members/${liaisonId}`, { role: 'lead' })).statusCode).toBe(409);
    expect((await call('qd_pm', 'POST', `/topics/${topicId}/members`, { role: 'liaison' })).statusCode).toBe(400);
    expect((await call('qd_pm', 'DELETE', `/topics/${topicId}/members/${liaisonId}`)).statusCode).toBe(204);
    expect(await db().selectFrom('task_force_members').select('id').where('topic_id', '=', topicId).execute()).toHaveLength(2);
  });

  it('shows the topic to its task-force members only: another trainee gets 404, a member cannot manage (403)', async () => {
    const programId = await freshTopicProgram(t, fx().orgs['QD']!, [fx().cadres['snsw']!, fx().cadres['bdg']!]);
    const topicId = await freshTopic(t, programId, { status: 'assigned' });
    await freshMember(t, topicId, fx().cadres['snsw']!, 'lead');
    const detail = await call('qd_trainee', 'GET', `/topics/${topicId}`);
    expect(detail.json<TopicDetail>()).toMatchObject({
      access: { as: 'member', canManage: false, memberRole: 'lead' },
      members: [{ name: '李晓梅', role: 'lead' }],
    });
    expect((await call('sn_trainee', 'GET', `/topics/${topicId}`)).statusCode).toBe(404);
    expect((await call('qd_expert', 'GET', `/topics/${topicId}`)).statusCode).toBe(404);
    expect((await call('qd_trainee', 'PATCH', `/topics/${topicId}`, { goals: 'x' })).statusCode).toBe(403);
    expect((await call('qd_trainee', 'GET', `/topics/${topicId}/bids`)).statusCode).toBe(403);
  });
});

describe('roster export', () => {
  it('exports the task forces as xlsx and docx', async () => {
    const programId = await freshTopicProgram(t, fx().orgs['QD']!, [fx().cadres['snsw']!]);
    const topicId = await freshTopic(t, programId, { status: 'assigned', title: '导出课题' });
    await freshMember(t, topicId, fx().cadres['snsw']!, 'lead');
    const xlsx = await call('qd_pm', 'GET', `/programs/${programId}/topic-roster.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const docx = await call('qd_pm', 'GET', `/programs/${programId}/topic-roster.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect((await call('sn_pm', 'GET', `/programs/${programId}/topic-roster.xlsx`)).statusCode).toBe(404);
  });
});
