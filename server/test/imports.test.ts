// Roster import over HTTP: dry run lists every bad row, commit is all-or-nothing, re-import changes nothing.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { ImportJob } from '@duibiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from './multipart.ts';
import { goodLines, rosterCsv, rosterXlsx, type RosterLine } from './roster-files.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t, 'sn_admin');
});
afterAll(() => t.close());

const cadreCount = async () => (await t.db.kysely.selectFrom('cadres').select('id').execute()).length;

async function uploadAndWait(content: Buffer, name = 'roster.xlsx'): Promise<ImportJob> {
  const body = multipart({ orgId: String(t.fixture.orgs['QD-SN']) }, { name, content });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/cadres/imports', payload: body.payload, headers: { ...admin.headers, ...body.headers } });
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json().status).toBe('parsing');
  await t.services.imports.idle();
  return job(res.json<ImportJob>().id);
}

async function job(id: string): Promise<ImportJob> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/cadres/imports/${id}`, headers: admin.headers });
  expect(res.statusCode).toBe(200);
  return res.json<ImportJob>();
}

async function commit(id: string): Promise<ImportJob> {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/cadres/imports/${id}/commit`, headers: admin.headers });
  expect(res.statusCode, res.body).toBe(202);
  await t.services.imports.idle();
  return job(id);
}

