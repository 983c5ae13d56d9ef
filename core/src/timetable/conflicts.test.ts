// Conflict rules, each on both sides of its boundary.
import { describe, expect, it } from 'vitest';
import { findConflicts, type Conflict } from './conflicts.ts';
import { PROGRAM, at, cls, grp, session, venue } from './test-support.ts';

const kinds = (conflicts: Conflict[]) => conflicts.map((c) => `${c.kind}:${c.sessionIds.join('>')}`);

describe('findConflicts: what counts as an overlap', () => {
  const a = (start: string, end: string, id: string) => session({ id, start: at(11, start), end: at(11, end), instructorIds: ['t1'], audience: cls(id) });

  it('does not flag back-to-back sessions but flags a one-minute overlap', () => {
    expect(findConflicts([a('10:00', '11:00', 'x'), a('11:00', '12:00', 'y')])).toEqual([]);
    expect(kinds(findConflicts([a('10:00', '11:01', 'x'), a('11:00', '12:00', 'y')]))).toEqual(['instructor:x>y']);
  });

  it('flags containment and identical times, and reports the overlap', () => {
    const [c] = findConflicts([a('09:00', '12:00', 'x'), a('10:00', '10:30', 'y')]);
    expect(c).toMatchObject({ kind: 'instructor', detail: { overlapStart: at(11, '10:00'), overlapEnd: at(11, '10:30'), overlapMinutes: 30 } });
    expect(kinds(findConflicts([a('09:00', '10:00', 'x'), a('09:00', '10:00', 'y')]))).toEqual(['instructor:x>y']);
  });

  it('compares instants, not strings, across offsets', () => {
    const x = session({ id: 'x', start: '2026-05-11T01:00:00Z', end: '2026-05-11T02:00:00Z', instructorIds: ['t1'], audience: cls('a') });
    const y = session({ id: 'y', start: at(11, '09:59'), end: at(11, '11:00'), instructorIds: ['t1'], audience: cls('b') });
    expect(kinds(findConflicts([x, y]))).toEqual(['instructor:x>y']);
    expect(findConflicts([x, { ...y, start: at(11, '10:00') }])).toEqual([]);
  });
});

describe('findConflicts: instructors and venues', () => {
  it('flags a shared instructor once per pair, naming every shared one, and ignores different instructors', () => {
    const x = session({ id: 'x', instructorIds: ['t1', 't2', 't3'], audience: cls('a') });
    const y = session({ id: 'y', instructorIds: ['t2', 't1'], audience: cls('b') });
    const z = session({ id: 'z', instructorIds: ['t9'], audience: cls('c') });
    const conflicts = findConflicts([x, y, z], { names: { t1: '王教授', t2: '李教授' } });
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'instructor', sessionIds: ['x', 'y'], detail: { instructorIds: ['t2', 't1'] } });
    expect(conflicts[0]!.message.zh).toContain('李教授、王教授');
  });

  it('does not pair a session with itself when an instructor is listed twice', () => {
    expect(findConflicts([session({ instructorIds: ['t1', 't1'] })])).toEqual([]);
  });

  it('flags the same venue but not different venues or missing venues', () => {
    const hall = venue('hall', { name: '报告厅' });
    const x = session({ id: 'x', title: '区域经济与城市发展', venue: hall, audience: cls('a') });
    const y = session({ id: 'y', title: '领导力提升', venue: hall, audience: cls('b') });
    expect(findConflicts([x, y])).toEqual([
      expect.objectContaining({ kind: 'venue', sessionIds: ['x', 'y'], detail: expect.objectContaining({ venueId: 'hall' }) }),
    ]);
    expect(findConflicts([x, { ...y, venue: venue('room') }])).toEqual([]);
    expect(
      findConflicts([
        { ...x, venue: null },
        { ...y, venue: null },
      ]),
    ).toEqual([]);
    expect(findConflicts([x, y])[0]!.message.zh).toBe('场地「报告厅」同时安排了「区域经济与城市发展」与「领导力提升」，重叠 60 分钟');
  });
});

