// Curriculum metrics: credited-hour shares and targets, with the S2 (Dalian) figures reproduced.
import { describe, expect, it } from 'vitest';
import { findConflicts } from './conflicts.ts';
import { curriculumMetrics } from './metrics.ts';
import type { Session, SessionType } from './session.ts';
import { at, session, venue } from './test-support.ts';

const hours = (type: SessionType, creditedHours: number) => session({ type, creditedHours });

/**
 * S2: 7 days for young cadres, on-site teaching 76 % of hours and more than 20 class hours of seminar. Credited
 * class hours (课时) are not clock hours: a day of site visits earns 12, an evening seminar 3.
 */
function s2Timetable(): Session[] {
  const school = venue('school', { name: '大连市委党校', lat: 38.914, lng: 121.614 });
  const site = venue('site', { name: '恒力石化厂区', lat: 39.02, lng: 121.75, offsite: true });
  const onsitePerDay = [8, 12, 12, 12, 12, 12, 8];
  const sessions: Session[] = [
    session({ type: 'ceremony', title: '开班式', start: at(11, '08:00'), end: at(11, '08:30'), venue: school, creditedHours: 0.5 }),
    session({ type: 'lecture', title: '推进经济高质量发展', start: at(11, '08:30'), end: at(11, '11:30'), venue: school, creditedHours: 3 }),
  ];
  onsitePerDay.forEach((credit, i) => {
    const day = 11 + i;
    // Day 1 starts on site after the opening at the school; the last day ends early for the closing.
    const start = i === 0 ? '13:30' : '08:00';
    sessions.push(
      session({
        type: i % 2 ? 'site_visit' : 'onsite_teaching',
        title: `现场教学 第${i + 1}天`,
        start: at(day, start),
        end: at(day, '17:30'),
        venue: site,
        creditedHours: credit,
      }),
      session({ type: 'seminar', title: `研讨 第${i + 1}天`, start: at(day, '19:00'), end: at(day, '21:00'), venue: school, creditedHours: 3 }),
    );
  });
  sessions.push(session({ type: 'ceremony', title: '结业式', start: at(17, '21:00'), end: at(17, '21:30'), venue: school, creditedHours: 0.5 }));
  return sessions;
}

describe('curriculumMetrics', () => {
  it('reproduces S2: on-site 76 % and 21 seminar hours meet targets 70 % / 20 h', () => {
    const sessions = s2Timetable();
    expect(findConflicts(sessions)).toEqual([]);
    const m = curriculumMetrics(sessions, { onsiteShareMin: 0.7, seminarHoursMin: 20 });
    expect(m.totalHours).toBe(100);
    expect(m.onsiteShare).toBe(0.76);
    expect(m.seminarHours).toBe(21);
    expect(m.hoursByType).toMatchObject({ onsite_teaching: 40, site_visit: 36, seminar: 21, lecture: 3, ceremony: 1, self_study: 0 });
    expect(m.checks.map((c) => c.label.zh)).toEqual(['现场教学 76% ≥ 目标 70% ✓', '研讨 21 学时 ≥ 20 学时 ✓']);
    expect(m.checks.map((c) => c.label.en)).toEqual(['On-site teaching 76% ≥ target 70% ✓', 'Seminar 21 h ≥ 20 h ✓']);
    expect(m.checks.every((c) => c.met)).toBe(true);
  });

  it('meets a share exactly at target and misses just below', () => {
    const at70 = [hours('onsite_teaching', 7), hours('lecture', 3)];
    expect(curriculumMetrics(at70, { onsiteShareMin: 0.7 }).checks[0]).toMatchObject({ actual: 0.7, met: true, label: { zh: '现场教学 70% ≥ 目标 70% ✓' } });
    // 69.6 % shows as 70 % but is compared exactly.
    const below = [hours('onsite_teaching', 6.96), hours('lecture', 3.04)];
    expect(curriculumMetrics(below, { onsiteShareMin: 0.7 }).checks[0]).toMatchObject({ met: false, label: { zh: '现场教学 70% < 目标 70% ✗' } });
  });

  it('meets hours exactly at target and misses half an hour below', () => {
    expect(curriculumMetrics([hours('seminar', 20)], { seminarHoursMin: 20 }).checks[0]).toMatchObject({
      met: true,
      label: { zh: '研讨 20 学时 ≥ 20 学时 ✓' },
    });
    expect(curriculumMetrics([hours('seminar', 19.5)], { seminarHoursMin: 20 }).checks[0]).toMatchObject({
      met: false,
      label: { zh: '研讨 19.5 学时 < 20 学时 ✗', en: 'Seminar 19.5 h < 20 h ✗' },
    });
  });

  it('sums tenths without float drift', () => {
    const tenths = Array.from({ length: 10 }, () => hours('seminar', 0.1));
    expect(curriculumMetrics(tenths, { seminarHoursMin: 1 }).checks[0]).toMatchObject({ actual: 1, met: true });
  });

  it('leaves ceremonies out of the total by default, and follows the options', () => {
    const sessions = [hours('onsite_teaching', 6), hours('lecture', 2), hours('ceremony', 2), hours('seminar', 2)];
    expect(curriculumMetrics(sessions, {})).toMatchObject({ totalHours: 10, onsiteShare: 0.6, checks: [] });
    expect(curriculumMetrics(sessions, {}, { excludeFromTotal: [] })).toMatchObject({ totalHours: 12, onsiteShare: 0.5 });
    expect(curriculumMetrics(sessions, {}, { onsiteTypes: ['onsite_teaching', 'seminar'] }).onsiteShare).toBe(0.8);
  });

  it('checks per-type minimums in the order of the type list', () => {
    const m = curriculumMetrics([hours('party_spirit', 4), hours('lecture', 6)], { perTypeMinHours: { party_spirit: 4, lecture: 8 } });
    expect(m.checks.map((c) => [c.key, c.met, c.label.zh])).toEqual([
      ['perTypeMinHours.lecture', false, '理论讲授 6 学时 < 8 学时 ✗'],
      ['perTypeMinHours.party_spirit', true, '党性教育 4 学时 ≥ 4 学时 ✓'],
    ]);
  });

  it('gives a share of 0 for an empty timetable and rejects negative hours', () => {
    expect(curriculumMetrics([], { onsiteShareMin: 0.7 })).toMatchObject({ totalHours: 0, onsiteShare: 0, checks: [{ met: false }] });
    expect(() => curriculumMetrics([hours('lecture', -1)], {})).toThrow(RangeError);
  });
});
