// Class and group formation (S2 分班建组): validation, feasibility report, exact class assignment, study groups, checks.
export type {
  ClassResult,
  ClassSpec,
  GroupingInstance,
  GroupingSolution,
  GroupResult,
  GroupSize,
  Level,
  Lock,
  PathError,
  Person,
  PersonAttributes,
} from './types.ts';
export { parseInstance, type ParseResult } from './validate.ts';
export { canSplit, classSizes, feasibilityReport, groupSizes, lockedGroupLabels, planGroupSizes, requiredGrassroots, type FeasibilityIssue } from './plan.ts';
export { assignClasses, fit, type ClassAssignment } from './assign-classes.ts';
export { formGroups, spreadPairs, type FormedGroups, type GroupsInput } from './form-groups.ts';
export { evaluate, type Violation, type ViolationCode } from './evaluate.ts';
export { solveGrouping, type ClassStats, type GroupingResult } from './solve.ts';
export { exactClassFit, exactGroups } from './exact.ts';
