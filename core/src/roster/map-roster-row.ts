// Turns one spreadsheet row into a cadre record, collecting every problem of the row in Chinese.
import type { Education, Gender, Rank } from '@duibiao/contracts';
import { validateIdNumber } from '../idcard/id-number.ts';
import type { CellValue, SheetRow } from '../spreadsheet/sheet-row.ts';
import type { RosterMapping } from './detect-header.ts';
import { fieldLabel, type RosterField } from './header-synonyms.ts';
import { compareDateParts, datePartsMatch, formatDateParts, parseRosterDate } from './roster-date.ts';
import { cellText, charLength, compactText } from './text-normalise.ts';
import { EDUCATION_CHOICES, EDUCATION_SYNONYMS, GENDER_SYNONYMS, RANK_CHOICES, RANK_SYNONYMS, splitSpecialties } from './value-synonyms.ts';

/** A cadre as the roster describes them, normalised. */
export type RosterRecord = {
  name: string;
  gender: Gender | null;
  /** YYYY-MM-DD, taken from the ID number. */
  birthDate: string | null;
  ethnicity: string | null;
  politicalStatus: string | null;
  idNumber: string;
  mobile: string | null;
  unitName: string;
  position: string | null;
  rank: Rank | null;
  education: Education | null;
  specialties: string[];
  /** YYYY-MM-DD; the 1st of the month when only the month is given. */
  workStartDate: string | null;
};

/** One problem: sheet row number, the column's header text as in the file, what is wrong. */
export type RosterRowError = { row: number; column: string; message: string };

export type RosterRowResult = { ok: true; record: RosterRecord } | { ok: false; errors: RosterRowError[] };

const MAX_CELL_CHARS = 200;
const NAME_MIN = 2;
const NAME_MAX = 30;
/** Han characters and letters, with single middle dots between parts (minority and foreign names). */
const NAME_PATTERN = /^[\p{L}\p{Script=Han}]+(?:·[\p{L}\p{Script=Han}]+)*$/u;
/** Look-alikes of the middle dot people type instead of U+00B7. */
const DOT_VARIANTS = /[.•・･‧∙⋅ㆍ]/g;
const MOBILE_PATTERN = /^1\d{10}$/;
const EXCEL_EXPONENT = /^\d(?:\.\d+)?E\+?\d+$/i;
const LOST_DIGITS = '身份证号被 Excel 存为数字导致末位丢失，请将该列设为文本后重新导出';

/** True when every mapped column of the row is empty (e.g. template rows with only 序号 filled in). */
export function isBlankRosterRow(row: SheetRow, mapping: RosterMapping): boolean {
  return mapping.columns.every((column) => cellText(row.cells[column.index] ?? null) === '');
}

/**
 * Maps a data row by `mapping`; the ID number is the source of truth for birth date and gender, and given
 * values that disagree with it are errors. `today` (YYYY-MM-DD) bounds dates. Reports every problem.
 */
