// 问题清单：问题征集、相似问题合并、版本化重点问题清单 (issue 5). Request/response schemas of the problems module.
/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const PROBLEMS_AUDIT_ACTIONS = {} as const;
