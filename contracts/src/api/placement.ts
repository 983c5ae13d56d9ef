// Host units, posts, bans, preferences, placement runs (stable / rank-optimal), explanations, publishing (issue 4).
// The solver's "host" is a post (岗位) with seats; unit-level bans are expanded to every post of the unit.
import { z } from 'zod';
import { banKindSchema, hostUnitKindSchema, PLACEMENT_MODES, PLACEMENT_STATUSES } from '../domain.ts';
import { boolQuerySchema } from './common.ts';

/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const PLACEMENT_AUDIT_ACTIONS = {
  'host_unit.create': { zh: '新增实训单位', en: 'Add host unit' },
  'host_unit.update': { zh: '修改实训单位', en: 'Edit host unit' },
  'host_unit.delete': { zh: '删除实训单位', en: 'Delete host unit' },
  'host_post.create': { zh: '新增实训岗位', en: 'Add host post' },
  'host_post.update': { zh: '修改实训岗位', en: 'Edit host post' },
  'host_post.delete': { zh: '删除实训岗位', en: 'Delete host post' },
  'placement_ban.create': { zh: '新增回避关系', en: 'Add placement ban' },
  'placement_ban.delete': { zh: '删除回避关系', en: 'Remove placement ban' },
  'placement_ban.detect': { zh: '自动识别回避关系', en: 'Detect placement bans' },
  'placement.preferences': { zh: '填报安置志愿', en: 'Set placement preferences' },
  'placement.host_preferences': { zh: '设置单位排序或评分', en: 'Set host ranking or scores' },
  'placement.score_formula': { zh: '按公式生成单位评分', en: 'Score cadres by formula' },
  'placement.run': { zh: '求解安置方案', en: 'Solve placement' },
  'placement.apply': { zh: '采用安置方案', en: 'Apply placement run' },
  'placement.override': { zh: '人工调整安置', en: 'Override placement' },
  'placement.publish': { zh: '发布安置结果', en: 'Publish placements' },
} as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === '' || v === undefined ? null : v));
const idRef = z.object({ id: z.number().int(), name: z.string() });

// ---- Host unit registry ----------------------------------------------------------------------------------------

const hostUnitFields = {
  name: text(200),
  kind: hostUnitKindSchema,
  code: optionalText(60),
  city: optionalText(60),
  field: optionalText(100),
  address: optionalText(300),
  capacity: z.number().int().min(0).max(10_000),
  /** A host_contact account in the caller's scope; it sees the cadres placed with this unit. */
  contactUserId: z.number().int().positive().nullish(),
  contactName: optionalText(60),
  contactPhone: optionalText(30),
  mentorName: optionalText(60),
};
export const hostUnitInputSchema = z.object({
  ...hostUnitFields,
  capacity: hostUnitFields.capacity.default(1),
  /** The registering organizer node; default the caller's own node. */
  orgId: z.number().int().positive().optional(),
});
export type HostUnitInput = z.input<typeof hostUnitInputSchema>;
export const hostUnitPatchSchema = z.object(hostUnitFields).partial();
export type HostUnitPatch = z.input<typeof hostUnitPatchSchema>;

export const hostUnitSchema = z.object({
  id: z.number().int(),
  org: idRef,
  code: z.string().nullable(),
  name: z.string(),
  kind: hostUnitKindSchema,
  city: z.string().nullable(),
  field: z.string().nullable(),
  address: z.string().nullable(),
  capacity: z.number().int(),
  contactUser: idRef.nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  mentorName: z.string().nullable(),
  /** Posts of any program that use this unit (a unit with posts cannot be deleted). */
  postCount: z.number().int(),
  /** Registered in the caller's subtree (an ancestor's unit is shared to use, not to change). */
  canEdit: z.boolean(),
});
export type HostUnit = z.infer<typeof hostUnitSchema>;

// ---- Posts ---------------------------------------------------------------------------------------------------------

