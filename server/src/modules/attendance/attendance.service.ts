// Attendance service (issue 3): filled in by the attendance module.
import type { AppContext } from '../../context.ts';

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- scaffold: the module fills this in
export function createAttendanceService(ctx: AppContext) {
  return {};
}
export type AttendanceService = ReturnType<typeof createAttendanceService>;
