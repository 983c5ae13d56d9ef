// 志愿 by spreadsheet: the template round-trips unchanged, bad rows are all listed and nothing is written, the import
// is refused once placements are published, and another organizer's program answers 404.
import ExcelJS from 'exceljs';
import type { PreferenceImportResult, PreferenceOverview } from '@duibiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from './multipart.ts';
import { admin, placementScenario, type Scenario } from './placement-helpers.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let sc: Scenario;
const s: Record<string, Session> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['qd_admin', 'sn_admin', 'qd_tutor']) s[u] = await login(t, u);
  sc = await placementScenario(t);
});
afterAll(() => t.close());

const overview = async (programId: number) =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/programs/${programId}/preferences`, headers: s['qd_admin']!.headers })).json<PreferenceOverview>();
const choicesOf = (o: PreferenceOverview) => Object.fromEntries(o.cadres.map((c) => [c.cadreId, c.postIds]));

async function template(programId: number, who = 'qd_admin') {
  return t.app.inject({ method: 'GET', url: `/api/v1/programs/${programId}/preferences/template.xlsx`, headers: s[who]!.headers });
}
async function workbookOf(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}
async function upload(programId: number, wb: ExcelJS.Workbook, dryRun: boolean, who = 'qd_admin') {
  const content = Buffer.from(await wb.xlsx.writeBuffer());
  const form = multipart({}, { name: '志愿.xlsx', content });
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/programs/${programId}/preferences/import?dryRun=${dryRun}`,
    headers: { ...s[who]!.headers, ...form.headers },
    payload: form.payload,
  });
}
/** Sheet rows as plain text cells (row 1 is the header). */
const rowsOf = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(1) as unknown[][];

