// 研究课题：招拍挂投标、课题分配、工作专班 (issue 5). Request/response schemas of the topics module.
/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const TOPICS_AUDIT_ACTIONS = {} as const;
