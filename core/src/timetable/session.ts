// Timetable vocabulary: session types with their labels, the session shape, and parsing of its instants.
import { LABELS, SESSION_TYPES, type SessionType } from '@duibiao/contracts';

/** A Chinese and an English text for the UI. */
export type Bilingual = { zh: string; en: string };

export { SESSION_TYPES, type SessionType };

/** Display labels of {@link SESSION_TYPES} (one table, in contracts, shared with the web app). */
export const SESSION_TYPE_LABELS: Readonly<Record<SessionType, Bilingual>> = LABELS.sessionType;

export const isSessionType = (value: unknown): value is SessionType => typeof value === 'string' && (SESSION_TYPES as readonly string[]).includes(value);

/** Where a session happens; coordinates (WGS-84 degrees) enable the travel check. */
export type Venue = { id: string; name: string; address?: string; lat?: number; lng?: number; offsite: boolean };

/** Who attends: the whole program, one class (班), or one study group (组) of a class. */
export type Audience = { kind: 'program' } | { kind: 'class'; classId: string } | { kind: 'group'; classId: string; groupId: string };

/** One timetable entry. `start`/`end` are ISO 8601 instants with an explicit offset, e.g. 2026-05-11T09:00:00+08:00. */
export type Session = {
  id: string;
  title: string;
  type: SessionType;
  start: string;
  end: string;
  venue: Venue | null;
  instructorIds: string[];
  audience: Audience;
  creditedHours: number;
};

// An offset is required: without one, Date.parse would read the wall time in the server's own zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Epoch milliseconds of an ISO instant with an explicit offset; undefined when malformed. */
export function parseInstant(iso: string): number | undefined {
  if (!INSTANT.test(iso)) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A session with its instants parsed once, so sorting and sweeping compare numbers. */
export type TimedSession = { session: Session; start: number; end: number };

/**
 * Parses every session's instants and returns them sorted by start, then end, then id.
 * Throws RangeError on a malformed instant, an end not after its start, or a repeated id —
 * each would make conflicts (and calendar UIDs) ambiguous.
 */
export function toTimedSessions(sessions: readonly Session[]): TimedSession[] {
  const seen = new Set<string>();
  const timed = sessions.map((session): TimedSession => {
    if (seen.has(session.id)) throw new RangeError(`duplicate session id: ${session.id}`);
    seen.add(session.id);
    const start = parseInstant(session.start);
    const end = parseInstant(session.end);
    if (start === undefined) throw new RangeError(`session ${session.id}: start is not an ISO instant with offset: ${session.start}`);
    if (end === undefined) throw new RangeError(`session ${session.id}: end is not an ISO instant with offset: ${session.end}`);
    if (end <= start) throw new RangeError(`session ${session.id}: end must be after start`);
    return { session, start, end };
  });
  return timed.sort(compareTimed);
}

/** Order of a timetable: start, then end, then id (ids are unique, so the order is total). */
export function compareTimed(a: TimedSession, b: TimedSession): number {
  if (a.start !== b.start) return a.start - b.start;
  if (a.end !== b.end) return a.end - b.end;
  return a.session.id < b.session.id ? -1 : a.session.id > b.session.id ? 1 : 0;
}

/**
 * Keys of the audience tree from the root down to this audience: program → class → group.
 * Two audiences share people exactly when one's path contains the other's last key.
 */
export function audiencePath(audience: Audience): string[] {
  // NUL cannot appear in a sensible id, so joined keys never collide.
  switch (audience.kind) {
    case 'program':
      return ['p'];
    case 'class':
      return ['p', `c\u0000${audience.classId}`];
    case 'group':
      return ['p', `c\u0000${audience.classId}`, `g\u0000${audience.classId}\u0000${audience.groupId}`];
  }
}

/** True when some participant belongs to both audiences (program-wide, or the same class, or a class and its own group). */
export function audiencesOverlap(a: Audience, b: Audience): boolean {
  const pa = audiencePath(a);
  const pb = audiencePath(b);
  return pa.includes(pb[pb.length - 1]!) || pb.includes(pa[pa.length - 1]!);
}
