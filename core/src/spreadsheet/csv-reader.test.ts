// Reading csv files: encodings by BOM or sniffing, quoting, line endings, progress.
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { readSheetRows } from './read-sheet-rows.ts';
import { openFdCount, readAll, settle, tempFolder } from './test-support.ts';

const temp = tempFolder('csv');
afterAll(() => temp.cleanup());

const TEXT = '序号,姓名,工作单位\r\n1,张三,青岛市市南区人民政府办公室\r\n2,欧阳娜娜,"中共青岛市委组织部,干部一处"\r\n';
const ROWS = [
  { rowNumber: 1, cells: ['序号', '姓名', '工作单位'] },
  { rowNumber: 2, cells: ['1', '张三', '青岛市市南区人民政府办公室'] },
  { rowNumber: 3, cells: ['2', '欧阳娜娜', '中共青岛市委组织部,干部一处'] },
];

describe('readSheetRows on csv: encodings', () => {
  it('reads UTF-8 with a BOM (the BOM is not part of the first cell)', async () => {
    const file = temp.write('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]));
    expect(await readAll(file)).toEqual(ROWS);
  });

  it('reads UTF-8 without a BOM', async () => {
    expect(await readAll(temp.write('utf8.csv', TEXT))).toEqual(ROWS);
  });

  it('reads GBK (what Excel on Chinese Windows saves as "CSV")', async () => {
    expect(await readAll(temp.write('gbk.csv', iconv.encode(TEXT, 'gbk')))).toEqual(ROWS);
  });

  it('reads GB18030 characters beyond GBK', async () => {
    const text = '姓名\n𠮷野家\n';
    expect(await readAll(temp.write('gb18030.csv', iconv.encode(text, 'gb18030')))).toEqual([
      { rowNumber: 1, cells: ['姓名'] },
      { rowNumber: 2, cells: ['𠮷野家'] },
    ]);
  });

  it('reads UTF-16LE and UTF-16BE with their BOMs', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf-16be')]);
    expect(await readAll(temp.write('le.csv', le))).toEqual(ROWS);
    expect(await readAll(temp.write('be.csv', be))).toEqual(ROWS);
  });

  it('sniffs UTF-8 even when the 64 KB sample ends inside a character, and GBK past 64 KB', async () => {
    // 'a' then 3-byte characters: 65536 = 1 + 3 * 21845, so byte 65536 cuts the 21846th character.
    const long = 'a' + '中'.repeat(30_000);
    const text = `列\n${long}\n`;
    expect(Buffer.byteLength(text.slice(0, 2 + 1 + 21_845)) % 3).not.toBe(0);
    const utf8 = await readAll(temp.write('long-utf8.csv', text));
    expect(utf8[1]!.cells[0]).toBe(long);
    const gbk = await readAll(temp.write('long-gbk.csv', iconv.encode(text, 'gbk')));
    expect(gbk[1]!.cells[0]).toBe(long);
  });
});

describe('readSheetRows on csv: structure', () => {
  it('handles quotes, escaped quotes, commas and newlines inside quoted fields', async () => {
    const text = 'a,"b,c","d ""引号"" e","多\n行\r\n文本"\nx,y\n';
    expect(await readAll(temp.write('quotes.csv', text))).toEqual([
      { rowNumber: 1, cells: ['a', 'b,c', 'd "引号" e', '多\n行\r\n文本'] },
      { rowNumber: 2, cells: ['x', 'y'] },
    ]);
  });

  it('turns empty fields into null, skips empty records but keeps counting, allows ragged rows', async () => {
    const text = '姓名,单位,职务\n张三,,科长\n\n,,\n李四\n王五,单位,职务,多余\n';
    expect(await readAll(temp.write('ragged.csv', text))).toEqual([
      { rowNumber: 1, cells: ['姓名', '单位', '职务'] },
      { rowNumber: 2, cells: ['张三', null, '科长'] },
      { rowNumber: 5, cells: ['李四'] },
      { rowNumber: 6, cells: ['王五', '单位', '职务', '多余'] },
    ]);
  });

  it('accepts LF, CRLF and CR line endings in one file and a last line without newline', async () => {
    expect(await readAll(temp.write('eol.csv', 'a,b\r\nc,d\ne,f\rg,h'))).toEqual([
      { rowNumber: 1, cells: ['a', 'b'] },
      { rowNumber: 2, cells: ['c', 'd'] },
      { rowNumber: 3, cells: ['e', 'f'] },
      { rowNumber: 4, cells: ['g', 'h'] },
    ]);
  });

  it('reads tab-separated files when the first line has tabs and no commas', async () => {
    expect(await readAll(temp.write('tabs.csv', '姓名\t单位\n张三\t青岛,市南\n'))).toEqual([
      { rowNumber: 1, cells: ['姓名', '单位'] },
      { rowNumber: 2, cells: ['张三', '青岛,市南'] },
    ]);
  });

  it('reads an empty file as no rows', async () => {
    expect(await readAll(temp.write('empty.csv', ''))).toEqual([]);
  });

  it('reports progress up to exactly 1 and closes the file on early break', async () => {
    const file = temp.write('progress.csv', Array.from({ length: 50_000 }, (_, i) => `${i},第${i}行`).join('\n'));
    const seen: number[] = [];
    expect(await readAll(file, { onProgress: (f) => seen.push(f) })).toHaveLength(50_000);
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeLessThanOrEqual(102);
    await settle();
    const before = openFdCount();
    for await (const row of readSheetRows(file)) if (row.rowNumber === 3) break;
    await settle();
    expect(openFdCount()).toBe(before);
  });
});
