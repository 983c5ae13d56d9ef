// The ledger write side: attendance → program rows, per the organizer's (possibly inherited) credit policy.
import type { EffectiveCreditPolicy } from '@duibiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeProgramHours, recomputeWholeProgram } from '../src/modules/hours/ledger.ts';
import { approvedLeave, makeProgram, mark, programRows, unitWithCadres, type TestProgram } from './hours-helpers.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let cityAdmin: Session;
let districtPm: Session;
beforeAll(async () => {
  t = await createTestApp();
  cityAdmin = await login(t, 'qd_admin');
  districtPm = await login(t, 'sn_pm');
});
afterAll(() => t.close());

const recompute = (p: TestProgram, cadres: number[]) => t.db.kysely.transaction().execute((trx) => recomputeProgramHours(trx, p.id, cadres));
const hours = async (p: TestProgram, cadre: number) =>
  (await programRows(t, p.id, cadre)).map((r) => ({ category: r.category, hours: Number(r.hours), days: Number(r.days) }));

/** A 3-hour morning session on a given day of March 2025 (Beijing time). */
const morning = (day: number, mode: 'offline' | 'online' = 'offline') => ({
  start: `2025-03-${String(day).padStart(2, '0')}T09:00:00+08:00`,
  end: `2025-03-${String(day).padStart(2, '0')}T12:00:00+08:00`,
  hours: 3,
  mode,
});

async function setPolicy(s: Session, orgId: number, policy: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'PUT', url: `/api/v1/orgs/${orgId}/credit-policy`, headers: s.headers, payload: policy });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<EffectiveCreditPolicy>();
}

