// The temporary Party branch over HTTP: formed before departure, Party members only, one secretary, meetings with
// attendance of members only, stats, and who may see it (managers in scope and the branch's own members).
import type { MyBranchSummary, PartyBranch, ProgramBranch } from '@duibiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBranch, freshMeeting } from './branch-helpers.ts';
import { enrol, freshProgram } from './evaluation-helpers.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
const s: Record<string, Session> = {};
const call = (who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: s[who]!.headers, ...(payload ? { payload } : {}) });

const fx = () => t.fixture;
const c = (key: string) => fx().cadres[key]!;
const QD = () => fx().orgs['QD']!;
const BRANCH = { name: '青岛市第三批赴深圳体悟实训临时党支部', formedOn: '2026-08-25', note: '出发前成立' };
const MEETING = {
  kind: 'member_assembly',
  heldOn: '2026-09-10',
  title: '支部党员大会：选举支委',
  location: '深圳市福田区',
  agenda: '选举支委',
  minutes: '选举产生支委三人',
};

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['qd_admin', 'qd_pm', 'qd_tutor', 'sn_pm', 'qd_trainee', 'sn_trainee', 'qd_host', 'qd_expert']) s[u] = await login(t, u);
  // 王建国 is not a Party member.
  await t.db.kysely.updateTable('cadres').set({ political_status: '群众' }).where('id', '=', c('fgw')).execute();
});
afterAll(() => t.close());

