// Cadre registry.
import { z } from 'zod';
import {
  assessmentSchema,
  educationSchema,
  genderSchema,
  orgLevelSchema,
  programStatusSchema,
  programTypeSchema,
  rankSchema,
  reviewResultSchema,
} from '../domain.ts';
import { hoursEntrySchema, ruleRefSchema, ruleResultSchema, yearSchema } from './hours.ts';
import { boolQuerySchema, isoDateSchema, pageQuerySchema } from './common.ts';

export const CADRE_SORT_FIELDS = ['name', 'birthDate', 'rank', 'org', 'updatedAt'] as const;

/** Filters shared by the list, the export and the stats endpoints. */
export const cadreFilterSchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  rank: z
    .union([rankSchema, z.array(rankSchema)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  grassroots: boolQuerySchema.optional(),
  young: boolQuerySchema.optional(),
  specialty: z.string().trim().max(50).optional(),
  ageMin: z.coerce.number().int().min(16).max(80).optional(),
  ageMax: z.coerce.number().int().min(16).max(80).optional(),
  q: z.string().trim().max(100).optional(),
});
export type CadreFilter = z.infer<typeof cadreFilterSchema>;

export const listCadresQuerySchema = cadreFilterSchema.extend(pageQuerySchema.shape).extend({
  sort: z.enum(CADRE_SORT_FIELDS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type ListCadresQuery = z.infer<typeof listCadresQuerySchema>;

export const experienceSchema = z.object({
  startDate: isoDateSchema,
  endDate: isoDateSchema.nullable(),
  unitName: z.string().trim().min(1).max(100),
  position: z.string().trim().min(1).max(100),
});
export type Experience = z.infer<typeof experienceSchema>;

export const cadreSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  gender: genderSchema.nullable(),
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  isYoung: z.boolean(),
  ethnicity: z.string().nullable(),
  politicalStatus: z.string().nullable(),
  idNumber: z.string(),
  mobile: z.string().nullable(),
  org: z.object({ id: z.number().int(), name: z.string(), level: orgLevelSchema }),
  isGrassroots: z.boolean(),
  position: z.string().nullable(),
  rank: rankSchema.nullable(),
  education: educationSchema.nullable(),
  specialties: z.array(z.string()),
  updatedAt: z.string(),
});
export type CadreSummary = z.infer<typeof cadreSummarySchema>;

export const cadreDetailSchema = cadreSummarySchema.extend({
  workStartDate: z.string().nullable(),
  experiences: z.array(experienceSchema),
  orgPathNames: z.array(z.string()),
  /** ID number and mobile arrive masked; this role may fetch them from GET …/:id/sensitive (audited). */
  canRevealSensitive: z.boolean(),
  createdAt: z.string(),
});
export type CadreDetail = z.infer<typeof cadreDetailSchema>;

const textOrNull = (max: number) => z.string().trim().max(max).nullable().optional();

export const cadreInputSchema = z.object({
  name: z.string().trim().min(2, '姓名至少2个字').max(30),
  idNumber: z.string().trim().min(1, '请输入身份证号').max(18, '身份证号应为18位'),
  orgId: z.number().int().positive(),
  ethnicity: textOrNull(20),
  politicalStatus: textOrNull(20),
  mobile: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, '手机号格式不正确')
    .nullable()
    .optional(),
  position: textOrNull(100),
  rank: rankSchema.nullable().optional(),
  education: educationSchema.nullable().optional(),
  specialties: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
  workStartDate: isoDateSchema.nullable().optional(),
  experiences: z.array(experienceSchema).max(50).default([]),
});
export type CadreInput = z.infer<typeof cadreInputSchema>;
export const cadrePatchSchema = cadreInputSchema.partial();
export type CadrePatch = z.infer<typeof cadrePatchSchema>;

export const cadreSensitiveSchema = z.object({ idNumber: z.string(), mobile: z.string().nullable() });
export type CadreSensitive = z.infer<typeof cadreSensitiveSchema>;

export const cadreStatsSchema = z.object({
  total: z.number().int(),
  grassroots: z.number().int(),
  young: z.number().int(),
  byRank: z.array(z.object({ rank: rankSchema.nullable(), count: z.number().int() })),
  byAgeBand: z.array(z.object({ band: z.string(), count: z.number().int() })),
  byUnit: z.array(z.object({ orgId: z.number().int(), name: z.string(), count: z.number().int() })),
});
export type CadreStats = z.infer<typeof cadreStatsSchema>;

// Training file (培训档案): filled by the hours module (issue 3).

export const trainingFileProgramSchema = z.object({
  programId: z.number().int(),
  name: z.string(),
  type: programTypeSchema,
  status: programStatusSchema,
  organizer: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  className: z.string().nullable(),
  enrolmentStatus: z.string(),
  hours: z.number(),
  onlineHours: z.number(),
  days: z.number(),
  assessment: assessmentSchema.nullable(),
  assessmentReason: z.string().nullable(),
  absences: z.number().int(),
  leaveHours: z.number(),
  withdrawalFlagged: z.boolean(),
  /** The published final evaluation (综合评价, issue 5), if any. */
  evaluation: z.object({ score: z.number(), grade: reviewResultSchema, publishedAt: z.string() }).nullable(),
});
export type TrainingFileProgram = z.infer<typeof trainingFileProgramSchema>;

export const trainingFileSchema = z.object({
  cadreId: z.number().int(),
  name: z.string(),
  rank: rankSchema.nullable(),
  org: z.object({ id: z.number().int(), name: z.string() }),
  programs: z.array(trainingFileProgramSchema),
  manualEntries: z.array(hoursEntrySchema),
  /** Per calendar year, newest first: all hours (programs + manual), the online part, and days. */
  years: z.array(z.object({ year: z.number().int(), hours: z.number(), onlineHours: z.number(), days: z.number() })),
  totalHours: z.number(),
  compliance: z.object({ year: z.number().int(), rules: z.array(ruleRefSchema), results: z.array(ruleResultSchema), compliant: z.boolean() }),
});
export type TrainingFile = z.infer<typeof trainingFileSchema>;
export const trainingFileQuerySchema = z.object({ year: yearSchema.optional() });
