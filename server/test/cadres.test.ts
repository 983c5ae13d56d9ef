// The cadre registry over HTTP: validation, scope, masking, filters, export, audit.
import ExcelJS from 'exceljs';
import { makeIdNumber } from '@duibiao/core/idcard/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let city: Session;
let district: Session;
let tutor: Session;
beforeAll(async () => {
  t = await createTestApp();
  city = await login(t, 'qd_admin');
  district = await login(t, 'sn_admin');
  tutor = await login(t, 'qd_tutor');
});
afterAll(() => t.close());

const list = async (s: Session, query = '') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/cadres${query}`, headers: s.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { name: string; idNumber: string; mobile: string | null; isGrassroots: boolean; age: number }[]; total: number };
};

describe('POST /api/v1/cadres', () => {
  it('derives birth date and gender from the ID number and stores it encrypted', async () => {
    const idNumber = makeIdNumber('370202', '1991-02-03', 124); // even sequence digit → female
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cadres',
      headers: city.headers,
      payload: { name: '孙丽', idNumber, orgId: t.fixture.orgs['QD-SN-BDG'], mobile: '13912345678', rank: 'staff', specialties: ['社会治理'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      name: '孙丽',
      gender: 'female',
      birthDate: '1991-02-03',
      idNumber: `${idNumber.slice(0, 4)}**********${idNumber.slice(14)}`,
      isGrassroots: true,
      orgPathNames: ['山东省', '青岛市', '市南区', '八大关街道'],
    });
    const raw = await t.db.kysely.selectFrom('cadres').selectAll().where('name', '=', '孙丽').executeTakeFirstOrThrow();
    expect(JSON.stringify(raw)).not.toContain(idNumber);
    expect(JSON.stringify(raw)).not.toContain('13912345678');
  });

  it('rejects a bad checksum with a field error and writes nothing', async () => {
    const good = makeIdNumber('370202', '1990-05-05', 11);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const before = await t.db.kysely.selectFrom('cadres').select('id').execute();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cadres',
      headers: city.headers,
      payload: { name: '错号', idNumber: bad, orgId: t.fixture.orgs['QD-SN'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'idNumber', message: expect.stringContaining('校验') }]);
    expect(await t.db.kysely.selectFrom('cadres').select('id').execute()).toHaveLength(before.length);
  });

  it('answers 409 on a duplicate ID number', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cadres',
      headers: city.headers,
      payload: { name: '王建国', idNumber: t.fixture.idNumbers['fgw'], orgId: t.fixture.orgs['QD-SN'] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0].field).toBe('idNumber');
  });
});

describe('GET /api/v1/cadres', () => {
  it('shows a city admin the whole city and a district admin only the district', async () => {
    const c = await list(city);
    const d = await list(district);
    expect(c.items.map((i) => i.name)).toEqual(expect.arrayContaining(['王建国', '陈静', '张伟']));
    expect(c.items.map((i) => i.name)).not.toContain('赵磊'); // Dalian
    expect(d.items.map((i) => i.name)).toEqual(expect.arrayContaining(['李晓梅', '张伟', '刘洋']));
    expect(d.items.map((i) => i.name)).not.toContain('陈静'); // Laoshan
  });

  it('masks ID numbers and mobiles in lists and profiles for everyone', async () => {
    for (const s of [city, tutor]) {
      const row = (await list(s, '?q=王建国')).items[0]!;
      expect(row.idNumber).toMatch(/^3702\*{10}[\dX]{4}$/);
      expect(row.mobile).toMatch(/^\d{3}\*{4}\d{4}$/);
    }
    const id = t.fixture.cadres['fgw'];
    const asAdmin = await t.app.inject({ method: 'GET', url: `/api/v1/cadres/${id}`, headers: city.headers });
    expect(asAdmin.json()).toMatchObject({ idNumber: expect.stringMatching(/^3702\*{10}/), mobile: '138****1000', canRevealSensitive: true });
    const asTutor = await t.app.inject({ method: 'GET', url: `/api/v1/cadres/${id}`, headers: tutor.headers });
    expect(asTutor.json()).toMatchObject({ idNumber: expect.stringMatching(/^3702\*{10}/), canRevealSensitive: false });
  });

  it('reveals full values to admins only, and audits every reveal', async () => {
    const id = t.fixture.cadres['fgw'];
    const revealed = await t.app.inject({ method: 'GET', url: `/api/v1/cadres/${id}/sensitive`, headers: city.headers });
    expect(revealed.json()).toEqual({ idNumber: t.fixture.idNumbers['fgw'], mobile: '13800001000' });
    const audit = await t.app.inject({ method: 'GET', url: `/api/v1/audit?action=cadre.view_sensitive&entityId=${id}`, headers: city.headers });
    expect(audit.json().items[0]).toMatchObject({ actor: { username: 'qd_admin' }, entityType: 'cadre' });
    expect(JSON.stringify(audit.json())).not.toContain(t.fixture.idNumbers['fgw']);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cadres/${id}/sensitive`, headers: tutor.headers })).statusCode).toBe(403);
  });

  it('reports the total beyond the last page', async () => {
    const far = await list(city, '?page=50&pageSize=2');
    expect(far.items).toEqual([]);
    expect(far.total).toBe((await list(city)).total);
  });

  it('filters by grassroots, rank, specialty, age and text', async () => {
    expect((await list(city, '?grassroots=true')).items.every((i) => i.isGrassroots)).toBe(true);
    expect((await list(city, '?grassroots=false')).items.every((i) => !i.isGrassroots)).toBe(true);
    expect((await list(city, '?rank=county')).items.map((i) => i.name)).toEqual(['王建国']);
    expect((await list(city, '?rank=county&rank=township')).total).toBe(3);
    expect((await list(city, '?specialty=乡村')).items.map((i) => i.name)).toEqual(['刘洋']);
    const young = await list(city, '?young=true');
    expect(young.items.every((i) => i.age <= 40)).toBe(true);
    expect(young.items.map((i) => i.name)).not.toContain('王建国');
    const band = await list(city, '?ageMin=30&ageMax=35');
    expect(band.items.every((i) => i.age >= 30 && i.age <= 35)).toBe(true);
    expect((await list(city, '?q=商务局')).items.map((i) => i.name)).toEqual(['李晓梅']);
    expect((await list(city, `?orgId=${t.fixture.orgs['QD-LS']}`)).items.map((i) => i.name)).toEqual(['陈静']);
  });

  it('treats % and _ in the search text literally', async () => {
    expect((await list(city, '?q=%25')).total).toBe(0);
    expect((await list(city, '?q=_')).total).toBe(0);
  });

  it('paginates and sorts', async () => {
    const p1 = await list(city, '?pageSize=2&page=1&sort=birthDate&order=asc');
    const p2 = await list(city, '?pageSize=2&page=2&sort=birthDate&order=asc');
    expect(p1.items).toHaveLength(2);
    expect(p1.total).toBeGreaterThanOrEqual(5);
    expect(p1.items[0]!.name).toBe('王建国');
    expect(p2.items.map((i) => i.name)).not.toContain(p1.items[0]!.name);
  });

  it('rejects an unknown rank and an inverted age range with field errors', async () => {
    const a = await t.app.inject({ method: 'GET', url: '/api/v1/cadres?rank=general', headers: city.headers });
    expect(a.statusCode).toBe(400);
    expect(a.json().error.details[0].field).toBe('rank');
    const b = await t.app.inject({ method: 'GET', url: '/api/v1/cadres?ageMin=50&ageMax=30', headers: city.headers });
    expect(b.statusCode).toBe(400);
    expect(b.json().error.details[0].field).toBe('ageMax');
  });
});