describe('findConflicts: audiences', () => {
  const pair = (p: Parameters<typeof session>[0], q: Parameters<typeof session>[0]) =>
    kinds(findConflicts([session({ id: 'x', ...p }), session({ id: 'y', ...q })]));

  it('program-wide overlaps everyone', () => {
    expect(pair({ audience: PROGRAM }, { audience: PROGRAM })).toEqual(['audience:x>y']);
    expect(pair({ audience: PROGRAM }, { audience: cls('a') })).toEqual(['audience:x>y']);
    expect(pair({ audience: grp('a', '1') }, { audience: PROGRAM })).toEqual(['audience:x>y']);
  });

  it('the same class overlaps, and so do a class and its own group', () => {
    expect(pair({ audience: cls('a') }, { audience: cls('a') })).toEqual(['audience:x>y']);
    expect(pair({ audience: cls('a') }, { audience: grp('a', '1') })).toEqual(['audience:x>y']);
    expect(pair({ audience: grp('a', '1') }, { audience: grp('a', '1') })).toEqual(['audience:x>y']);
  });

  it('different classes, a class and another class’s group, and two groups of one class do not overlap', () => {
    expect(pair({ audience: cls('a') }, { audience: cls('b') })).toEqual([]);
    expect(pair({ audience: cls('a') }, { audience: grp('b', '1') })).toEqual([]);
    expect(pair({ audience: grp('a', '1') }, { audience: grp('a', '2') })).toEqual([]);
    // Same group id in different classes is a different group.
    expect(pair({ audience: grp('a', '1') }, { audience: grp('b', '1') })).toEqual([]);
  });

  it('names the shared people in the message', () => {
    const [c] = findConflicts([session({ audience: PROGRAM, title: '开班式' }), session({ audience: grp('a', '1'), title: '小组研讨' })], {
      names: { a: '一班', '1': '第一组' },
    });
    expect(c!.message.zh).toBe('班级「一班」小组「第一组」需同时参加「开班式」与「小组研讨」，重叠 60 分钟');
  });
});

