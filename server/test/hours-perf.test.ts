// Timings of the hot paths, run on demand: HOURS_PERF=1 npx vitest run server/test/hours-perf.test.ts
// (one check-in's recompute in a 200-trainee program; the compliance report over 100,000 cadres).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../src/db/dialect.ts';
import { recomputeProgramHours } from '../src/modules/hours/ledger.ts';
import { freshOrg } from './authz/support.ts';
import { makeProgram, mark } from './hours-helpers.ts';
import { createTestApp, login, type TestApp } from './support.ts';

const run = process.env.HOURS_PERF === '1';
const CADRES = Number(process.env.HOURS_PERF_CADRES ?? 100_000);

describe.runIf(run)('hours performance', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('recomputes one trainee of a 200-trainee, 40-session program quickly', async () => {
    const orgId = t.fixture.orgs['QD-SN']!;
    const cadreIds = await bulkCadres(t, [orgId], 200);
    const sessions = Array.from({ length: 40 }, (_, i) => {
      const day = String(1 + Math.floor(i / 4)).padStart(2, '0');
      const hour = String(8 + (i % 4) * 2).padStart(2, '0');
      return { start: `2025-05-${day}T${hour}:00:00+08:00`, end: `2025-05-${day}T${hour}:50:00+08:00`, hours: 1 };
    });
    const p = await makeProgram(t, orgId, cadreIds, sessions);
    for (const s of p.sessionIds.slice(0, 20)) await mark(t, p, s, cadreIds[0]!, 'present');
    const n = 2000;
    const started = performance.now();
    for (let i = 0; i < n; i++) {
      const c = cadreIds[i % cadreIds.length]!;
      await t.db.kysely.transaction().execute((trx) => recomputeProgramHours(trx, p.id, [c]));
    }
    const perCall = (performance.now() - started) / n;
    console.log(`recomputeProgramHours, one cadre, in its own transaction: ${perCall.toFixed(3)} ms per call (${n} calls)`);
    expect(perCall).toBeLessThan(5);
  });

  it(`evaluates ${CADRES} cadres for the report and the summary`, async () => {
    const root = await freshOrg(t, t.fixture.orgs['QD-SN']!);
    const units: number[] = [];
    for (let i = 0; i < 50; i++) units.push(await freshOrg(t, root));
    const ids = await bulkCadres(t, units, CADRES);
    await bulkEntries(t, ids);
    const s = await login(t, 'sn_admin');
    for (const url of [
      `/api/v1/hours/compliance?orgId=${root}&year=2025`,
      `/api/v1/hours/compliance?orgId=${root}&year=2025&status=non_compliant&page=3`,
      `/api/v1/hours/compliance/summary?orgId=${root}&year=2025`,
    ]) {
      const started = performance.now();
      const res = await t.app.inject({ method: 'GET', url, headers: s.headers });
      expect(res.statusCode).toBe(200);
      console.log(`${url.split('?')[0]} over ${CADRES} cadres: ${(performance.now() - started).toFixed(0)} ms`);
    }
  });
});

const RANKS = ['staff', 'township', 'county', null] as const;

async function bulkCadres(t: TestApp, orgIds: number[], count: number): Promise<number[]> {
  const at = nowIso();
  const ids: number[] = [];
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, k) => {
      const i = start + k;
      return {
        org_id: orgIds[i % orgIds.length]!,
        name: `干部${i}`,
        gender: 'male',
        birth_date: '1990-01-01',
        ethnicity: null,
        political_status: null,
        id_number_enc: 'x',
        id_number_hash: `perf-${Date.now()}-${i}`,
        id_number_masked: '3702**********0000',
        mobile_enc: null,
        mobile_masked: null,
        position: null,
        rank: RANKS[i % RANKS.length]!,
        education: null,
        specialties: '[]',
        specialties_index: '|',
        work_start_date: null,
        experiences: '[]',
        content_hash: `perf-${i}`,
        created_at: at,
        updated_at: at,
      };
    });
    const inserted = await t.db.kysely.insertInto('cadres').values(rows).returning('id').execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** About 1.5 entries per cadre across 2023–2025, a third of them online. */
async function bulkEntries(t: TestApp, cadreIds: number[]): Promise<void> {
  const at = nowIso();
  const all = cadreIds.flatMap((id, i) => {
    const rows = [{ id, date: `202${3 + (i % 3)}-0${1 + (i % 9)}-15`, hours: (i * 7) % 120, category: i % 3 === 0 ? 'online' : 'offline' }];
    if (i % 2 === 0) rows.push({ id, date: '2025-06-01', hours: 40, category: 'online' });
    return rows;
  });
  for (let start = 0; start < all.length; start += 500) {
    await t.db.kysely
      .insertInto('hours_entries')
      .values(
        all.slice(start, start + 500).map((e) => ({
          cadre_id: e.id,
          program_id: null,
          source: 'manual',
          category: e.category,
          title: '外部培训',
          provider: null,
          date: e.date,
          hours: e.hours,
          days: 0,
          evidence_name: null,
          evidence_path: null,
          note: null,
          created_by: null,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
  }
}
