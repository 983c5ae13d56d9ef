// Closeout (issue 3): request/response schemas and audit actions of the closeout module.

/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const CLOSEOUT_AUDIT_ACTIONS = {} as const;
