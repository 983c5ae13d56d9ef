// 调研报告、对策建议与成果落地跟踪 (issue 5). Request/response schemas of the results module: research reports written
// by a task force, a study group or one cadre; recommendations (对策建议) tracked by their home-side owner unit from
// proposed to landed, with updates and evidence; landing statistics and the landing ledger (成果转化台账).
import { z } from 'zod';
import { RECOMMENDATION_SOURCES, RECOMMENDATION_STATUSES, REPORT_STATUSES, recommendationStatusSchema } from '../domain.ts';
import { boolQuerySchema, isoDateSchema, nullableText, pageOf, pageQuerySchema } from './common.ts';

/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const RESULTS_AUDIT_ACTIONS = {
  'report.create': { zh: '新建调研报告', en: 'Create research report' },
  'report.update': { zh: '修改调研报告', en: 'Edit research report' },
  'report.upload': { zh: '上传调研报告文件', en: 'Upload research report file' },
  'report.submit': { zh: '提交调研报告', en: 'Submit research report' },
  'report.return': { zh: '退回调研报告', en: 'Return research report to draft' },
  'recommendation.create': { zh: '新增对策建议', en: 'Add recommendation' },
  'recommendation.update': { zh: '修改对策建议', en: 'Edit recommendation' },
  'recommendation.status': { zh: '变更落地状态', en: 'Change landing status' },
  'recommendation.progress': { zh: '报送落地进展', en: 'Report landing progress' },
  'recommendation.evidence': { zh: '添加落地佐证', en: 'Add landing evidence' },
  'recommendation.from_reflections': { zh: '从心得行动项导入建议', en: 'Import reflection action items' },
  'recommendation.remind': { zh: '发送落地到期提醒', en: 'Send landing reminders' },
} as const;

/** Report files: Word or PDF, at most this many bytes. */
export const REPORT_FILE_MAX_BYTES = 20 * 1_048_576;
export const REPORT_BODY_MAX_CHARS = 100_000;
/** A recommendation is "due soon" (reminded, shown amber) this many days before its deadline. */
export const LANDING_REMIND_DAYS = 7;

