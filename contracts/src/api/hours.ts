// Hours (issue 3): the training-hours ledger (学时), credit policies, compliance rules as data, manual entries and
// the compliance report — request/response schemas and audit actions of the hours module.
import { z } from 'zod';
import { rankSchema } from '../domain.ts';
import { isoDateSchema, pageQuerySchema } from './common.ts';

// ---------------------------------------------------------------- credit policy

/** How a late arrival or early departure is credited (core/src/hours PARTIAL_CREDIT_MODES). */
export const CREDIT_MODES = ['full', 'proportional', 'none'] as const;
export type CreditMode = (typeof CREDIT_MODES)[number];
/** Each session's credit is rounded half up to a multiple of one of these (core/src/hours ROUNDING_STEPS). */
export const CREDIT_ROUNDING_STEPS = [0.1, 0.5, 1] as const;

export const creditPolicySchema = z.object({
  late: z.enum(CREDIT_MODES, '迟到折算方式只能是全额、按比例或不计'),
  leftEarly: z.enum(CREDIT_MODES, '早退折算方式只能是全额、按比例或不计'),
  lateGraceMinutes: z.number('请填写迟到宽限分钟数').int('宽限分钟数必须是整数').min(0, '宽限分钟数不能为负数').max(120, '宽限分钟数不能超过120'),
  onlineFactor: z.number('请填写网络学时折算系数').min(0, '折算系数不能为负数').max(2, '折算系数不能超过2'),
  roundTo: z.union([z.literal(0.1), z.literal(0.5), z.literal(1)], '取整单位只能是0.1、0.5或1学时'),
});
export type CreditPolicyInput = z.infer<typeof creditPolicySchema>;

/** The policy in force at an org node and where it comes from (this node, an ancestor, or the national default). */
export const effectiveCreditPolicySchema = z.object({
  orgId: z.number().int(),
  policy: creditPolicySchema,
  /** 'own': set on this node; 'inherited': from `from`; 'default': nobody set one. */
  source: z.enum(['own', 'inherited', 'default']),
  from: z.object({ orgId: z.number().int(), name: z.string() }).nullable(),
  updatedAt: z.string().nullable(),
});
export type EffectiveCreditPolicy = z.infer<typeof effectiveCreditPolicySchema>;

// ---------------------------------------------------------------- compliance rules

export const RULE_CATEGORIES = ['all', 'online'] as const;
export type RuleCategoryCode = (typeof RULE_CATEGORIES)[number];

/** One compliance rule as core/src/hours `HoursRule` defines it; the server validates input with validateHoursRule. */
export const hoursRuleSchema = z.object({
  id: z.string(),
  name: z.object({ zh: z.string(), en: z.string() }),
  appliesTo: z.object({ ranks: z.array(rankSchema) }),
  window: z.union([z.object({ kind: z.literal('calendarYear') }), z.object({ kind: z.literal('calendarYears'), years: z.number(), anchorYear: z.number() })]),
  category: z.enum(RULE_CATEGORIES),
  minHours: z.number().optional(),
  minDays: z.number().optional(),
});
export type HoursRuleDto = z.infer<typeof hoursRuleSchema>;

/**
 * A rule body as sent by the editor. Deliberately loose here: the server checks it field by field with
 * core's validateHoursRule, which answers every problem with a dotted path (`window.years`) in Chinese.
 */
export const hoursRuleInputSchema = z.record(z.string(), z.unknown());

export const ruleCodeParamSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,60}$/, '规则编号只能包含字母、数字、短横线和下划线'),
});

export const effectiveRuleSchema = z.object({
  rule: hoursRuleSchema,
  /** 'national': DEFAULT_RULES_2023; 'inherited': set by an ancestor node; 'own': set on this node. */
  source: z.enum(['national', 'inherited', 'own']),
  from: z.object({ orgId: z.number().int(), name: z.string() }).nullable(),
});
export type EffectiveRule = z.infer<typeof effectiveRuleSchema>;

