// 课题过程管控：节点、提交版本、评审打分、外挂团队 (issue 5). Request/response schemas of the milestones module.
import { z } from 'zod';
import { externalKindSchema, milestoneKindSchema, MILESTONE_STATUSES, TOPIC_STATUSES, type MilestoneKind } from '../domain.ts';
import { isoDateSchema, nullableText, requiredText } from './common.ts';

/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const MILESTONES_AUDIT_ACTIONS = {
  'milestone.plan': { zh: '制定课题过程节点', en: 'Plan topic milestones' },
  'milestone.update': { zh: '修改课题节点', en: 'Edit milestone' },
  'milestone.submit': { zh: '提交节点材料', en: 'Submit milestone document' },
  'milestone.reviewers': { zh: '设置评审专家', en: 'Set review panel' },
  'milestone.score': { zh: '评审打分', en: 'Score milestone' },
  'milestone.decide': { zh: '节点评审结论', en: 'Decide milestone' },
  'external_member.attach': { zh: '添加外挂团队成员', en: 'Attach external member' },
  'external_member.detach': { zh: '移除外挂团队成员', en: 'Detach external member' },
  'topic_comment.create': { zh: '发表课题意见', en: 'Comment on topic' },
} as const;

// ---- Rubric -------------------------------------------------------------------------------------------------------

export const milestoneRubricItemSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,29}$/, '评分项代码为小写字母开头的字母、数字或下划线'),
  label: requiredText(1, 30, '评分项名称'),
  max: z.number('请填写满分').int('满分应为整数').min(1, '满分不低于1').max(100, '满分不超过100'),
});
export type MilestoneRubricItem = z.infer<typeof milestoneRubricItemSchema>;
/** Keys must be unique; the service names the duplicate (`rubric.N.key`). */
export const milestoneRubricSchema = z.array(milestoneRubricItemSchema).max(20, '评分项不超过20个');

/** The default defence rubric (答辩评分表): 100 points. */
export const DEFAULT_DEFENCE_RUBRIC: MilestoneRubricItem[] = [
  { key: 'problem', label: '问题导向', max: 20 },
  { key: 'research', label: '调研深度', max: 25 },
  { key: 'feasibility', label: '对策可行性', max: 30 },
  { key: 'prospect', label: '成果转化前景', max: 15 },
  { key: 'presentation', label: '表达呈现', max: 10 },
];

/** The default plan: kinds in order with their usual titles; the three reviews get the defence rubric, the plan none. */
export const DEFAULT_MILESTONES: { kind: MilestoneKind; title: string }[] = [
  { kind: 'plan', title: '研究计划' },
  { kind: 'opening', title: '开题评审' },
  { kind: 'midterm', title: '中期答辩' },
  { kind: 'final', title: '结题答辩' },
];

// ---- Params -------------------------------------------------------------------------------------------------------

const id = z.coerce.number().int().positive();
export const topicProcessParamSchema = z.object({ topicId: id });
export const milestoneParamSchema = z.object({ topicId: id, milestoneId: id });
export const milestoneSubmissionParamSchema = z.object({ topicId: id, milestoneId: id, submissionId: id });
export const milestoneScoreSheetParamSchema = z.object({ topicId: id, kind: milestoneKindSchema });
export const programScoreSheetParamSchema = z.object({ id, kind: milestoneKindSchema });
export const externalMemberParamSchema = z.object({ topicId: id, id });

// ---- Inputs -------------------------------------------------------------------------------------------------------

export const milestonePlanItemSchema = z.object({
  kind: milestoneKindSchema,
  title: requiredText(1, 200, '节点名称'),
  dueDate: isoDateSchema,
  rubric: milestoneRubricSchema.optional(),
});
/** Kinds unique, due dates strictly in plan order (plan → opening → midterm → final); the service names `milestones.N.dueDate`. */
export const milestonePlanInputSchema = z.object({ milestones: z.array(milestonePlanItemSchema).min(1, '至少一个节点').max(4) });
export type MilestonePlanInput = z.infer<typeof milestonePlanInputSchema>;

export const milestonePatchSchema = z
  .object({ title: requiredText(1, 200, '节点名称'), dueDate: isoDateSchema, rubric: milestoneRubricSchema })
  .partial()
  .refine((v) => Object.keys(v).length > 0, '没有要修改的内容');
export type MilestonePatch = z.infer<typeof milestonePatchSchema>;

export const milestoneReviewersInputSchema = z.object({ userIds: z.array(id).max(30, '评审专家不超过30人') });
export type MilestoneReviewersInput = z.infer<typeof milestoneReviewersInputSchema>;

/** Criterion scores by key; each is checked against the rubric by the service (`scores.<key>`). */
export const milestoneScoreInputSchema = z.object({
  scores: z.record(z.string().max(30), z.number('请填写分数')),
  comment: nullableText(2000, '评语'),
});
export type MilestoneScoreInput = z.infer<typeof milestoneScoreInputSchema>;

export const MILESTONE_DECISIONS = ['pass', 'revise'] as const;
export const milestoneDecisionSchema = z.object({ result: z.enum(MILESTONE_DECISIONS, '请选择评审结论'), note: nullableText(2000, '意见') });
export type MilestoneDecision = z.infer<typeof milestoneDecisionSchema>;

export const externalMemberInputSchema = z.object({
  kind: externalKindSchema,
  name: requiredText(1, 100, '姓名/名称'),
  organization: nullableText(200, '单位'),
  contact: nullableText(100, '联系方式'),
  /** Link an existing external_expert account … */
  userId: id.nullable().optional(),
  /** … or create one (the users module's password policy applies). */
  account: z
    .object({
      username: z
        .string()
        .trim()
        .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名以字母开头，3–32位字母、数字、下划线、点或连字符'),
      displayName: requiredText(1, 50, '姓名'),
      password: z.string().min(1, '请输入初始密码').max(256),
    })
    .nullable()
    .optional(),
});
export type ExternalMemberInput = z.infer<typeof externalMemberInputSchema>;

