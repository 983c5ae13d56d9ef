// Feedback (issue 3): session ratings and evaluation reports, end-of-program questionnaires, reflections with action
// items, and the good-practice library — request/response schemas and audit actions of the feedback module.
import { z } from 'zod';
import { programStatusSchema, sessionTypeSchema } from '../domain.ts';
import { isoDateSchema, pageQuerySchema } from './common.ts';

/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const FEEDBACK_AUDIT_ACTIONS = {
  'rating.create': { zh: '评价课程', en: 'Rate a session' },
  'questionnaire_template.create': { zh: '新建问卷模板', en: 'Create questionnaire template' },
  'questionnaire_template.update': { zh: '修改问卷模板', en: 'Edit questionnaire template' },
  'questionnaire_template.delete': { zh: '删除问卷模板', en: 'Delete questionnaire template' },
  'program.questionnaire': { zh: '设置结业问卷', en: 'Set program questionnaire' },
  'questionnaire.submit': { zh: '提交结业问卷', en: 'Submit questionnaire' },
  'reflection.create': { zh: '提交心得体会', en: 'Submit reflection' },
  'reflection.update': { zh: '修改心得体会', en: 'Edit reflection' },
  'action_item.status': { zh: '更新行动事项状态', en: 'Update action item status' },
  'practice.create': { zh: '新增经验做法', en: 'Add good practice' },
  'practice.update': { zh: '修改经验做法', en: 'Edit good practice' },
  'practice.delete': { zh: '删除经验做法', en: 'Delete good practice' },
} as const;

/**
 * Anonymity threshold: averages, distributions and comments of a group (a session, an instructor, a venue, a
 * questionnaire) with fewer ratings than this are reported as "too few to show", so no single answer can be read off.
 */
export const MIN_RATINGS_TO_SHOW = 3;

const score = z.number().int('请给 1–5 的整数分').min(1, '最低 1 分').max(5, '最高 5 分');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

// ---- Session ratings -------------------------------------------------------------------------------------------

export const sessionRatingInputSchema = z.object({
  sessionId: z.number().int().positive(),
  content: score,
  delivery: score,
  usefulness: score,
  comment: optionalText(1000),
});
export type SessionRatingInput = z.infer<typeof sessionRatingInputSchema>;

export const sessionRatingSchema = z.object({
  id: z.number().int(),
  sessionId: z.number().int(),
  content: z.number().int(),
  delivery: z.number().int(),
  usefulness: z.number().int(),
  comment: z.string().nullable(),
  createdAt: z.string(),
});
export type SessionRating = z.infer<typeof sessionRatingSchema>;

/** A session the trainee attended (it is for them and has ended) and has not rated yet. */
export const pendingRatingSchema = z.object({
  sessionId: z.number().int(),
  programId: z.number().int(),
  programName: z.string(),
  title: z.string(),
  type: sessionTypeSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  venueName: z.string().nullable(),
  instructorNames: z.array(z.string()),
});
export type PendingRating = z.infer<typeof pendingRatingSchema>;

export const dimensionAveragesSchema = z.object({
  content: z.number(),
  delivery: z.number(),
  usefulness: z.number(),
  /** Mean of the three dimensions. */
  overall: z.number(),
});
export type DimensionAverages = z.infer<typeof dimensionAveragesSchema>;

/** How many rated, and the averages — null when fewer than MIN_RATINGS_TO_SHOW (too few to show). */
export const ratingSummarySchema = z.object({ n: z.number().int(), tooFew: z.boolean(), averages: dimensionAveragesSchema.nullable() });
export type RatingSummary = z.infer<typeof ratingSummarySchema>;

export const sessionEvaluationSchema = ratingSummarySchema.extend({
  sessionId: z.number().int(),
  title: z.string(),
  type: sessionTypeSchema,
  startsAt: z.string(),
  venueName: z.string().nullable(),
  instructorNames: z.array(z.string()),
  /** Comments without names, in text order (not time order); empty while the session has too few ratings. */
  comments: z.array(z.string()),
});
export const instructorEvaluationSchema = ratingSummarySchema.extend({
  instructorId: z.number().int(),
  name: z.string(),
  title: z.string().nullable(),
  unit: z.string().nullable(),
  sessions: z.number().int(),
});
export const venueEvaluationSchema = ratingSummarySchema.extend({
  venueId: z.number().int(),
  name: z.string(),
  address: z.string().nullable(),
  sessions: z.number().int(),
});
export const programEvaluationSchema = z.object({
  programId: z.number().int(),
  minRatingsToShow: z.number().int(),
  overall: ratingSummarySchema,
  sessions: z.array(sessionEvaluationSchema),
  instructors: z.array(instructorEvaluationSchema),
  venues: z.array(venueEvaluationSchema),
});
export type SessionEvaluation = z.infer<typeof sessionEvaluationSchema>;
export type InstructorEvaluation = z.infer<typeof instructorEvaluationSchema>;
export type VenueEvaluation = z.infer<typeof venueEvaluationSchema>;
export type ProgramEvaluation = z.infer<typeof programEvaluationSchema>;

