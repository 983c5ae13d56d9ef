// Selection (选调/选派, issue 4): quotas per sending unit or unit category, eligibility rules as data, nominations
// with the approval chain (unit → organization department), the waitlist, and the live shares.
import { z } from 'zod';
import { NOMINATION_STATUSES, ORG_KINDS, genderSchema, orgKindSchema, rankSchema } from '../domain.ts';
import { isoDateSchema, pageQuerySchema } from './common.ts';

/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const SELECTION_AUDIT_ACTIONS = {
  'selection.rules': { zh: '设置选调条件', en: 'Set selection rules' },
  'selection.quota_create': { zh: '新增推荐名额', en: 'Add nomination quota' },
  'selection.quota_update': { zh: '修改推荐名额', en: 'Edit nomination quota' },
  'selection.quota_delete': { zh: '删除推荐名额', en: 'Delete nomination quota' },
  'nomination.create': { zh: '推荐人选', en: 'Nominate cadres' },
  'nomination.unit_approve': { zh: '单位审核推荐人选', en: 'Unit approves nomination' },
  'nomination.decide': { zh: '组织部审批推荐人选', en: 'Decide on nomination' },
  'nomination.withdraw': { zh: '撤回推荐人选', en: 'Withdraw nomination' },
  'nomination.promote': { zh: '候补递补', en: 'Promote from waitlist' },
} as const;

export const nominationStatusSchema = z.enum(NOMINATION_STATUSES);

/** A unit category quota: grassroots (township/village level) or an org kind. */
export const UNIT_CATEGORIES = ['grassroots', ...ORG_KINDS] as const;
export const unitCategorySchema = z.enum(UNIT_CATEGORIES);
export type UnitCategory = z.infer<typeof unitCategorySchema>;

// ---------------------------------------------------------------- rules

export const selectionRulesSchema = z.object({
  eligibility: z
    .object({
      maxAge: z.number().int().min(18).max(70).optional(),
      ageAsOf: isoDateSchema.optional(),
      ranks: z.array(rankSchema).max(10).optional(),
      minServiceYears: z.number().int().min(0).max(50).optional(),
      specialtiesAny: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
      excludeOverlapping: z.boolean().optional(),
    })
    .optional(),
  capacity: z.number().int().min(1).max(100_000).optional(),
  grassrootsShareMin: z.number().min(0).max(1).optional(),
  /** Last day (Beijing date, inclusive) for nominating and unit approval; not after the program start. */
  nominationDeadline: isoDateSchema.optional(),
});
export type SelectionRulesInput = z.infer<typeof selectionRulesSchema>;

export const selectionRulesViewSchema = z.object({
  programId: z.number().int(),
  rules: selectionRulesSchema,
  /** rules.capacity, else the sum of class capacities, else null (no limit). */
  effectiveCapacity: z.number().int().nullable(),
  /** The day age and service years are computed on. */
  referenceDay: z.string(),
});
export type SelectionRulesView = z.infer<typeof selectionRulesViewSchema>;

// ---------------------------------------------------------------- quotas

export const quotaInputSchema = z
  .object({
    orgId: z.number().int().positive().nullable().optional(),
    unitCategory: unitCategorySchema.nullable().optional(),
    quota: z.number().int().min(1).max(10_000),
    note: z.string().trim().max(200).nullable().optional(),
  })
  .refine((v) => ((v.orgId ?? null) === null) !== ((v.unitCategory ?? null) === null), {
    message: '请选择推荐单位或单位类别（二选一）',
    path: ['orgId'],
  });
export type QuotaInput = z.infer<typeof quotaInputSchema>;

export const quotaPatchSchema = z.object({
  quota: z.number().int().min(1).max(10_000).optional(),
  note: z.string().trim().max(200).nullable().optional(),
});
export type QuotaPatch = z.infer<typeof quotaPatchSchema>;

export const quotaSchema = z.object({
  id: z.number().int(),
  programId: z.number().int(),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  unitCategory: unitCategorySchema.nullable(),
  /** Who the quota is for, in words (a unit name or a category). */
  label: z.string(),
  quota: z.number().int(),
  used: z.number().int(),
  remaining: z.number().int(),
  note: z.string().nullable(),
});
export type Quota = z.infer<typeof quotaSchema>;

export const quotaParamSchema = z.object({ quotaId: z.coerce.number().int().positive() });

// ---------------------------------------------------------------- calls and candidates

export const nominationCallSchema = z.object({
  programId: z.number().int(),
  programName: z.string(),
  programType: z.string(),
  organizerName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  /** The quotas the caller's unit can nominate into. */
  quotas: z.array(quotaSchema),
  rules: selectionRulesSchema,
  /** rules.nominationDeadline (Beijing date, inclusive), null without one. */
  deadline: isoDateSchema.nullable(),
  /** False once the deadline has passed: still listed so the unit sees its nominations, but no new ones. */
  open: z.boolean(),
});
export type NominationCall = z.infer<typeof nominationCallSchema>;

