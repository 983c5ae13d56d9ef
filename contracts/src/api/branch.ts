// 临时党支部：支委、党员、组织生活 (issue 5). Request/response schemas of the branch module.
/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const BRANCH_AUDIT_ACTIONS = {} as const;
