// S2: Dalian's young-cadre themed class series (source 001_…): one program, four theme classes of 50 in four counties.
import type { Rng } from '../prng.ts';
import { S2_THEME_NAMES, S2_THEMES } from '../specialties.ts';
import type { DemoData } from '../types.ts';
import { clock, roomOf, SessionBook, Timeline } from './planner.ts';
import { OPENING_HALL, S2_CITY_LEADER, S2_CLASS_PLANS, S2_CODE, S2_DAYS, S2_INSTRUCTORS, type ClassPlan, type Visit } from './s2-plan.ts';
import { formS2, S2_GROUP_SIZE, S2_MIN_GRASSROOTS_SHARE } from './s2-formation.ts';
import { grassrootsChecker, namedGroups, pickMonitor, taggedCadres } from './trainees.ts';
import type { DemoClass, DemoProgram } from './types.ts';

/**
 * Credited class hours (课时), as in core's S2 metrics example: a half day at a teaching point earns 6 (the
 * bus ride there is taught as a 车上课堂), an evening seminar 3; other sessions earn their clock hours.
 * With one 2-hour lecture and 20.5 seminar hours this gives each trainee 76 % on-site teaching.
 */
export const ONSITE_HALF_DAY_HOURS = 6;
export const EVENING_SEMINAR_HOURS = 3;
export const S2_CAPACITY = 50;
const GROUPS_PER_CLASS = 8;
const REPORT_MINUTES = 5;
/** 16:40, after the final seminar; the four reports end at 17:00, before the closing. */
const REPORTS_FROM = 16 * 60 + 40;

export function buildS2(data: DemoData, rng: Rng): DemoProgram {
  const isGrassroots = grassrootsChecker(data);
  const cadres = taggedCadres(data, 'S2');
  const byIdNumber = new Map(cadres.map((c) => [c.idNumber, c]));
  const classId = (plan: ClassPlan) => `${S2_CODE}-${plan.key}`;
  const seed = rng.int(1, 0x7fffffff);
  const specs = S2_CLASS_PLANS.map((plan) => ({ id: classId(plan), theme: plan.theme, capacity: S2_CAPACITY }));
  const { result } = formS2(cadres, specs, isGrassroots, S2_DAYS[0], seed);
  const solved = new Map(result.classes.map((c) => [c.id, c]));

  const book = new SessionBook(S2_CODE);
  const program = new Timeline(S2_CODE);
  const [d1] = S2_DAYS;
  const opening = program.slot({ day: d1, from: '08:30', to: '09:00', venue: OPENING_HALL });
  book.add({ title: '开班仪式', type: 'ceremony', ...opening, venue: OPENING_HALL, audience: { kind: 'program' }, creditedHours: 0.5 });
  const lecture = program.slot({ day: d1, from: '09:00', to: '11:00', venue: OPENING_HALL });
  book.add({
    title: '专题辅导：大连振兴发展形势与年轻干部的使命担当',
    type: 'lecture',
    ...lecture,
    venue: OPENING_HALL,
    instructorIds: [S2_CITY_LEADER],
    audience: { kind: 'program' },
    creditedHours: 2,
  });

  const classes = S2_CLASS_PLANS.map((plan) => {
    const id = classId(plan);
    const formed = solved.get(id)!;
    const members = formed.members.map((m) => byIdNumber.get(m)!).sort((a, b) => (a.idNumber < b.idNumber ? -1 : 1));
    const groups = namedGroups(rng, formed.groups, byIdNumber);
    if (groups.length !== GROUPS_PER_CLASS) throw new RangeError(`S2 class ${id} has ${groups.length} groups, the timetable plans ${GROUPS_PER_CLASS}`);
    const cls: DemoClass = {
      id,
      name: `“${plan.theme}”专题培训班`,
      theme: plan.theme,
      capacity: S2_CAPACITY,
      tutor: plan.tutor,
      place: plan.place,
      traineeIdNumbers: members.map((c) => c.idNumber),
      groups,
      monitorIdNumber: pickMonitor(rng, members, groups),
      themeTags: [...S2_THEMES[plan.theme]],
      minGrassrootsShare: S2_MIN_GRASSROOTS_SHARE,
    };
    scheduleClass(book, program.fork(id), plan, cls);
    return cls;
  });

  return {
    code: S2_CODE,
    scenario: 'S2',
    type: 'centralized_class',
    name: '年轻干部能力素质提升系列专题培训班',
    themes: [...S2_THEME_NAMES],
    organizerOrgCode: 'DL-SZ-ZZB',
    partner: '中共大连市委党校',
    startDate: S2_DAYS[0],
    endDate: S2_DAYS[S2_DAYS.length - 1]!,
    places: ['大连市金普新区', '大连市普兰店区', '瓦房店市', '庄河市', '沈阳市', '辽阳市', '抚顺市', '本溪市', '锦州市', '朝阳市', '盘锦市'],
    budgetYuan: null,
    targets: { onsiteShareMin: 0.7, seminarHoursMin: 20 },
    classes,
    sessions: book.sessions,
    instructors: S2_INSTRUCTORS,
    venues: book.venueList(),
    status: 'closed',
    selectionRules: { eligibility: { maxAge: 40, excludeOverlapping: true }, capacity: 200, grassrootsShareMin: S2_MIN_GRASSROOTS_SHARE },
    formation: {
      seed,
      groupMin: S2_GROUP_SIZE.min,
      groupMax: S2_GROUP_SIZE.max,
      stats: Object.fromEntries(Object.entries(result.stats).filter(([k]) => k !== 'ms')),
    },
  };
}

