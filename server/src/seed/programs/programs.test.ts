// Rules the demo programs must keep: determinism, the source figures of S1/S2/S6, and conflict-free timetables.
import { isGrassrootsLevel } from '@duibiao/contracts';
import { curriculumMetrics, findConflicts } from '@duibiao/core/timetable/index';
import { describe, expect, it } from 'vitest';
import { buildDemoData } from '../demo-data.ts';
import { S2_THEMES, type S2Theme } from '../specialties.ts';
import { buildDemoPrograms, sessionsOfGroup, type DemoProgram } from './index.ts';

const data = buildDemoData();
const programs = buildDemoPrograms(data);
const byScenario = (s: DemoProgram['scenario']) => programs.find((p) => p.scenario === s)!;
const cadreById = new Map(data.cadres.map((c) => [c.idNumber, c]));
const orgByCode = new Map(data.orgs.map((o) => [o.code, o]));
const isGrassroots = (id: string) => isGrassrootsLevel(orgByCode.get(cadreById.get(id)!.orgCode)!.level);
const localDay = (iso: string) => iso.slice(0, 10);
const days = (p: DemoProgram) => new Set(p.sessions.map((s) => localDay(s.start))).size;

describe('buildDemoPrograms', () => {
  it('is deterministic for the same data and seed, and the seed only moves people', () => {
    expect(buildDemoPrograms(buildDemoData(), {})).toEqual(programs);
    const other = buildDemoPrograms(data, { seed: 7 });
    expect(other.map((p) => p.sessions.map((s) => [s.start, s.title]))).toEqual(programs.map((p) => p.sessions.map((s) => [s.start, s.title])));
    expect(other.map((p) => p.classes.map((c) => c.groups.map((g) => g.memberIdNumbers)))).not.toEqual(
      programs.map((p) => p.classes.map((c) => c.groups.map((g) => g.memberIdNumbers))),
    );
  });

  it('works for the cadres of another demo seed', () => {
    const otherData = buildDemoData({ seed: 99 });
    for (const p of buildDemoPrograms(otherData)) expect(findConflicts(p.sessions)).toEqual([]);
  });

  it('gives S1, S2 and S6 with unique codes and known organizers', () => {
    expect(programs.map((p) => p.scenario)).toEqual(['S1', 'S2', 'S6']);
    expect(new Set(programs.map((p) => p.code)).size).toBe(3);
    for (const p of programs) expect(orgByCode.get(p.organizerOrgCode)?.name).toMatch(/组织部$/);
  });

  it('has session ids unique across programs and instants in Beijing time', () => {
    const ids = programs.flatMap((p) => p.sessions.map((s) => s.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of programs.flatMap((p) => p.sessions)) {
      expect(s.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/);
      expect(s.end).toMatch(/\+08:00$/);
    }
  });
});

describe.each(programs.map((p) => [p.scenario, p] as const))('%s timetable and roster', (_, p) => {
  it('has no conflicts', () => {
    expect(findConflicts(p.sessions)).toEqual([]);
  });

  it('keeps every session within the program dates, daytime sessions within 08:30–17:30', () => {
    for (const s of p.sessions) {
      expect(localDay(s.start) >= p.startDate && localDay(s.end) <= p.endDate).toBe(true);
      expect(localDay(s.start)).toBe(localDay(s.end));
      expect(s.start.slice(11, 16) >= '08:30').toBe(true);
      // Only S2 meets in the evening ("白天上课，晚上研讨"), and only to seminar.
      if (s.end.slice(11, 16) > '17:30') expect([p.scenario, s.type]).toEqual(['S2', 'seminar']);
    }
  });

  it('uses known instructors, venues with coordinates, and known groups in audiences', () => {
    const instructors = new Set(p.instructors.map((i) => i.id));
    const venues = new Map(p.venues.map((v) => [v.id, v]));
    const groups = new Set(p.classes.flatMap((c) => c.groups.map((g) => `${c.id}/${g.id}`)));
    const classes = new Set(p.classes.map((c) => c.id));
    for (const s of p.sessions) {
      for (const id of s.instructorIds) expect(instructors.has(id)).toBe(true);
      expect(venues.get(s.venue!.id)).toEqual(s.venue);
      if (s.audience.kind === 'class') expect(classes.has(s.audience.classId)).toBe(true);
      if (s.audience.kind === 'group') expect(groups.has(`${s.audience.classId}/${s.audience.groupId}`)).toBe(true);
    }
    for (const v of p.venues) {
      expect(v.lat).toBeGreaterThan(18);
      expect(v.lat).toBeLessThan(54);
      expect(v.lng).toBeGreaterThan(73);
      expect(v.lng).toBeLessThan(135);
    }
    for (const c of p.classes) expect(instructors.has(c.tutor)).toBe(true);
  });

  it('enrols existing cadres of the scenario once, in groups of 6–10 with a leader and a monitor', () => {
    const trainees = p.classes.flatMap((c) => c.traineeIdNumbers);
    expect(new Set(trainees).size).toBe(trainees.length);
    for (const id of trainees) expect(cadreById.get(id)?.scenarioTags).toContain(p.scenario);
    expect(trainees.length).toBe(data.cadres.filter((c) => c.scenarioTags.includes(p.scenario)).length);
    for (const c of p.classes) {
      expect(c.traineeIdNumbers.length).toBeLessThanOrEqual(c.capacity);
      expect(c.groups.flatMap((g) => g.memberIdNumbers).sort()).toEqual([...c.traineeIdNumbers].sort());
      for (const g of c.groups) {
        expect(g.memberIdNumbers.length).toBeGreaterThanOrEqual(6);
        expect(g.memberIdNumbers.length).toBeLessThanOrEqual(10);
        expect(g.memberIdNumbers).toContain(g.leaderIdNumber);
      }
      expect(c.traineeIdNumbers).toContain(c.monitorIdNumber);
    }
  });
});

describe('S1 Harbin Daoli at HIT Shenzhen', () => {
  const p = byScenario('S1');

  it('has 29 trainees over 5 days, closed', () => {
    expect(p.classes).toHaveLength(1);
    expect(p.classes[0]!.traineeIdNumbers).toHaveLength(29);
    expect(days(p)).toBe(5);
    expect([p.startDate, p.endDate, p.status]).toEqual(['2026-11-09', '2026-11-13', 'closed']);
    expect(p.partner).toBe('哈尔滨工业大学（深圳）');
  });

  it('has the lectures, site visits, seminars and ceremonies of the source', () => {
    const titles = p.sessions.map((s) => s.title).join('\n');
    for (const t of ['区域经济与城市发展', '领导力提升', '一带一路的理论与实践', '大疆创新', '比亚迪', '前海深港青年梦工场', '福田区行政服务中心'])
      expect(titles).toContain(t);
    const types = new Set(p.sessions.map((s) => s.type));
    for (const t of ['lecture', 'site_visit', 'seminar', 'ceremony'] as const) expect(types).toContain(t);
    const lecturers = p.sessions.filter((s) => s.type === 'lecture').flatMap((s) => s.instructorIds);
    for (const id of lecturers) expect(p.instructors.find((i) => i.id === id)?.unit).toBe('哈尔滨工业大学（深圳）');
  });
});

describe('S2 Dalian young-cadre class series', () => {
  const p = byScenario('S2');
  const themes = Object.keys(S2_THEMES) as S2Theme[];

  it('is one 7-day program with four theme classes of 50', () => {
    expect(days(p)).toBe(7);
    expect(p.classes.map((c) => c.theme)).toEqual(themes);
    for (const c of p.classes) expect(c.traineeIdNumbers).toHaveLength(50);
    expect(p.status).toBe('closed');
  });

  it('has at least half grassroots cadres in every class and mostly matches specialties', () => {
    for (const c of p.classes) {
      const grassroots = c.traineeIdNumbers.filter(isGrassroots).length;
      expect(grassroots / c.traineeIdNumbers.length).toBeGreaterThanOrEqual(0.5);
      const fitting: readonly string[] = S2_THEMES[c.theme as S2Theme];
      const matched = c.traineeIdNumbers.filter((id) => cadreById.get(id)!.specialties.some((s) => fitting.includes(s))).length;
      expect(matched).toBeGreaterThanOrEqual(30);
    }
  });

  it('gives every class a Party-school tutor', () => {
    for (const c of p.classes) expect(p.instructors.find((i) => i.id === c.tutor)).toMatchObject({ role: 'tutor', unit: '中共大连市委党校' });
    expect(new Set(p.classes.map((c) => c.tutor)).size).toBe(4);
  });

  it('meets the curriculum targets for every trainee: 76 % on-site, more than 20 seminar hours', () => {
    for (const c of p.classes) {
      for (const g of c.groups) {
        const m = curriculumMetrics(sessionsOfGroup(p, c.id, g.id), p.targets);
        expect(m.checks.every((check) => check.met)).toBe(true);
        expect(Math.abs(m.onsiteShare - 0.76)).toBeLessThanOrEqual(0.005);
        expect(m.seminarHours).toBeGreaterThan(20);
      }
    }
  });

  it('has 11 distinct leader-lecturers, one of them for the whole program', () => {
    const roleOf = new Map(p.instructors.map((i) => [i.id, i.role]));
    const leaders = new Set(p.sessions.flatMap((s) => s.instructorIds).filter((id) => roleOf.get(id) === 'leader'));
    expect(leaders.size).toBe(11);
    const programWide = p.sessions.filter((s) => s.audience.kind === 'program');
    expect(programWide.map((s) => s.type).sort()).toEqual(['ceremony', 'lecture']);
  });

  it('ends each class with four 5-minute report presentations on the last day, and has group sessions', () => {
    for (const c of p.classes) {
      const reports = p.sessions.filter((s) => s.type === 'exchange' && s.audience.kind === 'class' && s.audience.classId === c.id);
      expect(reports).toHaveLength(4);
      for (const r of reports) {
        expect(localDay(r.start)).toBe(p.endDate);
        expect(Date.parse(r.end) - Date.parse(r.start)).toBe(5 * 60_000);
      }
      const grouped = p.sessions.filter((s) => s.audience.kind === 'group' && s.audience.classId === c.id);
      expect(new Set(grouped.map((s) => (s.audience.kind === 'group' ? s.audience.groupId : ''))).size).toBe(c.groups.length);
    }
  });
});

describe('S6 Keqiao in Shenzhen', () => {
  const p = byScenario('S6');

  it('is a 4-day class of the S6 cadres awaiting reflections', () => {
    expect(days(p)).toBe(4);
    expect(p.classes[0]!.traineeIdNumbers).toHaveLength(25);
    expect(p.status).toBe('follow_up');
    expect(p.sessions.some((s) => s.type === 'site_visit')).toBe(true);
    expect(p.sessions.some((s) => s.type === 'lecture')).toBe(true);
  });
});