const tagList = z.array(text(30)).max(20);
export const hostPostInputSchema = z.object({
  hostUnitId: z.number().int().positive(),
  title: text(200),
  seats: z.number().int().min(1, '名额至少为 1').max(1000),
  specialtyTags: tagList.default([]),
  requirements: optionalText(1000),
  mentorName: optionalText(60),
});
export type HostPostInput = z.input<typeof hostPostInputSchema>;
export const hostPostPatchSchema = z
  .object({
    hostUnitId: z.number().int().positive(),
    title: text(200),
    seats: z.number().int().min(1, '名额至少为 1').max(1000),
    specialtyTags: tagList,
    requirements: optionalText(1000),
    mentorName: optionalText(60),
  })
  .partial();
export type HostPostPatch = z.input<typeof hostPostPatchSchema>;

export const hostPostSchema = z.object({
  id: z.number().int(),
  programId: z.number().int(),
  hostUnit: idRef.extend({ city: z.string().nullable(), field: z.string().nullable() }),
  title: z.string(),
  seats: z.number().int(),
  specialtyTags: z.array(z.string()),
  requirements: z.string().nullable(),
  mentorName: z.string().nullable(),
});
export type HostPost = z.infer<typeof hostPostSchema>;

// ---- Bans ---------------------------------------------------------------------------------------------------------

export const placementBanInputSchema = z.object({
  cadreId: z.number().int().positive(),
  hostUnitId: z.number().int().positive(),
  kind: banKindSchema,
  reason: optionalText(300),
});
export type PlacementBanInput = z.input<typeof placementBanInputSchema>;

export const placementBanSchema = z.object({
  id: z.number().int(),
  cadre: idRef,
  hostUnit: idRef,
  kind: banKindSchema,
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type PlacementBan = z.infer<typeof placementBanSchema>;

export const banDetectQuerySchema = z.object({ apply: boolQuerySchema.optional() });
export const banProposalSchema = z.object({
  cadre: idRef,
  hostUnit: idRef,
  kind: banKindSchema,
  /** The cadre's unit (current or former) that matched the host unit's name. */
  matchedUnit: z.string(),
  reason: z.string(),
});
export type BanProposal = z.infer<typeof banProposalSchema>;
export const banDetectResultSchema = z.object({ proposals: z.array(banProposalSchema), applied: z.number().int() });
export type BanDetectResult = z.infer<typeof banDetectResultSchema>;

// ---- Preferences --------------------------------------------------------------------------------------------------

/** Post ids in order of preference (first = 第1志愿); duplicates are refused naming the index. */
const rankedIds = (what: string) =>
  z
    .array(z.number().int().positive())
    .max(100)
    .superRefine((ids, ctx) => {
      const seen = new Set<number>();
      ids.forEach((id, i) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: `${what} ${id} 重复` });
        seen.add(id);
      });
    });
export const cadrePreferenceInputSchema = z.object({ postIds: rankedIds('岗位') });
export type CadrePreferenceInput = z.infer<typeof cadrePreferenceInputSchema>;

export const hostPreferenceInputSchema = z
  .object({
    /** Cadre ids, best first. */
    ranking: rankedIds('干部').optional(),
    /** Cadre id → score (higher is better); equal scores are ordered by the run's published lottery. */
    scores: z.record(z.string().regex(/^\d+$/, '应为干部编号'), z.number().min(0).max(1000)).optional(),
  })
  .refine((v) => (v.ranking === undefined) !== (v.scores === undefined), { message: '请提供排序（ranking）或评分（scores）其中之一' });
export type HostPreferenceInput = z.infer<typeof hostPreferenceInputSchema>;

export const scoreFormulaInputSchema = z.object({
  /** Points for a full specialty match: weight × |post tags ∩ cadre specialties| / |post tags|. */
  specialtyWeight: z.number().min(0).max(100),
  /** Points for 30+ years of work: weight × min(years, 30) / 30. */
  experienceWeight: z.number().min(0).max(100),
  /** Replace rankings or scores hosts already gave (default: keep them). */
  overwrite: z.boolean().default(false),
});
export type ScoreFormulaInput = z.input<typeof scoreFormulaInputSchema>;