describe('roster import', () => {
  const lines = goodLines(12);
  const broken: RosterLine[] = lines.map((l) => [...l]);
  broken[2]![4] = String(broken[2]![4]).slice(0, 17) + (String(broken[2]![4]).endsWith('0') ? '1' : '0'); // bad checksum
  broken[5]![1] = ''; // missing name
  broken[8]![5] = '不存在的单位'; // unknown unit

  it('reports every bad row of a file with a merged title row and writes nothing', async () => {
    const before = await cadreCount();
    const result = await uploadAndWait(await rosterXlsx(broken));
    expect(result.status).toBe('invalid');
    expect(result.errorCount).toBe(3);
    expect(result.summary.errors.map((e) => e.row)).toEqual([5, 8, 11]); // title row 1, header row 2
    expect(result.summary.errors.map((e) => e.column)).toEqual(['身份证号', '姓名', '工作单位']);
    expect(result.summary.errors[2]!.message).toContain('不存在的单位');
    expect(result.preview).toHaveLength(9); // the valid rows are still previewed
    const all = await t.app.inject({ method: 'GET', url: `/api/v1/cadres/imports/${result.id}/errors`, headers: admin.headers });
    expect(all.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(all.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getColumn(1).values.slice(2)).toEqual([5, 8, 11]);
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/cadres/imports/${result.id}/commit`, headers: admin.headers });
    expect(refused.statusCode).toBe(409);
    expect(await cadreCount()).toBe(before);
  });

  it('imports the fixed file, audits it, and a re-import changes nothing', async () => {
    const before = await cadreCount();
    const file = await rosterXlsx(lines);
    const checked = await uploadAndWait(file);
    expect(checked).toMatchObject({ status: 'validated', errorCount: 0, summary: { created: 12, updated: 0, unchanged: 0 } });
    expect(checked.preview[0]).toMatchObject({
      row: 3,
      action: 'create',
      name: lines[0]![1],
      unitName: '八大关街道',
      rank: 'staff',
      idNumber: expect.stringMatching(/^\d{4}\*{10}/),
    });
    const done = await commit(checked.id);
    expect(done).toMatchObject({ status: 'committed', summary: { created: 12, updated: 0, unchanged: 0 } });
    expect(await cadreCount()).toBe(before + 12);
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit?action=cadre.import', headers: admin.headers });
    expect(audit.json().items[0].summary).toContain('新增 12');

    const again = await uploadAndWait(file);
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 12 });
    const updatedAt = await t.db.kysely.selectFrom('cadres').select('updated_at').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect((await commit(again.id)).summary).toMatchObject({ created: 0, updated: 0, unchanged: 12 });
    expect(await cadreCount()).toBe(before + 12);
    const after = await t.db.kysely.selectFrom('cadres').select('updated_at').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(after.updated_at).toBe(updatedAt.updated_at);
  });

  it('updates a changed row keyed on the ID number', async () => {
    const changed = lines.map((l, i) => (i === 0 ? [...l.slice(0, 6), '副科长', '乡科级', l[8]!] : l));
    const checked = await uploadAndWait(await rosterXlsx(changed));
    expect(checked.summary).toMatchObject({ created: 0, updated: 1, unchanged: 11 });
    await commit(checked.id);
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/cadres?q=${encodeURIComponent(String(lines[0]![1]))}`, headers: admin.headers });
    const updated = list.json().items[0];
    expect(updated).toMatchObject({ position: '副科长', rank: 'township' });
    const audit = await t.app.inject({ method: 'GET', url: `/api/v1/audit?entityType=cadre&entityId=${updated.id}`, headers: admin.headers });
    expect(audit.json().items[0]).toMatchObject({
      action: 'cadre.update',
      before: { position: '科员', rank: 'staff' },
      after: { position: '副科长', rank: 'township' },
    });
    expect(audit.json().items[0].after.idNumber).toMatch(/^\d{4}\*{10}/);
  });

  it('reads a GBK csv', async () => {
    const checked = await uploadAndWait(rosterCsv(goodLines(3, '太平角社区', 700), 'gbk'), 'roster.csv');
    expect(checked).toMatchObject({ status: 'validated', summary: { created: 3 } });
    expect(checked.preview[0]!.name).toMatch(/^测试/);
  });

  it('rejects duplicate ID numbers inside one file', async () => {
    const dup = goodLines(3, '太平角社区', 800);
    dup[2]![4] = dup[0]![4]!;
    dup[2]![3] = dup[0]![3]!;
    const checked = await uploadAndWait(await rosterXlsx(dup));
    expect(checked.status).toBe('invalid');
    expect(checked.summary.errors).toEqual([expect.objectContaining({ row: 5, message: expect.stringContaining('第3行') })]);
  });

  it('refuses a cadre registered outside the importing subtree', async () => {
    const other = goodLines(1, '八大关街道');
    other[0]![4] = t.fixture.idNumbers['szk']!; // registered in 崂山区
    other[0]![3] = null; // birth month then comes from the ID number
    const checked = await uploadAndWait(await rosterXlsx(other));
    expect(checked.status).toBe('invalid');
    expect(checked.summary.errors[0]!.message).toContain('范围以外');
  });

  it('answers a broken xlsx with a clear error and no 5xx', async () => {
    const checked = await uploadAndWait(Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(2000)]));
    expect(checked.status).toBe('invalid');
    expect(checked.summary.errors[0]!.message).toMatch(/损坏|无效/);
  });

  it('rejects an unsupported file type and a missing org before reading', async () => {
    const txt = multipart({ orgId: String(t.fixture.orgs['QD-SN']) }, { name: 'a.txt', content: 'x' });
    const a = await t.app.inject({ method: 'POST', url: '/api/v1/cadres/imports', payload: txt.payload, headers: { ...admin.headers, ...txt.headers } });
    expect(a.statusCode).toBe(400);
    expect(a.json().error.details[0].field).toBe('file');
    const noOrg = multipart({}, { name: 'a.xlsx', content: 'x' });
    const b = await t.app.inject({ method: 'POST', url: '/api/v1/cadres/imports', payload: noOrg.payload, headers: { ...admin.headers, ...noOrg.headers } });
    expect(b.statusCode).toBe(400);
    expect(b.json().error.details[0].field).toBe('orgId');
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/cadres/imports', payload: { a: 1 }, headers: admin.headers });
    expect(json.statusCode).toBe(400);
  });

  it('after a restart marks unfinished jobs failed, and purges uploads left for a day', async () => {
    const fresh = await uploadAndWait(await rosterXlsx(goodLines(2, '太平角社区', 900)));
    expect(fresh.status).toBe('validated');
    await t.db.kysely.updateTable('import_jobs').set({ status: 'parsing' }).where('id', '=', fresh.id).execute();
    await t.services.imports.recoverAfterRestart();
    expect((await job(fresh.id)).status).toBe('failed');

    const stale = await uploadAndWait(await rosterXlsx(goodLines(2, '太平角社区', 950)));
    const row = await t.db.kysely.selectFrom('import_jobs').select('file_path').where('id', '=', stale.id).executeTakeFirstOrThrow();
    expect(existsSync(row.file_path)).toBe(true);
    await t.db.kysely
      .updateTable('import_jobs')
      .set({ updated_at: new Date(Date.now() - 25 * 3_600_000).toISOString() })
      .where('id', '=', stale.id)
      .execute();
    expect(await t.services.imports.purgeStaleUploads()).toBeGreaterThanOrEqual(1);
    expect(existsSync(row.file_path)).toBe(false);
    const after = await job(stale.id);
    expect(after.status).toBe('failed');
    const commit = await t.app.inject({ method: 'POST', url: `/api/v1/cadres/imports/${stale.id}/commit`, headers: admin.headers });
    expect(commit.statusCode).toBe(409);
  });
});
