// Timetable conflicts: double-booked instructors, venues and audiences, and too little time to travel between venues.
import { haversineKm, requiredTravelMinutes } from './geo.ts';
import { toTimedSessions, type Audience, type Bilingual, type Session, type TimedSession } from './session.ts';
import { consecutiveByAudience, overlapsByAudience, overlapsBySharedKey } from './sweep.ts';

export type ConflictKind = 'instructor' | 'venue' | 'audience' | 'travel';

/** Where two sessions overlap; the instants are copied from the sessions, so they keep their offsets. */
export type OverlapDetail = { overlapStart: string; overlapEnd: string; overlapMinutes: number };

/** Travel between two consecutive sessions of one audience; `gapMinutes` is exact, `neededMinutes` whole. */
export type TravelDetail = { fromVenueId: string; toVenueId: string; distanceKm: number; neededMinutes: number; gapMinutes: number };

type ConflictBase = { sessionIds: [string, string]; message: Bilingual };

/** One problem between two sessions. For overlaps `sessionIds` is in timetable order; for travel it is [from, to]. */
export type Conflict =
  | (ConflictBase & { kind: 'instructor'; detail: OverlapDetail & { instructorIds: string[] } })
  | (ConflictBase & { kind: 'venue'; detail: OverlapDetail & { venueId: string } })
  | (ConflictBase & { kind: 'audience'; detail: OverlapDetail & { audiences: [Audience, Audience] } })
  | (ConflictBase & { kind: 'travel'; detail: TravelDetail });

export type ConflictOptions = {
  /** Door-to-door speed between venues; default 30 km/h, city traffic. */
  travelSpeedKmh?: number;
  /** Minutes added to every transfer for boarding, walking and gathering; default 15. */
  bufferMinutes?: number;
  /** Display names for instructor, class and group ids used in messages; the id is shown when missing. */
  names?: Record<string, string>;
};

const KIND_ORDER: Record<ConflictKind, number> = { instructor: 0, venue: 1, audience: 2, travel: 3 };
const MINUTE_MS = 60_000;

/**
 * All conflicts of a timetable, sorted by the first session's start. Overlap means an intersection of positive
 * length (10:00–11:00 and 11:00–12:00 do not overlap). Sort-and-sweep: O(n log n + conflicts) for overlaps.
 * Throws RangeError on malformed instants, an end not after its start, or duplicate ids.
 */
export function findConflicts(sessions: readonly Session[], options: ConflictOptions = {}): Conflict[] {
  const speed = options.travelSpeedKmh ?? 30;
  const buffer = options.bufferMinutes ?? 15;
  if (!(speed > 0)) throw new RangeError('travelSpeedKmh must be positive');
  if (!(buffer >= 0)) throw new RangeError('bufferMinutes must be zero or more');
  const nameOf = (id: string) => options.names?.[id] ?? id;

  const sorted = toTimedSessions(sessions);
  const order = new Map(sorted.map((t, i) => [t.session.id, i]));
  const conflicts: Conflict[] = [];

  // A pair sharing two instructors is one conflict naming both.
  const byInstructorPair = new Map<string, { a: TimedSession; b: TimedSession; ids: string[] }>();
  overlapsBySharedKey(
    sorted,
    (t) => new Set(t.session.instructorIds),
    (a, b) => {
      const key = `${a.session.id}\u0000${b.session.id}`;
      const shared = b.session.instructorIds.filter((id) => a.session.instructorIds.includes(id));
      if (!byInstructorPair.has(key)) byInstructorPair.set(key, { a, b, ids: [...new Set(shared)] });
    },
  );
  for (const { a, b, ids } of byInstructorPair.values()) {
    const overlap = overlapOf(a, b);
    const who = ids.map(nameOf).join('、');
    conflicts.push({
      kind: 'instructor',
      sessionIds: [a.session.id, b.session.id],
      message: {
        zh: `授课教师 ${who} 在「${a.session.title}」与「${b.session.title}」时间重叠 ${overlap.overlapMinutes} 分钟`,
        en: `Instructor ${ids.map(nameOf).join(', ')} is booked for "${a.session.title}" and "${b.session.title}" at once (${overlap.overlapMinutes} min overlap)`,
      },
      detail: { ...overlap, instructorIds: ids },
    });
  }

  overlapsBySharedKey(
    sorted,
    (t) => (t.session.venue ? [t.session.venue.id] : []),
    (a, b) => {
      const overlap = overlapOf(a, b);
      const venue = a.session.venue!;
      conflicts.push({
        kind: 'venue',
        sessionIds: [a.session.id, b.session.id],
        message: {
          zh: `场地「${venue.name}」同时安排了「${a.session.title}」与「${b.session.title}」，重叠 ${overlap.overlapMinutes} 分钟`,
          en: `Venue ${venue.name} hosts "${a.session.title}" and "${b.session.title}" at once (${overlap.overlapMinutes} min overlap)`,
        },
        detail: { ...overlap, venueId: venue.id },
      });
    },
  );

  overlapsByAudience(sorted, (a, b) => {
    const overlap = overlapOf(a, b);
    const who = describeAudience(narrower(a.session.audience, b.session.audience), nameOf);
    conflicts.push({
      kind: 'audience',
      sessionIds: [a.session.id, b.session.id],
      message: {
        zh: `${who.zh}需同时参加「${a.session.title}」与「${b.session.title}」，重叠 ${overlap.overlapMinutes} 分钟`,
        en: `${who.en} must attend "${a.session.title}" and "${b.session.title}" at once (${overlap.overlapMinutes} min overlap)`,
      },
      detail: { ...overlap, audiences: [a.session.audience, b.session.audience] },
    });
  });

  consecutiveByAudience(sorted, (from, to) => {
    const conflict = travelConflict(from, to, speed, buffer);
    if (conflict) conflicts.push(conflict);
  });

  const rank = (id: string) => order.get(id)!;
  return conflicts.sort(
    (x, y) => rank(x.sessionIds[0]) - rank(y.sessionIds[0]) || rank(x.sessionIds[1]) - rank(y.sessionIds[1]) || KIND_ORDER[x.kind] - KIND_ORDER[y.kind],
  );
}

