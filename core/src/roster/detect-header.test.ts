// Header detection: synonyms, markers, title rows, thresholds and missing required columns.
import { describe, expect, it } from 'vitest';
import type { CellValue, SheetRow } from '../spreadsheet/sheet-row.ts';
import { columnLetter, detectHeader } from './detect-header.ts';
import { HEADER_SYNONYMS, headerKeyOf, normaliseHeader } from './header-synonyms.ts';

const row = (rowNumber: number, ...cells: CellValue[]): SheetRow => ({ rowNumber, cells });

describe('normaliseHeader', () => {
  it.each([
    ['姓名', '姓名'],
    [' 姓 名 ', '姓名'],
    ['姓\u3000名', '姓名'],
    ['姓名\n', '姓名'],
    ['*姓名', '姓名'],
    ['姓名＊', '姓名'],
    ['姓名（必填）', '姓名'],
    ['姓名(必填)', '姓名'],
    ['手机（选填）', '手机'],
    ['ＩＤ', 'ID'],
  ])('%j → %j', (input, output) => {
    expect(normaliseHeader(input)).toBe(output);
  });
});

describe('header synonyms', () => {
  it('maps every listed synonym to its field and nothing else', () => {
    for (const [field, names] of Object.entries(HEADER_SYNONYMS)) {
      for (const name of names) expect(headerKeyOf(name)).toBe(field);
    }
    expect(headerKeyOf('备注')).toBeUndefined();
    expect(headerKeyOf('姓')).toBeUndefined();
  });

  it.each([
    ['公民身份号码', 'idNumber'],
    ['联系电话', 'mobile'],
    ['所在单位', 'unitName'],
    ['职务层次', 'rank'],
    ['文化程度', 'education'],
    ['专业领域', 'specialties'],
    ['出生年月日', 'birthDate'],
    ['参加工作时间', 'workStartDate'],
    ['* 身份证号码（必填）', 'idNumber'],
  ])('%s → %s', (header, field) => {
    expect(headerKeyOf(header)).toBe(field);
  });
});

describe('detectHeader', () => {
  it('skips a merged title row and blank rows above the header', () => {
    const result = detectHeader([row(1, '青岛市干部花名册'), row(3, '序号', '姓名（必填）', '身份证号', '工作单位', '职务')]);
    expect(result).toEqual({
      ok: true,
      mapping: {
        headerRowNumber: 3,
        columns: [
          { index: 1, header: '姓名（必填）', field: 'name' },
          { index: 2, header: '身份证号', field: 'idNumber' },
          { index: 3, header: '工作单位', field: 'unitName' },
          { index: 4, header: '职务', field: 'position' },
        ],
      },
      unknownColumns: [],
      warnings: [],
    });
  });

  it('takes a row with 3 known headers but not one with 2', () => {
    const two = row(1, '姓名', '身份证号', '说明');
    const three = row(2, '姓名', '身份证号', '单位');
    expect(detectHeader([two, three])).toMatchObject({ ok: true, mapping: { headerRowNumber: 2 } });
    expect(detectHeader([two])).toMatchObject({ ok: false, headerRowNumber: null, missingFields: ['name', 'idNumber', 'unitName'] });
  });

  it('counts the same field twice only once towards the threshold', () => {
    expect(detectHeader([row(1, '手机', '联系电话', '姓名')])).toMatchObject({ ok: false, headerRowNumber: null });
  });

  it('looks at the first 10 rows only', () => {
    const filler = Array.from({ length: 9 }, (_, i) => row(i + 1, `说明${i}`));
    const header = (n: number) => row(n, '姓名', '身份证号', '工作单位');
    expect(detectHeader([...filler, header(10)])).toMatchObject({ ok: true, mapping: { headerRowNumber: 10 } });
    expect(detectHeader([...filler, row(10, '说明'), header(11)])).toMatchObject({ ok: false });
  });

  it('lists the missing required columns in Chinese', () => {
    const result = detectHeader([row(2, '序号', '姓名', '性别', '职务')]);
    expect(result).toEqual({
      ok: false,
      error: '第2行表头缺少必填列：身份证号、工作单位',
      missingFields: ['idNumber', 'unitName'],
      headerRowNumber: 2,
    });
  });

  it('explains when no header row is found', () => {
    const result = detectHeader([row(1, '青岛市干部花名册')]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('未找到表头');
  });

  it('ignores unknown and duplicate columns with warnings, and empty header cells silently', () => {
    const result = detectHeader([row(1, '姓名', null, '身份证号', '备注', '单位名称', '工作单位', '')]);
    expect(result).toMatchObject({
      ok: true,
      mapping: { columns: [{ index: 0 }, { index: 2 }, { index: 4, field: 'unitName' }] },
      unknownColumns: [{ index: 3, header: '备注' }],
      warnings: ['第D列“备注”不是可识别的列名，该列将被忽略', '第F列“工作单位”与第E列重复（都是工作单位），该列将被忽略'],
    });
  });
});

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%i → %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
  });
});
