// Row mapping: normalisation, the ID number as source of truth, and every error reported at once.
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../idcard/id-number.ts';
import type { CellValue, SheetRow } from '../spreadsheet/sheet-row.ts';
import { detectHeader, type RosterMapping } from './detect-header.ts';
import { isBlankRosterRow, mapRosterRow, type RosterRecord } from './map-roster-row.ts';

const HEADERS = [
  '序号',
  '姓名',
  '性别',
  '出生年月',
  '民族',
  '政治面貌',
  '身份证号码',
  '手机',
  '工作单位',
  '现任职务',
  '职级',
  '学历',
  '专业特长',
  '参加工作时间',
] as const;
type Header = (typeof HEADERS)[number];

const detection = detectHeader([{ rowNumber: 2, cells: [...HEADERS] }]);
if (!detection.ok) throw new Error(detection.error);
const mapping: RosterMapping = detection.mapping;
const today = '2024-06-15';
const ID = makeIdNumber('370202', '1985-03-12', 123); // male

const BASE: Partial<Record<Header, CellValue>> = {
  序号: 1,
  姓名: '张三',
  性别: '男',
  出生年月: '1985.03',
  民族: '汉族',
  政治面貌: '中共党员',
  身份证号码: ID,
  手机: '13812345678',
  工作单位: '青岛市市南区人民政府办公室',
  现任职务: '科长',
  职级: '乡科级正职',
  学历: '大学本科',
  专业特长: '城市规划、应急管理',
  参加工作时间: '2008.07',
};

function rowOf(changes: Partial<Record<Header, CellValue>> = {}, rowNumber = 3): SheetRow {
  const values = { ...BASE, ...changes };
  return { rowNumber, cells: HEADERS.map((header) => values[header] ?? null) };
}
const map = (changes: Partial<Record<Header, CellValue>> = {}) => mapRosterRow(rowOf(changes), mapping, { today });

