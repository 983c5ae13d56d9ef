// Host contacts rank the candidates for their own posts (/host/posts) on the 13-cadre × 6-post QD scenario, where
// qd_host is the contact of the unit with posts 3 and 4: only their posts, validation, the stable run reading the
// ranking as the host's list (left-out cadres unacceptable), and the freeze once placements are published.
import type { HostRankingPost, PlacementRunDetail } from '@duibiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPost, hostUnit, placementScenario, practicumProgram, type Scenario } from './placement-helpers.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let host: Session; // qd_host, contact of sc.hostUnitId
let otherHost: Session; // sn_host, contact of a unit in another program
let pm: Session;
let sc: Scenario;
let foreignPostId: number;
beforeAll(async () => {
  t = await createTestApp();
  host = await login(t, 'qd_host');
  otherHost = await login(t, 'sn_host');
  pm = await login(t, 'qd_pm');
  sc = await placementScenario(t);
  const fx = t.fixture;
  const otherProgram = await practicumProgram(t, fx.orgs['QD-SN']!, [fx.cadres['bdg']!]);
  foreignPostId = await hostPost(t, otherProgram, await hostUnit(t, fx.orgs['QD-SN']!, { contactUserId: fx.users['sn_host']! }));
});
afterAll(() => t.close());

const send = (s: Session, method: string, url: string, payload?: unknown) =>
  t.app.inject({ method: method as 'GET', url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
const myPosts = async (s: Session) => {
  const res = await send(s, 'GET', '/api/v1/host/posts');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<HostRankingPost[]>();
};
const hostRows = (postId: number) =>
  t.db.kysely
    .selectFrom('placement_preferences')
    .select(['cadre_id', 'rank'])
    .where('side', '=', 'host')
    .where('post_id', '=', postId)
    .orderBy('rank')
    .execute();
const rankingOf = (postId: number, ranking: unknown) => send(host, 'PUT', `/api/v1/host/posts/${postId}/ranking`, { ranking });

describe('host contact ranking', () => {
  it('lists only the posts of units whose contact is the caller, with the cadres who chose them', async () => {
    const posts = await myPosts(host);
    expect(posts.map((p) => p.postId)).toEqual([sc.postIds[2], sc.postIds[3]]);
    const choices = await t.db.kysely
      .selectFrom('placement_preferences')
      .select(['cadre_id', 'rank'])
      .where('side', '=', 'cadre')
      .where('post_id', '=', sc.postIds[2]!)
      .execute();
    const post = posts[0]!;
    expect(post).toMatchObject({ programId: sc.programId, hostUnit: { id: sc.hostUnitId }, seats: 1, ranking: [], scored: false });
    expect(choices.length).toBeGreaterThan(0);
    expect(new Map(post.candidates.map((c) => [c.cadreId, c.choice]))).toEqual(new Map(choices.map((c) => [c.cadre_id, c.rank])));
    expect(post.candidates[0]).toEqual(expect.objectContaining({ name: expect.any(String), homeUnit: expect.any(String), specialties: expect.any(Array) }));
    expect(post.candidates[0]!.age).toBeGreaterThan(30);

    expect((await myPosts(otherHost)).map((p) => p.postId)).toEqual([foreignPostId]);
    expect(await myPosts(await login(t, 'qd_admin'))).toEqual([]);
    expect((await send(pm, 'GET', '/api/v1/host/posts')).statusCode).toBe(403);
  });

  it('refuses posts of other units (404), non-enrolled cadres and duplicates (400) without writing', async () => {
    const candidate = (await myPosts(host))[0]!.candidates[0]!.cadreId;
    for (const postId of [sc.postIds[0]!, foreignPostId, 999_999]) expect((await rankingOf(postId, [candidate])).statusCode).toBe(404);
    const stranger = await rankingOf(sc.postIds[2]!, [candidate, t.fixture.cadres['dl']]);
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json<{ error: { details: { field: string }[] } }>().error.details.map((d) => d.field)).toEqual(['ranking.1']);
    const dup = await rankingOf(sc.postIds[2]!, [candidate, candidate]);
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('ranking.1');
    // An empty list would mean "everyone acceptable" to the solver, not "nobody": refused.
    const empty = await rankingOf(sc.postIds[2]!, []);
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ error: { details: { field: string }[] } }>().error.details.map((d) => d.field)).toEqual(['ranking']);
    expect(await hostRows(sc.postIds[2]!)).toEqual([]);
    expect(await hostRows(sc.postIds[0]!)).toEqual([]);
  });

  it('saves the ranking (audited) and a stable run uses it as the post’s list, leaving out the excluded cadre', async () => {
    const post = (await myPosts(host))[0]!;
    const ids = post.candidates.map((c) => c.cadreId);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const excluded = ids[0]!;
    const ranking = ids.slice(1).reverse();
    const res = await rankingOf(post.postId, ranking);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<HostRankingPost>().ranking).toEqual(ranking);
    expect((await hostRows(post.postId)).map((r) => [r.cadre_id, r.rank])).toEqual(ranking.map((id, i) => [id, i + 1]));
    expect((await myPosts(host))[0]!.ranking).toEqual(ranking);
    // The excluded cadre still shows as a candidate so the host can take them back in.
    expect((await myPosts(host))[0]!.candidates.map((c) => c.cadreId)).toContain(excluded);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['entity_id', 'actor_id'])
      .where('action', '=', 'placement.host_preferences')
      .where('entity_id', '=', String(post.postId))
      .execute();
    expect(audit).toEqual([{ entity_id: String(post.postId), actor_id: t.fixture.users['qd_host'] }]);

    const run = await send(pm, 'POST', `/api/v1/programs/${sc.programId}/placement-runs`, { mode: 'stable', seed: 3 });
    expect(run.statusCode, run.body).toBe(201);
    const detail = run.json<PlacementRunDetail>();
    const stored = await t.db.kysely.selectFrom('placement_runs').select('instance').where('id', '=', detail.id).executeTakeFirstOrThrow();
    const instance = JSON.parse(stored.instance) as { hosts: { id: string; prefs?: string[] }[] };
    expect(instance.hosts.find((h) => h.id === `p${post.postId}`)!.prefs).toEqual(ranking.map((id) => `c${id}`));
    expect(detail.outcomes.find((o) => o.cadreId === excluded)!.post?.id).not.toBe(post.postId);
  });

  it('freezes after publishing: 409 on ranking and the program drops out of the list', async () => {
    const runs = await send(pm, 'GET', `/api/v1/programs/${sc.programId}/placement-runs`);
    const runId = runs.json<{ id: number }[]>()[0]!.id;
    expect((await send(pm, 'POST', `/api/v1/placement-runs/${runId}/apply`)).statusCode).toBe(200);
    // Draft placements do not freeze anything yet.
    expect((await myPosts(host)).length).toBe(2);
    const publish = await send(pm, 'POST', `/api/v1/programs/${sc.programId}/placements/publish`);
    expect(publish.statusCode, publish.body).toBe(200);
    expect(await myPosts(host)).toEqual([]);
    const before = await hostRows(sc.postIds[2]!);
    const late = await rankingOf(sc.postIds[2]!, [sc.cadreIds[0]]);
    expect(late.statusCode).toBe(409);
    expect(await hostRows(sc.postIds[2]!)).toEqual(before);
  });
});
