// Damaged and unsupported files end in SpreadsheetError, promptly, with every handle closed.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpreadsheetError } from './spreadsheet-error.ts';
import { miniXlsx } from './test-fixtures.ts';
import { openFdCount, readAll, settle, tempFolder } from './test-support.ts';
import { buildZip } from './test-zip.ts';

const temp = tempFolder('broken');
afterAll(() => temp.cleanup());

let good: Buffer;
beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('s');
  for (let i = 0; i < 2000; i++) sheet.addRow([i, `第${i}行`, '青岛市市南区人民政府办公室'.repeat(3)]);
  const file = temp.path('good.xlsx');
  await workbook.xlsx.writeFile(file);
  good = readFileSync(file);
});

/** Reads the file and returns the SpreadsheetError it must fail with; also checks no handle is left open. */
async function failure(name: string, bytes: Buffer): Promise<SpreadsheetError> {
  const file = temp.write(name, bytes);
  await settle();
  const before = openFdCount();
  const error = await readAll(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  await settle();
  expect(openFdCount()).toBe(before);
  expect(error).toBeInstanceOf(SpreadsheetError);
  return error as SpreadsheetError;
}

const sheet1 = (sheetData: string) => ({ sheets: [{ name: 'S', path: 'xl/worksheets/sheet1.xml', sheetData }] });

describe('broken or unsupported files', () => {
  it('sanity: the intact fixture reads', async () => {
    expect(await readAll(temp.write('intact.xlsx', good))).toHaveLength(2000);
  });

  it('a truncated xlsx is BROKEN_FILE with a Chinese message', async () => {
    const error = await failure('truncated.xlsx', good.subarray(0, Math.floor(good.length / 2)));
    expect(error.code).toBe('BROKEN_FILE');
    expect(error.message).toBe('文件已损坏或不是有效的 Excel 文件');
  });

  it('corrupted compressed sheet data is BROKEN_FILE', async () => {
    const bytes = Buffer.from(good);
    const sheetAt = bytes.indexOf('xl/worksheets/sheet1.xml');
    // Overwrite deflate data of the sheet part; 0xff bits announce an invalid block type.
    bytes.fill(0xff, sheetAt + 200, sheetAt + 600);
    expect((await failure('corrupt.xlsx', bytes)).code).toBe('BROKEN_FILE');
  });

  it('malformed sheet XML is BROKEN_FILE', async () => {
    const bytes = miniXlsx(sheet1('<row r="1"><c r="A1"><v>1</v></row></c>'));
    expect((await failure('malformed.xlsx', bytes)).code).toBe('BROKEN_FILE');
  });

  it('a workbook whose sheet part is missing is BROKEN_FILE', async () => {
    const zip = miniXlsx(sheet1('<row r="1"><c r="A1"><v>1</v></c></row>'));
    // Rename the part in the zip headers only (the rels are compressed, so they keep pointing at sheet1.xml).
    const renamed = Buffer.from(zip.toString('latin1').replaceAll('xl/worksheets/sheet1.xml', 'xl/worksheets/sheetX.xml'), 'latin1');
    expect((await failure('no-sheet.xlsx', renamed)).code).toBe('BROKEN_FILE');
  });

  it('a zip without a workbook is UNSUPPORTED_FILE', async () => {
    const error = await failure('not-excel.xlsx', buildZip([{ name: 'word/document.xml', data: '<w:document/>' }]));
    expect(error.code).toBe('UNSUPPORTED_FILE');
  });

  it('a workbook without sheets is UNSUPPORTED_FILE', async () => {
    expect((await failure('no-sheets.xlsx', miniXlsx({ sheets: [] }))).code).toBe('UNSUPPORTED_FILE');
  });

  it('random binary with NUL bytes is UNSUPPORTED_FILE, not a csv of garbage', async () => {
    const bytes = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(10), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256))]);
    expect((await failure('image.csv', bytes)).code).toBe('UNSUPPORTED_FILE');
  });

  it('a legacy .xls (OLE2) file is UNSUPPORTED_FILE with advice to save as xlsx', async () => {
    const bytes = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const error = await failure('old.xls', bytes);
    expect(error.code).toBe('UNSUPPORTED_FILE');
    expect(error.message).toContain('.xlsx');
  });

  it('a csv with an unclosed quote is BROKEN_FILE naming the line', async () => {
    const error = await failure('quote.csv', Buffer.from('a,b\n"unterminated,c\nd,e\n'));
    expect(error.code).toBe('BROKEN_FILE');
    expect(error.message).toMatch(/第 \d+ 行/);
  });

  it('the zip magic alone is BROKEN_FILE', async () => {
    expect((await failure('magic.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).code).toBe('BROKEN_FILE');
  });
});
