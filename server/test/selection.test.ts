// Selection end to end over HTTP: rules, quotas, calls, candidates with eligibility, nominating (all-or-nothing),
// the approval chain, capacity → waitlist, withdrawal → promotion, scope of district users, and the live shares.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Candidate, Nomination, NominationCall, NominationChange, SelectionSummary } from '@duibiao/contracts';
import { newEnrolmentRow } from '../src/modules/programs/enrolment-row.ts';
import { freshNominee, freshQuota, freshSelectionProgram } from './selection-helpers.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
const s: Record<string, Session> = {};
const call = (who: string, method: string, url: string, payload?: object) => t.app.inject({ method: method as 'GET', url, payload, headers: s[who]!.headers });

let program: number;
let qSN: number;
let qLS: number;
const cadre: Record<string, number> = {};
const nominationOf = async (cadreId: number) =>
  t.db.kysely.selectFrom('nominations').selectAll().where('program_id', '=', program).where('cadre_id', '=', cadreId).executeTakeFirstOrThrow();
const enrolmentOf = (programId: number, cadreId: number) =>
  t.db.kysely.selectFrom('enrolments').selectAll().where('program_id', '=', programId).where('cadre_id', '=', cadreId).executeTakeFirst();

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['qd_admin', 'qd_pm', 'sn_admin', 'ls_admin', 'sn_tutor', 'sysadmin']) s[u] = await login(t, u);
  const o = t.fixture.orgs;
  // The program starts 2026-05-10: born 1986-05-10 is exactly 40 that day, born 1985-05-10 is 41.
  program = await freshSelectionProgram(t, o['QD']!, { rules: { eligibility: { maxAge: 40 }, capacity: 2, grassrootsShareMin: 0.5 } });
  qSN = await freshQuota(t, program, { orgId: o['QD-SN']! }, 3);
  qLS = await freshQuota(t, program, { orgId: o['QD-LS']! }, 2);
  cadre.grassroots40 = await freshNominee(t, o['QD-SN-BDG']!, { birthDate: '1986-05-10', name: '基层甲' });
  cadre.office = await freshNominee(t, o['QD-SN-SW']!, { birthDate: '1990-01-01', name: '机关乙', female: true });
  cadre.old = await freshNominee(t, o['QD-SN-SW']!, { birthDate: '1985-05-10', name: '超龄丙' });
  cadre.village = await freshNominee(t, o['QD-SN-BDG-1']!, { birthDate: '1992-02-02', name: '社区丁' });
  cadre.extra = await freshNominee(t, o['QD-SN-SW']!, { birthDate: '1993-02-02', name: '机关戊' });
  cadre.laoshan = await freshNominee(t, o['QD-LS-SZK']!, { birthDate: '1991-02-02', name: '崂山己' });
});
afterAll(() => t.close());

describe('rules and quotas (organizer)', () => {
  it('rejects bad rules naming each field and keeps the old ones', async () => {
    const res = await call('qd_admin', 'PUT', `/api/v1/programs/${program}/selection/rules`, { eligibility: { maxAge: 10 }, grassrootsShareMin: 2 });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['eligibility.maxAge', 'grassrootsShareMin']);
    const now = await call('qd_admin', 'GET', `/api/v1/programs/${program}/selection/rules`);
    expect(now.json()).toMatchObject({ rules: { eligibility: { maxAge: 40 }, capacity: 2 }, effectiveCapacity: 2, referenceDay: '2026-05-10' });
  });

  it('saves valid rules with an audit entry', async () => {
    const other = await freshSelectionProgram(t, t.fixture.orgs['QD']!);
    const res = await call('qd_pm', 'PUT', `/api/v1/programs/${other}/selection/rules`, {
      eligibility: { ranks: ['staff'], minServiceYears: 2 },
      capacity: 30,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rules: { eligibility: { ranks: ['staff'], minServiceYears: 2 }, capacity: 30 }, effectiveCapacity: 30 });
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', String(other)).execute();
    expect(audit.map((a) => a.action)).toContain('selection.rules');
  });

  it('refuses a quota for a unit outside the organizer, a duplicate, and quotas of an out-of-scope program', async () => {
    const outside = await call('qd_admin', 'POST', `/api/v1/programs/${program}/selection/quotas`, { orgId: t.fixture.orgs['DL']!, quota: 2 });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].field).toBe('orgId');
    const dup = await call('qd_admin', 'POST', `/api/v1/programs/${program}/selection/quotas`, { orgId: t.fixture.orgs['QD-SN']!, quota: 2 });
    expect(dup.statusCode).toBe(409);
    const district = await call('sn_admin', 'GET', `/api/v1/programs/${program}/selection/quotas`);
    expect(district.statusCode).toBe(404);
  });
});