export const hoursRulesViewSchema = z.object({
  org: z.object({ id: z.number().int(), name: z.string() }),
  rules: z.array(effectiveRuleSchema),
  /** Rules switched off for this subtree (national or inherited rules this node removed). */
  disabled: z.array(z.object({ code: z.string(), from: z.object({ orgId: z.number().int(), name: z.string() }) })),
  /** Whether the caller may edit rules on this node (hours:rules and it is the caller's own node). */
  editable: z.boolean(),
});
export type HoursRulesView = z.infer<typeof hoursRulesViewSchema>;

export const hoursRulesQuerySchema = z.object({ orgId: z.coerce.number().int().positive().optional() });

// ---------------------------------------------------------------- ledger entries

export const HOURS_CATEGORIES = ['offline', 'online'] as const;
export type HoursCategory = (typeof HOURS_CATEGORIES)[number];
export const hoursCategorySchema = z.enum(HOURS_CATEGORIES, '学时类别只能是线下培训或网络培训');

export const hoursEntryInputSchema = z.object({
  category: hoursCategorySchema,
  title: z.string().trim().min(1, '请填写培训名称').max(200, '培训名称不超过200字'),
  provider: z.string().trim().max(200, '举办单位不超过200字').nullable().optional(),
  date: isoDateSchema,
  hours: z.number('请填写学时').gt(0, '学时必须大于0').max(2000, '学时不能超过2000'),
  days: z.number().int('天数必须是整数').min(0, '天数不能为负数').max(366, '天数不能超过366').default(0),
  note: z.string().trim().max(500, '备注不超过500字').nullable().optional(),
});
export type HoursEntryInput = z.infer<typeof hoursEntryInputSchema>;
export const hoursEntryPatchSchema = hoursEntryInputSchema.partial();
export type HoursEntryPatch = z.infer<typeof hoursEntryPatchSchema>;

