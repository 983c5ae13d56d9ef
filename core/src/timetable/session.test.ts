// Session vocabulary, instant parsing, audience overlap and haversine distance.
import { describe, expect, it } from 'vitest';
import { haversineKm, requiredTravelMinutes } from './geo.ts';
import { SESSION_TYPES, SESSION_TYPE_LABELS, audiencesOverlap, isSessionType, parseInstant } from './session.ts';
import { PROGRAM, cls, grp } from './test-support.ts';

describe('session types', () => {
  it('has a zh and en label for each of the eight types', () => {
    expect(SESSION_TYPES).toHaveLength(8);
    expect(SESSION_TYPE_LABELS.onsite_teaching).toEqual({ zh: '现场教学', en: 'On-site teaching' });
    expect(SESSION_TYPE_LABELS.ceremony.zh).toBe('开班/结业式');
    for (const t of SESSION_TYPES) expect(SESSION_TYPE_LABELS[t].zh && SESSION_TYPE_LABELS[t].en).toBeTruthy();
    expect(isSessionType('seminar')).toBe(true);
    expect(isSessionType('workshop')).toBe(false);
  });
});

describe('parseInstant', () => {
  it('needs an explicit offset or Z', () => {
    expect(parseInstant('2026-05-11T09:00:00+08:00')).toBe(Date.parse('2026-05-11T01:00:00Z'));
    expect(parseInstant('2026-05-11T01:00Z')).toBe(Date.parse('2026-05-11T01:00:00Z'));
    expect(parseInstant('2026-05-11T01:00:00.500Z')).toBe(Date.parse('2026-05-11T01:00:00Z') + 500);
    expect(parseInstant('2026-05-11T09:00:00')).toBeUndefined();
    expect(parseInstant('2026-05-11')).toBeUndefined();
    expect(parseInstant('2026-13-11T09:00:00+08:00')).toBeUndefined();
  });
});

describe('audiencesOverlap', () => {
  it('is symmetric and follows the program → class → group tree', () => {
    const cases: [Parameters<typeof audiencesOverlap>[0], Parameters<typeof audiencesOverlap>[1], boolean][] = [
      [PROGRAM, PROGRAM, true],
      [PROGRAM, grp('a', '1'), true],
      [cls('a'), cls('a'), true],
      [cls('a'), grp('a', '1'), true],
      [grp('a', '1'), grp('a', '1'), true],
      [cls('a'), cls('b'), false],
      [cls('a'), grp('b', '1'), false],
      [grp('a', '1'), grp('a', '2'), false],
      [grp('a', '1'), grp('b', '1'), false],
    ];
    for (const [x, y, expected] of cases) {
      expect(audiencesOverlap(x, y)).toBe(expected);
      expect(audiencesOverlap(y, x)).toBe(expected);
    }
  });
});

describe('geo', () => {
  it('measures 0.1° of latitude as 11.12 km and Shenzhen Futian → Nanshan plausibly', () => {
    expect(haversineKm(22.5, 114, 22.6, 114)).toBeCloseTo(11.12, 2);
    expect(haversineKm(22.5, 114, 22.5, 114)).toBe(0);
    // Futian admin service centre → DJI HQ: about 17 km as the crow flies.
    expect(haversineKm(22.5431, 114.0579, 22.5786, 113.9374)).toBeGreaterThan(12);
  });

  it('rounds the drive up to whole minutes, ignoring float noise, then adds the buffer', () => {
    expect(requiredTravelMinutes(10, 30, 15)).toBe(35);
    expect(requiredTravelMinutes(10.01, 30, 15)).toBe(36);
    expect(requiredTravelMinutes(0, 30, 15)).toBe(15);
  });
});
