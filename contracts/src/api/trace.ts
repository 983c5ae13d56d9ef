// 成果溯源与转化漏斗 (issue 5). Request/response schemas of the trace module: the backward chain of one recommendation
// (建议 → 报告 → 课题 → 重点问题 → 原始问题), the forward tree of a question or key problem, and the results funnel of
// one program or of every program in the caller's subtree.
import { z } from 'zod';
import { KEY_PROBLEM_KINDS, RECOMMENDATION_SOURCES, RECOMMENDATION_STATUSES, REPORT_STATUSES, TOPIC_STATUSES } from '../domain.ts';

/** Audit actions this module records (merged into AUDIT_ACTIONS). Tracing only reads, so there are none. */
export const TRACE_AUDIT_ACTIONS = {} as const;

/** Longest dashboard window, in months (five years). */
export const FUNNEL_MAX_MONTHS = 60;

// ---- Params and queries -----------------------------------------------------------------------------------------

/** `from`/`to` are YYYY-MM; the service checks format, order and span so one 400 names every bad field. */
export const funnelQuerySchema = z.object({
  from: z.string().max(20).optional(),
  to: z.string().max(20).optional(),
  programId: z.coerce.number().int().positive().optional(),
});
export type FunnelQuery = z.infer<typeof funnelQuerySchema>;

// ---- Chain pieces -----------------------------------------------------------------------------------------------

export const traceQuestionSchema = z.object({
  id: z.number(),
  text: z.string(),
  field: z.string().nullable(),
  source: z.string(),
  /** Cadre, user or free-text submitter, whichever stands behind the question. */
  submitterName: z.string().nullable(),
  homeOrgName: z.string().nullable(),
  createdAt: z.string(),
});
export type TraceQuestion = z.infer<typeof traceQuestionSchema>;

export const traceListVersionSchema = z.object({ id: z.number(), version: z.string(), title: z.string(), publishedAt: z.string() });
export type TraceListVersion = z.infer<typeof traceListVersionSchema>;

export const traceKeyProblemSchema = z.object({
  id: z.number(),
  title: z.string(),
  kind: z.enum(KEY_PROBLEM_KINDS).nullable(),
  status: z.string(),
  /** Published list versions whose snapshot holds this item, oldest first. */
  versions: z.array(traceListVersionSchema),
});
export type TraceKeyProblem = z.infer<typeof traceKeyProblemSchema>;

export const traceTopicSchema = z.object({
  id: z.number(),
  code: z.string().nullable(),
  title: z.string(),
  status: z.enum(TOPIC_STATUSES),
  leadName: z.string().nullable(),
  ownerOrgName: z.string().nullable(),
});
export type TraceTopic = z.infer<typeof traceTopicSchema>;

export const traceReportSchema = z.object({
  id: z.number(),
  title: z.string(),
  status: z.enum(REPORT_STATUSES),
  authors: z.array(z.string()),
  submittedAt: z.string().nullable(),
});
export type TraceReport = z.infer<typeof traceReportSchema>;

