// Long placements (issue 4): remote check-in (远程报到), weekly work logs (工作周志) with mentor comments (导师点评),
// mid-term review (中期评估) and final assessment (期满考核) that feeds the training file and hours.
import { z } from 'zod';
import { requiredText } from './common.ts';
import { PLACEMENT_STATUSES, REVIEW_KINDS, REVIEW_RESULTS, genderSchema, reviewResultSchema } from '../domain.ts';

/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const PRACTICUM_AUDIT_ACTIONS = {
  'placement.remote_checkin': { zh: '远程报到', en: 'Remote check-in' },
  'placement_log.save': { zh: '提交工作周志', en: 'Save weekly log' },
  'placement_log.comment': { zh: '导师点评周志', en: 'Comment on weekly log' },
  'placement_review.save': { zh: '记录实训评估', en: 'Record placement review' },
} as const;

/** 学时 credited per working day (Mon–Fri) of a placement's period; credit policies have no per-day rate. */
export const PLACEMENT_HOURS_PER_WORKING_DAY = 8;

export const placementStatusSchema = z.enum(PLACEMENT_STATUSES);

// ---- Params and inputs ------------------------------------------------------------------------------------------

/** `weekStart` is checked by the service (a Monday inside the placement, not in the future) so the 400 names it. */
export const placementWeekParamSchema = z.object({ id: z.coerce.number().int().positive(), weekStart: z.string().max(40) });
export const placementLogParamSchema = z.object({ id: z.coerce.number().int().positive(), logId: z.coerce.number().int().positive() });
export const programPlacementParamSchema = z.object({
  id: z.coerce.number().int().positive(),
  placementId: z.coerce.number().int().positive(),
});
export const programPlacementLogParamSchema = programPlacementParamSchema.extend({ logId: z.coerce.number().int().positive() });

export const remoteCheckinInputSchema = z.object({
  contactConfirmed: z.literal(true, '请先与单位联系人取得联系'),
  firstTasks: requiredText(10, 2000, '首批任务'),
});
export type RemoteCheckinInput = z.infer<typeof remoteCheckinInputSchema>;

export const placementLogInputSchema = z.object({
  content: requiredText(20, 5000, '本周工作'),
  nextPlan: z
    .string()
    .trim()
    .max(2000, '下周计划不超过2000字')
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v)),
});
export type PlacementLogInput = z.infer<typeof placementLogInputSchema>;

export const placementCommentInputSchema = z.object({ comment: requiredText(2, 2000, '点评') });
export type PlacementCommentInput = z.infer<typeof placementCommentInputSchema>;

const scoreSchema = z.number('请填写分数').int('分数应为整数').min(0, '分数不低于0').max(100, '分数不超过100');

export const midtermReviewInputSchema = z.object({ hostFeedback: requiredText(2, 3000, '单位评价'), score: scoreSchema });
export type MidtermReviewInput = z.infer<typeof midtermReviewInputSchema>;

export const finalReviewInputSchema = midtermReviewInputSchema.extend({ result: z.enum(REVIEW_RESULTS, '请选择考核结果') });
export type FinalReviewInput = z.infer<typeof finalReviewInputSchema>;

// ---- Responses --------------------------------------------------------------------------------------------------

export const placementLogSchema = z.object({
  id: z.number().int(),
  weekStart: z.string(),
  content: z.string(),
  nextPlan: z.string().nullable(),
  mentorComment: z.string().nullable(),
  commentedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type PlacementLog = z.infer<typeof placementLogSchema>;

export const placementReviewSchema = z.object({
  kind: z.enum(REVIEW_KINDS),
  hostFeedback: z.string().nullable(),
  score: z.number().nullable(),
  result: reviewResultSchema.nullable(),
  /** Final only: 学时 credited to the training file. */
  hours: z.number().nullable(),
  updatedAt: z.string(),
});
export type PlacementReview = z.infer<typeof placementReviewSchema>;

const hostUnitBriefSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  city: z.string().nullable(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  mentorName: z.string().nullable(),
});

const placementCoreSchema = z.object({
  id: z.number().int(),
  programId: z.number().int(),
  programName: z.string(),
  hostUnit: hostUnitBriefSchema,
  post: z.object({ id: z.number().int(), title: z.string(), mentorName: z.string().nullable() }),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  status: placementStatusSchema,
  remoteCheckin: z.object({ at: z.string().nullable(), contacted: z.boolean(), firstTasks: z.string().nullable() }),
  logs: z.array(placementLogSchema),
  reviews: z.array(placementReviewSchema),
  /** Mondays the cadre may file a log for today (inside the period, not in the future), newest first. */
  loggableWeeks: z.array(z.string()),
});

/** What the trainee sees: their placement, and why they got it. */
export const myPlacementSchema = placementCoreSchema.extend({ choice: z.number().int().nullable(), explanation: z.string().nullable() });
export type MyPlacement = z.infer<typeof myPlacementSchema>;

/** What a host contact may know of a cadre: never the ID number or mobile. */
export const placedCadreSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  gender: genderSchema.nullable(),
  age: z.number().int().nullable(),
  homeUnit: z.string(),
  position: z.string().nullable(),
  specialties: z.array(z.string()),
});
export type PlacedCadre = z.infer<typeof placedCadreSchema>;

export const hostPlacementDetailSchema = placementCoreSchema.extend({ cadre: placedCadreSchema });
export type HostPlacementDetail = z.infer<typeof hostPlacementDetailSchema>;

/** One row of a follow-up table (host list and organizer overview). */
export const practicumRowSchema = z.object({
  id: z.number().int(),
  programId: z.number().int(),
  programName: z.string(),
  cadre: placedCadreSchema,
  hostUnitName: z.string(),
  postTitle: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  status: placementStatusSchema,
  remoteCheckinDone: z.boolean(),
  logsSubmitted: z.number().int(),
  /** Weeks of the placement begun so far (up to today or the end date). */
  logsExpected: z.number().int(),
  lastLogWeek: z.string().nullable(),
  lastLogAt: z.string().nullable(),
  /** Elapsed weeks with no log, oldest first. */
  missingWeeks: z.array(z.string()),
  commentsGiven: z.number().int(),
  uncommentedLogs: z.number().int(),
  midterm: z.object({ done: z.boolean(), score: z.number().nullable() }),
  final: z.object({ done: z.boolean(), score: z.number().nullable(), result: reviewResultSchema.nullable(), hours: z.number().nullable() }),
  /** No log for the last 2 elapsed weeks or more (the placement has run ≥ 2 weeks). */
  flagNoRecentLog: z.boolean(),
});
export type PracticumRow = z.infer<typeof practicumRowSchema>;

export const practicumOverviewSchema = z.object({
  programId: z.number().int(),
  rows: z.array(practicumRowSchema),
  /** Logs filed per week (Monday) across the program's placements, for the chart. */
  logsPerWeek: z.array(z.object({ weekStart: z.string(), logs: z.number().int(), placements: z.number().int() })),
});
export type PracticumOverview = z.infer<typeof practicumOverviewSchema>;
