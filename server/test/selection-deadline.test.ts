// The nomination deadline (推荐截止日期) over HTTP: a Beijing date stored in selection_rules, inclusive. Units may
// nominate and unit-approve up to the end of that day, then get a 409; organizer decisions stay allowed; the calls
// list shows the deadline and whether the call is still open. Deadlines are set relative to today.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NominationCall } from '@duibiao/contracts';
import { beijingToday } from '../src/modules/hours/time.ts';
import { addDays } from '../src/seed/dates.ts';
import { freshNominee, freshQuota, freshSelectionProgram } from './selection-helpers.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
const s: Record<string, Session> = {};
const call = (who: string, method: string, url: string, payload?: object) => t.app.inject({ method: method as 'GET', url, payload, headers: s[who]!.headers });

const today = beijingToday();
const start = addDays(today, 30);

/** An enrolling program starting in 30 days with a 市南区 quota and the given deadline. */
async function programWithDeadline(nominationDeadline?: string) {
  const o = t.fixture.orgs;
  const id = await freshSelectionProgram(t, o['QD']!, {
    startDate: start,
    endDate: addDays(start, 6),
    rules: nominationDeadline ? { nominationDeadline } : {},
  });
  const quota = await freshQuota(t, id, { orgId: o['QD-SN']! }, 5);
  return { id, quota };
}
const nominate = (programId: number, quotaId: number, cadreIds: number[]) =>
  call('sn_admin', 'POST', `/api/v1/programs/${programId}/nominations`, { cadreIds, quotaId });
const setDeadline = (programId: number, nominationDeadline: string) =>
  t.db.kysely
    .updateTable('programs')
    .set({ selection_rules: JSON.stringify({ nominationDeadline }) })
    .where('id', '=', programId)
    .execute();
const nomineeCount = async (programId: number) =>
  (await t.db.kysely.selectFrom('nominations').select('id').where('program_id', '=', programId).execute()).length;
const freshCadre = () => freshNominee(t, t.fixture.orgs['QD-SN-SW']!, { birthDate: '1990-01-01' });

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['qd_admin', 'sn_admin']) s[u] = await login(t, u);
});
afterAll(() => t.close());

describe('setting the deadline', () => {
  it('saves a deadline up to the program start', async () => {
    const { id } = await programWithDeadline();
    const res = await call('qd_admin', 'PUT', `/api/v1/programs/${id}/selection/rules`, { capacity: 10, nominationDeadline: start });
    expect(res.statusCode).toBe(200);
    expect(res.json().rules).toEqual({ capacity: 10, nominationDeadline: start });
  });

  it('refuses a deadline after the program start or an impossible date, naming the field and writing nothing', async () => {
    const { id } = await programWithDeadline(today);
    const audits = async () =>
      (await t.db.kysely.selectFrom('audit_log').select('id').where('entity_type', '=', 'program').where('entity_id', '=', String(id)).execute()).length;
    const before = await audits();
    for (const nominationDeadline of [addDays(start, 1), '2026-02-30', '2026-12-1']) {
      const res = await call('qd_admin', 'PUT', `/api/v1/programs/${id}/selection/rules`, { capacity: 10, nominationDeadline });
      expect(res.statusCode).toBe(400);
      expect(new Set(res.json().error.details.map((d: { field: string }) => d.field))).toEqual(new Set(['nominationDeadline']));
    }
    const row = await t.db.kysely.selectFrom('programs').select('selection_rules').where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.selection_rules)).toEqual({ nominationDeadline: today });
    expect(await audits()).toBe(before);
  });
});

describe('nominating around the deadline', () => {
  it('accepts nominations before and on the deadline day', async () => {
    for (const deadline of [addDays(today, 1), today]) {
      const { id, quota } = await programWithDeadline(deadline);
      const res = await nominate(id, quota, [await freshCadre()]);
      expect(res.statusCode).toBe(201);
    }
  });

  it('refuses nominations the day after the deadline with a clear message, writing nothing', async () => {
    const deadline = addDays(today, -1);
    const { id, quota } = await programWithDeadline(deadline);
    const res = await nominate(id, quota, [await freshCadre()]);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(`推荐已于 ${deadline} 截止`);
    expect(await nomineeCount(id)).toBe(0);
  });

  it('refuses the unit approval once closed, while the organizer may still decide', async () => {
    const { id, quota } = await programWithDeadline(today);
    const [a, b] = [await freshCadre(), await freshCadre()];
    const made = await nominate(id, quota, [a, b]);
    expect(made.statusCode).toBe(201);
    const [na, nb] = made.json().items.map((n: { id: number }) => n.id) as number[];
    expect((await call('sn_admin', 'POST', `/api/v1/nominations/${na}/unit-approve`, {})).statusCode).toBe(200);
    const deadline = addDays(today, -1);
    await setDeadline(id, deadline);
    const late = await call('sn_admin', 'POST', `/api/v1/nominations/${nb}/unit-approve`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe(`推荐已于 ${deadline} 截止`);
    const still = await t.db.kysely.selectFrom('nominations').select('status').where('id', '=', nb!).executeTakeFirstOrThrow();
    expect(still.status).toBe('submitted');
    const decided = await call('qd_admin', 'POST', `/api/v1/nominations/${na}/decide`, { decision: 'approve' });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().items[0].status).toBe('approved');
  });
});

describe('calls list', () => {
  it('lists open and closed calls with their deadline and open flag', async () => {
    const open = await programWithDeadline(today);
    const closed = await programWithDeadline(addDays(today, -1));
    const none = await programWithDeadline();
    const calls = (await call('sn_admin', 'GET', '/api/v1/nomination-calls')).json<NominationCall[]>();
    const find = (programId: number) => calls.find((c) => c.programId === programId);
    expect(find(open.id)).toMatchObject({ deadline: today, open: true });
    expect(find(closed.id)).toMatchObject({ deadline: addDays(today, -1), open: false });
    expect(find(none.id)).toMatchObject({ deadline: null, open: true });
  });
});
