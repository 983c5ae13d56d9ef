// 课题过程管控：节点、提交版本、评审打分、外挂团队 (issue 5). Request/response schemas of the milestones module.
/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const MILESTONES_AUDIT_ACTIONS = {} as const;
