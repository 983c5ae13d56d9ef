// The host-unit registry (scope, contact accounts, delete guard), posts, scope 404s across programs, and the trainee's
// own choices (/me/placement-preferences) with their validation.
import type { HostPost, HostUnit, MyPreferences } from '@duibiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPost, hostUnit, practicumProgram, smallProgram } from './placement-helpers.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
const s: Record<string, Session> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['qd_admin', 'qd_pm', 'sn_admin', 'ls_admin', 'dl_admin', 'qd_trainee', 'qd_tutor']) s[u] = await login(t, u);
});
afterAll(() => t.close());

const send = (who: string, method: string, url: string, payload?: unknown) =>
  t.app.inject({ method: method as 'GET', url, headers: s[who]!.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

describe('host-unit registry', () => {
  it('registers a unit with a host-contact account in scope and refuses any other account', async () => {
    const base = { name: '常州天宁经济开发区', kind: 'park', city: '常州', capacity: 4 };
    const tutor = await send('qd_admin', 'POST', '/api/v1/host-units', { ...base, contactUserId: t.fixture.users['qd_tutor'] });
    expect(tutor.statusCode).toBe(400);
    expect(tutor.json()).toMatchObject({ error: { details: [{ field: 'contactUserId' }] } });
    const created = await send('qd_admin', 'POST', '/api/v1/host-units', { ...base, contactUserId: t.fixture.users['sn_host'] });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<HostUnit>()).toMatchObject({
      name: base.name,
      contactUser: { id: t.fixture.users['sn_host'] },
      org: { id: t.fixture.orgs['QD'] },
      canEdit: true,
    });
    const badKind = await send('qd_admin', 'POST', '/api/v1/host-units', { ...base, kind: 'factory', capacity: -1 });
    expect(badKind.statusCode).toBe(400);
    expect(
      badKind
        .json<{ error: { details: { field: string }[] } }>()
        .error.details.map((d) => d.field)
        .sort(),
    ).toEqual(['capacity', 'kind']);
  });

  it('shares a unit downwards to use, not to change, and hides it from other branches', async () => {
    const cityUnit = await hostUnit(t, t.fixture.orgs['QD']!, { name: '市级共享单位' });
    const snUnit = await hostUnit(t, t.fixture.orgs['QD-SN']!, { name: '市南区登记单位' });
    const names = async (who: string) => (await send(who, 'GET', '/api/v1/host-units')).json<HostUnit[]>().map((u) => u.name);
    expect(await names('qd_admin')).toEqual(expect.arrayContaining(['市级共享单位', '市南区登记单位']));
    expect(await names('sn_admin')).toEqual(expect.arrayContaining(['市级共享单位', '市南区登记单位']));
    expect(await names('ls_admin')).toContain('市级共享单位');
    expect(await names('ls_admin')).not.toContain('市南区登记单位');
    expect(await names('dl_admin')).not.toContain('市级共享单位');
    const shared = (await send('sn_admin', 'GET', '/api/v1/host-units')).json<HostUnit[]>().find((u) => u.id === cityUnit)!;
    expect(shared.canEdit).toBe(false);
    expect((await send('sn_admin', 'PATCH', `/api/v1/host-units/${cityUnit}`, { name: '改名' })).statusCode).toBe(404);
    expect((await send('ls_admin', 'DELETE', `/api/v1/host-units/${snUnit}`)).statusCode).toBe(404);
    const renamed = await send('qd_admin', 'PATCH', `/api/v1/host-units/${snUnit}`, { name: '市南区登记单位（新）', mentorName: '王导师' });
    expect(renamed.json<HostUnit>()).toMatchObject({ name: '市南区登记单位（新）', mentorName: '王导师', city: '常州' });
    // A district program may post at the city's shared unit.
    const snProgram = await practicumProgram(t, t.fixture.orgs['QD-SN']!, [t.fixture.cadres['bdg']!]);
    const post = await send('sn_admin', 'POST', `/api/v1/programs/${snProgram}/host-posts`, {
      hostUnitId: cityUnit,
      title: '招商服务岗',
      seats: 2,
      specialtyTags: ['招商引资'],
    });
    expect(post.statusCode, post.body).toBe(201);
    expect(post.json<HostPost>()).toMatchObject({ hostUnit: { id: cityUnit, name: '市级共享单位' }, seats: 2, specialtyTags: ['招商引资'] });
    const inUse = await send('qd_admin', 'DELETE', `/api/v1/host-units/${cityUnit}`);
    expect(inUse.statusCode).toBe(409);
    expect((await send('qd_admin', 'DELETE', `/api/v1/host-units/${snUnit}`)).statusCode).toBe(204);
  });
});

describe('program scope', () => {
  it('answers 404 for a QD program to district and other-city users, and 403 to a tutor writing', async () => {
    const { programId, postIds } = await smallProgram(t, t.fixture.orgs['QD']!, [t.fixture.cadres['fgw']!]);
    for (const who of ['sn_admin', 'dl_admin']) {
      expect((await send(who, 'GET', `/api/v1/programs/${programId}/host-posts`)).statusCode).toBe(404);
      expect((await send(who, 'POST', `/api/v1/programs/${programId}/placement-runs`, { mode: 'stable', seed: 1 })).statusCode).toBe(404);
      expect((await send(who, 'PATCH', `/api/v1/host-posts/${postIds[0]}`, { seats: 3 })).statusCode).toBe(404);
    }
    expect((await send('qd_tutor', 'GET', `/api/v1/programs/${programId}/host-posts`)).statusCode).toBe(200);
    expect((await send('qd_tutor', 'POST', `/api/v1/programs/${programId}/placement-runs`, { mode: 'stable', seed: 1 })).statusCode).toBe(403);
    const run = await send('qd_pm', 'POST', `/api/v1/programs/${programId}/placement-runs`, { mode: 'stable', seed: 1 });
    expect(run.statusCode).toBe(201);
    const runId = run.json<{ id: number }>().id;
    expect((await send('sn_admin', 'GET', `/api/v1/placement-runs/${runId}`)).statusCode).toBe(404);
    expect((await send('sn_admin', 'POST', `/api/v1/placement-runs/${runId}/apply`)).statusCode).toBe(404);
  });
});

describe('trainee choices', () => {
  it('lets the enrolled trainee rank posts, refusing duplicates and foreign posts by index, and nobody else', async () => {
    const me = t.fixture.cadres['snsw']!;
    const programId = await practicumProgram(t, t.fixture.orgs['QD']!, [me]);
    const unit = await hostUnit(t, t.fixture.orgs['QD']!);
    const posts = [await hostPost(t, programId, unit, 1), await hostPost(t, programId, unit, 1), await hostPost(t, programId, unit, 2)];
    const url = `/api/v1/me/placement-preferences?programId=${programId}`;
    const empty = await send('qd_trainee', 'GET', url);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json<MyPreferences>()).toMatchObject({ programId, postIds: [], editable: true });
    expect(empty.json<MyPreferences>().posts.map((p) => p.id)).toEqual(posts);

    const dup = await send('qd_trainee', 'PUT', url, { postIds: [posts[2], posts[0], posts[2]] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ field: 'postIds.2' }] } });
    const foreignPost = await hostPost(t, await practicumProgram(t, t.fixture.orgs['QD']!, []), unit, 1);
    const foreign = await send('qd_trainee', 'PUT', url, { postIds: [posts[1], foreignPost] });
    expect(foreign.json()).toMatchObject({ error: { details: [{ field: 'postIds.1' }] } });
    const stored = await t.db.kysely.selectFrom('placement_preferences').select('id').where('program_id', '=', programId).execute();
    expect(stored).toEqual([]);

    const saved = await send('qd_trainee', 'PUT', url, { postIds: [posts[2], posts[0]] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<MyPreferences>().postIds).toEqual([posts[2], posts[0]]);
    const overview = await send('qd_pm', 'GET', `/api/v1/programs/${programId}/preferences`);
    expect(overview.json<{ cadres: { cadreId: number; postIds: number[] }[] }>().cadres).toEqual([
      expect.objectContaining({ cadreId: me, postIds: [posts[2], posts[0]] }),
    ]);

    expect((await send('qd_pm', 'GET', url)).statusCode).toBe(404);
    const notEnrolled = await practicumProgram(t, t.fixture.orgs['QD']!, [t.fixture.cadres['fgw']!]);
    expect((await send('qd_trainee', 'GET', `/api/v1/me/placement-preferences?programId=${notEnrolled}`)).statusCode).toBe(404);
  });
});
