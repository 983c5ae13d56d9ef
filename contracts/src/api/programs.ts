// Programs (issue 3): request/response schemas and audit actions of the programs module.

/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const PROGRAMS_AUDIT_ACTIONS = {} as const;