describe('preference template', () => {
  it('lists every enrolled cadre with current choices as 单位·岗位 labels, and a 岗位清单 sheet', async () => {
    const res = await template(sc.programId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = await workbookOf(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['志愿', '岗位清单']);
    const [header, ...rows] = rowsOf(wb.worksheets[0]!);
    // 6 posts → 6 choice columns (min(posts, 10)); ExcelJS rows are 1-based, so index 0 is empty.
    expect(header!.slice(1)).toEqual(['干部编号', '姓名', '单位', '第1志愿', '第2志愿', '第3志愿', '第4志愿', '第5志愿', '第6志愿']);
    expect(rows).toHaveLength(sc.cadreIds.length);
    const o = await overview(sc.programId);
    const label = new Map(o.posts.map((p) => [p.id, `${p.hostUnit.name}·${p.title}`]));
    for (const row of rows) {
      const cadre = o.cadres.find((c) => c.cadreId === row[1])!;
      expect(row[2]).toBe(cadre.name);
      expect(row.slice(4).filter((v) => v !== undefined && v !== '')).toEqual(cadre.postIds.map((id) => label.get(id)));
    }
    const [postHeader, ...postRows] = rowsOf(wb.worksheets[1]!);
    expect(postHeader!.slice(1, 5)).toEqual(['岗位编号', '单位', '岗位', '名额']);
    expect(postRows.map((r) => r[1])).toEqual(sc.postIds);
  });
});

describe('preference import', () => {
  it('round-trips an unchanged template, then applies edits (labels or post ids) in one audited commit', async () => {
    const before = choicesOf(await overview(sc.programId));
    const wb = await workbookOf((await template(sc.programId)).rawPayload);
    const unchanged = await upload(sc.programId, wb, false);
    expect(unchanged.statusCode, unchanged.body).toBe(200);
    expect(unchanged.json<PreferenceImportResult>()).toMatchObject({ committed: true, rows: sc.cadreIds.length, errors: [] });
    expect(choicesOf(await overview(sc.programId))).toEqual(before);

    // Row 2 (first cadre) now chooses the last post by id, then the first post by label; row 3 clears its choices.
    const sheet = wb.worksheets[0]!;
    const firstCadre = Number(sheet.getCell('A2').value);
    const secondCadre = Number(sheet.getCell('A3').value);
    // The label as people type it: a Japanese middle dot with spaces still names the post.
    const firstPostLabel = String(rowsOf(wb.worksheets[1]!)[1]![5]).replace('·', ' ・ ');
    sheet.getRow(2).values = [firstCadre, sheet.getCell('B2').value, sheet.getCell('C2').value, sc.postIds[5]!, firstPostLabel];
    sheet.getRow(3).values = [secondCadre, sheet.getCell('B3').value, sheet.getCell('C3').value];
    const dry = await upload(sc.programId, wb, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json<PreferenceImportResult>()).toMatchObject({ dryRun: true, committed: false, errors: [] });
    expect(choicesOf(await overview(sc.programId))).toEqual(before);

    const committed = await upload(sc.programId, wb, false);
    expect(committed.statusCode, committed.body).toBe(200);
    const after = choicesOf(await overview(sc.programId));
    expect(after[firstCadre]).toEqual([sc.postIds[5], sc.postIds[0]]);
    expect(after[secondCadre]).toEqual([]);
    expect(after).toEqual({ ...before, [firstCadre]: [sc.postIds[5], sc.postIds[0]], [secondCadre]: [] });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['summary'])
      .where('action', '=', 'placement.preferences')
      .where('entity_id', '=', String(sc.programId))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toContain(`更新 ${sc.cadreIds.length} 名学员的志愿`);
  });

  it('lists every bad row with its column and writes nothing, not even the good rows', async () => {
    const before = choicesOf(await overview(sc.programId));
    const wb = await workbookOf((await template(sc.programId)).rawPayload);
    const sheet = wb.worksheets[0]!;
    const keep = (r: number) => [sheet.getCell(`A${r}`).value, sheet.getCell(`B${r}`).value, sheet.getCell(`C${r}`).value];
    sheet.getRow(2).values = [...keep(2), '不存在的单位·岗位']; // unknown post
    sheet.getRow(3).values = [...keep(3), sc.postIds[0]!, sc.postIds[0]!]; // duplicate post
    sheet.getRow(4).values = [...keep(4), sc.postIds[0]!, '', sc.postIds[1]!]; // gap at 第2志愿
    sheet.getRow(5).values = [t.fixture.cadres['dl']!, '某某', '', sc.postIds[0]!]; // not enrolled (and out of scope)
    sheet.getRow(6).values = [999_999, '', '', sc.postIds[0]!]; // unknown cadre id
    sheet.getRow(7).values = [sheet.getCell('A7').value, '张冠李戴', sheet.getCell('C7').value, sc.postIds[0]!]; // wrong name
    sheet.getRow(8).values = [...keep(2), sc.postIds[1]!]; // the first cadre again
    sheet.getRow(9).values = [...keep(9), sc.postIds[1]!, sc.postIds[2]!]; // a good row: not written either
    const expected = ['rows.2.第1志愿', 'rows.3.第2志愿', 'rows.4.第2志愿', 'rows.5.干部编号', 'rows.6.干部编号', 'rows.7.姓名', 'rows.8.干部编号'];

    const dry = await upload(sc.programId, wb, true);
    expect(dry.statusCode, dry.body).toBe(200);
    const result = dry.json<PreferenceImportResult>();
    expect(result.errors.map((e) => `rows.${e.row}.${e.column}`)).toEqual(expected);
    expect(result.committed).toBe(false);

    const commit = await upload(sc.programId, wb, false);
    expect(commit.statusCode).toBe(400);
    expect(commit.json<{ error: { details: { field: string }[] } }>().error.details.map((d) => d.field)).toEqual(expected);
    expect(choicesOf(await overview(sc.programId))).toEqual(before);
  });

  it('refuses a file without the template header, and a non-spreadsheet name', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['姓名', '岗位']);
    wb.worksheets[0]!.addRow(['张三', '某岗位']);
    const res = await upload(sc.programId, wb, true);
    expect(res.statusCode).toBe(200);
    expect(res.json<PreferenceImportResult>().errors).toEqual([expect.objectContaining({ row: 0, message: expect.stringContaining('干部编号') })]);
    const form = multipart({}, { name: '志愿.txt', content: 'x' });
    const txt = await t.app.inject({
      method: 'POST',
      url: `/api/v1/programs/${sc.programId}/preferences/import?dryRun=true`,
      headers: { ...s['qd_admin']!.headers, ...form.headers },
      payload: form.payload,
    });
    expect(txt.statusCode).toBe(400);
    expect(txt.json()).toMatchObject({ error: { details: [{ field: 'file' }] } });
  });

  it('answers 404 for another organizer’s program and 403 for a reader', async () => {
    const wb = await workbookOf((await template(sc.programId)).rawPayload);
    expect((await template(sc.programId, 'sn_admin')).statusCode).toBe(404);
    expect((await upload(sc.programId, wb, true, 'sn_admin')).statusCode).toBe(404);
    expect((await upload(sc.programId, wb, true, 'qd_tutor')).statusCode).toBe(403);
  });

  it('is refused (409) once placements are published; the template still downloads', async () => {
    const wb = await workbookOf((await template(sc.programId)).rawPayload);
    const run = await t.services.placement.runs.solve(admin, sc.programId, { mode: 'stable', seed: 1 });
    await t.services.placement.placements.apply(admin, run.id);
    await t.services.placement.placements.publish(admin, sc.programId);
    const before = choicesOf(await overview(sc.programId));
    expect((await upload(sc.programId, wb, true)).statusCode).toBe(409);
    expect((await upload(sc.programId, wb, false)).statusCode).toBe(409);
    expect(choicesOf(await overview(sc.programId))).toEqual(before);
    expect((await template(sc.programId)).statusCode).toBe(200);
  });
});
