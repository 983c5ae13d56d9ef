// Feedback (issue 3): request/response schemas and audit actions of the feedback module.

/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const FEEDBACK_AUDIT_ACTIONS = {} as const;