describe('recomputeProgramHours with the default policy (proportional, 10 min grace, ×1 online, 0.5 rounding)', () => {
  it('credits full attendance, dated on the program’s first day, with one day per date', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff']);
    const c = cadres[0]!;
    const p = await makeProgram(t, orgId, [c], [morning(3), morning(4)], '2025-03-03');
    await mark(t, p, p.sessionIds[0]!, c, 'present');
    await mark(t, p, p.sessionIds[1]!, c, 'present');
    await recompute(p, [c]);
    const rows = await programRows(t, p.id, c);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ category: 'offline', date: '2025-03-03', title: expect.stringContaining('学时测试班') });
    expect(Number(rows[0]!.hours)).toBe(6);
    expect(Number(rows[0]!.days)).toBe(2);
  });

  it('gives full credit for lateness up to the grace minutes and the attended share after it', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff', 'staff']);
    const [within, after] = cadres as [number, number];
    const p = await makeProgram(t, orgId, cadres, [morning(3)]);
    await mark(t, p, p.sessionIds[0]!, within, 'late', 10);
    await mark(t, p, p.sessionIds[0]!, after, 'late', 30);
    await recompute(p, cadres);
    expect(await hours(p, within)).toEqual([{ category: 'offline', hours: 3, days: 1 }]);
    // 150 of 180 minutes attended: 2.5 h.
    expect(await hours(p, after)).toEqual([{ category: 'offline', hours: 2.5, days: 1 }]);
  });

  it('credits a left-early trainee the share attended, and excused, absent and unmarked sessions nothing', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff']);
    const c = cadres[0]!;
    const p = await makeProgram(t, orgId, [c], [morning(3), morning(4), morning(5), morning(6)]);
    await mark(t, p, p.sessionIds[0]!, c, 'left_early', 60); // 120 of 180 minutes → 2 h
    await mark(t, p, p.sessionIds[1]!, c, 'excused');
    await mark(t, p, p.sessionIds[2]!, c, 'absent');
    // session 4: no mark at all
    await recompute(p, [c]);
    expect(await hours(p, c)).toEqual([{ category: 'offline', hours: 2, days: 1 }]);
  });

  it('ignores sessions that have not ended and sessions for another class', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff']);
    const c = cadres[0]!;
    const future = { start: '2099-01-01T09:00:00+08:00', end: '2099-01-01T12:00:00+08:00', hours: 3 };
    const p = await makeProgram(t, orgId, [c], [morning(3), future]);
    const otherClass = await t.db.kysely
      .insertInto('program_sessions')
      .values({
        program_id: p.id,
        code: null,
        title: '二班研讨',
        type: 'seminar',
        starts_at: '2025-03-03T14:00:00+08:00',
        ends_at: '2025-03-03T17:00:00+08:00',
        venue_id: null,
        audience_kind: 'class',
        audience_class_id: p.otherClassId,
        audience_group_id: null,
        credited_hours: 3,
        mode: 'offline',
        checkin_enabled: 1,
        geofence_m: null,
        checkin_generation: 0,
        notes: null,
        created_at: '2025-01-01T00:00:00Z',
        updated_at: '2025-01-01T00:00:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const s of [...p.sessionIds, otherClass.id]) await mark(t, p, s, c, 'present');
    await recompute(p, [c]);
    expect(await hours(p, c)).toEqual([{ category: 'offline', hours: 3, days: 1 }]);
  });

  it('writes online hours on their own row and puts the days on the offline row only', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff']);
    const c = cadres[0]!;
    const p = await makeProgram(t, orgId, [c], [morning(3), morning(4, 'online')]);
    await mark(t, p, p.sessionIds[0]!, c, 'present');
    await mark(t, p, p.sessionIds[1]!, c, 'present');
    await recompute(p, [c]);
    expect(await hours(p, c)).toEqual([
      { category: 'offline', hours: 3, days: 2 },
      { category: 'online', hours: 3, days: 0 },
    ]);
  });

  it('rewrites rather than adds: recomputing twice, or after a mark changes, leaves one row per category', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff']);
    const c = cadres[0]!;
    const p = await makeProgram(t, orgId, [c], [morning(3)]);
    await mark(t, p, p.sessionIds[0]!, c, 'present');
    await recompute(p, [c]);
    await recompute(p, [c]);
    expect(await hours(p, c)).toEqual([{ category: 'offline', hours: 3, days: 1 }]);
    await mark(t, p, p.sessionIds[0]!, c, 'absent');
    await recompute(p, [c]);
    expect(await hours(p, c)).toEqual([{ category: 'offline', hours: 0, days: 0 }]);
  });

  it('a recompute waiting on another one’s uncommitted rewrite replaces those rows instead of adding to them', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff']);
    const c = cadres[0]!;
    const p = await makeProgram(t, orgId, [c], [morning(3)]);
    await recompute(p, [c]); // no mark yet: 0 h
    await mark(t, p, p.sessionIds[0]!, c, 'present'); // both recomputes below now see stale rows
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let rewritten!: () => void;
    const firstWrote = new Promise<void>((r) => (rewritten = r));
    const first = t.db.kysely.transaction().execute(async (trx) => {
      await recomputeProgramHours(trx, p.id, [c]);
      rewritten();
      await gate; // hold the transaction open with its rewrite uncommitted
    });
    await firstWrote;
    const second = recompute(p, [c]);
    await new Promise((r) => setTimeout(r, 100));
    release();
    await Promise.all([first, second]);
    expect(await hours(p, c)).toEqual([{ category: 'offline', hours: 3, days: 1 }]);
  });

  it('leaves exactly one row per category when many recomputes for one cadre run at once', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff']);
    const c = cadres[0]!;
    const p = await makeProgram(t, orgId, [c], [morning(3), morning(4, 'online')]);
    await mark(t, p, p.sessionIds[0]!, c, 'present');
    await mark(t, p, p.sessionIds[1]!, c, 'present');
    await Promise.all(Array.from({ length: 20 }, () => recompute(p, [c])));
    expect(await hours(p, c)).toEqual([
      { category: 'offline', hours: 3, days: 2 },
      { category: 'online', hours: 3, days: 0 },
    ]);
  });

  it('recomputeWholeProgram drops the rows of a cadre no longer enrolled', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff', 'staff']);
    const [stays, leaves] = cadres as [number, number];
    const p = await makeProgram(t, orgId, cadres, [morning(3)]);
    for (const c of cadres) await mark(t, p, p.sessionIds[0]!, c, 'present');
    await recompute(p, cadres);
    await t.db.kysely.deleteFrom('attendance').where('enrolment_id', '=', p.enrolments[leaves]!).execute();
    await t.db.kysely.deleteFrom('enrolments').where('id', '=', p.enrolments[leaves]!).execute();
    await t.db.kysely.transaction().execute((trx) => recomputeWholeProgram(trx, p.id));
    expect(await hours(p, stays)).toHaveLength(1);
    expect(await hours(p, leaves)).toEqual([]);
  });
});