export const topicCommentInputSchema = z.object({ body: requiredText(1, 2000, '意见'), milestoneId: id.nullable().optional() });
export type TopicCommentInput = z.infer<typeof topicCommentInputSchema>;

// ---- Views --------------------------------------------------------------------------------------------------------

const userRef = z.object({ id: z.number(), name: z.string() });

export const milestoneSubmissionSchema = z.object({
  id: z.number(),
  version: z.number(),
  fileName: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  note: z.string().nullable(),
  submittedBy: userRef.nullable(),
  createdAt: z.string(),
});
export type MilestoneSubmission = z.infer<typeof milestoneSubmissionSchema>;

export const milestoneScoreSchema = z.object({
  reviewer: userRef,
  scores: z.record(z.string(), z.number()),
  total: z.number(),
  comment: z.string().nullable(),
  updatedAt: z.string(),
});
export type MilestoneScore = z.infer<typeof milestoneScoreSchema>;

export const milestoneViewSchema = z.object({
  id: z.number(),
  kind: milestoneKindSchema,
  title: z.string(),
  dueDate: z.string(),
  status: z.enum(MILESTONE_STATUSES),
  overdue: z.boolean(),
  rubric: z.array(milestoneRubricItemSchema),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  submissions: z.array(milestoneSubmissionSchema),
  reviewers: z.array(userRef.extend({ hasScored: z.boolean() })),
  /** Organizers see every score; a reviewer sees their own; others none. */
  scores: z.array(milestoneScoreSchema),
  /** Averages over the scores shown (null without scores). */
  averageTotal: z.number().nullable(),
  averageByCriterion: z.record(z.string(), z.number()),
  /** The viewer is on this milestone's panel and it is open for scoring. */
  canScore: z.boolean(),
});
export type MilestoneView = z.infer<typeof milestoneViewSchema>;

export const processTaskForceMemberSchema = z.object({ id: z.number(), name: z.string(), role: z.string(), cadreId: z.number().nullable() });

export const topicProcessSchema = z.object({
  topic: z.object({
    id: z.number(),
    title: z.string(),
    code: z.string().nullable(),
    status: z.enum(TOPIC_STATUSES),
    goals: z.string().nullable(),
    program: z.object({ id: z.number(), name: z.string() }),
    keyProblem: z.string().nullable(),
    ownerOrg: z.string().nullable(),
    taskForce: z.array(processTaskForceMemberSchema),
  }),
  viewer: z.object({
    as: z.enum(['organizer', 'member', 'external']),
    canManage: z.boolean(),
    canSubmit: z.boolean(),
  }),
  milestones: z.array(milestoneViewSchema),
});
export type TopicProcess = z.infer<typeof topicProcessSchema>;

export const reviewerCandidateSchema = z.object({ id: z.number(), name: z.string(), role: z.string(), orgName: z.string() });
export type ReviewerCandidate = z.infer<typeof reviewerCandidateSchema>;

export const milestoneOverviewRowSchema = z.object({
  topicId: z.number(),
  topicTitle: z.string(),
  programId: z.number(),
  programName: z.string(),
  milestoneId: z.number(),
  kind: milestoneKindSchema,
  title: z.string(),
  dueDate: z.string(),
  status: z.enum(MILESTONE_STATUSES),
  overdue: z.boolean(),
});
export type MilestoneOverviewRow = z.infer<typeof milestoneOverviewRowSchema>;

const statusCounts = z.object({ pending: z.number(), submitted: z.number(), passed: z.number(), revise: z.number(), overdue: z.number() });
export const programMilestonesSchema = z.object({
  counts: statusCounts,
  topics: z.array(
    z.object({
      topicId: z.number(),
      title: z.string(),
      status: z.enum(TOPIC_STATUSES),
      overdueCount: z.number(),
      milestones: z.array(milestoneOverviewRowSchema),
    }),
  ),
});
export type ProgramMilestones = z.infer<typeof programMilestonesSchema>;

export const externalMemberViewSchema = z.object({
  id: z.number(),
  kind: externalKindSchema,
  name: z.string(),
  organization: z.string().nullable(),
  contact: z.string().nullable(),
  account: z.object({ id: z.number(), username: z.string() }).nullable(),
  createdAt: z.string(),
});
export type ExternalMemberView = z.infer<typeof externalMemberViewSchema>;

export const topicCommentSchema = z.object({
  id: z.number(),
  body: z.string(),
  milestoneId: z.number().nullable(),
  author: userRef.extend({ role: z.string() }),
  createdAt: z.string(),
});
export type TopicComment = z.infer<typeof topicCommentSchema>;

export const externalContributionsSchema = z.object({
  member: externalMemberViewSchema,
  comments: z.array(topicCommentSchema),
  scores: z.array(milestoneScoreSchema.extend({ milestoneId: z.number(), milestoneTitle: z.string() })),
});
export type ExternalContributions = z.infer<typeof externalContributionsSchema>;

export const externalTopicSchema = z.object({
  id: z.number(),
  title: z.string(),
  status: z.enum(TOPIC_STATUSES),
  programName: z.string(),
  memberKind: externalKindSchema,
  nextMilestone: z.object({ title: z.string(), dueDate: z.string(), status: z.enum(MILESTONE_STATUSES) }).nullable(),
  pendingScores: z.number(),
});
export type ExternalTopic = z.infer<typeof externalTopicSchema>;
