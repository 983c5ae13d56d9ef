// S1: Harbin Daoli district's 5-day thinking-and-ability class at HIT Shenzhen (source 000_…), 29 cadres.
import type { Venue } from '@duibiao/core/timetable/index';
import type { Rng } from '../prng.ts';
import type { DemoData } from '../types.ts';
import { roomOf, SessionBook, Timeline } from './planner.ts';
import { formGroups, grassrootsChecker, pickMonitor, taggedCadres } from './trainees.ts';
import type { DemoInstructor, DemoProgram } from './types.ts';

const CODE = 'S1-HRB-DLQ-2026';
const CLASS_ID = `${CODE}-c1`;
const DAYS = ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'] as const;

const venue = (key: string, name: string, address: string, lat: number, lng: number, offsite = true): Venue => ({
  id: `${CODE}-v-${key}`,
  name,
  address,
  lat,
  lng,
  offsite,
});

const HITSZ = venue('hitsz', '哈尔滨工业大学（深圳）报告厅', '广东省深圳市南山区西丽深圳大学城', 22.589, 113.968, false);
const DJI = venue('dji', '大疆创新科技有限公司', '广东省深圳市南山区西丽留仙洞大疆天空之城', 22.577, 113.947);
const BYD = venue('byd', '比亚迪股份有限公司', '广东省深圳市坪山区比亚迪路', 22.699, 114.35);
const QIANHAI = venue('qianhai', '前海深港青年梦工场', '广东省深圳市前海深港合作区', 22.519, 113.897);
const CMG = venue('cmg', '招商局集团（蛇口）', '广东省深圳市南山区蛇口', 22.485, 113.913);
const FUTIAN = venue('futian', '福田区行政服务中心', '广东省深圳市福田区', 22.541, 114.055);
const MUSEUM = venue('museum', '深圳博物馆、深圳图书馆', '广东省深圳市福田区市民中心', 22.545, 114.059);
const MANGROVE = venue('mangrove', '深圳红树林生态公园', '广东省深圳市福田区滨海大道', 22.525, 114.0);

const HIT = '哈尔滨工业大学（深圳）';
const INSTRUCTORS: DemoInstructor[] = [
  { id: `${CODE}-i01`, name: '顾明远', title: '经济管理学院教授', unit: HIT, external: true, role: 'professor' },
  { id: `${CODE}-i02`, name: '欧阳琳', title: '经济管理学院教授、博士生导师', unit: HIT, external: true, role: 'professor' },
  { id: `${CODE}-i03`, name: '祁振东', title: '人文社会科学学院副教授', unit: HIT, external: true, role: 'professor' },
  { id: `${CODE}-i04`, name: '闫瑞霞', title: '经济管理学院教授', unit: HIT, external: true, role: 'professor' },
  { id: `${CODE}-i05`, name: '邝志坚', title: '公共管理研究中心研究员', unit: HIT, external: true, role: 'professor' },
  { id: `${CODE}-i06`, name: '符晓冬', title: '经济管理学院副教授', unit: HIT, external: true, role: 'professor' },
  { id: `${CODE}-i07`, name: '谭雅静', title: '继续教育学院培训部班主任', unit: HIT, external: true, role: 'tutor' },
];
const [innovation, regional, beltRoad, reform, government, leadership, tutor] = INSTRUCTORS.map((i) => i.id) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];

