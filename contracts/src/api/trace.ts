// 成果溯源与转化漏斗 (issue 5). Request/response schemas of the trace module.
/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const TRACE_AUDIT_ACTIONS = {} as const;