function record(changes: Partial<Record<Header, CellValue>>): RosterRecord {
  const result = map(changes);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.record;
}
function errorsOf(changes: Partial<Record<Header, CellValue>>): { column: string; message: string }[] {
  const result = map(changes);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.record)}`);
  return result.errors.map(({ column, message }) => ({ column, message }));
}

describe('mapRosterRow: a clean row', () => {
  it('maps every field', () => {
    expect(map()).toEqual({
      ok: true,
      record: {
        name: '张三',
        gender: 'male',
        birthDate: '1985-03-12',
        ethnicity: '汉族',
        politicalStatus: '中共党员',
        idNumber: ID,
        mobile: '13812345678',
        unitName: '青岛市市南区人民政府办公室',
        position: '科长',
        rank: 'township',
        education: 'bachelor',
        specialties: ['城市规划', '应急管理'],
        workStartDate: '2008-07-01',
      },
    });
  });

  it('needs only name, ID number and unit; the ID gives birth date and gender', () => {
    const empty = Object.fromEntries(HEADERS.map((h) => [h, null]));
    expect(record({ ...empty, 姓名: '李四', 身份证号码: ID, 工作单位: '某单位' })).toEqual({
      name: '李四',
      gender: 'male',
      birthDate: '1985-03-12',
      ethnicity: null,
      politicalStatus: null,
      idNumber: ID,
      mobile: null,
      unitName: '某单位',
      position: null,
      rank: null,
      education: null,
      specialties: [],
      workStartDate: null,
    });
  });
});

describe('mapRosterRow: normalisation', () => {
  it.each<[Partial<Record<Header, CellValue>>, Partial<RosterRecord>]>([
    [{ 姓名: ' 张 三 ' }, { name: '张三' }],
    [{ 姓名: '张\u3000三' }, { name: '张三' }],
    [{ 姓名: '阿依古丽·买买提' }, { name: '阿依古丽·买买提' }],
    [{ 姓名: '阿依古丽•买买提' }, { name: '阿依古丽·买买提' }],
    [{ 姓名: '阿依古丽.买买提' }, { name: '阿依古丽·买买提' }],
    [{ 姓名: 'ＪＯＨＮ' }, { name: 'JOHN' }],
    [{ 姓名: '𠮷野' }, { name: '𠮷野' }],
    [{ 工作单位: '  青岛市   市南区\u3000财政局 ' }, { unitName: '青岛市 市南区 财政局' }],
    [{ 身份证号码: ` ${ID.slice(0, 9)} ${ID.slice(9)} ` }, { idNumber: ID }],
    [{ 身份证号码: [...ID].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('') }, { idNumber: ID }],
    [{ 手机: 13812345678 }, { mobile: '13812345678' }],
    [{ 手机: '+86 138-1234-5678' }, { mobile: '13812345678' }],
    [{ 手机: '8613812345678' }, { mobile: '13812345678' }],
    [{ 手机: '0086 13812345678' }, { mobile: '13812345678' }],
    [{ 手机: '１３８１２３４５６７８' }, { mobile: '13812345678' }],
    [{ 性别: '男性' }, { gender: 'male' }],
    [{ 性别: 'm' }, { gender: 'male' }],
    [{ 性别: 'M' }, { gender: 'male' }],
    [{ 出生年月: 31118 }, { birthDate: '1985-03-12' }],
    [{ 出生年月: 31107 }, { birthDate: '1985-03-12' }],
    [{ 出生年月: 1985.03 }, { birthDate: '1985-03-12' }],
    [{ 出生年月: '1985年3月12日' }, { birthDate: '1985-03-12' }],
    [{ 出生年月: '19850312' }, { birthDate: '1985-03-12' }],
    [{ 出生年月: '198503' }, { birthDate: '1985-03-12' }],
    [{ 出生年月: '1985/3/12' }, { birthDate: '1985-03-12' }],
    [{ 参加工作时间: '2008-07-15' }, { workStartDate: '2008-07-15' }],
    [{ 参加工作时间: 39630 }, { workStartDate: '2008-07-01' }],
    [{ 参加工作时间: 2008.1 }, { workStartDate: '2008-10-01' }],
    [{ 参加工作时间: '2024.06' }, { workStartDate: '2024-06-01' }],
    [{ 参加工作时间: '2024-06-15' }, { workStartDate: '2024-06-15' }],
    [{ 参加工作时间: '1985.03' }, { workStartDate: '1985-03-01' }],
    [{ 专业特长: '城市规划，应急管理;招商引资；法律/财会 审计、、城市规划' }, { specialties: ['城市规划', '应急管理', '招商引资', '法律', '财会', '审计'] }],
    [{ 现任职务: '  党组书记、局长 ' }, { position: '党组书记、局长' }],
  ])('%j → %j', (changes, expected) => {
    expect(record(changes)).toMatchObject(expected);
  });

  it.each([
    ['省部级', 'provincial'],
    ['正部', 'provincial'],
    ['省部级副职', 'provincial'],
    ['厅局级', 'bureau'],
    ['副厅', 'bureau'],
    ['一级巡视员', 'bureau'],
    ['二级巡视员', 'bureau'],
    ['县处级正职', 'county'],
    ['正处', 'county'],
    ['副处级', 'county'],
    ['四级调研员', 'county'],
    ['乡科级', 'township'],
    ['副科', 'township'],
    ['乡科级副职', 'township'],
    ['一级主任科员及以下', 'staff'],
    ['四级主任科员', 'staff'],
    ['一级科员', 'staff'],
    ['科员', 'staff'],
    ['办事员', 'staff'],
    [' 正 科 ', 'township'],
  ])('rank %s → %s', (text, rank) => {
    expect(record({ 职级: text }).rank).toBe(rank);
  });

  it.each([
    ['博士', 'doctorate'],
    ['博士研究生', 'doctorate'],
    ['硕士', 'master'],
    ['硕士研究生', 'master'],
    ['研究生', 'master'],
    ['本科', 'bachelor'],
    ['大学本科', 'bachelor'],
    ['大学', 'bachelor'],
    ['大专', 'college'],
    ['专科', 'college'],
    ['大学专科', 'college'],
    ['中专', 'secondary'],
    ['高中', 'secondary'],
    ['中专及以下', 'secondary'],
    ['初中', 'secondary'],
  ])('education %s → %s', (text, education) => {
    expect(record({ 学历: text }).education).toBe(education);
  });
});

describe('mapRosterRow: errors', () => {
  it.each<[Partial<Record<Header, CellValue>>, string, string]>([
    [{ 姓名: null }, '姓名', '姓名不能为空'],
    [{ 姓名: '  ' }, '姓名', '姓名不能为空'],
    [{ 姓名: '张' }, '姓名', '姓名应为2至30个字'],
    [{ 姓名: '张'.repeat(31) }, '姓名', '姓名应为2至30个字'],
    [{ 姓名: '张三1' }, '姓名', '姓名只能包含汉字、字母和间隔号“·”'],
    [{ 姓名: '·张三' }, '姓名', '姓名只能包含汉字、字母和间隔号“·”'],
    [{ 姓名: '张··三' }, '姓名', '姓名只能包含汉字、字母和间隔号“·”'],
    [{ 姓名: '张三(女)' }, '姓名', '姓名只能包含汉字、字母和间隔号“·”'],
    [{ 身份证号码: null }, '身份证号码', '身份证号不能为空'],
    [{ 身份证号码: 370202198503121200 }, '身份证号码', '身份证号被 Excel 存为数字导致末位丢失，请将该列设为文本后重新导出'],
    [{ 身份证号码: '3.70202E+17' }, '身份证号码', '身份证号被 Excel 存为数字导致末位丢失，请将该列设为文本后重新导出'],
    [{ 身份证号码: 370202850312123 }, '身份证号码', '仅支持18位身份证号，请换成新的18位号码'],
    [{ 身份证号码: '370202850312123' }, '身份证号码', '仅支持18位身份证号，请换成新的18位号码'],
    [{ 身份证号码: 3702021985031212 }, '身份证号码', '身份证号应为18位'],
    [{ 身份证号码: ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1') }, '身份证号码', '身份证号校验位错误'],
    [{ 身份证号码: makeIdNumber('370202', '2024-06-16', 1), 出生年月: null }, '身份证号码', '身份证号中的出生日期无效'],
    [{ 性别: '女' }, '性别', '性别与身份证号不一致'],
    [{ 性别: 'F' }, '性别', '性别与身份证号不一致'],
    [{ 性别: '未知' }, '性别', '性别只能填写“男”或“女”'],
    [{ 出生年月: '1985.04' }, '出生年月', '出生年月与身份证号不一致'],
    [{ 出生年月: '1985-03-13' }, '出生年月', '出生年月与身份证号不一致'],
    [{ 出生年月: 31119 }, '出生年月', '出生年月与身份证号不一致'],
    [{ 出生年月: '1986.03' }, '出生年月', '出生年月与身份证号不一致'],
    [{ 出生年月: '85年3月' }, '出生年月', '出生年月格式不正确，应如 1985.03、1985-03-12 或 1985年3月'],
    [{ 手机: '1381234567' }, '手机', '手机号格式不正确，应为11位手机号码'],
    [{ 手机: '138123456789' }, '手机', '手机号格式不正确，应为11位手机号码'],
    [{ 手机: '23812345678' }, '手机', '手机号格式不正确，应为11位手机号码'],
    [{ 手机: '0532-88886666' }, '手机', '手机号格式不正确，应为11位手机号码'],
    [{ 工作单位: ' ' }, '工作单位', '工作单位不能为空'],
    [{ 职级: '处长' }, '职级', '职级“处长”无法识别，可填写：省部级、厅局级、县处级、乡科级、一级主任科员及以下'],
    [{ 学历: '党校研究生' }, '学历', '学历“党校研究生”无法识别，可填写：博士研究生、硕士研究生、大学本科、大学专科、中专及以下'],
    [{ 参加工作时间: '2024.07' }, '参加工作时间', '参加工作时间不能晚于今天'],
    [{ 参加工作时间: '2024-06-16' }, '参加工作时间', '参加工作时间不能晚于今天'],
    [{ 参加工作时间: '1985.02' }, '参加工作时间', '参加工作时间早于出生日期'],
    [{ 参加工作时间: '1985-03-11' }, '参加工作时间', '参加工作时间早于出生日期'],
    [{ 参加工作时间: '去年' }, '参加工作时间', '参加工作时间格式不正确，应如 2008.07、2008-07-01 或 2008年7月'],
  ])('%j → %s: %s', (changes, column, message) => {
    expect(errorsOf(changes)).toEqual([{ column, message }]);
  });

  it('accepts names of exactly 2 and 30 characters', () => {
    expect(record({ 姓名: '张三' }).name).toBe('张三');
    expect(record({ 姓名: '张'.repeat(30) }).name).toBe('张'.repeat(30));
  });

  it('limits every cell to 200 characters, naming the column once', () => {
    expect(record({ 工作单位: '单'.repeat(200) }).unitName).toHaveLength(200);
    expect(errorsOf({ 工作单位: '单'.repeat(201) })).toEqual([{ column: '工作单位', message: '“工作单位”内容超过200字' }]);
    expect(errorsOf({ 专业特长: '长'.repeat(201) })).toEqual([{ column: '专业特长', message: '“专业特长”内容超过200字' }]);
  });

  it('reports every problem of the row, with the row number and the header as in the file', () => {
    const result = mapRosterRow(rowOf({ 姓名: '张', 性别: '女', 手机: '123', 职级: '大官', 工作单位: null }, 17), mapping, { today });
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 17, column: '姓名', message: '姓名应为2至30个字' },
        { row: 17, column: '性别', message: '性别与身份证号不一致' },
        { row: 17, column: '手机', message: '手机号格式不正确，应为11位手机号码' },
        { row: 17, column: '工作单位', message: '工作单位不能为空' },
        { row: 17, column: '职级', message: expect.stringContaining('职级“大官”无法识别') },
      ],
    });
  });

  it('still checks the other columns when the ID number is unusable', () => {
    expect(errorsOf({ 身份证号码: 'abc', 性别: '未知', 出生年月: '1985.13' }).map((e) => e.column)).toEqual(['身份证号码', '性别', '出生年月']);
  });
});

describe('isBlankRosterRow', () => {
  it('is true for a template row with only 序号 and false once any mapped cell has text', () => {
    const blank: SheetRow = { rowNumber: 9, cells: [9, null, '  '] };
    expect(isBlankRosterRow(blank, mapping)).toBe(true);
    expect(isBlankRosterRow(rowOf({ 序号: 9, 姓名: '张三' }), mapping)).toBe(false);
  });
});
