// Class and group formation (分班建组, issue 4): solver proposal, manual moves with live violations, apply.
// Ids inside a solution are strings in the core grouping shape: a person is an enrolment id, a class a program_classes id,
// a group a label (solver labels like "12-g1", or any label the board makes); apply turns labels into 第1组, 第2组 ….
import { z } from 'zod';

const label = z.string().trim().min(1).max(40);

export const formationGroupSizeSchema = z
  .object({ min: z.number().int().min(1).max(100), max: z.number().int().min(1).max(100) })
  .refine((g) => g.min <= g.max, { message: '每组人数下限不能大于上限', path: ['min'] });
export type FormationGroupSize = z.infer<typeof formationGroupSizeSchema>;

export const formationSolutionSchema = z.object({
  classes: z
    .array(
      z.object({
        id: label,
        members: z.array(label).max(5000),
        groups: z.array(z.object({ id: label, members: z.array(label).max(5000) })).max(1000),
      }),
    )
    .max(200),
});
export type FormationSolution = z.infer<typeof formationSolutionSchema>;

/** A person kept in a class and, optionally, in a group (label) when re-solving. */
export const formationLockSchema = z.object({ person: label, class: label, group: label.optional() });
export type FormationLock = z.infer<typeof formationLockSchema>;

export const formationViolationSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  classId: z.string().optional(),
  groupId: z.string().optional(),
  personIds: z.array(z.string()).optional(),
});
export type FormationViolation = z.infer<typeof formationViolationSchema>;

export const formationFeasibilityIssueSchema = z.object({
  code: z.string(),
  message: z.string(),
  classId: z.string().optional(),
  needed: z.number().optional(),
  available: z.number().optional(),
});
export type FormationFeasibilityIssue = z.infer<typeof formationFeasibilityIssueSchema>;

export const formationClassStatsSchema = z.object({
  id: z.string(),
  size: z.number().int(),
  capacity: z.number().int(),
  grassroots: z.number().int(),
  requiredGrassroots: z.number().int(),
  fit: z.number(),
  groups: z.number().int(),
  sameUnitPairs: z.number().int(),
  /** Fewest same-unit pairs possible with this class's members and group count. */
  sameUnitPairsLowerBound: z.number().int(),
});
export const formationStatsSchema = z.object({
  people: z.number().int(),
  totalFit: z.number(),
  fitUpperBound: z.number(),
  sameUnitPairs: z.number().int(),
  sameUnitPairsLowerBound: z.number().int(),
  classes: z.array(formationClassStatsSchema),
  /** Solver time of the last proposal, when it came from the solver. */
  ms: z.number().optional(),
});
export type FormationStats = z.infer<typeof formationStatsSchema>;

export const formationDraftSchema = z.object({
  seed: z.number().int(),
  groupSize: z.object({ min: z.number().int(), max: z.number().int() }),
  solution: formationSolutionSchema,
  locks: z.array(formationLockSchema),
  stats: formationStatsSchema,
  violations: z.array(formationViolationSchema),
  appliedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type FormationDraft = z.infer<typeof formationDraftSchema>;

export const formationPersonSchema = z.object({
  /** Enrolment id as a string: the person id inside solutions. */
  id: z.string(),
  cadreId: z.number().int(),
  name: z.string(),
  unitName: z.string(),
  grassroots: z.boolean(),
  gender: z.string().nullable(),
  age: z.number().int().nullable(),
  rank: z.string().nullable(),
  specialties: z.array(z.string()),
});
export type FormationPerson = z.infer<typeof formationPersonSchema>;

export const formationClassSchema = z.object({
  id: z.string(),
  name: z.string(),
  capacity: z.number().int(),
  themeTags: z.array(z.string()),
  minGrassrootsShare: z.number(),
});
export type FormationClass = z.infer<typeof formationClassSchema>;

export const formationViewSchema = z.object({
  classes: z.array(formationClassSchema),
  people: z.array(formationPersonSchema),
  /** Plain-Chinese reasons the rules cannot all be met (before solving); empty means 可行. */
  feasibility: z.array(formationFeasibilityIssueSchema),
  /** The arrangement stored on the enrolments now (group labels "g<class_groups.id>"). */
  current: formationSolutionSchema,
  draft: formationDraftSchema.nullable(),
});
export type FormationView = z.infer<typeof formationViewSchema>;

export const formationSolveInputSchema = z.object({
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
  groupSize: formationGroupSizeSchema,
  /** Keep the draft's locks (default) or drop them and solve from scratch. */
  keepLocks: z.boolean().default(true),
});
export type FormationSolveInput = z.infer<typeof formationSolveInputSchema>;

export const formationEvaluateInputSchema = z.object({
  solution: formationSolutionSchema,
  /** Locks to check against; the draft's locks when omitted. */
  locks: z.array(formationLockSchema).max(5000).optional(),
  groupSize: formationGroupSizeSchema.optional(),
});
export type FormationEvaluateInput = z.infer<typeof formationEvaluateInputSchema>;

export const formationEvaluationSchema = z.object({ violations: z.array(formationViolationSchema), stats: formationStatsSchema });
export type FormationEvaluation = z.infer<typeof formationEvaluationSchema>;

export const formationDraftInputSchema = z.object({
  solution: formationSolutionSchema,
  locks: z.array(formationLockSchema).max(5000).default([]),
  groupSize: formationGroupSizeSchema.optional(),
});
export type FormationDraftInput = z.infer<typeof formationDraftInputSchema>;

export const formationApplyResultSchema = z.object({
  draft: formationDraftSchema,
  /** Enrolments whose class or group changed. */
  moved: z.number().int(),
  groupsCreated: z.number().int(),
  groupsDeleted: z.number().int(),
});
export type FormationApplyResult = z.infer<typeof formationApplyResultSchema>;

/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const FORMATION_AUDIT_ACTIONS = {
  'formation.solve': { zh: '生成分班建组方案', en: 'Generate class and group plan' },
  'formation.save': { zh: '保存分班建组方案', en: 'Save class and group plan' },
  'formation.apply': { zh: '应用分班建组方案', en: 'Apply class and group plan' },
} as const;