describe('calls and candidates (nominating unit)', () => {
  it('shows a district admin the city program with only the quota of their district', async () => {
    const res = await call('sn_admin', 'GET', '/api/v1/nomination-calls');
    expect(res.statusCode).toBe(200);
    const found = res.json<NominationCall[]>().find((c) => c.programId === program);
    expect(found?.quotas.map((q) => q.id)).toEqual([qSN]);
  });

  it('lists candidates of the caller and quota subtree with their eligibility', async () => {
    const res = await call('sn_admin', 'GET', `/api/v1/programs/${program}/selection/candidates?quotaId=${qSN}&pageSize=100`);
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: Candidate[] }>().items;
    const byName = new Map(items.map((c) => [c.cadre.name, c]));
    expect(byName.get('基层甲')).toMatchObject({ eligible: true, failures: [], cadre: { age: 40, grassroots: true } });
    expect(byName.get('超龄丙')).toMatchObject({ eligible: false, failures: [{ rule: 'maxAge', zh: '年龄 41 岁，超过 40 岁上限' }] });
    expect(byName.has('崂山己')).toBe(false);
    const filtered = await call('sn_admin', 'GET', `/api/v1/programs/${program}/selection/candidates?quotaId=${qSN}&q=${encodeURIComponent('社区')}`);
    expect(filtered.json<{ items: Candidate[] }>().items.map((c) => c.cadre.name)).toEqual(['社区丁']);
  });

  it('limits a grassroots category quota to township and village cadres of the caller subtree', async () => {
    const other = await freshSelectionProgram(t, t.fixture.orgs['QD']!);
    const quota = await freshQuota(t, other, { category: 'grassroots' }, 10);
    const res = await call('sn_admin', 'GET', `/api/v1/programs/${other}/selection/candidates?quotaId=${quota}&pageSize=100`);
    const names = res.json<{ items: Candidate[] }>().items.map((c) => c.cadre.name);
    expect(names).toEqual(expect.arrayContaining(['基层甲', '社区丁', '张伟', '刘洋']));
    expect(names.some((n) => ['机关乙', '超龄丙', '崂山己', '李晓梅'].includes(n))).toBe(false);
    expect(res.json<{ items: Candidate[] }>().items.every((c) => c.cadre.grassroots)).toBe(true);
  });

  it('answers 404 for a quota the caller does not reach', async () => {
    const res = await call('sn_admin', 'GET', `/api/v1/programs/${program}/selection/candidates?quotaId=${qLS}`);
    expect(res.statusCode).toBe(404);
  });
});

