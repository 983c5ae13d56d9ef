// Timetable (issue 3): request/response schemas and audit actions of the timetable module.

/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const TIMETABLE_AUDIT_ACTIONS = {} as const;
