// S6: Keqiao district's 4-day class in Shenzhen (source 003_…); reflections (心得体会) follow, so it is in follow-up.
import type { Venue } from '@duibiao/core/timetable/index';
import type { Rng } from '../prng.ts';
import type { DemoData } from '../types.ts';
import { roomOf, SessionBook, Timeline } from './planner.ts';
import { formGroups, grassrootsChecker, pickMonitor, taggedCadres } from './trainees.ts';
import type { DemoInstructor, DemoProgram } from './types.ts';

const CODE = 'S6-SX-KQ-2026';
const CLASS_ID = `${CODE}-c1`;
const DAYS = ['2026-08-20', '2026-08-21', '2026-08-22', '2026-08-23'] as const;
const NAME = '柯桥区“争当‘排头兵 桥头堡’实现高质量发展”培训班';

const venue = (key: string, name: string, address: string, lat: number, lng: number, offsite = true): Venue => ({
  id: `${CODE}-v-${key}`,
  name,
  address,
  lat,
  lng,
  offsite,
});

const BASE = venue('base', '培训驻地会议中心', '广东省深圳市福田区', 22.54, 114.05, false);
const TALENT_PARK = venue('talent-park', '深圳人才公园', '广东省深圳市南山区深圳湾', 22.515, 113.947);
const QIANHAI = venue('qianhai', '前海深港现代服务业合作区展示厅', '广东省深圳市前海深港合作区', 22.53, 113.895);
const TIANAN = venue('tianan', '天安云谷', '广东省深圳市龙岗区坂田街道', 22.645, 114.065);
const NANKENG = venue('nankeng', '南坑社区', '广东省深圳市龙岗区坂田街道', 22.636, 114.072);
const NANLING = venue('nanling', '南岭村社区', '广东省深圳市龙岗区南湾街道', 22.609, 114.128);

const INSTRUCTORS: DemoInstructor[] = [
  { id: `${CODE}-i01`, name: '沈立群', title: '区委书记', unit: '中共绍兴市柯桥区委', external: false, role: 'leader' },
  { id: `${CODE}-i02`, name: '卢晓峰', title: '经济学教研部教授', unit: '中共深圳市委党校', external: true, role: 'professor' },
  { id: `${CODE}-i03`, name: '钟慧敏', title: '研究员', unit: '中国（深圳）综合开发研究院', external: true, role: 'professor' },
  { id: `${CODE}-i04`, name: '黎建华', title: '城市更新研究中心主任', unit: '深圳市规划国土发展研究中心', external: true, role: 'professor' },
  { id: `${CODE}-i05`, name: '曾子健', title: '公共管理学院教授', unit: '深圳大学', external: true, role: 'professor' },
  { id: `${CODE}-i06`, name: '金一鸣', title: '干部教育科科长', unit: '柯桥区委组织部', external: false, role: 'tutor' },
];
const [secretary, reformHistory, pilotZone, renewal, innovation, tutor] = INSTRUCTORS.map((i) => i.id) as [string, string, string, string, string, string];

export function buildS6(data: DemoData, rng: Rng): DemoProgram {
  const cadres = taggedCadres(data, 'S6');
  const groups = formGroups(rng, CLASS_ID, cadres, 3, grassrootsChecker(data));
  const audience = { kind: 'class', classId: CLASS_ID } as const;
  const book = new SessionBook(CODE);
  const t = new Timeline(CODE);
  const [d1, d2, d3, d4] = DAYS;

  const at = (day: string, from: string, to: string, v: Venue) => t.slot({ day, from, to, venue: v, keep: 'end' });
  const lecture = (title: string, day: string, from: string, to: string, instructor: string, hours: number) =>
    book.add({ title, type: 'lecture', ...at(day, from, to, BASE), venue: BASE, instructorIds: [instructor], audience, creditedHours: hours });
  const visit = (title: string, day: string, from: string, to: string, v: Venue, hours: number) =>
    book.add({ title, type: 'site_visit', ...at(day, from, to, v), venue: v, instructorIds: [tutor], audience, creditedHours: hours });

  book.add({
    title: '开班式暨动员讲话',
    type: 'ceremony',
    ...at(d1, '08:30', '09:00', BASE),
    venue: BASE,
    instructorIds: [secretary],
    audience,
    creditedHours: 0.5,
  });
  lecture('深圳经济特区改革开放的历程与经验', d1, '09:00', '12:00', reformHistory, 3);
  lecture('建设中国特色社会主义先行示范区', d1, '14:00', '17:30', pilotZone, 3.5);

  visit('实地考察：深圳人才公园——人才政策与"秒批"', d2, '08:30', '10:00', TALENT_PARK, 1.5);
  visit('实地考察：前海深港现代服务业合作区', d2, '10:30', '12:00', QIANHAI, 1.5);
  lecture('城市更新与产城融合：新型产业用地（M0）政策', d2, '14:00', '17:30', renewal, 3.5);

  visit('实地考察：天安云谷——从低端工业区到高端科技园', d3, '08:30', '10:30', TIANAN, 2);
  visit('实地考察：南坑社区智慧社区建设', d3, '10:50', '12:00', NANKENG, 1);
  visit('实地考察：南岭村社区——集体经济转型与社区服务中心', d3, '14:00', '17:30', NANLING, 3.5);

  // Groups meet in rooms of their own; the slot is planned from a room, so the walk back to the hall is allowed for.
  const rooms = groups.map((_, i) => roomOf(BASE, `${CODE}-v-base-room${i + 1}`, `第${i + 1}研讨室`));
  const discuss = at(d4, '08:30', '10:30', rooms[0]!);
  book.addPerGroup(discuss, CLASS_ID, groups, rooms, (g) => ({ title: `分组研讨：对标深圳找差距（${g.name}）`, type: 'seminar', creditedHours: 2 }));
  book.add({
    title: '全班交流：学习深圳经验 谋划柯桥实践',
    type: 'exchange',
    ...at(d4, '10:45', '12:00', BASE),
    venue: BASE,
    instructorIds: [tutor],
    audience,
    creditedHours: 1.25,
  });
  lecture('创新驱动与科技创新体系建设', d4, '14:00', '16:30', innovation, 2.5);
  book.add({
    title: '结业式（布置学习心得体会撰写）',
    type: 'ceremony',
    ...at(d4, '16:45', '17:15', BASE),
    venue: BASE,
    instructorIds: [tutor],
    audience,
    creditedHours: 0.5,
  });

  return {
    code: CODE,
    scenario: 'S6',
    type: 'centralized_class',
    name: NAME,
    themes: ['争当“排头兵 桥头堡”', '高质量发展', '融杭接沪示范区建设'],
    organizerOrgCode: 'SX-KQ-QZ-ZZB',
    partner: null,
    startDate: DAYS[0],
    endDate: DAYS[DAYS.length - 1]!,
    places: ['广东省深圳市福田区', '深圳市南山区', '深圳市龙岗区', '前海深港合作区'],
    budgetYuan: null,
    targets: {},
    classes: [
      {
        id: CLASS_ID,
        name: NAME,
        theme: '学习深圳创新发展经验',
        capacity: 25,
        tutor,
        place: '广东省深圳市',
        traineeIdNumbers: cadres.map((c) => c.idNumber),
        groups,
        monitorIdNumber: pickMonitor(rng, cadres, groups),
      },
    ],
    sessions: book.sessions,
    instructors: INSTRUCTORS,
    venues: book.venueList(),
    status: 'follow_up',
  };
}
