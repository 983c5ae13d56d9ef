// 研究课题：招拍挂投标、课题分配、工作专班 (issue 5). Request/response schemas of the topics module.
import { z } from 'zod';
import { BID_STATUSES, problemFieldSchema, PROGRAM_TYPES, taskForceRoleSchema, topicStatusSchema } from '../domain.ts';
import { isoDateSchema, nullableText } from './common.ts';

/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const TOPICS_AUDIT_ACTIONS = {
  'topic.create': { zh: '新建研究课题', en: 'Create research topic' },
  'topic.update': { zh: '修改研究课题', en: 'Edit research topic' },
  'topic.delete': { zh: '删除研究课题', en: 'Delete research topic' },
  'topic.status': { zh: '变更课题状态', en: 'Change topic status' },
  'topic.bids': { zh: '提交课题投标', en: 'Submit topic bids' },
  'topic.pick': { zh: '人工选定揭榜人', en: 'Pick topic winners' },
  'topic.solve': { zh: '智能分配课题', en: 'Solve topic assignment' },
  'topic.adopt': { zh: '采用课题分配方案', en: 'Adopt topic assignment' },
  'task_force.add': { zh: '添加专班成员', en: 'Add task-force member' },
  'task_force.role': { zh: '调整专班角色', en: 'Change task-force role' },
  'task_force.remove': { zh: '移除专班成员', en: 'Remove task-force member' },
} as const;

const id = z.coerce.number().int().positive();
const bodyId = z.number().int().positive();
const teamSize = (what: string) => z.number(`请填写${what}`).int(`${what}应为整数`).min(1, `${what}不少于1人`).max(50, `${what}不超过50人`);
const ref = z.object({ id: z.number().int(), name: z.string() });

// ---- Params -------------------------------------------------------------------------------------------------------

export const topicParamSchema = z.object({ topicId: id });
export const taskForceMemberParamSchema = z.object({ topicId: id, memberId: id });
export const topicListQuerySchema = z.object({ programId: id.optional(), status: topicStatusSchema.optional() });
export type TopicListQuery = z.infer<typeof topicListQuerySchema>;

// ---- Topic --------------------------------------------------------------------------------------------------------

const topicFields = {
  /** Create from a key problem of the program's list; the title defaults to the problem's title. */
  keyProblemId: bodyId.nullable().optional(),
  code: nullableText(30, '课题编号'),
  title: nullableText(200, '课题名称'),
  goals: nullableText(2000, '研究目标'),
  expectedOutputs: nullableText(2000, '预期成果'),
  field: problemFieldSchema.nullable().optional(),
  teamMin: teamSize('专班最少人数'),
  teamMax: teamSize('专班最多人数'),
  /** Home-side owner unit (承接单位). */
  ownerOrgId: bodyId.nullable().optional(),
  /** S2: the study group that claims the topic (its class is implied). */
  groupId: bodyId.nullable().optional(),
};
export const topicInputSchema = z.object({ ...topicFields, teamMin: topicFields.teamMin.default(3), teamMax: topicFields.teamMax.default(8) });
export type TopicInput = z.input<typeof topicInputSchema>;
export const topicPatchSchema = z.object(topicFields).partial();
export type TopicPatch = z.input<typeof topicPatchSchema>;

export const topicStatusInputSchema = z.object({ status: topicStatusSchema, biddingClosesOn: isoDateSchema.optional() });
export type TopicStatusInput = z.infer<typeof topicStatusInputSchema>;