export function mapRosterRow(row: SheetRow, mapping: RosterMapping, options: { today: string }): RosterRowResult {
  const errors: RosterRowError[] = [];
  const cells = new Map<RosterField, { value: CellValue; text: string; header: string }>();
  const tooLong = new Set<RosterField>();
  for (const column of mapping.columns) {
    const value = row.cells[column.index] ?? null;
    const text = cellText(value);
    if (charLength(text) > MAX_CELL_CHARS) {
      errors.push({ row: row.rowNumber, column: column.header, message: `“${column.header}”内容超过${MAX_CELL_CHARS}字` });
      tooLong.add(column.field);
      continue;
    }
    cells.set(column.field, { value, text, header: column.header });
  }
  const fail = (field: RosterField, message: string) => {
    // An over-long cell is reported once, not again as empty.
    if (!tooLong.has(field)) errors.push({ row: row.rowNumber, column: cells.get(field)?.header ?? fieldLabel(field), message });
  };
  const text = (field: RosterField) => cells.get(field)?.text ?? '';
  const optional = (field: RosterField) => text(field) || null;

  const name = checkName(text('name'));
  if (typeof name !== 'string') fail('name', name.error);

  const id = checkIdNumber(cells.get('idNumber')?.value ?? null, options.today);
  if ('error' in id) fail('idNumber', id.error);
  const fromId = 'error' in id ? null : id;

  let gender: Gender | null = fromId?.gender ?? null;
  if (text('gender') !== '') {
    const given = GENDER_SYNONYMS[text('gender').toUpperCase()];
    if (!given) fail('gender', '性别只能填写“男”或“女”');
    else if (fromId && given !== fromId.gender) fail('gender', '性别与身份证号不一致');
    else gender ??= given;
  }

  if (text('birthDate') !== '') {
    const readings = parseRosterDate(cells.get('birthDate')!.value);
    if (!readings) fail('birthDate', '出生年月格式不正确，应如 1985.03、1985-03-12 或 1985年3月');
    else if (fromId && !readings.some((parts) => datePartsMatch(parts, fromId.birthDate))) fail('birthDate', '出生年月与身份证号不一致');
  }

  let mobile: string | null = null;
  if (text('mobile') !== '') {
    mobile = normaliseMobile(cells.get('mobile')!.value);
    if (!MOBILE_PATTERN.test(mobile)) fail('mobile', '手机号格式不正确，应为11位手机号码');
  }

  const unitName = text('unitName');
  if (unitName === '') fail('unitName', '工作单位不能为空');

  let rank: Rank | null = null;
  if (text('rank') !== '') {
    rank = RANK_SYNONYMS[compactText(text('rank'))] ?? null;
    if (!rank) fail('rank', `职级“${text('rank')}”无法识别，可填写：${RANK_CHOICES.join('、')}`);
  }

  let education: Education | null = null;
  if (text('education') !== '') {
    education = EDUCATION_SYNONYMS[compactText(text('education'))] ?? null;
    if (!education) fail('education', `学历“${text('education')}”无法识别，可填写：${EDUCATION_CHOICES.join('、')}`);
  }

  let workStartDate: string | null = null;
  if (text('workStartDate') !== '') {
    const parts = parseRosterDate(cells.get('workStartDate')!.value)?.[0];
    if (!parts) fail('workStartDate', '参加工作时间格式不正确，应如 2008.07、2008-07-01 或 2008年7月');
    else if (compareDateParts(parts, options.today) > 0) fail('workStartDate', '参加工作时间不能晚于今天');
    else if (fromId && compareDateParts(parts, fromId.birthDate) < 0) fail('workStartDate', '参加工作时间早于出生日期');
    else workStartDate = formatDateParts(parts);
  }

  if (errors.length > 0 || typeof name !== 'string' || !fromId) return { ok: false, errors };
  return {
    ok: true,
    record: {
      name,
      gender,
      birthDate: fromId.birthDate,
      ethnicity: optional('ethnicity'),
      politicalStatus: optional('politicalStatus'),
      idNumber: fromId.value,
      mobile,
      unitName,
      position: optional('position'),
      rank,
      education,
      specialties: splitSpecialties(text('specialties')),
      workStartDate,
    },
  };
}

/** `张 三` → `张三`, `阿依古丽•买买提` → `阿依古丽·买买提`; or the reason it is not a name. */
function checkName(raw: string): string | { error: string } {
  const name = raw.replace(/\s+/g, '').replace(DOT_VARIANTS, '·');
  if (name === '') return { error: '姓名不能为空' };
  const length = charLength(name);
  if (length < NAME_MIN || length > NAME_MAX) return { error: `姓名应为${NAME_MIN}至${NAME_MAX}个字` };
  if (!NAME_PATTERN.test(name)) return { error: '姓名只能包含汉字、字母和间隔号“·”' };
  return name;
}

function checkIdNumber(value: CellValue, today: string): { value: string; birthDate: string; gender: Gender } | { error: string } {
  let text: string;
  if (typeof value === 'number') {
    // Excel keeps 15 significant digits, so an 18-digit ID stored as a number has already lost its tail.
    if (!Number.isSafeInteger(value)) return { error: LOST_DIGITS };
    text = String(value);
  } else {
    text = value === null ? '' : compactText(String(value));
    // A csv saved from Excel shows such a number as 3.70202E+17.
    if (EXCEL_EXPONENT.test(text)) return { error: LOST_DIGITS };
  }
  if (text === '') return { error: '身份证号不能为空' };
  if (/^\d{15}$/.test(text)) return { error: '仅支持18位身份证号，请换成新的18位号码' };
  const check = validateIdNumber(text, { today });
  return check.ok ? check : { error: check.reason };
}

/** Drops spaces, dashes and a +86 / 0086 / 86 country prefix. */
function normaliseMobile(value: CellValue): string {
  const digits = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : compactText(String(value)).replace(/-/g, '');
  return digits.replace(/^(?:\+86|0086|86(?=\d{11}$))/, '');
}