describe('PATCH and DELETE /api/v1/cadres/:id', () => {
  it('records before/after in the audit log with the ID number masked', async () => {
    const id = t.fixture.cadres['tpj']!;
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/cadres/${id}`, headers: district.headers, payload: { position: '社区党委书记' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().position).toBe('社区党委书记');
    const audit = await t.app.inject({ method: 'GET', url: `/api/v1/audit?entityType=cadre&entityId=${id}`, headers: district.headers });
    const entry = audit.json().items[0];
    expect(entry).toMatchObject({ action: 'cadre.update', actor: { username: 'sn_admin' }, after: { position: '社区党委书记' } });
    expect(entry.before.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(JSON.stringify(entry)).not.toContain(t.fixture.idNumbers['tpj']);
  });

  it('does not let a district admin move a cadre out of the district', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/cadres/${t.fixture.cadres['tpj']}`,
      headers: district.headers,
      payload: { orgId: t.fixture.orgs['QD-LS'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('orgId');
  });
});

describe('GET /api/v1/cadres/export', () => {
  it('audits exports', async () => {
    await t.app.inject({ method: 'GET', url: '/api/v1/cadres/export?rank=staff', headers: tutor.headers });
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit?action=cadre.export', headers: city.headers });
    expect(audit.json().items[0]).toMatchObject({ actor: { username: 'qd_tutor' }, after: { filter: { rank: ['staff'] } } });
  });

  it('exports the filtered list with the import headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/cadres/export?grassroots=true', headers: district.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['姓名', '身份证号', '工作单位', '职务', '职级']));
    const names = sheet.getColumn(2).values.slice(2);
    expect(names).toEqual(expect.arrayContaining(['张伟', '刘洋']));
    expect(names).not.toContain('李晓梅'); // district organ, not grassroots
  });
});

describe('GET /api/v1/cadres/stats', () => {
  it('counts grassroots and young cadres in scope', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/cadres/stats', headers: district.headers });
    const s = res.json();
    expect(s.total).toBe(s.byRank.reduce((n: number, r: { count: number }) => n + r.count, 0));
    expect(s.grassroots).toBeGreaterThanOrEqual(2);
    expect(s.byAgeBand.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(s.total);
  });
});

describe('GET /api/v1/orgs/tree', () => {
  it('counts cadres of the whole subtree', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/orgs/tree', headers: district.headers });
    const nodes = res.json().nodes as { code: string; cadreCount: number; subtreeCadreCount: number }[];
    const sum = nodes.reduce((n, o) => n + o.cadreCount, 0);
    const root = nodes.find((o) => o.code === 'QD-SN')!;
    expect(root.subtreeCadreCount).toBe(sum);
    expect(nodes.find((o) => o.code === 'QD-SN-BDG')!.subtreeCadreCount).toBeGreaterThan(nodes.find((o) => o.code === 'QD-SN-BDG')!.cadreCount);
  });
});

describe('audit trail', () => {
  it('exports entries with readable action labels', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/export?action=auth.login', headers: city.headers });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['时间', '操作人', '操作', '操作代码']));
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(['登录', 'auth.login']));
  });
});
