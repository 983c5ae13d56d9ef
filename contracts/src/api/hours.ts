// Hours (issue 3): request/response schemas and audit actions of the hours module.

/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const HOURS_AUDIT_ACTIONS = {} as const;