export const topicSchema = z.object({
  id: z.number().int(),
  program: z.object({ id: z.number().int(), name: z.string(), type: z.enum(PROGRAM_TYPES) }),
  code: z.string().nullable(),
  title: z.string(),
  keyProblem: ref.nullable(),
  goals: z.string().nullable(),
  expectedOutputs: z.string().nullable(),
  field: problemFieldSchema.nullable(),
  teamMin: z.number().int(),
  teamMax: z.number().int(),
  ownerOrg: ref.nullable(),
  class: ref.nullable(),
  group: ref.nullable(),
  status: topicStatusSchema,
  biddingClosesOn: z.string().nullable(),
  /** Trainees in the task force (lead + members; liaisons not counted). */
  teamSize: z.number().int(),
  lead: ref.nullable(),
  /** Bids not withdrawn. */
  bidCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Topic = z.infer<typeof topicSchema>;

export const taskForceMemberSchema = z.object({
  id: z.number().int(),
  cadreId: z.number().int().nullable(),
  userId: z.number().int().nullable(),
  name: z.string(),
  org: ref.nullable(),
  role: taskForceRoleSchema,
  assignedRank: z.number().int().nullable(),
});
export type TaskForceMember = z.infer<typeof taskForceMemberSchema>;

export const topicDetailSchema = topicSchema.extend({
  members: z.array(taskForceMemberSchema),
  /** How the caller sees the topic (topicAccess). */
  access: z.object({ as: z.enum(['organizer', 'member', 'external']), canManage: z.boolean(), memberRole: taskForceRoleSchema.nullable() }),
});
export type TopicDetail = z.infer<typeof topicDetailSchema>;

// ---- Bids ---------------------------------------------------------------------------------------------------------

export const topicBidSchema = z.object({
  id: z.number().int(),
  cadreId: z.number().int(),
  cadreName: z.string(),
  orgName: z.string(),
  rank: z.number().int(),
  proposal: z.string().nullable(),
  status: z.enum(BID_STATUSES),
  createdAt: z.string(),
});
export type TopicBid = z.infer<typeof topicBidSchema>;

export const myBidsInputSchema = z.object({
  /** Ordered best first; rank = position. Replaces all my active bids in the program. */
  bids: z.array(z.object({ topicId: bodyId, proposal: nullableText(1000, '投标说明') })).max(30, '最多填报30个课题'),
});
export type MyBidsInput = z.input<typeof myBidsInputSchema>;

export const myTopicSchema = z.object({
  id: z.number().int(),
  code: z.string().nullable(),
  title: z.string(),
  field: problemFieldSchema.nullable(),
  goals: z.string().nullable(),
  expectedOutputs: z.string().nullable(),
  teamMin: z.number().int(),
  teamMax: z.number().int(),
  ownerOrgName: z.string().nullable(),
  status: topicStatusSchema,
  biddingClosesOn: z.string().nullable(),
  /** In bidding and the deadline has not passed. */
  biddingOpen: z.boolean(),
  bidCount: z.number().int(),
  myBid: z.object({ rank: z.number().int(), proposal: z.string().nullable(), status: z.enum(BID_STATUSES) }).nullable(),
});
export type MyTopic = z.infer<typeof myTopicSchema>;

export const myProgramTopicsSchema = z.object({
  program: ref,
  /** Topics in bidding, and any topic I bid on or belong to. */
  topics: z.array(myTopicSchema),
  /** My task force in this program once assigned: the topic, the rank it had in my bids, my role. */
  assignment: z.object({ topicId: z.number().int(), title: z.string(), assignedRank: z.number().int().nullable(), role: taskForceRoleSchema }).nullable(),
});
export type MyProgramTopics = z.infer<typeof myProgramTopicsSchema>;

// ---- Manual pick and the solver ------------------------------------------------------------------------------------

export const topicWinnersInputSchema = z.object({
  cadreIds: z.array(bodyId).min(1, '至少选定1人').max(50),
  /** Optional: one of cadreIds becomes the lead. */
  leadCadreId: bodyId.nullable().optional(),
});
export type TopicWinnersInput = z.input<typeof topicWinnersInputSchema>;

export const topicSolveInputSchema = z.object({
  /** true (default): a trainee may be placed in a topic they did not bid on, counted as rank (bids + 1). */
  allowUnranked: z.boolean().default(true),
});
export type TopicSolveInput = z.input<typeof topicSolveInputSchema>;

export const topicRunSummarySchema = z.object({
  id: z.number().int(),
  programId: z.number().int(),
  allowUnranked: z.boolean(),
  worstRank: z.number().int(),
  /** profile[k] = trainees placed at rank k + 1. */
  profile: z.array(z.number().int()),
  placed: z.number().int(),
  /** Placed in a topic they did not bid on. */
  unranked: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  adoptedAt: z.string().nullable(),
});
export type TopicRunSummary = z.infer<typeof topicRunSummarySchema>;

export const topicRunDetailSchema = topicRunSummarySchema.extend({
  assignments: z.array(
    z.object({
      cadreId: z.number().int(),
      cadreName: z.string(),
      orgName: z.string(),
      topicId: z.number().int(),
      topicTitle: z.string(),
      rank: z.number().int(),
      /** false when the topic was not among the trainee's bids. */
      bid: z.boolean(),
    }),
  ),
  topics: z.array(z.object({ topicId: z.number().int(), title: z.string(), size: z.number().int(), teamMin: z.number().int(), teamMax: z.number().int() })),
});
export type TopicRunDetail = z.infer<typeof topicRunDetailSchema>;

// ---- Task force ----------------------------------------------------------------------------------------------------

/** A trainee (cadreId, lead | member) or a home-side liaison: a user of the owner unit, or a name + org. */
export const taskForceMemberInputSchema = z.object({
  role: taskForceRoleSchema,
  cadreId: bodyId.nullable().optional(),
  userId: bodyId.nullable().optional(),
  name: nullableText(60, '姓名'),
  orgId: bodyId.nullable().optional(),
});
export type TaskForceMemberInput = z.input<typeof taskForceMemberInputSchema>;
export const taskForceRoleInputSchema = z.object({ role: taskForceRoleSchema });
export type TaskForceRoleInput = z.infer<typeof taskForceRoleInputSchema>;
