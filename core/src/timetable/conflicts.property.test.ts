// The sweep agrees with an O(n²) reference on random timetables, and stays fast on a large one.
import { describe, expect, it } from 'vitest';
import { findConflicts } from './conflicts.ts';
import { naiveConflictKeys, randomSessions } from './test-support.ts';

const keysOf = (sessions: Parameters<typeof findConflicts>[0], options?: Parameters<typeof findConflicts>[1]) =>
  findConflicts(sessions, options)
    .map((c) => `${c.kind}|${c.sessionIds[0]}|${c.sessionIds[1]}`)
    .sort();

describe('findConflicts on random timetables', () => {
  for (const seed of [1, 2, 3, 42, 2026]) {
    it(`matches the O(n²) reference (seed ${seed})`, () => {
      const sessions = randomSessions(250, seed, 3);
      const expected = naiveConflictKeys(sessions);
      // Guard against a vacuous pass: every kind must occur.
      for (const kind of ['instructor', 'venue', 'audience', 'travel']) expect(expected.some((k) => k.startsWith(`${kind}|`))).toBe(true);
      expect(keysOf(sessions)).toEqual(expected);
    });
  }

  it('matches the reference with other speed and buffer', () => {
    const sessions = randomSessions(200, 7, 2);
    expect(keysOf(sessions, { travelSpeedKmh: 12, bufferMinutes: 5 })).toEqual(naiveConflictKeys(sessions, 12, 5));
  });

  it('handles 5,000 sessions over 60 days in under a second', () => {
    const sessions = randomSessions(5_000, 99, 60);
    findConflicts(sessions.slice(0, 500)); // warm-up, so the timing measures the algorithm rather than the JIT
    const started = performance.now();
    const conflicts = findConflicts(sessions);
    const ms = performance.now() - started;
    console.log(`findConflicts: 5000 sessions → ${conflicts.length} conflicts in ${ms.toFixed(0)} ms`);
    expect(conflicts.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(1_000);
  });
});