export const eligibilityFailureSchema = z.object({ rule: z.string(), zh: z.string() });

export const nomineeSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  gender: genderSchema.nullable(),
  age: z.number().int().nullable(),
  orgId: z.number().int(),
  orgName: z.string(),
  position: z.string().nullable(),
  rank: rankSchema.nullable(),
  specialties: z.array(z.string()),
  grassroots: z.boolean(),
});
export type NomineeSummary = z.infer<typeof nomineeSummarySchema>;

export const candidateQuerySchema = pageQuerySchema.extend({
  quotaId: z.coerce.number().int().positive(),
  q: z.string().trim().max(50).optional(),
});
export type CandidateQuery = z.infer<typeof candidateQuerySchema>;

export const candidateSchema = z.object({
  cadre: nomineeSummarySchema,
  eligible: z.boolean(),
  failures: z.array(eligibilityFailureSchema),
  /** Already nominated for this program (in any status). */
  nominated: z.boolean(),
  /** Already a trainee of this program (added by hand): no nomination needed. */
  enrolled: z.boolean(),
});
export type Candidate = z.infer<typeof candidateSchema>;
export const candidatePageSchema = z.object({
  items: z.array(candidateSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

// ---------------------------------------------------------------- nominations

const reasonText = z.string().trim().max(1000);

export const nominationInputSchema = z.object({
  cadreIds: z.array(z.number().int().positive()).min(1).max(500),
  quotaId: z.number().int().positive(),
  statement: z.string().trim().max(2000).nullable().optional(),
});
export type NominationInput = z.infer<typeof nominationInputSchema>;

export const nominationEventSchema = z.object({
  id: z.number().int(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const nominationSchema = z.object({
  id: z.number().int(),
  programId: z.number().int(),
  cadre: nomineeSummarySchema,
  quotaId: z.number().int().nullable(),
  quotaLabel: z.string().nullable(),
  nominatingOrg: z.object({ id: z.number().int(), name: z.string() }),
  status: nominationStatusSchema,
  waitlistPosition: z.number().int().nullable(),
  statement: z.string().nullable(),
  decisionReason: z.string().nullable(),
  enrolmentId: z.number().int().nullable(),
  events: z.array(nominationEventSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Nomination = z.infer<typeof nominationSchema>;

export const nominationListQuerySchema = z.object({ status: nominationStatusSchema.optional() });

export const reasonInputSchema = z.object({ reason: reasonText.optional() });
export const requiredReasonSchema = z.object({ reason: reasonText.min(1, '请填写原因') });

export const NOMINATION_DECISIONS = ['approve', 'reject', 'waitlist'] as const;
const decisionFields = { decision: z.enum(NOMINATION_DECISIONS), reason: reasonText.optional() };
const rejectNeedsReason = (v: { decision: string; reason?: string | undefined }) => v.decision !== 'reject' || (v.reason ?? '') !== '';
const REJECT_MESSAGE = { message: '退回须填写原因', path: ['reason'] };

export const decisionInputSchema = z.object(decisionFields).refine(rejectNeedsReason, REJECT_MESSAGE);
export type DecisionInput = z.infer<typeof decisionInputSchema>;
export const bulkDecisionInputSchema = z
  .object({ ids: z.array(z.number().int().positive()).min(1).max(500), ...decisionFields })
  .refine(rejectNeedsReason, REJECT_MESSAGE);
export type BulkDecisionInput = z.infer<typeof bulkDecisionInputSchema>;

/** Nominations changed by a write, with plain messages (e.g. "名额已满，转为候补第 2 位"). */
export const nominationChangeSchema = z.object({ items: z.array(nominationSchema), messages: z.array(z.string()) });
export type NominationChange = z.infer<typeof nominationChangeSchema>;

// ---------------------------------------------------------------- summary

export const selectionSummarySchema = z.object({
  programId: z.number().int(),
  counts: z.record(nominationStatusSchema, z.number().int()),
  capacity: z.number().int().nullable(),
  enrolled: z.number().int(),
  quotas: z.array(quotaSchema),
  shares: z.object({
    total: z.number().int(),
    grassroots: z.number().int(),
    share: z.number().nullable(),
    target: z.number().nullable(),
    meetsTarget: z.boolean().nullable(),
    withPending: z.object({ total: z.number().int(), grassroots: z.number().int(), share: z.number().nullable() }),
    male: z.number().int(),
    female: z.number().int(),
    averageAge: z.number().nullable(),
    perUnit: z.array(z.object({ unit: z.string(), count: z.number().int() })),
    line: z.string(),
  }),
});
export type SelectionSummary = z.infer<typeof selectionSummarySchema>;

/** Labels of unit categories (the org kinds reuse LABELS.orgKind in the UI; grassroots is the one extra). */
export const UNIT_CATEGORY_GRASSROOTS_LABEL = { zh: '基层（乡镇/村）', en: 'Grassroots (township/village)' } as const;
export const isOrgKindCategory = (c: string): boolean => orgKindSchema.safeParse(c).success;
