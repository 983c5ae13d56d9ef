// Timetables of a program: session vocabulary, conflict detection, curriculum metrics and iCalendar export.
export {
  SESSION_TYPES,
  SESSION_TYPE_LABELS,
  isSessionType,
  audiencesOverlap,
  parseInstant,
  type Audience,
  type Bilingual,
  type Session,
  type SessionType,
  type Venue,
} from './session.ts';
export { haversineKm, requiredTravelMinutes } from './geo.ts';
export { findConflicts, type Conflict, type ConflictKind, type ConflictOptions, type OverlapDetail, type TravelDetail } from './conflicts.ts';
export { curriculumMetrics, type CurriculumCheck, type CurriculumMetrics, type CurriculumOptions, type CurriculumTargets } from './metrics.ts';
export { toICalendar, type ICalendarInput } from './ical.ts';
export { InputError, readSessions } from './cli-input.ts';
