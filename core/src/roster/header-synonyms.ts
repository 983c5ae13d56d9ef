// Roster fields and the header texts that name them: the one table the import and the UI both show.

/** Record fields a roster column can fill. */
export const ROSTER_FIELDS = [
  'name',
  'gender',
  'birthDate',
  'ethnicity',
  'politicalStatus',
  'idNumber',
  'mobile',
  'unitName',
  'position',
  'rank',
  'education',
  'specialties',
  'workStartDate',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** Columns every roster must have. */
export const REQUIRED_ROSTER_FIELDS: readonly RosterField[] = ['name', 'idNumber', 'unitName'];

/**
 * Header texts per field, compared after {@link normaliseHeader}; the first one is the canonical label.
 * `serial` (序号) is recognised so it neither counts as unknown nor lands in a record.
 */
export const HEADER_SYNONYMS = {
  serial: ['序号'],
  name: ['姓名'],
  gender: ['性别'],
  birthDate: ['出生年月', '出生日期', '出生年月日'],
  ethnicity: ['民族'],
  politicalStatus: ['政治面貌'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '身份证'],
  mobile: ['手机', '手机号', '手机号码', '联系电话', '联系方式'],
  unitName: ['工作单位', '单位', '所在单位', '单位名称'],
  position: ['职务', '现任职务', '职位'],
  rank: ['职级', '职务层次', '职级层次', '级别'],
  education: ['学历', '最高学历', '文化程度'],
  specialties: ['专业特长', '专长', '特长', '专业领域'],
  workStartDate: ['参加工作时间', '参加工作日期'],
} as const satisfies Record<RosterField | 'serial', readonly string[]>;

export type HeaderKey = keyof typeof HEADER_SYNONYMS;

/** Canonical Chinese label of a field, e.g. `unitName` → 工作单位. */
export function fieldLabel(field: HeaderKey): string {
  return HEADER_SYNONYMS[field][0];
}

/**
 * `* 姓 名（必填）` → `姓名`: half-width, no whitespace of any kind (U+3000 included), no `*`, no 必填/选填 markers.
 */
export function normaliseHeader(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .replace(/\((必填|选填)\)/g, '')
    .replace(/\*/g, '');
}

const FIELD_BY_HEADER = new Map<string, HeaderKey>(
  (Object.entries(HEADER_SYNONYMS) as [HeaderKey, readonly string[]][]).flatMap(([key, names]) => names.map((name) => [name, key] as const)),
);

/** The field a header text names, or undefined. */
export function headerKeyOf(text: string): HeaderKey | undefined {
  return FIELD_BY_HEADER.get(normaliseHeader(text));
}