const text = (max: number, what: string) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}不超过${max}字`);
const id = z.coerce.number().int().positive();

export const reportStatusSchema = z.enum(REPORT_STATUSES);
export const recommendationSourceSchema = z.enum(RECOMMENDATION_SOURCES);

// ---- Reports ----------------------------------------------------------------------------------------------------

/** At most one of topicId / groupId / cadreId; none from a trainee means "my own" (S4), none from an organizer a program report. */
export const reportCreateSchema = z.object({
  title: text(200, '标题'),
  summary: nullableText(2000, '摘要'),
  body: nullableText(REPORT_BODY_MAX_CHARS, '正文'),
  topicId: id.nullish(),
  groupId: id.nullish(),
  cadreId: id.nullish(),
});
export type ReportCreate = z.infer<typeof reportCreateSchema>;
/** What a client sends (optional fields may be left out). */
export type ReportCreateBody = z.input<typeof reportCreateSchema>;

export const reportPatchSchema = z.object({
  title: text(200, '标题').optional(),
  summary: nullableText(2000, '摘要').optional(),
  body: nullableText(REPORT_BODY_MAX_CHARS, '正文').optional(),
});
export type ReportPatch = z.infer<typeof reportPatchSchema>;
export type ReportPatchBody = z.input<typeof reportPatchSchema>;

export const reportFilterSchema = z.object({
  topicId: id.optional(),
  groupId: id.optional(),
  cadreId: id.optional(),
  status: reportStatusSchema.optional(),
});
export type ReportFilter = z.infer<typeof reportFilterSchema>;

export const reportSchema = z.object({
  id: z.number().int(),
  programId: z.number().int(),
  programName: z.string(),
  topicId: z.number().int().nullable(),
  topicTitle: z.string().nullable(),
  groupId: z.number().int().nullable(),
  groupName: z.string().nullable(),
  cadreId: z.number().int().nullable(),
  cadreName: z.string().nullable(),
  title: z.string(),
  summary: z.string().nullable(),
  status: reportStatusSchema,
  fileName: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  authorName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  recommendationCount: z.number().int(),
  /** The viewer may edit text, upload and submit (a draft, as author or organizer). */
  canEdit: z.boolean(),
  /** The viewer may return a submitted report to draft (organizers). */
  canReturn: z.boolean(),
  /** The viewer may add recommendations to it (authors and organizers). */
  canRecommend: z.boolean(),
});
export type Report = z.infer<typeof reportSchema>;

export const reportDetailSchema = reportSchema.extend({ body: z.string().nullable() });
export type ReportDetail = z.infer<typeof reportDetailSchema>;

/** A candidate recommendation found in a report's text; the user confirms before anything is saved. */
export const recommendationCandidateSchema = z.object({ title: z.string(), content: z.string() });
export type RecommendationCandidate = z.infer<typeof recommendationCandidateSchema>;

// ---- Recommendations ----------------------------------------------------------------------------------------------

export const recommendationInputSchema = z.object({
  title: text(200, '建议标题'),
  content: nullableText(5000, '建议内容'),
  /** The home-side unit that must act: any unit inside the program organizer's subtree. */
  ownerOrgId: id,
  deadline: isoDateSchema.nullish().transform((v) => v ?? null),
  expectedEffect: nullableText(1000, '预期成效'),
  /** Only on the program route: a recommendation of a topic (source 'topic'); none = entered directly ('manual'). */
  topicId: id.nullish(),
});
export type RecommendationInput = z.infer<typeof recommendationInputSchema>;
export type RecommendationBody = z.input<typeof recommendationInputSchema>;

export const recommendationPatchSchema = recommendationInputSchema.omit({ topicId: true }).partial();
export type RecommendationPatch = z.infer<typeof recommendationPatchSchema>;

export const recommendationStatusInputSchema = z.object({
  status: recommendationStatusSchema,
  note: nullableText(2000, '说明'),
  /** Required when rejecting (the service names `reason` in the 400). */
  reason: nullableText(1000, '不予采纳的理由'),
});
export type RecommendationStatusInput = z.infer<typeof recommendationStatusInputSchema>;

export const recommendationProgressInputSchema = z.object({ note: text(2000, '进展说明') });
export type RecommendationProgressInput = z.infer<typeof recommendationProgressInputSchema>;

export const evidenceFigureInputSchema = z.object({
  label: text(100, '指标名称'),
  value: z.number().finite().min(-1e12).max(1e12),
  unit: nullableText(20, '单位'),
});
export type EvidenceFigureInput = z.infer<typeof evidenceFigureInputSchema>;
export type EvidenceFigureBody = z.input<typeof evidenceFigureInputSchema>;

export const recommendationFilterSchema = z.object({
  status: recommendationStatusSchema.optional(),
  overdue: boolQuerySchema.optional(),
  source: recommendationSourceSchema.optional(),
});
export type RecommendationFilter = z.infer<typeof recommendationFilterSchema>;

export const landingQuerySchema = pageQuerySchema.extend({
  status: recommendationStatusSchema.optional(),
  overdue: boolQuerySchema.optional(),
  programId: id.optional(),
});
export type LandingQuery = z.infer<typeof landingQuerySchema>;

export const exportFormatQuerySchema = z.object({ format: z.enum(['xlsx', 'docx']).default('xlsx') });
export const landingExportQuerySchema = exportFormatQuerySchema.extend({
  status: recommendationStatusSchema.optional(),
  overdue: boolQuerySchema.optional(),
  programId: id.optional(),
});

export const recommendationSchema = z.object({
  id: z.number().int(),
  programId: z.number().int(),
  programName: z.string(),
  source: recommendationSourceSchema,
  reportId: z.number().int().nullable(),
  reportTitle: z.string().nullable(),
  topicId: z.number().int().nullable(),
  topicTitle: z.string().nullable(),
  actionItemId: z.number().int().nullable(),
  title: z.string(),
  content: z.string().nullable(),
  ownerOrgId: z.number().int().nullable(),
  /** The owner unit's name, or the free-text owner of a reflection action item. */
  ownerName: z.string().nullable(),
  deadline: z.string().nullable(),
  expectedEffect: z.string().nullable(),
  status: recommendationStatusSchema,
  rejectReason: z.string().nullable(),
  landedAt: z.string().nullable(),
  lastUpdateAt: z.string().nullable(),
  createdAt: z.string(),
  /** Deadline passed (Beijing date) and neither landed nor rejected. */
  overdue: z.boolean(),
  evidenceCount: z.number().int(),
  /** Statuses the viewer may move it to now (empty: read-only for this viewer). */
  nextStatuses: z.array(recommendationStatusSchema),
  /** The viewer may post progress and evidence (organizer or owner unit). */
  canAct: z.boolean(),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

export const recommendationUpdateSchema = z.object({
  id: z.number().int(),
  fromStatus: recommendationStatusSchema.nullable(),
  toStatus: recommendationStatusSchema,
  note: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export const recommendationEvidenceSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['document', 'figure']),
  label: z.string(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  fileName: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  createdAt: z.string(),
});
export type RecommendationEvidence = z.infer<typeof recommendationEvidenceSchema>;

export const recommendationDetailSchema = recommendationSchema.extend({
  updates: z.array(recommendationUpdateSchema),
  evidence: z.array(recommendationEvidenceSchema),
});
export type RecommendationDetail = z.infer<typeof recommendationDetailSchema>;

export const landingPageSchema = pageOf(recommendationSchema);
export type LandingPage = z.infer<typeof landingPageSchema>;

export const landingStatsSchema = z.object({
  total: z.number().int(),
  byStatus: z.record(z.enum(RECOMMENDATION_STATUSES), z.number().int()),
  landed: z.number().int(),
  /** landed / (total − rejected); null when nothing is left to land. */
  landingRate: z.number().nullable(),
  overdue: z.number().int(),
});
export type LandingStats = z.infer<typeof landingStatsSchema>;

export const reflectionImportResultSchema = z.object({ created: z.number().int(), alreadyTracked: z.number().int() });
export type ReflectionImportResult = z.infer<typeof reflectionImportResultSchema>;
export const remindResultSchema = z.object({ count: z.number().int() });

export const evidenceParamSchema = z.object({ id, evidenceId: id });

/** A unit that may own a recommendation of a program (the organizer's subtree), for pickers. */
export const ownerUnitSchema = z.object({ id: z.number().int(), name: z.string(), depth: z.number().int() });
export type OwnerUnit = z.infer<typeof ownerUnitSchema>;

/** Where the signed-in trainee may write a report: own (S4), a study group, a task force — one entry each. */
export const reportTargetSchema = z.object({
  programId: z.number().int(),
  programName: z.string(),
  kind: z.enum(['cadre', 'group', 'topic']),
  groupId: z.number().int().nullable(),
  topicId: z.number().int().nullable(),
  /** Group or topic name; null for the cadre's own report. */
  name: z.string().nullable(),
});
export type ReportTarget = z.infer<typeof reportTargetSchema>;
