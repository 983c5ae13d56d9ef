// The compliance report against the 2023 rules: both sides of every boundary, windows, summary and export.
import type { ComplianceSummary } from '@duibiao/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entry, unitWithCadres } from './hours-helpers.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let admin: Session;
let tutor: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t, 'sn_admin');
  tutor = await login(t, 'sn_tutor');
});
afterAll(() => t.close());

interface Row {
  cadreId: number;
  compliant: boolean;
  yearHours: number;
  yearOnlineHours: number;
  yearDays: number;
  results: {
    ruleId: string;
    compliant: boolean;
    achievedHours: number;
    achievedDays: number;
    shortfallHours: number | null;
    shortfallDays: number | null;
    window: { from: string; to: string };
  }[];
}

async function report(orgId: number, year: number, extra = '', s = tutor) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/hours/compliance?orgId=${orgId}&year=${year}&pageSize=500${extra}`, headers: s.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Row[]; total: number; rules: { id: string }[]; year: number };
}
const rowOf = (items: Row[], cadreId: number) => items.find((r) => r.cadreId === cadreId)!;
const result = (row: Row, ruleId: string) => row.results.find((r) => r.ruleId === ruleId);

describe('annual rule for 乡科级 and 一级主任科员及以下: 90 学时 or 12 days', () => {
  it('passes at exactly 90 h and fails at 89.9 h with a 0.1 h shortfall', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff', 'township']);
    const [exact, short] = cadres as [number, number];
    await entry(t, exact, '2025-02-01', 45);
    await entry(t, exact, '2025-12-31', 45);
    await entry(t, short, '2025-01-01', 89.9);
    await entry(t, short, '2024-12-31', 50); // the year before does not count
    const { items } = await report(orgId, 2025);
    expect(result(rowOf(items, exact), 'annual-township-staff')).toMatchObject({ compliant: true, achievedHours: 90, shortfallHours: 0 });
    expect(result(rowOf(items, short), 'annual-township-staff')).toMatchObject({
      compliant: false,
      achievedHours: 89.9,
      shortfallHours: 0.1,
      shortfallDays: 12,
      window: { from: '2025-01-01', to: '2025-12-31' },
    });
  });

  it('passes on 12 days with few hours, and not on 11', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff', 'staff']);
    const [twelve, eleven] = cadres as [number, number];
    await entry(t, twelve, '2025-06-01', 20, { days: 12 });
    await entry(t, eleven, '2025-06-01', 20, { days: 11 });
    const { items } = await report(orgId, 2025);
    expect(result(rowOf(items, twelve), 'annual-township-staff')).toMatchObject({ compliant: true, achievedDays: 12 });
    expect(result(rowOf(items, eleven), 'annual-township-staff')).toMatchObject({ compliant: false, shortfallDays: 1, shortfallHours: 70 });
  });
});

describe('five-year rule for 县处级 and above: 550 学时 or 90 days per block from 2023', () => {
  it('adds up the hours of the whole 2023–2027 block and starts again in 2028', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['county', 'bureau']);
    const [met, short] = cadres as [number, number];
    await entry(t, met, '2023-01-01', 300);
    await entry(t, met, '2027-12-31', 250);
    await entry(t, short, '2023-05-05', 549.9);
    const in2026 = await report(orgId, 2026);
    expect(result(rowOf(in2026.items, met), 'five-year-county-above')).toMatchObject({
      compliant: true,
      achievedHours: 550,
      window: { from: '2023-01-01', to: '2027-12-31' },
    });
    expect(result(rowOf(in2026.items, short), 'five-year-county-above')).toMatchObject({ compliant: false, shortfallHours: 0.1 });
    // The annual township rule does not apply to them.
    expect(result(rowOf(in2026.items, met), 'annual-township-staff')).toBeUndefined();
    const in2028 = await report(orgId, 2028);
    expect(result(rowOf(in2028.items, met), 'five-year-county-above')).toMatchObject({
      compliant: false,
      achievedHours: 0,
      window: { from: '2028-01-01', to: '2032-12-31' },
    });
  });

  it('accepts 90 days in the block instead of the hours', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['county']);
    await entry(t, cadres[0]!, '2024-03-01', 100, { days: 45 });
    await entry(t, cadres[0]!, '2025-03-01', 100, { days: 45 });
    const { items } = await report(orgId, 2025);
    expect(result(rowOf(items, cadres[0]!), 'five-year-county-above')).toMatchObject({ compliant: true, achievedDays: 90, achievedHours: 200 });
  });
});

describe('online rule: 50 学时 of online study a year, for everyone', () => {
  it('counts only online hours: 50 passes, 49.5 fails, offline hours never help', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff', 'staff', null]);
    const [fifty, short, noRank] = cadres as [number, number, number];
    await entry(t, fifty, '2025-04-01', 50, { category: 'online' });
    await entry(t, short, '2025-04-01', 49.5, { category: 'online' });
    await entry(t, short, '2025-04-02', 100);
    await entry(t, noRank, '2025-04-01', 60, { category: 'online' });
    const { items } = await report(orgId, 2025);
    expect(result(rowOf(items, fifty), 'annual-online')).toMatchObject({ compliant: true, achievedHours: 50 });
    const s = rowOf(items, short);
    expect(result(s, 'annual-online')).toMatchObject({ compliant: false, achievedHours: 49.5, shortfallHours: 0.5 });
    expect(result(s, 'annual-township-staff')).toMatchObject({ compliant: true, achievedHours: 149.5 });
    expect(s).toMatchObject({ compliant: false, yearHours: 149.5, yearOnlineHours: 49.5 });
    // Without a rank only the rule for every rank applies.
    expect(rowOf(items, noRank).results.map((r) => r.ruleId)).toEqual(['annual-online']);
    expect(rowOf(items, noRank).compliant).toBe(true);
  });
});

describe('rules are data', () => {
  it('an admin’s edited rule changes the report for the subtree, and a reset restores the national rule', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff']);
    const c = cadres[0]!;
    await entry(t, c, '2025-04-01', 85);
    await entry(t, c, '2025-04-01', 50, { category: 'online' });
    expect(rowOf((await report(orgId, 2025)).items, c).compliant).toBe(true);
    await t.db.kysely.deleteFrom('hours_entries').where('cadre_id', '=', c).where('category', '=', 'online').execute();
    expect(result(rowOf((await report(orgId, 2025)).items, c), 'annual-township-staff')).toMatchObject({ compliant: false, shortfallHours: 5 });

    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/hours/rules/annual-township-staff',
      headers: admin.headers,
      payload: {
        name: { zh: '乡科级及以下年度培训（80学时）', en: '80 hours a year' },
        appliesTo: { ranks: ['township', 'staff'] },
        window: { kind: 'calendarYear' },
        category: 'all',
        minHours: 80,
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = await report(orgId, 2025);
    expect(result(rowOf(after.items, c), 'annual-township-staff')).toMatchObject({ compliant: true, requiredHours: 80, requiredDays: null });

    // Switch the online rule off for the subtree: it disappears from the report.
    const off = await t.app.inject({ method: 'DELETE', url: '/api/v1/hours/rules/annual-online', headers: admin.headers });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().disabled).toEqual([{ code: 'annual-online', from: { orgId: t.fixture.orgs['QD-SN'], name: '市南区' } }]);
    expect(rowOf((await report(orgId, 2025)).items, c)).toMatchObject({ compliant: true, results: [{ ruleId: 'annual-township-staff' }] });

    const reset = await t.app.inject({ method: 'POST', url: '/api/v1/hours/rules/reset', headers: admin.headers });
    expect(reset.statusCode).toBe(200);
    expect(result(rowOf((await report(orgId, 2025)).items, c), 'annual-township-staff')).toMatchObject({ compliant: false, requiredHours: 90 });
  });

  it('a new rule added by a city admin applies to every district below it', async () => {
    const city = await login(t, 'qd_admin');
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff']);
    await entry(t, cadres[0]!, '2025-05-01', 10);
    const body = {
      id: 'party-spirit',
      name: { zh: '党性教育专题（16学时）', en: 'Party-spirit: 16 hours' },
      appliesTo: { ranks: ['staff'] },
      window: { kind: 'calendarYear' },
      category: 'all',
      minHours: 16,
    };
    const post = await t.app.inject({ method: 'POST', url: '/api/v1/hours/rules', headers: city.headers, payload: body });
    expect(post.statusCode, post.body).toBe(201);
    const r = await report(orgId, 2025);
    expect(r.rules.map((x) => x.id)).toContain('party-spirit');
    expect(result(rowOf(r.items, cadres[0]!), 'party-spirit')).toMatchObject({ compliant: false, shortfallHours: 6 });
    const dup = await t.app.inject({ method: 'POST', url: '/api/v1/hours/rules', headers: city.headers, payload: body });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details).toEqual([{ field: 'id', message: expect.stringContaining('party-spirit') }]);
    await t.app.inject({ method: 'DELETE', url: '/api/v1/hours/rules/party-spirit', headers: city.headers });
    expect((await report(orgId, 2025)).rules.map((x) => x.id)).not.toContain('party-spirit');
  });
});

describe('filters, paging, summary and export', () => {
  it('filters by status and rank and pages the rows', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff', 'staff', 'county']);
    const [ok, bad] = cadres as [number, number, number];
    await entry(t, ok, '2025-01-10', 90);
    await entry(t, ok, '2025-01-10', 50, { category: 'online' });
    await entry(t, bad, '2025-01-10', 10);
    expect((await report(orgId, 2025, '&status=compliant')).items.map((r) => r.cadreId)).toEqual([ok]);
    expect((await report(orgId, 2025, '&status=non_compliant')).total).toBe(2);
    expect((await report(orgId, 2025, '&rank=county')).items).toHaveLength(1);
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/hours/compliance?orgId=${orgId}&year=2025&pageSize=2&page=2`, headers: tutor.headers });
    expect(page.json()).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [expect.any(Object)] });
  });

  it('summarises per direct child unit and bands the hours for the histogram', async () => {
    const parent = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff']);
    const a = await unitWithCadres(t, parent.orgId, ['staff', 'staff']);
    const b = await unitWithCadres(t, parent.orgId, []);
    const deep = await unitWithCadres(t, a.orgId, ['staff']);
    await entry(t, a.cadres[0]!, '2025-03-01', 95);
    await entry(t, a.cadres[0]!, '2025-03-01', 50, { category: 'online' });
    await entry(t, deep.cadres[0]!, '2025-03-01', 125);
    await entry(t, parent.cadres[0]!, '2025-03-01', 5);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/hours/compliance/summary?orgId=${parent.orgId}&year=2025`, headers: tutor.headers });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json<ComplianceSummary>();
    expect(s.overall.cadres).toEqual({ total: 4, compliant: 1, nonCompliant: 3, rate: 0.25 });
    const unitA = s.units.find((u) => u.orgId === a.orgId)!;
    expect(unitA.summary.cadres).toMatchObject({ total: 3, compliant: 1 });
    expect(unitA.summary.rules.find((r) => r.ruleId === 'annual-township-staff')).toMatchObject({ evaluated: 3, compliant: 2, rate: 0.6667 });
    expect(s.units.find((u) => u.orgId === b.orgId)!.summary.cadres).toMatchObject({ total: 0, rate: null });
    expect(s.units.find((u) => u.self)).toMatchObject({ orgId: parent.orgId, summary: { cadres: { total: 1 } } });
    const band = (from: number) => s.hoursDistribution.find((x) => x.from === from)!.count;
    // Yearly totals 5, 0, 145 (95 + 50 online) and 125 h: two in 0–10, two in the open-ended 120+ band.
    expect(band(0)).toBe(2);
    expect(band(90)).toBe(0);
    expect(band(120)).toBe(2);
    expect(s.hoursDistribution).toHaveLength(13);
    expect(s.hoursDistribution.at(-1)).toMatchObject({ from: 120, to: null });
  });

  it('exports the filtered rows as xlsx with a column pair per rule, and audits the export', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff', 'staff']);
    await entry(t, cadres[0]!, '2025-01-10', 89.9);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/hours/compliance/export?orgId=${orgId}&year=2025&status=non_compliant`,
      headers: tutor.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['姓名', '单位', '职级', '2025年学时']);
    expect(header).toContain('乡科级及以下干部年度培训（12天或90学时）：差额学时');
    expect(sheet.rowCount).toBe(3);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row[3]).toBe(89.9);
    const audit = await t.db.kysely.selectFrom('audit_log').select('summary').where('action', '=', 'hours.compliance_export').execute();
    expect(audit.some((a) => a.summary.includes('2025'))).toBe(true);
  });

  it('rejects a bad year and an org outside the caller’s subtree', async () => {
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/hours/compliance?year=1999', headers: tutor.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('year');
    const outside = await t.app.inject({ method: 'GET', url: `/api/v1/hours/compliance?orgId=${t.fixture.orgs['QD-LS']}`, headers: tutor.headers });
    expect(outside.statusCode).toBe(404);
  });
});
