// 调研报告、对策建议与成果落地跟踪 (issue 5). Request/response schemas of the results module.
/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const RESULTS_AUDIT_ACTIONS = {} as const;
