// Reading xlsx files written by ExcelJS (both writers) and hand-made packages with the less common cell forms.
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readSheetRows } from './read-sheet-rows.ts';
import { miniXlsx } from './test-fixtures.ts';
import { openFdCount, readAll, settle, tempFolder } from './test-support.ts';

const temp = tempFolder('xlsx');
afterAll(() => temp.cleanup());

/** Excel serial number of a UTC date, as ExcelJS writes Date cells (1900 date system). */
const serial = (y: number, m: number, d: number) => 25569 + Date.UTC(y, m - 1, d) / 86_400_000;

const TITLE = '青岛市干部花名册';
const HEADER = ['序号', '姓名', '出生日期', '在职', '备注', '得分'];
const richName = { richText: [{ text: '欧阳' }, { font: { bold: true }, text: '娜娜' }] };

/** The same sheet for every writer: merged title, blank row, header, sparse data. */
function fillSheet(sheet: ExcelJS.Worksheet, richText: boolean): void {
  sheet.mergeCells('A1:F1');
  sheet.getCell('A1').value = TITLE;
  sheet.getRow(3).values = HEADER;
  sheet.getRow(4).values = [1, '张三', new Date(Date.UTC(1985, 2, 12)), true, '  前后有空格  ', 98.5];
  // Row 5: sparse — only A, C and F are set.
  sheet.getCell('A5').value = 2;
  sheet.getCell('C5').value = new Date(Date.UTC(1990, 11, 31));
  sheet.getCell('F5').value = -3;
  sheet.getRow(6).values = [3, richText ? richName : '欧阳娜娜', null, false, '含&<>"\'特殊字符', 0];
  // Row 7 stays empty; row 8 has a cell in column AB only.
  sheet.getCell('AB8').value = '远处的单元格';
}

const expected = [
  { rowNumber: 1, cells: [TITLE] },
  { rowNumber: 3, cells: HEADER },
  { rowNumber: 4, cells: [1, '张三', serial(1985, 3, 12), true, '  前后有空格  ', 98.5] },
  { rowNumber: 5, cells: [2, null, serial(1990, 12, 31), null, null, -3] },
  { rowNumber: 6, cells: [3, '欧阳娜娜', null, false, '含&<>"\'特殊字符', 0] },
  { rowNumber: 8, cells: [...Array<null>(27).fill(null), '远处的单元格'] },
];

describe('readSheetRows on xlsx written by ExcelJS', () => {
  it('reads the normal writer: merged title, sparse cells, numbers, booleans, dates, rich text', async () => {
    const workbook = new ExcelJS.Workbook();
    fillSheet(workbook.addWorksheet('花名册'), true);
    workbook.addWorksheet('第二页').getCell('A1').value = '不应读到';
    const file = temp.path('normal.xlsx');
    await workbook.xlsx.writeFile(file);
    expect(await readAll(file)).toEqual(expected);
  });

  for (const useSharedStrings of [true, false]) {
    it(`reads the streaming writer with useSharedStrings: ${useSharedStrings}`, async () => {
      const file = temp.path(`stream-${useSharedStrings}.xlsx`);
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings });
      const sheet = workbook.addWorksheet('花名册');
      fillSheet(sheet, true);
      for (let r = 1; r <= 8; r++) sheet.getRow(r).commit();
      sheet.commit();
      await workbook.commit();
      expect(await readAll(file)).toEqual(expected);
    });
  }

  it('reads a formula cell as its cached result', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.getCell('A1').value = { formula: '"甲"&"乙"', result: '甲乙' };
    sheet.getCell('B1').value = { formula: '1+1', result: 2 };
    const file = temp.path('formula.xlsx');
    await workbook.xlsx.writeFile(file);
    expect(await readAll(file)).toEqual([{ rowNumber: 1, cells: ['甲乙', 2] }]);
  });
});