describe('credit policy per organizer node', () => {
  it('inherits the nearest ancestor’s policy, converts online hours, and a nearer node overrides', async () => {
    const parent = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, []);
    const child = await unitWithCadres(t, parent.orgId, ['staff']);
    const c = child.cadres[0]!;
    const p = await makeProgram(t, child.orgId, [c], [morning(3), morning(4, 'online')]);
    await mark(t, p, p.sessionIds[0]!, c, 'late', 30);
    await mark(t, p, p.sessionIds[1]!, c, 'present');

    // Set above the organizer: 'none' for lateness, online hours at half value. Open programs are recomputed.
    const set = await setPolicy(districtPm, parent.orgId, { late: 'none', leftEarly: 'proportional', lateGraceMinutes: 5, onlineFactor: 0.5, roundTo: 0.5 });
    expect(set).toMatchObject({ source: 'own', from: { orgId: parent.orgId } });
    expect(await hours(p, c)).toEqual([
      { category: 'offline', hours: 0, days: 1 },
      { category: 'online', hours: 1.5, days: 0 },
    ]);
    const inherited = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${child.orgId}/credit-policy`, headers: districtPm.headers });
    expect(inherited.json()).toMatchObject({ source: 'inherited', from: { orgId: parent.orgId }, policy: { late: 'none', onlineFactor: 0.5 } });

    // The organizer's own policy wins over the ancestor's.
    await setPolicy(districtPm, child.orgId, { late: 'full', leftEarly: 'proportional', lateGraceMinutes: 0, onlineFactor: 1, roundTo: 0.1 });
    expect(await hours(p, c)).toEqual([
      { category: 'offline', hours: 3, days: 2 },
      { category: 'online', hours: 3, days: 0 },
    ]);

    // Reverting the organizer's policy falls back to the ancestor's again.
    const reverted = await t.app.inject({ method: 'DELETE', url: `/api/v1/orgs/${child.orgId}/credit-policy`, headers: districtPm.headers });
    expect(reverted.json()).toMatchObject({ source: 'inherited' });
    expect((await hours(p, c))[0]).toMatchObject({ hours: 0 });
  });

  it('rounds each session with the policy step: 11 minutes late with no grace and 0.1 rounding earns 2.8 of 3', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff', 'staff']);
    await setPolicy(districtPm, orgId, { late: 'proportional', leftEarly: 'proportional', lateGraceMinutes: 10, onlineFactor: 1, roundTo: 0.1 });
    const [at10, at11] = cadres as [number, number];
    const p = await makeProgram(t, orgId, cadres, [morning(3)]);
    await mark(t, p, p.sessionIds[0]!, at10, 'late', 10);
    await mark(t, p, p.sessionIds[0]!, at11, 'late', 11);
    await recompute(p, cadres);
    expect((await hours(p, at10))[0]!.hours).toBe(3);
    // 169/180 × 3 = 2.8167 → 2.8
    expect((await hours(p, at11))[0]!.hours).toBe(2.8);
  });

  it('falls back to the national default when no node on the path set one', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${t.fixture.orgs['QD-LS-SZK']}/credit-policy`, headers: cityAdmin.headers });
    expect(res.json()).toEqual({
      orgId: t.fixture.orgs['QD-LS-SZK'],
      source: 'default',
      from: null,
      updatedAt: null,
      policy: { late: 'proportional', leftEarly: 'proportional', lateGraceMinutes: 10, onlineFactor: 1, roundTo: 0.5 },
    });
  });

  it('rejects a bad policy field by field and stores nothing', async () => {
    const orgId = t.fixture.orgs['QD-LS']!;
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${orgId}/credit-policy`,
      headers: cityAdmin.headers,
      payload: { late: 'sometimes', leftEarly: 'none', lateGraceMinutes: -1, onlineFactor: 0.5, roundTo: 0.3 },
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['late', 'lateGraceMinutes', 'roundTo']);
    expect(await t.db.kysely.selectFrom('credit_policies').select('id').where('org_id', '=', orgId).execute()).toEqual([]);
  });

  it('audits a policy change with before and after', async () => {
    const { orgId } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, []);
    await setPolicy(districtPm, orgId, { late: 'full', leftEarly: 'full', lateGraceMinutes: 0, onlineFactor: 1, roundTo: 1 });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'hours.policy_update')
      .where('entity_id', '=', String(orgId))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toMatchObject({ late: 'full', roundTo: 1 });
    expect(JSON.parse(audit.before_json!)).toMatchObject({ late: 'proportional' });
  });
});

describe('GET /api/v1/programs/:id/hours', () => {
  it('shows credited hours, days, leave, absences and the 1/7 withdrawal flag per trainee', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff', 'staff']);
    const [onLeave, exact] = cadres as [number, number];
    // Seven 3-hour sessions: 21 h scheduled, so 1/7 is exactly 3 h.
    const p = await makeProgram(
      t,
      orgId,
      cadres,
      [3, 4, 5, 6, 7, 10, 11].map((d) => morning(d)),
    );
    for (const s of p.sessionIds.slice(2)) for (const c of cadres) await mark(t, p, s, c, 'present');
    await mark(t, p, p.sessionIds[0]!, onLeave, 'excused');
    await mark(t, p, p.sessionIds[1]!, onLeave, 'excused');
    await approvedLeave(t, p, onLeave, [p.sessionIds[0]!, p.sessionIds[1]!], 6);
    await mark(t, p, p.sessionIds[0]!, exact, 'excused');
    await approvedLeave(t, p, exact, [p.sessionIds[0]!], 3);
    // exact: session 2 left unmarked → one absence
    await recompute(p, cadres);

    const res = await t.app.inject({ method: 'GET', url: `/api/v1/programs/${p.id}/hours`, headers: districtPm.headers });
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().items as { cadreId: number }[];
    expect(rows.find((r) => r.cadreId === onLeave)).toMatchObject({
      scheduledHours: 21,
      creditedHours: 15,
      days: 5,
      leaveHours: 6,
      absences: 0,
      mustWithdraw: true,
      className: '一班',
    });
    // Exactly 1/7 is still allowed.
    expect(rows.find((r) => r.cadreId === exact)).toMatchObject({ scheduledHours: 21, creditedHours: 15, leaveHours: 3, absences: 1, mustWithdraw: false });
  });

  it('recompute rewrites the rows from attendance on request (hours:write)', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff']);
    const c = cadres[0]!;
    const p = await makeProgram(t, orgId, [c], [morning(3)]);
    await mark(t, p, p.sessionIds[0]!, c, 'present');
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/programs/${p.id}/hours/recompute`, headers: districtPm.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items[0]).toMatchObject({ cadreId: c, creditedHours: 3, days: 1 });
    expect(await hours(p, c)).toEqual([{ category: 'offline', hours: 3, days: 1 }]);
  });
});