export const hoursEntrySchema = z.object({
  id: z.number().int(),
  cadreId: z.number().int(),
  programId: z.number().int().nullable(),
  /**
   * 'program' rows are derived from attendance and read-only; 'placement' rows come from a long placement's final
   * assessment (read-only, never touched by the attendance recompute); 'manual' rows are training taken elsewhere.
   */
  source: z.enum(['program', 'placement', 'manual']),
  category: hoursCategorySchema,
  title: z.string(),
  provider: z.string().nullable(),
  date: z.string(),
  hours: z.number(),
  days: z.number(),
  evidenceName: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export type HoursEntryView = z.infer<typeof hoursEntrySchema>;

// ---------------------------------------------------------------- compliance

export const ruleResultSchema = z.object({
  ruleId: z.string(),
  window: z.object({ from: z.string(), to: z.string() }),
  requiredHours: z.number().nullable(),
  requiredDays: z.number().nullable(),
  achievedHours: z.number(),
  achievedDays: z.number(),
  compliant: z.boolean(),
  shortfallHours: z.number().nullable(),
  shortfallDays: z.number().nullable(),
});
export type RuleResultDto = z.infer<typeof ruleResultSchema>;

export const ruleRefSchema = z.object({ id: z.string(), name: z.object({ zh: z.string(), en: z.string() }) });
export type RuleRef = z.infer<typeof ruleRefSchema>;

export const yearSchema = z.coerce.number().int().min(2000, '年份不早于2000').max(2100, '年份不晚于2100');

export const complianceFilterSchema = z.object({
  year: yearSchema.optional(),
  orgId: z.coerce.number().int().positive().optional(),
  rank: z
    .union([rankSchema, z.array(rankSchema)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  status: z.enum(['compliant', 'non_compliant']).optional(),
});
export type ComplianceFilter = z.infer<typeof complianceFilterSchema>;
export const complianceQuerySchema = complianceFilterSchema.extend(pageQuerySchema.shape);
export type ComplianceQuery = z.infer<typeof complianceQuerySchema>;

export const complianceRowSchema = z.object({
  cadreId: z.number().int(),
  name: z.string(),
  rank: rankSchema.nullable(),
  org: z.object({ id: z.number().int(), name: z.string() }),
  /** This calendar year's totals (all categories; online only; days). */
  yearHours: z.number(),
  yearOnlineHours: z.number(),
  yearDays: z.number(),
  /** Met every rule that applies (true when none applies). */
  compliant: z.boolean(),
  results: z.array(ruleResultSchema),
});
export type ComplianceRow = z.infer<typeof complianceRowSchema>;

export const complianceReportSchema = z.object({
  year: z.number().int(),
  rules: z.array(ruleRefSchema),
  items: z.array(complianceRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ComplianceReport = z.infer<typeof complianceReportSchema>;

export const unitSummarySchema = z.object({
  rules: z.array(
    z.object({ ruleId: z.string(), evaluated: z.number().int(), compliant: z.number().int(), nonCompliant: z.number().int(), rate: z.number().nullable() }),
  ),
  cadres: z.object({ total: z.number().int(), compliant: z.number().int(), nonCompliant: z.number().int(), rate: z.number().nullable() }),
});
export type UnitSummaryDto = z.infer<typeof unitSummarySchema>;

export const complianceSummaryQuerySchema = z.object({ year: yearSchema.optional(), orgId: z.coerce.number().int().positive().optional() });

export const complianceSummarySchema = z.object({
  year: z.number().int(),
  org: z.object({ id: z.number().int(), name: z.string() }),
  rules: z.array(ruleRefSchema),
  overall: unitSummarySchema,
  /** Each direct child of the org (with its subtree), and the org's own cadres as `self: true`. */
  units: z.array(z.object({ orgId: z.number().int(), name: z.string(), self: z.boolean(), summary: unitSummarySchema })),
  /** Cadres by this year's total hours, in bands of `HOURS_BAND_WIDTH` (the last band is open-ended). */
  hoursDistribution: z.array(z.object({ from: z.number(), to: z.number().nullable(), count: z.number().int() })),
});
export type ComplianceSummary = z.infer<typeof complianceSummarySchema>;

// ---------------------------------------------------------------- a program's hours, per trainee

export const programHoursRowSchema = z.object({
  enrolmentId: z.number().int(),
  cadreId: z.number().int(),
  name: z.string(),
  org: z.string(),
  className: z.string().nullable(),
  enrolmentStatus: z.string(),
  /** Hours of the sessions this trainee must attend (all of them, ended or not): the 1/7 base. */
  scheduledHours: z.number(),
  creditedHours: z.number(),
  onlineHours: z.number(),
  days: z.number().int(),
  /** Scheduled hours of sessions covered by approved leave. */
  leaveHours: z.number(),
  /** Ended sessions with an absence or no attendance mark at all. */
  absences: z.number().int(),
  /** Leave above 1/7 of the scheduled hours (退学). */
  mustWithdraw: z.boolean(),
  withdrawalFlaggedAt: z.string().nullable(),
});
export type ProgramHoursRow = z.infer<typeof programHoursRowSchema>;

export const programHoursSchema = z.object({
  programId: z.number().int(),
  policy: effectiveCreditPolicySchema,
  items: z.array(programHoursRowSchema),
});
export type ProgramHours = z.infer<typeof programHoursSchema>;

/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const HOURS_AUDIT_ACTIONS = {
  'hours.policy_update': { zh: '修改学时折算办法', en: 'Edit credit policy' },
  'hours.policy_reset': { zh: '恢复上级学时折算办法', en: 'Revert credit policy to inherited' },
  'hours.rule_create': { zh: '新增学时规则', en: 'Create hours rule' },
  'hours.rule_update': { zh: '修改学时规则', en: 'Edit hours rule' },
  'hours.rule_delete': { zh: '停用学时规则', en: 'Remove hours rule' },
  'hours.rules_reset': { zh: '恢复默认学时规则', en: 'Reset hours rules to defaults' },
  'hours.entry_create': { zh: '新增学时记录', en: 'Add hours entry' },
  'hours.entry_update': { zh: '修改学时记录', en: 'Edit hours entry' },
  'hours.entry_delete': { zh: '删除学时记录', en: 'Delete hours entry' },
  'hours.evidence_upload': { zh: '上传学时证明', en: 'Upload hours evidence' },
  'hours.recompute': { zh: '重算项目学时', en: 'Recompute program hours' },
  'hours.compliance_export': { zh: '导出学时达标情况', en: 'Export hours compliance' },
} as const;

/** Width of a band in the hours distribution chart. */
export const HOURS_BAND_WIDTH = 10;
/** Bands of the distribution chart before the open-ended last one (0–10 … 110–120, then 120+). */
export const HOURS_BAND_COUNT = 12;