/** Day 1 afternoon to day 7: teaching points by day, seminars in the evening, reports and closing on the last afternoon. */
function scheduleClass(book: SessionBook, t: Timeline, plan: ClassPlan, cls: DemoClass): void {
  const classAudience = { kind: 'class', classId: cls.id } as const;
  const onsite = (day: string, from: string, to: string, visit: Visit) =>
    book.add({
      title: visit.title,
      type: 'onsite_teaching',
      ...t.slot({ day, from, to, venue: visit.venue, keep: 'end' }),
      venue: visit.venue,
      instructorIds: visit.instructorIds ?? [],
      audience: classAudience,
      creditedHours: ONSITE_HALF_DAY_HOURS,
    });

  plan.days.forEach((dayPlan, i) => {
    const day = S2_DAYS[i]!;
    if (dayPlan.am) onsite(day, '08:30', '12:00', dayPlan.am);
    if (dayPlan.pm) onsite(day, '14:00', '17:30', dayPlan.pm);
    const hotel = dayPlan.hotel;
    if (i === 0) {
      book.add({
        title: '研讨：分班建组，小组认领调研课题',
        type: 'seminar',
        ...t.slot({ day, from: '19:00', to: '21:00', venue: hotel, keep: 'length' }),
        venue: hotel,
        instructorIds: [cls.tutor],
        audience: classAudience,
        creditedHours: EVENING_SEMINAR_HOURS,
      });
    } else if (i < plan.days.length - 1) {
      // Every group meets in its own room at the hotel, the same evening hours.
      const rooms = cls.groups.map((g, k) => roomOf(hotel, `${hotel.id}-${plan.key}-g${k + 1}`, `（${g.name}）`));
      const slot = t.slot({ day, from: '19:00', to: '21:00', venue: rooms[0]!, keep: 'length' });
      book.addPerGroup(slot, cls.id, cls.groups, rooms, (g, k) => ({
        title: `小组研讨：${plan.reports[Math.floor(k / 2)]!}（${g.name}）`,
        type: 'seminar',
        creditedHours: EVENING_SEMINAR_HOURS,
      }));
    } else {
      const seminar = t.slot({ day, from: '14:00', to: '16:30', venue: hotel });
      book.add({
        title: '研讨：调研报告修改定稿',
        type: 'seminar',
        ...seminar,
        venue: hotel,
        instructorIds: [cls.tutor],
        audience: classAudience,
        creditedHours: 2.5,
      });
      plan.reports.forEach((report, r) => {
        const from = clock(REPORTS_FROM + r * REPORT_MINUTES);
        const to = clock(REPORTS_FROM + (r + 1) * REPORT_MINUTES);
        const pair = cls.groups.slice(2 * r, 2 * r + 2).map((g) => g.name);
        book.add({
          title: `交流展示：《${report}》（${pair.join('、')}）`,
          type: 'exchange',
          ...t.slot({ day, from, to, venue: hotel, keep: 'length' }),
          venue: hotel,
          instructorIds: [cls.tutor],
          audience: classAudience,
          creditedHours: REPORT_MINUTES / 60,
        });
      });
      book.add({
        title: '结业式',
        type: 'ceremony',
        ...t.slot({ day, from: '17:00', to: '17:30', venue: hotel }),
        venue: hotel,
        instructorIds: [cls.tutor],
        audience: classAudience,
        creditedHours: 0.5,
      });
    }
  });
}
