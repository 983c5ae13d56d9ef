// Pure timetable rules: Beijing-time instants, stored targets, audience paths, session record checks.
import { describe, expect, it } from 'vitest';
import { checkRecord, isMoveOnly, mergePatch, registryFits, type SessionRecord } from './session-record.rules.ts';
import { audiencePaths, beijingDate, onDate, parseTargets, toBeijingIso, toCoreTargets } from './timetable.rules.ts';

describe('toBeijingIso', () => {
  it('rewrites any offset as +08:00 wall time, across midnight', () => {
    expect(toBeijingIso('2026-08-25T17:30:00Z')).toBe('2026-08-26T01:30:00+08:00');
    expect(toBeijingIso('2026-08-25T09:00:00+08:00')).toBe('2026-08-25T09:00:00+08:00');
    expect(beijingDate('2026-08-25T16:00:00Z')).toBe('2026-08-26');
    expect(beijingDate('2026-08-25T15:59:59Z')).toBe('2026-08-25');
  });
  it('keeps the clock when copying to another date', () => {
    expect(onDate('2026-08-25T09:15:00+08:00', '2026-08-27')).toBe('2026-08-27T09:15:00+08:00');
  });
});

describe('parseTargets', () => {
  it('reads shares, seminar hours and per-type minimums named sessionType or type', () => {
    const t = parseTargets(
      JSON.stringify({
        onsiteShareMin: 0.7,
        seminarHoursMin: 20,
        minimums: [
          { sessionType: 'lecture', hoursMin: 8 },
          { type: 'party_spirit', hoursMin: 4 },
        ],
      }),
    );
    expect(t).toEqual({
      onsiteShareMin: 0.7,
      seminarHoursMin: 20,
      minimums: [
        { sessionType: 'lecture', hoursMin: 8 },
        { sessionType: 'party_spirit', hoursMin: 4 },
      ],
    });
    expect(toCoreTargets(t)).toEqual({ onsiteShareMin: 0.7, seminarHoursMin: 20, perTypeMinHours: { lecture: 8, party_spirit: 4 } });
  });
  it('treats unreadable targets as none', () => {
    expect(parseTargets('not json')).toEqual({ onsiteShareMin: null, seminarHoursMin: null, minimums: [] });
    expect(parseTargets(JSON.stringify({ onsiteShareMin: '70%', minimums: [{ sessionType: 'dance', hoursMin: 1 }] }))).toEqual({
      onsiteShareMin: null,
      seminarHoursMin: null,
      minimums: [],
    });
    expect(toCoreTargets(parseTargets('{}'))).toEqual({});
  });
});

describe('audiencePaths', () => {
  const classes = [
    { id: 1, name: '一班' },
    { id: 2, name: '二班' },
  ];
  const groups = [
    { id: 10, class_id: 1, name: '一组' },
    { id: 11, class_id: 1, name: '二组' },
  ];
  it('has one path per group, per class without groups, or the whole program', () => {
    expect(audiencePaths(classes, groups, {}).map((p) => p.label)).toEqual(['一班·一组', '一班·二组', '二班']);
    expect(audiencePaths([], [], {})).toEqual([{ classId: null, groupId: null, label: '全体学员' }]);
  });
  it('narrows to a class or a group', () => {
    expect(audiencePaths(classes, groups, { classId: 2 }).map((p) => p.label)).toEqual(['二班']);
    expect(audiencePaths(classes, groups, { groupId: 11 }).map((p) => p.label)).toEqual(['一班·二组']);
  });
});

describe('session records', () => {
  const base: SessionRecord = {
    type: 'lecture',
    title: '讲座',
    startsAt: '2026-08-25T09:00:00+08:00',
    endsAt: '2026-08-25T11:00:00+08:00',
    venueId: null,
    instructorIds: [],
    audienceKind: 'program',
    classId: null,
    groupId: null,
    creditedHours: 2,
    mode: 'offline',
    checkinEnabled: true,
    geofenceM: null,
    notes: null,
  };
  const ctx = {
    program: { start_date: '2026-08-25', end_date: '2026-08-31', organizer_path: '/1/5/' },
    classIds: new Set([7]),
    groups: new Map([[70, { id: 70, class_id: 7, name: '一组' }]]),
    venuePaths: new Map([
      [1, '/1/'],
      [2, '/1/5/9/'],
      [3, '/1/6/'],
    ]),
    instructorPaths: new Map([[4, '/2/']]),
  };

  it('accepts registry entries of the organizer, above it and below it, not of a sibling', () => {
    expect(registryFits('/1/', '/1/5/')).toBe(true);
    expect(registryFits('/1/5/', '/1/5/')).toBe(true);
    expect(registryFits('/1/5/9/', '/1/5/')).toBe(true);
    expect(registryFits('/1/6/', '/1/5/')).toBe(false);
    expect(checkRecord({ ...base, venueId: 3, instructorIds: [4] }, ctx).errors.map((e) => e.field)).toEqual(['venueId', 'instructorIds.0']);
  });

  it('checks the program dates on both ends (first and last day included)', () => {
    expect(checkRecord({ ...base, startsAt: '2026-08-31T20:00:00+08:00', endsAt: '2026-08-31T21:00:00+08:00' }, ctx).errors).toEqual([]);
    expect(checkRecord({ ...base, startsAt: '2026-08-31T23:00:00+08:00', endsAt: '2026-09-01T01:00:00+08:00' }, ctx).errors.map((e) => e.field)).toEqual([
      'endsAt',
    ]);
    expect(checkRecord({ ...base, startsAt: '2026-08-24T09:00:00+08:00' }, ctx).errors.map((e) => e.field)).toEqual(['startsAt']);
  });

  it('derives the class of a group audience and refuses a group of another class', () => {
    expect(checkRecord({ ...base, audienceKind: 'group', groupId: 70 }, ctx).record).toMatchObject({ classId: 7, groupId: 70 });
    expect(checkRecord({ ...base, audienceKind: 'group', groupId: 70, classId: 8 }, ctx).errors).toEqual([{ field: 'classId', message: '小组不属于所选班级' }]);
    expect(checkRecord({ ...base, audienceKind: 'class', classId: null }, ctx).errors[0]!.field).toBe('classId');
    // A program-wide session drops stray ids.
    expect(checkRecord({ ...base, classId: 7, groupId: 70 }, ctx).record).toMatchObject({ classId: null, groupId: null });
  });

  it('merges a patch and tells a move from an edit', () => {
    const moved = mergePatch(base, { startsAt: '2026-08-25T06:00:00Z', endsAt: '2026-08-25T08:00:00Z' });
    expect(moved).toMatchObject({ startsAt: '2026-08-25T14:00:00+08:00', endsAt: '2026-08-25T16:00:00+08:00', title: '讲座' });
    expect(isMoveOnly(base, moved)).toBe(true);
    expect(isMoveOnly(base, mergePatch(base, { startsAt: '2026-08-25T10:00:00+08:00', title: '新讲座' }))).toBe(false);
    expect(mergePatch({ ...base, audienceKind: 'group', classId: 7, groupId: 70 }, { classId: 7 })).toMatchObject({ audienceKind: 'class', groupId: null });
  });
});
