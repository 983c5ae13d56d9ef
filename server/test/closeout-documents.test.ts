// Close-out documents open in their own formats: xlsx parsed back with ExcelJS, docx unzipped to word/document.xml.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAttendance, addHours, addLeave } from './closeout-support.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let pm: Session;
const doc = (file: string, programKey = 'SN') => ({
  method: 'GET' as const,
  url: `/api/v1/programs/${t.fixture.programs[programKey]!}/documents/${file}`,
  headers: pm.headers,
});

beforeAll(async () => {
  t = await createTestApp();
  pm = await login(t, 'sn_pm');
  const fx = t.fixture;
  await addAttendance(t, fx.sessions['SN-past']!, 'bdg', 'present');
  await addAttendance(t, fx.sessions['SN-past']!, 'tpj', 'excused');
  await addLeave(t, 'SN', 'tpj', 3, 'approved');
  await addHours(t, 'bdg', { programKey: 'SN', date: '2026-05-11', hours: 3, days: 1 });
  await t.db.kysely.updateTable('enrolments').set({ assessment: 'pass' }).where('id', '=', fx.enrolments['bdg']!).execute();
});
afterAll(() => t.close());

async function sheetRows(body: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

async function documentXml(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  return zip.file('word/document.xml')!.async('string');
}

describe('GET /programs/:id/documents/:file', () => {
  it('roster.xlsx lists class, group, name, gender, unit, position and class role', async () => {
    const res = await t.app.inject(doc('roster.xlsx'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('学员名册'));
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]).toEqual(['序号', '班级', '小组', '姓名', '性别', '工作单位', '职务', '班内职务']);
    expect(rows).toHaveLength(3);
    expect(rows[1]!.slice(0, 4)).toEqual([1, '一班', '第一组', '张伟']);
    expect(rows[1]![7]).toBe('班长');
    expect(rows[2]![3]).toBe('刘洋');
  });

  it('roster.docx is a Word document holding every name', async () => {
    const res = await t.app.inject(doc('roster.docx'));
    expect(res.statusCode).toBe(200);
    const xml = await documentXml(res.rawPayload);
    expect(xml).toContain('学 员 名 册');
    expect(xml).toContain('张伟');
    expect(xml).toContain('刘洋');
  });

  it('sign-in.docx has one page per session with the trainees and an empty signature column', async () => {
    const res = await t.app.inject(doc('sign-in.docx'));
    expect(res.statusCode).toBe(200);
    const xml = await documentXml(res.rawPayload);
    // Two sessions → two sections (each starts a new page) with the titles and both names twice.
    expect(xml.match(/<w:sectPr/g)).toHaveLength(2);
    expect(xml).toContain('开班式暨专题讲座');
    expect(xml).toContain('现场教学');
    expect(xml.match(/张伟/g)).toHaveLength(2);
    expect(xml).toContain('签名');
  });

  it('hours.xlsx sums credited hours, attendance, leave and the assessment per trainee', async () => {
    const res = await t.app.inject(doc('hours.xlsx'));
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]!.slice(0, 13)).toEqual([
      '序号',
      '班级',
      '姓名',
      '工作单位',
      '应出勤学时',
      '出勤学时',
      '出勤率',
      '获得学时',
      '培训天数',
      '请假学时',
      '缺勤次数',
      '退学标记',
      '考核结果',
    ]);
    const bdg = rows.find((r) => r[2] === '张伟')!;
    expect(bdg.slice(4, 13)).toEqual([3, 3, '100.0%', 3, 1, 0, 0, '', '合格']);
    const tpj = rows.find((r) => r[2] === '刘洋')!;
    expect(tpj.slice(4, 11)).toEqual([3, 0, '0.0%', 0, 0, 3, 0]);
  });

  it('rejects an unknown document name', async () => {
    const res = await t.app.inject(doc('secrets.pdf'));
    expect(res.statusCode).toBe(400);
  });
});