describe('nominating', () => {
  const nominate = (who: string, cadreIds: number[], quotaId = qSN) =>
    call(who, 'POST', `/api/v1/programs/${program}/nominations`, { cadreIds, quotaId, statement: '政治过硬，熟悉基层' });
  const count = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('nominations')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('program_id', '=', program)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('answers 404 for a cadre outside the caller subtree or quota', async () => {
    expect((await nominate('sn_admin', [cadre.laoshan!])).statusCode).toBe(404);
    expect((await nominate('sn_admin', [cadre.laoshan!], qLS)).statusCode).toBe(404);
    expect(await count()).toBe(0);
  });

  it('refuses an ineligible cadre naming the cadre and the rule, writing nothing', async () => {
    const res = await nominate('sn_admin', [cadre.grassroots40!, cadre.old!]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'cadreIds.1.maxAge', message: '超龄丙：年龄 41 岁，超过 40 岁上限' }]);
    expect(await count()).toBe(0);
  });

  it('nominates within the quota, then refuses a duplicate and the place over the quota', async () => {
    const ok = await nominate('sn_admin', [cadre.grassroots40!, cadre.office!, cadre.village!]);
    expect(ok.statusCode).toBe(201);
    expect(ok.json<NominationChange>().items.map((n) => [n.status, n.nominatingOrg.id])).toEqual([
      ['submitted', t.fixture.orgs['QD-SN']],
      ['submitted', t.fixture.orgs['QD-SN']],
      ['submitted', t.fixture.orgs['QD-SN']],
    ]);
    const dup = await nominate('sn_admin', [cadre.office!]);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('机关乙 已被推荐');
    const over = await nominate('sn_admin', [cadre.extra!]);
    expect(over.statusCode).toBe(409);
    expect(over.json().error.message).toBe('超出推荐名额：市南区 名额 3 人，已推荐 3 人，本次 1 人');
    expect(await count()).toBe(3);
  });

  it('refuses a cadre who is already a trainee of the program, and flags them among candidates', async () => {
    const enrolled = await freshNominee(t, t.fixture.orgs['QD-LS-SZK']!, { name: '学员庚' });
    await t.db.kysely
      .insertInto('enrolments')
      .values(newEnrolmentRow({ programId: program, cadreId: enrolled }, new Date().toISOString()))
      .execute();
    const list = await call('qd_admin', 'GET', `/api/v1/programs/${program}/selection/candidates?quotaId=${qLS}&q=${encodeURIComponent('学员庚')}`);
    expect(list.json<{ items: Candidate[] }>().items).toMatchObject([{ enrolled: true, nominated: false }]);
    const res = await nominate('qd_admin', [enrolled], qLS);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('学员庚 已是本项目学员');
    await t.db.kysely.deleteFrom('enrolments').where('program_id', '=', program).where('cadre_id', '=', enrolled).execute();
  });

  it('lets the city admin nominate into another district quota', async () => {
    const res = await nominate('qd_admin', [cadre.laoshan!], qLS);
    expect(res.statusCode).toBe(201);
  });

  it('shows a district user only the nominations of its own subtree', async () => {
    const names = async (who: string) => (await call(who, 'GET', `/api/v1/programs/${program}/nominations`)).json<Nomination[]>().map((n) => n.cadre.name);
    expect(await names('sn_admin')).toEqual(['基层甲', '机关乙', '社区丁']);
    expect(await names('ls_admin')).toEqual(['崂山己']);
    expect(await names('qd_admin')).toHaveLength(4);
    expect((await call('sn_tutor', 'GET', `/api/v1/programs/${program}/nominations`)).statusCode).toBe(403);
  });
});