export const traceUpdateSchema = z.object({
  id: z.number(),
  fromStatus: z.enum(RECOMMENDATION_STATUSES).nullable(),
  toStatus: z.enum(RECOMMENDATION_STATUSES),
  note: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type TraceUpdate = z.infer<typeof traceUpdateSchema>;

export const traceEvidenceSchema = z.object({
  id: z.number(),
  updateId: z.number().nullable(),
  kind: z.enum(['document', 'figure']),
  label: z.string(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  fileName: z.string().nullable(),
  createdAt: z.string(),
});
export type TraceEvidence = z.infer<typeof traceEvidenceSchema>;

/** A recommendation as a leaf of the forward tree and a row of the program list. */
export const traceRecommendationSummarySchema = z.object({
  id: z.number(),
  title: z.string(),
  source: z.enum(RECOMMENDATION_SOURCES),
  status: z.enum(RECOMMENDATION_STATUSES),
  ownerName: z.string().nullable(),
  deadline: z.string().nullable(),
  landedAt: z.string().nullable(),
  /** Deadline before today (Beijing) and neither landed nor rejected. */
  overdue: z.boolean(),
});
export type TraceRecommendationSummary = z.infer<typeof traceRecommendationSummarySchema>;

export const traceRecommendationSchema = traceRecommendationSummarySchema.extend({
  content: z.string().nullable(),
  expectedEffect: z.string().nullable(),
  rejectReason: z.string().nullable(),
  createdAt: z.string(),
  updates: z.array(traceUpdateSchema),
  evidence: z.array(traceEvidenceSchema),
});
export type TraceRecommendation = z.infer<typeof traceRecommendationSchema>;

export const traceReflectionSchema = z.object({
  id: z.number(),
  title: z.string(),
  authorName: z.string().nullable(),
  actionItem: z.string().nullable(),
});
export type TraceReflection = z.infer<typeof traceReflectionSchema>;

export const traceProgramRefSchema = z.object({ id: z.number(), name: z.string() });

/** Backward chain of one recommendation; a missing link is null (manual recommendation, free topic …). */
export const recommendationTraceSchema = z.object({
  program: traceProgramRefSchema,
  recommendation: traceRecommendationSchema,
  report: traceReportSchema.nullable(),
  topic: traceTopicSchema.nullable(),
  keyProblem: traceKeyProblemSchema.nullable(),
  questions: z.array(traceQuestionSchema),
  reflection: traceReflectionSchema.nullable(),
});
export type RecommendationTrace = z.infer<typeof recommendationTraceSchema>;

// ---- Forward tree -----------------------------------------------------------------------------------------------

export const traceReportNodeSchema = traceReportSchema.extend({ recommendations: z.array(traceRecommendationSummarySchema) });
export const traceTopicNodeSchema = traceTopicSchema.extend({
  reports: z.array(traceReportNodeSchema),
  /** Recommendations drawn straight from the topic (no report). */
  recommendations: z.array(traceRecommendationSummarySchema),
});
export type TraceTopicNode = z.infer<typeof traceTopicNodeSchema>;
export const traceKeyProblemNodeSchema = traceKeyProblemSchema.extend({
  questions: z.array(traceQuestionSchema),
  topics: z.array(traceTopicNodeSchema),
});
export type TraceKeyProblemNode = z.infer<typeof traceKeyProblemNodeSchema>;

export const keyProblemTraceSchema = z.object({ program: traceProgramRefSchema, keyProblem: traceKeyProblemNodeSchema });
export type KeyProblemTrace = z.infer<typeof keyProblemTraceSchema>;

export const questionTraceSchema = z.object({
  program: traceProgramRefSchema,
  question: traceQuestionSchema,
  keyProblems: z.array(traceKeyProblemNodeSchema),
});
export type QuestionTrace = z.infer<typeof questionTraceSchema>;

// ---- Funnel -----------------------------------------------------------------------------------------------------

export const FUNNEL_STAGES = ['questions', 'keyProblems', 'topics', 'reports', 'recommendations', 'landed'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const funnelCountsSchema = z.object({
  questions: z.number(),
  /** Items of the latest published list version, or the active working list when none is published. */
  keyProblems: z.number(),
  fixed: z.number(),
  open: z.number(),
  /** Whether `keyProblems` counts a published version (its label) or the working list (null). */
  listVersion: z.string().nullable(),
  topics: z.number(),
  /** Submitted reports. */
  reports: z.number(),
  recommendations: z.number(),
  landed: z.number(),
  /** Accepted or in progress (落实中). */
  inProgress: z.number(),
  rejected: z.number(),
  overdue: z.number(),
  /** landed / recommendations, 0–1; null when there are none. */
  landingRate: z.number().nullable(),
});
export type FunnelCounts = z.infer<typeof funnelCountsSchema>;

export const programFunnelSchema = z.object({
  programId: z.number(),
  programName: z.string(),
  funnel: funnelCountsSchema,
  recommendations: z.array(traceRecommendationSummarySchema),
});
export type ProgramFunnel = z.infer<typeof programFunnelSchema>;

export const funnelMonthSchema = z.object({
  month: z.string(),
  questions: z.number(),
  topics: z.number(),
  reports: z.number(),
  recommendations: z.number(),
  landed: z.number(),
});
export type FunnelMonth = z.infer<typeof funnelMonthSchema>;

export const funnelDashboardSchema = z.object({
  from: z.string(),
  to: z.string(),
  programs: z.array(z.object({ programId: z.number(), programName: z.string(), programStatus: z.string(), funnel: funnelCountsSchema })),
  totals: funnelCountsSchema,
  months: z.array(funnelMonthSchema),
});
export type FunnelDashboard = z.infer<typeof funnelDashboardSchema>;