function travelConflict(from: TimedSession, to: TimedSession, speed: number, buffer: number): Conflict | undefined {
  const a = from.session.venue;
  const b = to.session.venue;
  // Only venues with both coordinates can be measured; the same venue needs no transfer.
  if (!a || !b || a.id === b.id) return undefined;
  if (a.lat === undefined || a.lng === undefined || b.lat === undefined || b.lng === undefined) return undefined;
  const distanceKm = haversineKm(a.lat, a.lng, b.lat, b.lng);
  const neededMinutes = requiredTravelMinutes(distanceKm, speed, buffer);
  const gapMinutes = (to.start - from.end) / MINUTE_MS;
  if (gapMinutes >= neededMinutes) return undefined;
  const km = distanceKm.toFixed(1);
  // Floor, so a gap of 37.6 minutes never reads as the 38 that would have sufficed.
  const gap = Math.floor(gapMinutes);
  return {
    kind: 'travel',
    sessionIds: [from.session.id, to.session.id],
    message: {
      zh: `从${a.name}到${b.name}约 ${km} 公里，至少需要 ${neededMinutes} 分钟，实际间隔 ${gap} 分钟`,
      en: `From ${a.name} to ${b.name} is about ${km} km: at least ${neededMinutes} min needed, only ${gap} min between sessions`,
    },
    detail: { fromVenueId: a.id, toVenueId: b.id, distanceKm, neededMinutes, gapMinutes },
  };
}

function overlapOf(a: TimedSession, b: TimedSession): OverlapDetail {
  const start = a.start >= b.start ? a : b;
  const end = a.end <= b.end ? a : b;
  return {
    overlapStart: start.session.start,
    overlapEnd: end.session.end,
    overlapMinutes: Math.round((end.end - start.start) / MINUTE_MS),
  };
}

/** Of two overlapping audiences, the one naming the shared people (the deeper node of the tree). */
function narrower(a: Audience, b: Audience): Audience {
  const depth = (x: Audience) => (x.kind === 'program' ? 0 : x.kind === 'class' ? 1 : 2);
  return depth(a) >= depth(b) ? a : b;
}

function describeAudience(audience: Audience, nameOf: (id: string) => string): Bilingual {
  switch (audience.kind) {
    case 'program':
      return { zh: '全体学员', en: 'All participants' };
    case 'class':
      return { zh: `班级「${nameOf(audience.classId)}」`, en: `Class ${nameOf(audience.classId)}` };
    case 'group':
      return {
        zh: `班级「${nameOf(audience.classId)}」小组「${nameOf(audience.groupId)}」`,
        en: `Group ${nameOf(audience.groupId)} of class ${nameOf(audience.classId)}`,
      };
  }
}