export const preferenceOverviewSchema = z.object({
  posts: z.array(hostPostSchema),
  cadres: z.array(
    z.object({ cadreId: z.number().int(), name: z.string(), orgName: z.string(), specialties: z.array(z.string()), postIds: z.array(z.number().int()) }),
  ),
  hosts: z.array(
    z.object({
      postId: z.number().int(),
      /** 'ranking' | 'scores' | 'none' (none = every cadre acceptable, ordered by the lottery). */
      kind: z.enum(['ranking', 'scores', 'none']),
      ranking: z.array(z.number().int()),
      scores: z.record(z.string(), z.number()),
    }),
  ),
  /** Placements already published: trainees can no longer change their choices. */
  locked: z.boolean(),
});
export type PreferenceOverview = z.infer<typeof preferenceOverviewSchema>;

/** 志愿 by spreadsheet: `dryRun` defaults to true (a check that writes nothing). */
export const preferenceImportQuerySchema = z.object({ dryRun: boolQuerySchema.optional() });
export const preferenceImportResultSchema = z.object({
  dryRun: z.boolean(),
  /** True when the choices were written (never with errors: the import is all-or-nothing). */
  committed: z.boolean(),
  rows: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  /** Each row's cadre and the choices it sets, as `单位·岗位` labels in rank order. */
  preview: z.array(z.object({ row: z.number().int(), cadreId: z.number().int(), name: z.string(), choices: z.array(z.string()) })),
});
export type PreferenceImportResult = z.infer<typeof preferenceImportResultSchema>;

// ---- Host contacts rank the candidates for their own posts (/host/posts) ----------------------------------------------

/** An enrolled cadre a host contact may rank for a post: narrow, like the host's view of placed cadres (no ID number). */
export const hostRankingCandidateSchema = z.object({
  cadreId: z.number().int(),
  name: z.string(),
  homeUnit: z.string(),
  specialties: z.array(z.string()),
  age: z.number().int().nullable(),
  /** The cadre's own choice number for this post (1 = 第1志愿); null when only the host ranking names them. */
  choice: z.number().int().nullable(),
});
export type HostRankingCandidate = z.infer<typeof hostRankingCandidateSchema>;

export const hostRankingPostSchema = z.object({
  postId: z.number().int(),
  programId: z.number().int(),
  programName: z.string(),
  hostUnit: idRef,
  title: z.string(),
  seats: z.number().int(),
  candidates: z.array(hostRankingCandidateSchema),
  /** The current host ranking, cadre ids best first; empty = not ranked yet. */
  ranking: z.array(z.number().int()),
  /** No ranking but the organizer entered scores (e.g. by formula); saving a ranking replaces them. */
  scored: z.boolean(),
});
export type HostRankingPost = z.infer<typeof hostRankingPostSchema>;

/**
 * Cadre ids, best first; cadres left out are unacceptable for this post. At least one: an empty host list means "no
 * preference, everyone acceptable" to the solver, the opposite of what unticking everyone would mean.
 */
export const hostRankingInputSchema = z.object({ ranking: rankedIds('干部').check(z.minLength(1, '请至少保留一名可接收的学员')) });
export type HostRankingInput = z.infer<typeof hostRankingInputSchema>;
export const hostPostParamSchema = z.object({ postId: z.coerce.number().int().positive() });

export const myPreferencesQuerySchema = z.object({ programId: z.coerce.number().int().positive() });
export const myPreferencesSchema = z.object({
  programId: z.number().int(),
  programName: z.string(),
  posts: z.array(hostPostSchema),
  postIds: z.array(z.number().int()),
  editable: z.boolean(),
});
export type MyPreferences = z.infer<typeof myPreferencesSchema>;