export function buildS1(data: DemoData, rng: Rng): DemoProgram {
  const cadres = taggedCadres(data, 'S1');
  const isGrassroots = grassrootsChecker(data);
  const groups = formGroups(rng, CLASS_ID, cadres, 4, isGrassroots);
  const audience = { kind: 'class', classId: CLASS_ID } as const;
  const book = new SessionBook(CODE);
  const t = new Timeline(CODE);
  const [d1, d2, d3, d4, d5] = DAYS;

  const at = (day: string, from: string, to: string, v: Venue, keep: 'end' | 'length' = 'end') => t.slot({ day, from, to, venue: v, keep });
  const lecture = (title: string, day: string, from: string, to: string, instructor: string, hours: number) =>
    book.add({ title, type: 'lecture', ...at(day, from, to, HITSZ), venue: HITSZ, instructorIds: [instructor], audience, creditedHours: hours });
  const visit = (title: string, day: string, from: string, to: string, v: Venue, hours: number) =>
    book.add({ title, type: 'site_visit', ...at(day, from, to, v), venue: v, instructorIds: [tutor], audience, creditedHours: hours });

  book.add({ title: '开班式', type: 'ceremony', ...at(d1, '08:30', '09:00', HITSZ), venue: HITSZ, instructorIds: [tutor], audience, creditedHours: 0.5 });
  lecture('深圳创新发展的路径', d1, '09:00', '12:00', innovation, 3);
  lecture('区域经济与城市发展', d1, '14:00', '17:30', regional, 3.5);

  visit('实地考察：大疆创新——智能无人机产品与"到手即飞"操控表演', d2, '08:30', '12:00', DJI, 3.5);
  visit('实地考察：比亚迪——博物馆、总装车间与未来村', d2, '14:00', '17:30', BYD, 3.5);

  lecture('一带一路的理论与实践', d3, '08:30', '10:00', beltRoad, 1.5);
  lecture('深圳市全面深化改革进展成效和路线图', d3, '10:15', '12:00', reform, 1.75);
  visit('实地考察：前海深港青年梦工场', d3, '14:00', '15:30', QIANHAI, 1.5);
  visit('实地考察：招商局集团（蛇口）', d3, '16:00', '17:30', CMG, 1.5);

  visit('实地考察：福田区行政服务中心', d4, '08:30', '10:30', FUTIAN, 2);
  visit('实地考察：深圳博物馆、深圳图书馆', d4, '10:50', '12:00', MUSEUM, 1);
  visit('实地考察：深圳红树林生态公园', d4, '14:00', '15:00', MANGROVE, 1);
  lecture('深圳市如何转变政府职能推进创新发展', d4, '15:45', '17:30', government, 1.75);

  lecture('领导力提升', d5, '08:30', '12:00', leadership, 3.5);
  // Groups meet in rooms of their own; the slot is planned from a room, so the walk back to the hall is allowed for.
  const rooms = groups.map((_, i) => roomOf(HITSZ, `${CODE}-v-hitsz-room${i + 1}`, `第${i + 1}研讨室`));
  const discuss = at(d5, '14:00', '15:30', rooms[0]!);
  book.addPerGroup(discuss, CLASS_ID, groups, rooms, (g) => ({ title: `分组研讨：对照深圳找差距（${g.name}）`, type: 'seminar', creditedHours: 1.5 }));
  book.add({
    title: '座谈研讨：学"深圳经验"变"道里实践"',
    type: 'seminar',
    ...at(d5, '15:40', '16:50', HITSZ),
    venue: HITSZ,
    instructorIds: [tutor],
    audience,
    creditedHours: 1,
  });
  book.add({ title: '结业式', type: 'ceremony', ...at(d5, '17:00', '17:30', HITSZ), venue: HITSZ, instructorIds: [tutor], audience, creditedHours: 0.5 });

  return {
    code: CODE,
    scenario: 'S1',
    type: 'centralized_class',
    name: '领导干部思维创新与能力提升专题培训班',
    themes: ['思维创新与能力提升', '深圳创新发展经验', '区域经济与城市发展'],
    organizerOrgCode: 'HRB-DLQ-QZ-ZZB',
    partner: HIT,
    startDate: DAYS[0],
    endDate: DAYS[DAYS.length - 1]!,
    places: ['广东省深圳市南山区', '深圳市福田区', '深圳市坪山区', '前海深港合作区'],
    budgetYuan: null,
    targets: {},
    classes: [
      {
        id: CLASS_ID,
        name: '领导干部思维创新与能力提升专题培训班',
        theme: '思维创新与能力提升',
        capacity: 30,
        tutor,
        place: HIT,
        traineeIdNumbers: cadres.map((c) => c.idNumber),
        groups,
        monitorIdNumber: pickMonitor(rng, cadres, groups),
      },
    ],
    sessions: book.sessions,
    instructors: INSTRUCTORS,
    venues: book.venueList(),
    status: 'closed',
  };
}
