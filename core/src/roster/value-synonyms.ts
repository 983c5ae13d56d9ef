// What clerks write for gender, rank and education, mapped to the domain codes.
import { LABELS, type Education, type Gender, type Rank } from '@duibiao/contracts';

/** Gender words, compared uppercase. */
export const GENDER_SYNONYMS: Readonly<Record<string, Gender>> = {
  男: 'male',
  男性: 'male',
  M: 'male',
  MALE: 'male',
  女: 'female',
  女性: 'female',
  F: 'female',
  FEMALE: 'female',
};

/** Rank words (职务职级层次) → rank band; shown in the UI next to the header table. */
export const RANK_SYNONYMS: Readonly<Record<string, Rank>> = {
  ...band('provincial', ['省部级', '正部', '副部', '正部级', '副部级', '省部级正职', '省部级副职']),
  ...band('bureau', ['厅局级', '正厅', '副厅', '正厅级', '副厅级', '厅局级正职', '厅局级副职', '一级巡视员', '二级巡视员']),
  ...band('county', ['县处级', '正处', '副处', '正处级', '副处级', '县处级正职', '县处级副职', '一级调研员', '二级调研员', '三级调研员', '四级调研员']),
  ...band('township', ['乡科级', '正科', '副科', '正科级', '副科级', '乡科级正职', '乡科级副职']),
  ...band('staff', ['一级主任科员及以下', '一级主任科员', '二级主任科员', '三级主任科员', '四级主任科员', '一级科员', '二级科员', '科员', '办事员']),
};

/** Education words → education level. */
export const EDUCATION_SYNONYMS: Readonly<Record<string, Education>> = {
  ...band('doctorate', ['博士', '博士研究生']),
  ...band('master', ['硕士', '硕士研究生', '研究生']),
  ...band('bachelor', ['本科', '大学本科', '大学']),
  ...band('college', ['大专', '专科', '大学专科']),
  ...band('secondary', ['中专', '高中', '中专及以下', '初中']),
};

function band<T extends string>(code: T, words: readonly string[]): Record<string, T> {
  return Object.fromEntries(words.map((word) => [word, code]));
}

/** The canonical Chinese rank labels, for "allowed values" messages. */
export const RANK_CHOICES = Object.values(LABELS.rank).map((label) => label.zh);
/** The canonical Chinese education labels, for "allowed values" messages. */
export const EDUCATION_CHOICES = Object.values(LABELS.education).map((label) => label.zh);

/** Separators between specialties: 、，,;；/ and spaces (full-width forms already folded to half-width). */
const SPECIALTY_SEPARATORS = /[、,;/\s]+/;

/** `城市规划、应急管理；  招商引资` → three tags, trimmed, without duplicates. */
export function splitSpecialties(text: string): string[] {
  return [...new Set(text.split(SPECIALTY_SEPARATORS).filter((tag) => tag !== ''))];
}
