// Timetable service (issue 3): filled in by the timetable module.
import type { AppContext } from '../../context.ts';

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- scaffold: the module fills this in
export function createTimetableService(ctx: AppContext) {
  return {};
}
export type TimetableService = ReturnType<typeof createTimetableService>;