// ---- Questionnaires ---------------------------------------------------------------------------------------------

export const QUESTION_TYPES = ['rating', 'single', 'multi', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const questionSchema = z
  .object({
    id: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, '题目编号只能用字母、数字、- 和 _（最多 40 位）'),
    type: z.enum(QUESTION_TYPES),
    title: z.string().trim().min(1, '请填写题目').max(200),
    options: z.array(z.string().trim().min(1, '选项不能为空').max(100)).max(20).optional(),
    required: z.boolean().default(true),
  })
  .superRefine((q, ctx) => {
    const choice = q.type === 'single' || q.type === 'multi';
    if (choice && (!q.options || q.options.length < 2)) ctx.addIssue({ code: 'custom', path: ['options'], message: '选择题至少需要两个选项' });
    if (choice && q.options && new Set(q.options).size !== q.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: '选项不能重复' });
    if (!choice && q.options !== undefined && q.options.length > 0) ctx.addIssue({ code: 'custom', path: ['options'], message: '只有选择题有选项' });
  });
export type Question = z.output<typeof questionSchema>;

export const questionListSchema = z
  .array(questionSchema)
  .min(1, '至少需要一道题')
  .max(50, '最多 50 道题')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: '题目编号重复' });
      seen.add(q.id);
    });
  });

export const questionnaireTemplateInputSchema = z.object({
  /** Owning org; defaults to the caller's own node. */
  orgId: z.number().int().positive().optional(),
  name: z.string().trim().min(1, '请填写问卷名称').max(200),
  questions: questionListSchema,
});
export type QuestionnaireTemplateInput = z.infer<typeof questionnaireTemplateInputSchema>;
export const questionnaireTemplatePatchSchema = z.object({ name: z.string().trim().min(1).max(200).optional(), questions: questionListSchema.optional() });
export type QuestionnaireTemplatePatch = z.infer<typeof questionnaireTemplatePatchSchema>;

export const questionnaireTemplateSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  questions: z.array(questionSchema),
  /** Responses collected with it (questions are frozen once there are any). */
  responseCount: z.number().int(),
  /** False for a template of an ancestor org: usable, not editable here. */
  canEdit: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type QuestionnaireTemplate = z.infer<typeof questionnaireTemplateSchema>;

/** The built-in 结业问卷 offered when an org has no template of its own. */
export const builtInQuestionnaireSchema = z.object({ name: z.string(), questions: z.array(questionSchema) });
export const questionnaireTemplateListSchema = z.object({ items: z.array(questionnaireTemplateSchema), builtIn: builtInQuestionnaireSchema });
export type QuestionnaireTemplateList = z.infer<typeof questionnaireTemplateListSchema>;

/** Which questionnaire a program uses: a template id, or null to fall back to the built-in default. */
export const programQuestionnaireInputSchema = z.object({ templateId: z.number().int().positive().nullable() });
export const programQuestionnaireSchema = z.object({
  programId: z.number().int(),
  /** null: the built-in default (a copy is saved for the organizer when the first answer arrives). */
  templateId: z.number().int().nullable(),
  name: z.string(),
  questions: z.array(questionSchema),
  responseCount: z.number().int(),
});
export type ProgramQuestionnaire = z.infer<typeof programQuestionnaireSchema>;

export const answerValueSchema = z.union([z.number(), z.string(), z.array(z.string())]);
export const questionnaireAnswersSchema = z.object({ answers: z.record(z.string(), answerValueSchema) });
export type QuestionnaireAnswers = z.infer<typeof questionnaireAnswersSchema>;

export const myQuestionnaireSchema = z.object({
  programId: z.number().int(),
  programName: z.string(),
  programStatus: programStatusSchema,
  name: z.string(),
  questions: z.array(questionSchema),
  submittedAt: z.string().nullable(),
});
export type MyQuestionnaire = z.infer<typeof myQuestionnaireSchema>;

export const questionResultSchema = z.object({
  id: z.string(),
  type: z.enum(QUESTION_TYPES),
  title: z.string(),
  /** Respondents who answered this question. */
  answered: z.number().int(),
  /** rating: mean score; otherwise null. */
  average: z.number().nullable(),
  /** rating: counts of 1…5; single/multi: counts per option (in option order); text: empty. */
  distribution: z.array(z.object({ value: z.string(), count: z.number().int() })),
  /** text: the answers without names, in text order. */
  texts: z.array(z.string()),
});
export const questionnaireResultsSchema = z.object({
  programId: z.number().int(),
  templateId: z.number().int().nullable(),
  name: z.string(),
  responses: z.number().int(),
  minRatingsToShow: z.number().int(),
  tooFew: z.boolean(),
  /** Empty while there are too few responses. */
  questions: z.array(questionResultSchema),
});
export type QuestionResult = z.infer<typeof questionResultSchema>;
export type QuestionnaireResults = z.infer<typeof questionnaireResultsSchema>;

// ---- Reflections and action items --------------------------------------------------------------------------------

