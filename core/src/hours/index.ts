// Training-hours (学时) ledger rules: crediting attendance, the leave-withdrawal rule and compliance with yearly minimums.
export {
  creditHours,
  sessionMinutes,
  shanghaiDate,
  parseInstant,
  DEFAULT_CREDIT_POLICY,
  ATTENDANCE_STATUSES,
  PARTIAL_CREDIT_MODES,
  ROUNDING_STEPS,
  type AttendanceRecord,
  type AttendanceStatus,
  type CreditPolicy,
  type CreditReason,
  type CreditResult,
  type CreditSession,
  type PartialCreditMode,
  type RoundingStep,
  type SessionCredit,
  type SessionMode,
} from './credit.ts';
export { leaveShare, mustWithdraw, leaveHoursFrom, programHoursFrom, WITHDRAWAL_THRESHOLD, type Fraction } from './leave.ts';
export {
  evaluateCompliance,
  summariseUnit,
  ruleApplies,
  windowFor,
  DEFAULT_RULES_2023,
  type ComplianceInput,
  type HoursEntry,
  type HoursRule,
  type RuleCategory,
  type RuleResult,
  type RuleSummary,
  type RuleWindow,
  type UnitSummary,
} from './compliance.ts';
export { validateHoursRule, validateHoursRules, isHoursRuleList } from './rule-validation.ts';
export { parseCreditInput, parseComplianceInput, type CreditInput, type Parsed } from './input-validation.ts';
export { roundHours, sumHours } from './hours-math.ts';
