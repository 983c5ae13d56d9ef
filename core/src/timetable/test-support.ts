// Builders, a seeded PRNG and an O(n²) reference implementation for the timetable tests.
import { audiencePath, audiencesOverlap, parseInstant, type Audience, type Session, type Venue } from './session.ts';
import { haversineKm, requiredTravelMinutes } from './geo.ts';
import { mulberry32 } from '../random/index.ts';

/** ISO instant on day `day` of May 2026 in Beijing time: at(11, '09:00') → 2026-05-11T09:00:00+08:00. */
export function at(day: number, hhmm: string): string {
  return `2026-05-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;
}

let counter = 0;

/** A lecture for the whole program on 11 May 09:00–10:00 with no venue, overridden as needed. */
export function session(overrides: Partial<Session> = {}): Session {
  counter++;
  return {
    id: `s${counter}`,
    title: `课程${counter}`,
    type: 'lecture',
    start: at(11, '09:00'),
    end: at(11, '10:00'),
    venue: null,
    instructorIds: [],
    audience: { kind: 'program' },
    creditedHours: 1,
    ...overrides,
  };
}

export function venue(id: string, overrides: Partial<Venue> = {}): Venue {
  return { id, name: id, offsite: false, ...overrides };
}

export const PROGRAM: Audience = { kind: 'program' };
export const cls = (classId: string): Audience => ({ kind: 'class', classId });
export const grp = (classId: string, groupId: string): Audience => ({ kind: 'group', classId, groupId });

/** mulberry32 (core/src/random): seeded, so a failing property test replays exactly. */
export const prng = mulberry32;

/** Random sessions on a 15-minute grid over `days` days, with a few instructors, venues, classes and groups. */
export function randomSessions(n: number, seed: number, days: number): Session[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const venues = Array.from({ length: 12 }, (_, i) =>
    venue(`v${i}`, i < 9 ? { name: `场地${i}`, lat: 22.5 + rand() * 0.2, lng: 113.9 + rand() * 0.2 } : { name: `场地${i}` }),
  );
  const instructors = Array.from({ length: 30 }, (_, i) => `t${i}`);
  const base = Date.parse('2026-05-11T00:00:00+08:00');
  return Array.from({ length: n }, (_, i) => {
    const startMs = base + Math.floor(rand() * days * 96) * 15 * 60_000;
    const endMs = startMs + (1 + Math.floor(rand() * 12)) * 15 * 60_000;
    const r = rand();
    const audience = r < 0.1 ? PROGRAM : r < 0.4 ? cls(`c${Math.floor(rand() * 4)}`) : grp(`c${Math.floor(rand() * 4)}`, `g${Math.floor(rand() * 3)}`);
    return {
      id: `r${i}`,
      title: `随机${i}`,
      type: 'lecture',
      start: new Date(startMs).toISOString(),
      end: new Date(endMs).toISOString(),
      venue: rand() < 0.1 ? null : pick(venues),
      instructorIds: rand() < 0.3 ? [] : rand() < 0.8 ? [pick(instructors)] : [pick(instructors), pick(instructors)],
      audience,
      creditedHours: 1,
    };
  });
}

/**
 * The conflict rules written the slow, obvious way: every pair, and every audience timeline scanned in full.
 * Returns `kind|firstId|secondId` keys, sorted.
 */
export function naiveConflictKeys(sessions: readonly Session[], speedKmh = 30, bufferMinutes = 15): string[] {
  const t = sessions.map((s) => ({ s, start: parseInstant(s.start)!, end: parseInstant(s.end)! }));
  const before = (a: (typeof t)[number], b: (typeof t)[number]) =>
    a.start !== b.start ? a.start < b.start : a.end !== b.end ? a.end < b.end : a.s.id < b.s.id;
  const keys = new Set<string>();
  for (const a of t) {
    for (const b of t) {
      if (a === b || !before(a, b)) continue;
      if (Math.max(a.start, b.start) >= Math.min(a.end, b.end)) continue;
      const pair = `${a.s.id}|${b.s.id}`;
      if (a.s.instructorIds.some((id) => b.s.instructorIds.includes(id))) keys.add(`instructor|${pair}`);
      if (a.s.venue && b.s.venue && a.s.venue.id === b.s.venue.id) keys.add(`venue|${pair}`);
      if (audiencesOverlap(a.s.audience, b.s.audience)) keys.add(`audience|${pair}`);
    }
  }
  const nodes = new Map(t.map((x) => [audiencePath(x.s.audience).at(-1)!, audiencePath(x.s.audience)]));
  for (const path of nodes.values()) {
    const timeline = t.filter((x) => path.includes(audiencePath(x.s.audience).at(-1)!));
    for (const b of timeline) {
      if (timeline.some((c) => c !== b && c.start <= b.start && b.start < c.end)) continue;
      const ended = timeline.filter((c) => c.end <= b.start);
      const last = Math.max(...ended.map((c) => c.end));
      for (const a of ended.filter((c) => c.end === last)) {
        const va = a.s.venue;
        const vb = b.s.venue;
        if (!va || !vb || va.id === vb.id || va.lat === undefined || va.lng === undefined || vb.lat === undefined || vb.lng === undefined) continue;
        const need = requiredTravelMinutes(haversineKm(va.lat, va.lng, vb.lat, vb.lng), speedKmh, bufferMinutes);
        if ((b.start - a.end) / 60_000 < need) keys.add(`travel|${a.s.id}|${b.s.id}`);
      }
    }
  }
  return [...keys].sort();
}