// ---- Runs -----------------------------------------------------------------------------------------------------------

export const placementModeSchema = z.enum(PLACEMENT_MODES);
export const placementRunInputSchema = z.object({ mode: placementModeSchema, seed: z.number().int().min(0).max(2_147_483_647).default(1) });
export type PlacementRunInput = z.input<typeof placementRunInputSchema>;

export const placementStatsSchema = z.object({
  placed: z.number().int(),
  unplaced: z.number().int(),
  blockingPairs: z.number().int(),
  totalRank: z.number().int(),
  rankHistogram: z.array(z.number().int()),
  seats: z.number().int(),
  ms: z.number(),
});
export type PlacementStatsView = z.infer<typeof placementStatsSchema>;

export const placementRunSummarySchema = z.object({
  id: z.number().int(),
  programId: z.number().int(),
  mode: placementModeSchema,
  seed: z.number().int(),
  stats: placementStatsSchema,
  /** Stable mode: cadres the host-proposing stable matching places differently. */
  hostProposingDiffers: z.number().int().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type PlacementRunSummary = z.infer<typeof placementRunSummarySchema>;

export const REJECTION_REASONS = ['filled_by_higher_ranked', 'filled_for_lower_total_rank', 'host_finds_unacceptable', 'banned'] as const;
const reasonSchema = z.object({ choice: z.number().int(), postId: z.number().int(), postLabel: z.string(), why: z.enum(REJECTION_REASONS) });
export const runOutcomeSchema = z.object({
  cadreId: z.number().int(),
  cadreName: z.string(),
  orgName: z.string(),
  post: z.object({ id: z.number().int(), title: z.string(), hostUnitId: z.number().int(), hostUnitName: z.string() }).nullable(),
  /** 1-based position of the post in the cadre's list; null when unplaced. */
  choice: z.number().int().nullable(),
  reasons: z.array(reasonSchema),
  /** Chinese sentence with post names, ready to show the cadre. */
  explanation: z.string(),
});
export type RunOutcome = z.infer<typeof runOutcomeSchema>;

export const placementRunDetailSchema = placementRunSummarySchema.extend({
  outcomes: z.array(runOutcomeSchema),
  hostFill: z.array(z.object({ postId: z.number().int(), postLabel: z.string(), filled: z.number().int(), capacity: z.number().int() })),
  /** The published lottery (cadre names in draw order) used to break equal host scores. */
  lottery: z.array(z.string()).nullable(),
});
export type PlacementRunDetail = z.infer<typeof placementRunDetailSchema>;

// ---- Placements -----------------------------------------------------------------------------------------------------

const statusSchema = z.enum(PLACEMENT_STATUSES);
export const placementSchema = z.object({
  id: z.number().int(),
  programId: z.number().int(),
  cadre: idRef.extend({ orgName: z.string() }),
  post: z.object({ id: z.number().int(), title: z.string() }),
  hostUnit: idRef,
  runId: z.number().int().nullable(),
  status: statusSchema,
  choice: z.number().int().nullable(),
  explanation: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type Placement = z.infer<typeof placementSchema>;

export const placementOverrideInputSchema = z.object({ postId: z.number().int().positive() });
export const placementOverrideResultSchema = z.object({
  placement: placementSchema,
  /** Blocking pairs of the whole program's assignment after the change (against the run's preferences). */
  blockingPairs: z.number().int(),
});
export type PlacementOverrideResult = z.infer<typeof placementOverrideResultSchema>;

export const publishResultSchema = z.object({ published: z.number().int(), notified: z.number().int() });
export type PublishResult = z.infer<typeof publishResultSchema>;

export const placementPostParamSchema = z.object({ id: z.coerce.number().int().positive(), postId: z.coerce.number().int().positive() });
export const placementCadreParamSchema = z.object({ id: z.coerce.number().int().positive(), cadreId: z.coerce.number().int().positive() });
