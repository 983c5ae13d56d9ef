// 综合评价：答辩、单位评价、出勤、心得、落地加权 (issue 5). Request/response schemas of the evaluation module.
/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const EVALUATION_AUDIT_ACTIONS = {} as const;
