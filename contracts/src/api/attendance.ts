// Attendance (issue 3): request/response schemas and audit actions of the attendance module.

/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const ATTENDANCE_AUDIT_ACTIONS = {} as const;