export const ACTION_ITEM_STATUSES = ['planned', 'in_progress', 'done'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];
export const ACTION_ITEM_STATUS_LABELS: Record<ActionItemStatus, { zh: string; en: string }> = {
  planned: { zh: '计划中', en: 'Planned' },
  in_progress: { zh: '推进中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
};

export const actionItemInputSchema = z.object({
  /** An existing item keeps its status; items left out of a PATCH are removed. */
  id: z.number().int().positive().optional(),
  content: z.string().trim().min(1, '请填写要做的事').max(500),
  owner: z.string().trim().min(1, '请填写责任人').max(100),
  deadline: isoDateSchema.nullish(),
});
export const reflectionInputSchema = z.object({
  programId: z.number({ error: '请选择培训项目' }).int().positive(),
  title: z.string().trim().min(1, '请填写标题').max(200),
  learned: z.string().trim().min(1, '请填写学到了什么').max(5000),
  body: optionalText(20000),
  actionItems: z.array(actionItemInputSchema).max(30).default([]),
});
export type ReflectionInput = z.infer<typeof reflectionInputSchema>;
export const reflectionPatchSchema = reflectionInputSchema.omit({ programId: true }).partial();
export type ReflectionPatch = z.infer<typeof reflectionPatchSchema>;

export const actionItemSchema = z.object({
  id: z.number().int(),
  content: z.string(),
  owner: z.string(),
  deadline: z.string().nullable(),
  status: z.enum(ACTION_ITEM_STATUSES),
  updatedAt: z.string(),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

export const reflectionSchema = z.object({
  id: z.number().int(),
  programId: z.number().int(),
  programName: z.string(),
  /** Reflections are signed, not anonymous. */
  cadre: z.object({ id: z.number().int(), name: z.string(), orgName: z.string(), position: z.string().nullable() }),
  title: z.string(),
  learned: z.string(),
  body: z.string().nullable(),
  actionItems: z.array(actionItemSchema),
  /** Good practices already taken from this reflection. */
  practiceIds: z.array(z.number().int()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Reflection = z.infer<typeof reflectionSchema>;

/** Reflections of a program, optionally only those containing every jieba term of `q`. */
export const programReflectionsQuerySchema = z.object({ q: z.string().trim().max(200).optional() });

export const actionItemStatusInputSchema = z.object({ status: z.enum(ACTION_ITEM_STATUSES) });

// ---- Good practices ----------------------------------------------------------------------------------------------

const tag = z.string().trim().min(1).max(30);
export const practiceInputSchema = z.object({
  /** Owning org; defaults to the caller's own node. The org's whole subtree sees the practice. */
  orgId: z.number().int().positive().optional(),
  title: z.string().trim().min(1, '请填写标题').max(200),
  summary: z.string().trim().min(1, '请填写做法摘要').max(2000),
  body: optionalText(20000),
  fields: z
    .array(tag)
    .max(10)
    .default([])
    .transform((v) => [...new Set(v)]),
  sourceCity: optionalText(100),
  /** Taken from a trainee's reflection (its program is linked too). */
  reflectionId: z.number().int().positive().optional(),
  programId: z.number().int().positive().optional(),
});
export type PracticeInput = z.infer<typeof practiceInputSchema>;
export const practicePatchSchema = practiceInputSchema.omit({ orgId: true, reflectionId: true, programId: true }).partial();
export type PracticePatch = z.infer<typeof practicePatchSchema>;

export const practiceQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  field: z.string().trim().max(30).optional(),
  city: z.string().trim().max(100).optional(),
});
export type PracticeQuery = z.infer<typeof practiceQuerySchema>;

/** A run of text, marked when it is a search hit (the web wraps hits in <mark>). */
export const textSegmentSchema = z.object({ text: z.string(), hit: z.boolean() });
export type TextSegment = z.infer<typeof textSegmentSchema>;

export const practiceSchema = z.object({
  id: z.number().int(),
  org: z.object({ id: z.number().int(), name: z.string() }),
  title: z.string(),
  summary: z.string(),
  body: z.string().nullable(),
  fields: z.array(z.string()),
  sourceCity: z.string().nullable(),
  program: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  reflectionId: z.number().int().nullable(),
  canEdit: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Practice = z.infer<typeof practiceSchema>;

export const practiceHitSchema = practiceSchema.extend({
  /** BM25 score; null when listing without a query. */
  score: z.number().nullable(),
  matchedTerms: z.array(z.string()),
  highlight: z.object({ title: z.array(textSegmentSchema), snippet: z.array(textSegmentSchema) }),
});
export type PracticeHit = z.infer<typeof practiceHitSchema>;

export const practiceSearchSchema = z.object({
  items: z.array(practiceHitSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The terms every result contains (the query as jieba segmented it). */
  terms: z.array(z.string()),
});
export type PracticeSearch = z.infer<typeof practiceSearchSchema>;

export const practiceFacetsSchema = z.object({
  fields: z.array(z.object({ value: z.string(), count: z.number().int() })),
  cities: z.array(z.object({ value: z.string(), count: z.number().int() })),
});
export type PracticeFacets = z.infer<typeof practiceFacetsSchema>;

export const feedbackProgramParamSchema = z.object({ programId: z.coerce.number().int().positive() });