describe('readSheetRows on hand-made xlsx packages', () => {
  const read = (name: string, spec: Parameters<typeof miniXlsx>[0]) => readAll(temp.write(name, miniXlsx(spec)));

  it('resolves cell types: shared, inline, str, b, e, d, n and untyped numbers', async () => {
    const rows = await read('types.xlsx', {
      sharedStrings: ['<si><t>共享</t></si>', '<si><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></si>', '<si><t></t></si>'],
      sheets: [
        {
          name: 'S',
          path: 'xl/worksheets/sheet1.xml',
          sheetData:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>内联</t></is></c>' +
            '<c r="D1" t="str"><f>X</f><v>公式</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="b"><v>0</v></c>' +
            '<c r="G1" t="e"><v>#N/A</v></c><c r="H1" t="d"><v>1985-03-12T00:00:00Z</v></c><c r="I1" t="n"><v>1.5E3</v></c>' +
            '<c r="J1"><v>-0.25</v></c><c r="K1" t="s"><v>2</v></c><c r="L1" s="3"/></row>',
        },
      ],
    });
    expect(rows).toEqual([{ rowNumber: 1, cells: ['共享', '富文本', '内联', '公式', true, false, null, '1985-03-12T00:00:00Z', 1500, -0.25] }]);
  });

  it('ignores phonetic runs in shared and inline strings', async () => {
    const rows = await read('phonetic.xlsx', {
      sharedStrings: ['<si><t>单于</t><rPh sb="0" eb="2"><t>chányú</t></rPh><phoneticPr fontId="1"/></si>'],
      sheets: [
        {
          name: 'S',
          path: 'xl/worksheets/sheet1.xml',
          sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>尉迟</t><rPh sb="0" eb="2"><t>yùchí</t></rPh></is></c></row>',
        },
      ],
    });
    expect(rows).toEqual([{ rowNumber: 1, cells: ['单于', '尉迟'] }]);
  });

  it('places cells without r after the previous cell and rows without r after the previous row', async () => {
    const rows = await read('no-refs.xlsx', {
      sheets: [
        {
          name: 'S',
          path: 'xl/worksheets/sheet1.xml',
          sheetData:
            '<row r="2"><c><v>1</v></c><c><v>2</v></c><c r="E2"><v>5</v></c><c><v>6</v></c></row>' +
            '<row><c r="B3"><v>7</v></c></row><row r="10"><c t="inlineStr"><is><t>x</t></is></c></row>',
        },
      ],
    });
    expect(rows).toEqual([
      { rowNumber: 2, cells: [1, 2, null, null, 5, 6] },
      { rowNumber: 3, cells: [null, 7] },
      { rowNumber: 10, cells: ['x'] },
    ]);
  });

  it('skips rows whose cells are all empty, styled-only or empty strings', async () => {
    const rows = await read('empty-rows.xlsx', {
      sharedStrings: ['<si><t></t></si>'],
      sheets: [
        {
          name: 'S',
          path: 'xl/worksheets/sheet1.xml',
          sheetData:
            '<row r="1"/><row r="2"><c r="A2" s="1"/><c r="B2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><t></t></is></c></row>' +
            '<row r="3"><c r="C3" t="e"><v>#DIV/0!</v></c></row><row r="4"><c r="A4"><v>0</v></c></row>',
        },
      ],
    });
    expect(rows).toEqual([{ rowNumber: 4, cells: [0] }]);
  });

  it('keeps xml:space="preserve" text and decodes entities and character references', async () => {
    const rows = await read('text.xlsx', {
      sharedStrings: ['<si><t xml:space="preserve">  两端空格  </t></si>', '<si><t>A&amp;B &lt;C&gt; &#x4E2D;&#25991; 换\n行</t></si>'],
      sheets: [{ name: 'S', path: 'xl/worksheets/sheet1.xml', sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' }],
    });
    expect(rows).toEqual([{ rowNumber: 1, cells: ['  两端空格  ', 'A&B <C> 中文 换\n行'] }]);
  });

  it('reads the first sheet in workbook order, not by part name, with absolute targets and stored parts', async () => {
    const rows = await read('order.xlsx', {
      absoluteTargets: true,
      store: true,
      sheets: [
        { name: '第一', path: 'xl/worksheets/sheet9.xml', sheetData: '<row r="1"><c r="A1"><v>9</v></c></row>' },
        { name: '第二', path: 'xl/worksheets/sheet1.xml', sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' },
      ],
    });
    expect(rows).toEqual([{ rowNumber: 1, cells: [9] }]);
  });

  it('understands prefixed element names (x:row, x:c)', async () => {
    const sheetData = '<x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c></x:row>';
    // The reader parses without namespace processing, so the unbound prefix is fine here.
    const rows = await read('prefix.xlsx', { sheets: [{ name: 'S', path: 'xl/worksheets/sheet1.xml', sheetData }] });
    expect(rows).toEqual([{ rowNumber: 1, cells: [null, '前缀'] }]);
  });
});

describe('readSheetRows lifecycle on xlsx', () => {
  async function bigFile(): Promise<string> {
    const file = temp.path('lifecycle.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const sheet = workbook.addWorksheet('s');
    for (let i = 0; i < 20_000; i++) sheet.addRow([i, `第${i}行的中文内容`, i * 1.5]).commit();
    sheet.commit();
    await workbook.commit();
    return file;
  }
  const fileReady = bigFile();

  it('reports progress rising to exactly 1, at most about once per percent', async () => {
    const seen: number[] = [];
    const rows = await readAll(await fileReady, { onProgress: (f) => seen.push(f) });
    expect(rows).toHaveLength(20_000);
    expect(seen.at(-1)).toBe(1);
    expect(seen.filter((f) => f === 1)).toHaveLength(1);
    expect(seen.length).toBeLessThanOrEqual(102);
    expect(seen.length).toBeGreaterThan(3);
    // Every step but the closing 1 is at least a percent.
    for (let i = 1; i < seen.length - 1; i++) expect(seen[i]! - seen[i - 1]!).toBeGreaterThanOrEqual(0.01 - 1e-9);
  });

  it('closes the file when the consumer breaks early', async () => {
    const file = await fileReady;
    await settle();
    const before = openFdCount();
    let count = 0;
    for await (const row of readSheetRows(file)) {
      if (++count === 10) break;
      expect(row.rowNumber).toBe(count);
    }
    await settle();
    expect(openFdCount()).toBe(before);
  });

  it('stops with the abort reason and closes the file', async () => {
    const file = await fileReady;
    await settle();
    const before = openFdCount();
    const controller = new AbortController();
    let count = 0;
    const run = async () => {
      for await (const _row of readSheetRows(file, { signal: controller.signal })) {
        if (++count === 100) controller.abort();
      }
    };
    await expect(run()).rejects.toMatchObject({ name: 'AbortError' });
    expect(count).toBeLessThan(20_000);
    await settle();
    expect(openFdCount()).toBe(before);
  });

  it('passes a custom abort reason through unwrapped, also before the first row', async () => {
    const reason = new Error('用户取消');
    const controller = new AbortController();
    controller.abort(reason);
    await expect(readAll(await fileReady, { signal: controller.signal })).rejects.toBe(reason);
  });
});