describe('forming the branch', () => {
  it('is formed on or before the program start (else 400 naming formedOn), then edited; audited', async () => {
    const id = await freshProgram(t, QD(), { startDate: '2026-09-01' });
    const empty = await call('qd_tutor', 'GET', `/programs/${id}/party-branch`);
    expect(empty.statusCode).toBe(200);
    expect(empty.json<ProgramBranch>()).toMatchObject({ branch: null, canManage: false });

    const late = await call('qd_pm', 'PUT', `/programs/${id}/party-branch`, { ...BRANCH, formedOn: '2026-09-02' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details).toEqual([{ field: 'formedOn', message: expect.stringContaining('2026-09-01') }]);
    expect(await t.db.kysely.selectFrom('party_branches').select('id').where('program_id', '=', id).execute()).toEqual([]);

    const onStart = await call('qd_pm', 'PUT', `/programs/${id}/party-branch`, { ...BRANCH, formedOn: '2026-09-01' });
    expect(onStart.statusCode).toBe(200);
    expect(onStart.json<ProgramBranch>()).toMatchObject({ branch: { name: BRANCH.name, formedOn: '2026-09-01', members: [], meetings: [] }, canManage: true });
    const edited = await call('qd_pm', 'PUT', `/programs/${id}/party-branch`, BRANCH);
    expect(edited.json<ProgramBranch>().branch).toMatchObject({ formedOn: '2026-08-25', note: '出发前成立' });
    expect(await t.db.kysely.selectFrom('party_branches').select('id').where('program_id', '=', id).execute()).toHaveLength(1);
    expect(
      await t.db.kysely.selectFrom('audit_log').select('id').where('action', '=', 'party_branch.save').where('scope_path', 'is not', null).execute(),
    ).not.toHaveLength(0);
    expect((await call('qd_tutor', 'PUT', `/programs/${id}/party-branch`, BRANCH)).statusCode).toBe(403);
    expect((await call('sn_pm', 'PUT', `/programs/${id}/party-branch`, BRANCH)).statusCode).toBe(404);
  });
});

describe('members', () => {
  it('takes only enrolled Party members: a 群众 cadre → 400 naming the cadre; nothing written', async () => {
    const b = await freshBranch(t, QD(), [c('snsw'), c('fgw'), c('bdg')], []);
    const res = await call('qd_pm', 'POST', `/programs/${b.programId}/party-branch/members`, { cadreId: c('fgw') });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'cadreId', message: expect.stringContaining('王建国') }]);
    const notEnrolled = await call('qd_pm', 'POST', `/programs/${b.programId}/party-branch/members`, { cadreId: c('tpj') });
    expect(notEnrolled.statusCode).toBe(400);
    expect(await t.db.kysely.selectFrom('party_branch_members').select('id').where('branch_id', '=', b.branchId).execute()).toEqual([]);

    const ok = await call('qd_pm', 'POST', `/programs/${b.programId}/party-branch/members`, {
      cadreId: c('snsw'),
      role: 'secretary',
      partyGroup: '第一党小组',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<ProgramBranch>().branch!.members).toEqual([expect.objectContaining({ cadreId: c('snsw'), role: 'secretary', partyGroup: '第一党小组' })]);
    expect((await call('qd_pm', 'POST', `/programs/${b.programId}/party-branch/members`, { cadreId: c('snsw') })).statusCode).toBe(409);
  });

  it('allows exactly one secretary (409 on a second, by add or by change)', async () => {
    const b = await freshBranch(
      t,
      QD(),
      [c('snsw'), c('bdg'), c('tpj')],
      [
        [c('snsw'), 'secretary'],
        [c('bdg'), 'member'],
      ],
    );
    const add = await call('qd_pm', 'POST', `/programs/${b.programId}/party-branch/members`, { cadreId: c('tpj'), role: 'secretary' });
    expect(add.statusCode).toBe(409);
    const change = await call('qd_pm', 'PATCH', `/programs/${b.programId}/party-branch/members/${b.memberIds.get(c('bdg'))}`, { role: 'secretary' });
    expect(change.statusCode).toBe(409);
    const secretaries = await t.db.kysely
      .selectFrom('party_branch_members')
      .select('id')
      .where('branch_id', '=', b.branchId)
      .where('role', '=', 'secretary')
      .execute();
    expect(secretaries).toHaveLength(1);
    // Once the secretary steps down, another member may take the post.
    await call('qd_pm', 'PATCH', `/programs/${b.programId}/party-branch/members/${b.memberIds.get(c('snsw'))}`, { role: 'deputy_secretary' });
    const res = await call('qd_pm', 'PATCH', `/programs/${b.programId}/party-branch/members/${b.memberIds.get(c('bdg'))}`, {
      role: 'secretary',
      partyGroup: '二组',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<ProgramBranch>().branch!.members.find((m) => m.cadreId === c('bdg'))).toMatchObject({ role: 'secretary', partyGroup: '二组' });
  });

  it('adds all enrolled Party members at once and removes one', async () => {
    const b = await freshBranch(t, QD(), [c('snsw'), c('fgw'), c('bdg'), c('tpj')], [[c('snsw'), 'secretary']]);
    const res = await call('qd_pm', 'POST', `/programs/${b.programId}/party-branch/members/all`);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ added: number }>().added).toBe(2);
    const cadres = (await t.db.kysely.selectFrom('party_branch_members').select('cadre_id').where('branch_id', '=', b.branchId).execute()).map(
      (r) => r.cadre_id,
    );
    expect(cadres.sort()).toEqual([c('snsw'), c('bdg'), c('tpj')].sort());
    const view = (await call('qd_pm', 'GET', `/programs/${b.programId}/party-branch`)).json<ProgramBranch>();
    const member = view.branch!.members.find((m) => m.cadreId === c('tpj'))!;
    expect(view.candidates.find((x) => x.cadreId === c('fgw'))).toMatchObject({ isPartyMember: false, isMember: false });
    const removed = await call('qd_pm', 'DELETE', `/programs/${b.programId}/party-branch/members/${member.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json<ProgramBranch>().branch!.members.map((m) => m.cadreId)).not.toContain(c('tpj'));
  });
});

describe('meetings', () => {
  it('records attendance for members only (400 naming the entry), and computes the stats', async () => {
    const b = await freshBranch(
      t,
      QD(),
      [c('snsw'), c('bdg'), c('fgw')],
      [
        [c('snsw'), 'secretary'],
        [c('bdg'), 'member'],
      ],
    );
    const url = `/programs/${b.programId}/party-branch/meetings`;
    const bad = await call('qd_pm', 'POST', url, {
      ...MEETING,
      attendance: [
        { cadreId: c('snsw'), status: 'present' },
        { cadreId: c('fgw'), status: 'present' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ field: 'attendance.1.cadreId', message: expect.any(String) }]);
    expect(await t.db.kysely.selectFrom('party_meetings').select('id').where('branch_id', '=', b.branchId).execute()).toEqual([]);

    const ok = await call('qd_pm', 'POST', url, {
      ...MEETING,
      attendance: [
        { cadreId: c('snsw'), status: 'present' },
        { cadreId: c('bdg'), status: 'absent' },
      ],
    });
    expect(ok.statusCode).toBe(200);
    const meeting = ok.json<ProgramBranch>().branch!.meetings[0]!;
    expect(meeting).toMatchObject({ kind: 'member_assembly', minutes: '选举产生支委三人' });
    expect(meeting.attendance).toHaveLength(2);
    await call('qd_pm', 'POST', url, {
      ...MEETING,
      kind: 'party_lecture',
      heldOn: '2026-10-08',
      title: '专题党课',
      attendance: [
        { cadreId: c('snsw'), status: 'present' },
        { cadreId: c('bdg'), status: 'excused' },
      ],
    });
    const upd = await call('qd_pm', 'PUT', `${url}/${meeting.id}`, {
      ...MEETING,
      minutes: '补充记录',
      attendance: [
        { cadreId: c('snsw'), status: 'present' },
        { cadreId: c('bdg'), status: 'present' },
      ],
    });
    expect(upd.statusCode).toBe(200);
    const stats = upd.json<ProgramBranch>().branch!.stats;
    expect(stats).toEqual({
      meetings: 2,
      byKind: [
        { kind: 'member_assembly', count: 1 },
        { kind: 'party_lecture', count: 1 },
      ],
      byMonth: [
        { month: '2026-09', count: 1 },
        { month: '2026-10', count: 1 },
      ],
      attendanceRate: 1,
    });
    const del = await call('qd_pm', 'DELETE', `${url}/${meeting.id}`);
    expect(del.statusCode).toBe(200);
    expect(await t.db.kysely.selectFrom('party_meeting_attendance').select('cadre_id').where('meeting_id', '=', meeting.id).execute()).toEqual([]);
  });
});

describe('visibility', () => {
  it('a member trainee sees the branch through /me; a non-member trainee, host and expert get 404', async () => {
    // 李晓梅 (qd_trainee) is a member; 张伟 (sn_trainee) is enrolled but not a member.
    const b = await freshBranch(t, QD(), [c('snsw'), c('bdg')], [[c('snsw'), 'member']]);
    await freshMeeting(t, b.branchId);
    const list = await call('qd_trainee', 'GET', '/me/party-branches');
    expect(list.statusCode).toBe(200);
    expect(list.json<MyBranchSummary[]>()).toContainEqual(expect.objectContaining({ branchId: b.branchId, myRole: 'member', meetings: 1 }));
    const mine = await call('qd_trainee', 'GET', `/me/party-branches/${b.branchId}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json<PartyBranch>()).toMatchObject({ id: b.branchId, myRole: 'member', canRecord: false });

    expect((await call('sn_trainee', 'GET', '/me/party-branches')).json<MyBranchSummary[]>().map((x) => x.branchId)).not.toContain(b.branchId);
    for (const who of ['sn_trainee', 'qd_host', 'qd_expert', 'qd_pm'])
      expect((await call(who, 'GET', `/me/party-branches/${b.branchId}`)).statusCode).toBe(404);
    for (const who of ['sn_trainee', 'qd_trainee', 'qd_host', 'qd_expert'])
      expect((await call(who, 'GET', `/programs/${b.programId}/party-branch`)).statusCode).toBe(403);
    expect((await call('sn_pm', 'GET', `/programs/${b.programId}/party-branch`)).statusCode).toBe(404);
  });

  it('the secretary records meetings for their branch; an ordinary member may not', async () => {
    const b = await freshBranch(
      t,
      QD(),
      [c('snsw'), c('bdg')],
      [
        [c('snsw'), 'secretary'],
        [c('bdg'), 'member'],
      ],
    );
    const res = await call('qd_trainee', 'POST', `/me/party-branches/${b.branchId}/meetings`, {
      ...MEETING,
      attendance: [{ cadreId: c('bdg'), status: 'present' }],
    });
    expect(res.statusCode).toBe(200);
    const meeting = res.json<PartyBranch>().meetings[0]!;
    expect(res.json<PartyBranch>()).toMatchObject({ canRecord: true, myRole: 'secretary' });
    const upd = await call('qd_trainee', 'PUT', `/me/party-branches/${b.branchId}/meetings/${meeting.id}`, { ...MEETING, minutes: '书记补记' });
    expect(upd.json<PartyBranch>().meetings[0]).toMatchObject({ minutes: '书记补记' });
    expect((await call('sn_trainee', 'POST', `/me/party-branches/${b.branchId}/meetings`, MEETING)).statusCode).toBe(403);
    const outsider = await freshBranch(t, QD(), [c('tpj')], [[c('tpj'), 'secretary']]);
    expect((await call('qd_trainee', 'POST', `/me/party-branches/${outsider.branchId}/meetings`, MEETING)).statusCode).toBe(404);
    expect((await call('qd_trainee', 'PUT', `/me/party-branches/${b.branchId}/meetings/999999`, MEETING)).statusCode).toBe(404);
  });
});

describe('a program without a branch', () => {
  it('answers 404 to member and meeting writes', async () => {
    const id = await freshProgram(t, QD());
    await enrol(t, id, c('snsw'));
    expect((await call('qd_pm', 'POST', `/programs/${id}/party-branch/members`, { cadreId: c('snsw') })).statusCode).toBe(404);
    expect((await call('qd_pm', 'POST', `/programs/${id}/party-branch/meetings`, MEETING)).statusCode).toBe(404);
  });
});