describe('approval chain, capacity and waitlist', () => {
  const decide = (who: string, cadreId: number, decision: string, reason?: string) =>
    nominationOf(cadreId).then((n) => call(who, 'POST', `/api/v1/nominations/${n.id}/decide`, { decision, reason }));

  it('needs the unit approval before the department decides', async () => {
    const early = await decide('qd_admin', cadre.grassroots40!, 'approve');
    expect(early.statusCode).toBe(409);
    const stranger = await call('ls_admin', 'POST', `/api/v1/nominations/${(await nominationOf(cadre.office!)).id}/unit-approve`, {});
    expect(stranger.statusCode).toBe(404);
    for (const key of ['grassroots40', 'office', 'village']) {
      const res = await call('sn_admin', 'POST', `/api/v1/nominations/${(await nominationOf(cadre[key]!)).id}/unit-approve`, { reason: '经党组研究同意' });
      expect(res.statusCode).toBe(200);
    }
    expect((await call('ls_admin', 'POST', `/api/v1/nominations/${(await nominationOf(cadre.laoshan!)).id}/unit-approve`, {})).statusCode).toBe(200);
  });

  it('hides the decision from a district admin who does not organize the program', async () => {
    expect((await decide('sn_admin', cadre.grassroots40!, 'approve')).statusCode).toBe(404);
  });

  it('requires a reason to reject', async () => {
    const res = await decide('qd_admin', cadre.office!, 'reject');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('reason');
  });

  it('approving creates the enrolment; once full, approvals go to the waitlist with a position', async () => {
    const first = await decide('qd_admin', cadre.grassroots40!, 'approve');
    expect(first.statusCode).toBe(200);
    expect(first.json<NominationChange>().items[0]).toMatchObject({
      status: 'approved',
      events: [{ action: 'nominate' }, { action: 'unit_approve' }, { action: 'decide', toStatus: 'approved' }],
    });
    expect(await enrolmentOf(program, cadre.grassroots40!)).toMatchObject({ status: 'enrolled' });
    const ids = [cadre.office!, cadre.village!, cadre.laoshan!];
    const bulk = await call('qd_admin', 'POST', `/api/v1/programs/${program}/nominations/decide`, {
      ids: await Promise.all(ids.map(async (c) => (await nominationOf(c)).id)),
      decision: 'approve',
    });
    expect(bulk.statusCode).toBe(200);
    const body = bulk.json<NominationChange>();
    expect(body.items.map((n) => [n.cadre.name, n.status, n.waitlistPosition])).toEqual([
      ['机关乙', 'approved', null],
      ['社区丁', 'waitlisted', 1],
      ['崂山己', 'waitlisted', 2],
    ]);
    expect(body.messages).toContain('社区丁：计划人数已满，转入候补第 1 位');
    expect(await enrolmentOf(program, cadre.village!)).toBeUndefined();
  });

  it('reports the live shares exactly', async () => {
    const res = await call('qd_admin', 'GET', `/api/v1/programs/${program}/selection/summary`);
    expect(res.statusCode).toBe(200);
    const sum = res.json<SelectionSummary>();
    expect(sum).toMatchObject({ capacity: 2, enrolled: 2, counts: { approved: 2, waitlisted: 2, submitted: 0 } });
    expect(sum.shares).toMatchObject({
      total: 2,
      grassroots: 1,
      share: 0.5,
      meetsTarget: true,
      male: 1,
      female: 1,
      averageAge: 38,
      line: '基层干部 50% ≥ 目标 50% ✓',
    });
    expect(sum.quotas.find((q) => q.id === qSN)).toMatchObject({ used: 3, remaining: 0 });
  });

  it('withdrawing an approved nomination withdraws the enrolment and promotes the first waitlisted', async () => {
    const office = await nominationOf(cadre.office!);
    const res = await call('sn_admin', 'POST', `/api/v1/nominations/${office.id}/withdraw`, { reason: '工作需要，不能参训' });
    expect(res.statusCode).toBe(200);
    expect(res.json<NominationChange>().messages).toEqual(['已撤回 机关乙', '社区丁 由候补递补入选']);
    expect(await enrolmentOf(program, cadre.office!)).toMatchObject({ status: 'withdrawn' });
    expect(await enrolmentOf(program, cadre.village!)).toMatchObject({ status: 'enrolled' });
    const village = await nominationOf(cadre.village!);
    expect(village).toMatchObject({ status: 'approved', waitlist_position: null });
    expect(await nominationOf(cadre.laoshan!)).toMatchObject({ status: 'waitlisted', waitlist_position: 1 });
    const events = await t.db.kysely.selectFrom('nomination_events').select('action').where('nomination_id', '=', village.id).orderBy('id').execute();
    expect(events.at(-1)!.action).toBe('promote');
    const notes = await t.db.kysely.selectFrom('notifications').select('title').where('user_id', '=', t.fixture.users['sn_admin']!).execute();
    expect(notes.map((n) => n.title)).toContain('社区丁 已由候补递补入选');
  });

  it('removing an enrolment that came from a nomination frees the seat for the waitlist', async () => {
    const enrolment = (await enrolmentOf(program, cadre.grassroots40!))!;
    const res = await call('qd_admin', 'DELETE', `/api/v1/programs/${program}/enrolments/${enrolment.id}`);
    expect(res.statusCode).toBe(204);
    expect(await nominationOf(cadre.grassroots40!)).toMatchObject({ status: 'withdrawn' });
    expect(await nominationOf(cadre.laoshan!)).toMatchObject({ status: 'approved' });
    expect(await enrolmentOf(program, cadre.laoshan!)).toMatchObject({ status: 'enrolled' });
  });

  it('a withdrawn nomination cannot be decided again', async () => {
    expect((await decide('qd_admin', cadre.office!, 'approve')).statusCode).toBe(409);
  });
});
