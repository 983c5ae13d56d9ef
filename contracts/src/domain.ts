// Domain vocabulary shared by core, server and web: codes in English, Chinese/English labels for the UI.
import { z } from 'zod';

/** Administrative level of an org node. Township and village are grassroots (基层). */
export const ORG_LEVELS = ['province', 'city', 'district', 'township', 'village'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];
export const orgLevelSchema = z.enum(ORG_LEVELS);
export const GRASSROOTS_LEVELS: readonly OrgLevel[] = ['township', 'village'];
export const isGrassrootsLevel = (level: OrgLevel): boolean => GRASSROOTS_LEVELS.includes(level);

/** What an org node is: a region (行政区域) or a unit of some kind. */
export const ORG_KINDS = ['region', 'party_gov', 'institution', 'enterprise', 'township', 'village'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const orgKindSchema = z.enum(ORG_KINDS);

export const ROLES = ['sys_admin', 'org_admin', 'program_manager', 'tutor', 'host_contact', 'trainee'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** Rank bands as the 2023 training regulation groups them (职务职级层次). */
export const RANKS = ['provincial', 'bureau', 'county', 'township', 'staff'] as const;
export type Rank = (typeof RANKS)[number];
export const rankSchema = z.enum(RANKS);

export const EDUCATIONS = ['doctorate', 'master', 'bachelor', 'college', 'secondary'] as const;
export type Education = (typeof EDUCATIONS)[number];
export const educationSchema = z.enum(EDUCATIONS);

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const genderSchema = z.enum(GENDERS);

/** Age up to and including which a cadre counts as a young cadre (年轻干部). */
export const YOUNG_CADRE_MAX_AGE = 40;

export const LABELS = {
  orgLevel: {
    province: { zh: '省级', en: 'Province' },
    city: { zh: '市级', en: 'City' },
    district: { zh: '县区级', en: 'District/County' },
    township: { zh: '乡镇街道级', en: 'Township/Street' },
    village: { zh: '村社区级', en: 'Village/Community' },
  },
  orgKind: {
    region: { zh: '行政区域', en: 'Region' },
    party_gov: { zh: '党政机关', en: 'Party/government organ' },
    institution: { zh: '事业单位', en: 'Public institution' },
    enterprise: { zh: '企业', en: 'Enterprise' },
    township: { zh: '乡镇（街道）', en: 'Township/street' },
    village: { zh: '村（社区）', en: 'Village/community' },
  },
  role: {
    sys_admin: { zh: '系统管理员', en: 'System admin' },
    org_admin: { zh: '组织部管理员', en: 'Org-department admin' },
    program_manager: { zh: '项目管理员', en: 'Program manager' },
    tutor: { zh: '带班老师', en: 'Tutor' },
    host_contact: { zh: '实训单位联系人', en: 'Host-unit contact' },
    trainee: { zh: '学员', en: 'Trainee' },
  },
  rank: {
    provincial: { zh: '省部级', en: 'Provincial/ministerial' },
    bureau: { zh: '厅局级', en: 'Bureau/department' },
    county: { zh: '县处级', en: 'County/division' },
    township: { zh: '乡科级', en: 'Township/section' },
    staff: { zh: '一级主任科员及以下', en: 'Principal staff member and below' },
  },
  education: {
    doctorate: { zh: '博士研究生', en: 'Doctorate' },
    master: { zh: '硕士研究生', en: "Master's" },
    bachelor: { zh: '大学本科', en: "Bachelor's" },
    college: { zh: '大学专科', en: 'College' },
    secondary: { zh: '中专及以下', en: 'Secondary or below' },
  },
  gender: { male: { zh: '男', en: 'Male' }, female: { zh: '女', en: 'Female' } },
} as const;