describe('findConflicts: travel between venues', () => {
  // 0.1° of latitude is 11.12 km: 22.24 min at 30 km/h, rounded up to 23, plus the 15-minute buffer = 38.
  const north = venue('north', { name: '北站', lat: 22.6, lng: 114 });
  const south = venue('south', { name: '南站', lat: 22.5, lng: 114 });
  const trip = (gapStart: string, overrides: Parameters<typeof session>[0] = {}) => [
    session({ id: 'a', venue: south, start: at(11, '09:00'), end: at(11, '10:00'), audience: cls('c') }),
    session({ id: 'b', venue: north, start: at(11, gapStart), end: at(11, '12:00'), audience: cls('c'), ...overrides }),
  ];

  it('accepts a gap exactly equal to the time needed and flags one minute less', () => {
    expect(findConflicts(trip('10:38'))).toEqual([]);
    const conflicts = findConflicts(trip('10:37'));
    expect(conflicts).toEqual([expect.objectContaining({ kind: 'travel', sessionIds: ['a', 'b'] })]);
    expect(conflicts[0]!.detail).toMatchObject({ neededMinutes: 38, gapMinutes: 37, fromVenueId: 'south', toVenueId: 'north' });
    expect(conflicts[0]!.message.zh).toBe('从南站到北站约 11.1 公里，至少需要 38 分钟，实际间隔 37 分钟');
  });

  it('honours the speed and buffer options', () => {
    expect(findConflicts(trip('10:37'), { bufferMinutes: 14 })).toEqual([]);
    // 60 km/h: 11.12 km takes 11.1 → 12 min, + 15 = 27.
    expect(findConflicts(trip('10:27'), { travelSpeedKmh: 60 })).toEqual([]);
    expect(findConflicts(trip('10:26'), { travelSpeedKmh: 60 })).toHaveLength(1);
    expect(() => findConflicts(trip('10:26'), { travelSpeedKmh: 0 })).toThrow(RangeError);
  });

  it('skips sessions without coordinates, at the same venue, or for audiences that do not share people', () => {
    expect(findConflicts(trip('10:05', { venue: venue('north', { name: '北站' }) }))).toEqual([]);
    expect(findConflicts(trip('10:05', { venue: venue('nolat', { lng: 114 }) }))).toEqual([]);
    expect(findConflicts(trip('10:05', { venue: { ...south } }))).toEqual([]);
    expect(findConflicts(trip('10:05', { audience: cls('other') }))).toEqual([]);
    expect(findConflicts(trip('10:05', { audience: grp('c', '1') }))).toHaveLength(1);
  });

  it('checks only consecutive sessions: a session in between at a third venue breaks the pair', () => {
    const middle = session({ id: 'm', venue: venue('mid', { lat: 22.55, lng: 114 }), start: at(11, '10:00'), end: at(11, '10:05'), audience: cls('c') });
    // a (south) → m (mid, 5.6 km: 12 + 15 = 27 min needed, 0 given) → b (north, 27 needed, 0 given).
    const conflicts = findConflicts([...trip('10:05'), middle]);
    expect(kinds(conflicts)).toEqual(['travel:a>m', 'travel:m>b']);
  });

  it('follows each group through its own sessions, and leaves the audience conflict to speak when sessions overlap', () => {
    const g1 = session({ id: 'g1', venue: north, start: at(11, '10:00'), end: at(11, '10:30'), audience: grp('c', '1') });
    // Group 1 goes south → north with no gap; group 2 has no session, so its timeline is a → b directly.
    const sessions = [...trip('10:30'), g1];
    expect(kinds(findConflicts(sessions))).toEqual(['travel:a>g1', 'travel:a>b']);
    // o starts while a runs: an audience conflict, no travel check; b then follows o at the same venue.
    const overlapping = session({ id: 'o', venue: north, start: at(11, '09:30'), end: at(11, '10:20'), audience: cls('c') });
    expect(kinds(findConflicts([...trip('10:40'), overlapping]))).toEqual(['audience:a>o']);
  });

  it('reports a program-wide transfer once although every class timeline contains it', () => {
    const sessions = [
      session({ id: 'a', venue: south, start: at(11, '09:00'), end: at(11, '10:00') }),
      session({ id: 'b', venue: north, start: at(11, '10:10'), end: at(11, '11:00') }),
      session({ id: 'x', start: at(12, '09:00'), audience: cls('one'), end: at(12, '10:00') }),
      session({ id: 'y', start: at(12, '09:00'), audience: grp('two', 'g'), end: at(12, '10:00') }),
    ];
    expect(kinds(findConflicts(sessions))).toEqual(['travel:a>b']);
  });
});

describe('findConflicts: input and output', () => {
  it('rejects malformed instants, missing offsets, empty sessions and duplicate ids', () => {
    expect(() => findConflicts([session({ start: '2026-05-11 09:00' })])).toThrow(RangeError);
    expect(() => findConflicts([session({ start: '2026-05-11T09:00:00' })])).toThrow(/offset/);
    expect(() => findConflicts([session({ end: at(11, '09:00') })])).toThrow(/after start/);
    expect(() => findConflicts([session({ id: 'd', audience: cls('a') }), session({ id: 'd', audience: cls('b') })])).toThrow(/duplicate/);
  });

  it('sorts conflicts by session order, then kind', () => {
    const hall = venue('hall');
    const sessions = [
      session({ id: 'late1', start: at(12, '09:00'), end: at(12, '10:00'), audience: cls('a'), venue: hall }),
      session({ id: 'late2', start: at(12, '09:30'), end: at(12, '10:00'), audience: cls('b'), venue: hall }),
      session({ id: 'early1', instructorIds: ['t'], venue: hall }),
      session({ id: 'early2', instructorIds: ['t'], venue: hall }),
    ];
    expect(kinds(findConflicts(sessions))).toEqual(['instructor:early1>early2', 'venue:early1>early2', 'audience:early1>early2', 'venue:late1>late2']);
  });
});
