// A program running "now" for the demo (seeded relative to the day `npm start` first runs), so a trainee's phone
// shows today's sessions and QR check-in works out of the box. S1/S2/S6 are history; this one is live.
import type { Session, Venue } from '@duibiao/core/timetable/index';
import { Rng } from '../prng.ts';
import type { DemoData } from '../types.ts';
import { formGroups, grassrootsChecker, pickMonitor, taggedCadres } from './trainees.ts';
import type { DemoInstructor, DemoProgram } from './types.ts';

export const LIVE_CODE = 'QD-LIVE-YC';
const CLASS_ID = `${LIVE_CODE}-c1`;

const venue = (key: string, name: string, address: string, lat: number, lng: number, offsite: boolean): Venue => ({
  id: `${LIVE_CODE}-v-${key}`,
  name,
  address,
  lat,
  lng,
  offsite,
});
const SCHOOL = venue('school', '中共青岛市委党校 第一教室', '山东省青岛市崂山区松岭路', 36.1095, 120.4695, false);
const HAIER = venue('haier', '海尔卡奥斯工业互联网平台', '山东省青岛市崂山区海尔路1号', 36.1067, 120.4563, true);
const PORT = venue('port', '山东港口青岛港自动化码头', '山东省青岛市黄岛区', 36.0163, 120.2191, true);

const INSTRUCTORS: DemoInstructor[] = [
  { id: `${LIVE_CODE}-i1`, name: '宋立新', title: '经济学教研部教授', unit: '中共青岛市委党校', external: false, role: 'professor' },
  { id: `${LIVE_CODE}-i2`, name: '韩志远', title: '副总经理', unit: '海尔卡奥斯物联生态科技有限公司', external: true, role: 'practitioner' },
  { id: `${LIVE_CODE}-i3`, name: '吕海波', title: '市发展改革委主任', unit: '青岛市发展和改革委员会', external: false, role: 'leader' },
];

const DAY_MS = 86_400_000;
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Four days around `today` (YYYY-MM-DD, Beijing): yesterday → the day after tomorrow. */
export function buildLiveProgram(data: DemoData, today: string): DemoProgram {
  const rng = new Rng(20_261_123);
  // The qd_trainee demo account's cadre is always in the class, so signing in as them shows today's sessions.
  const own = data.users.find((u) => u.username === 'qd_trainee')?.cadreIdNumber;
  const s3 = taggedCadres(data, 'S3');
  const trainees = [...s3.filter((c) => c.idNumber === own), ...s3.filter((c) => c.idNumber !== own)].slice(0, 30);
  const groups = formGroups(rng, CLASS_ID, trainees, 3, grassrootsChecker(data));
  const days = [-1, 0, 1, 2].map((n) => addDays(today, n));
  const audience = { kind: 'program' } as const;
  const sessions: Session[] = [];
  const add = (day: string, from: string, to: string, s: Omit<Session, 'id' | 'start' | 'end' | 'audience'>) =>
    sessions.push({ ...s, id: `${LIVE_CODE}-s${sessions.length + 1}`, start: `${day}T${from}:00+08:00`, end: `${day}T${to}:00+08:00`, audience });
  const [i1, i2, i3] = INSTRUCTORS.map((i) => i.id) as [string, string, string];
  for (const [n, day] of days.entries()) {
    if (n === 0) add(day, '08:30', '09:00', { title: '开班式', type: 'ceremony', venue: SCHOOL, instructorIds: [i3], creditedHours: 0.5 });
    add(day, '09:00', '12:00', {
      title: ['新质生产力与城市高质量发展', '工业互联网赋能制造业转型', '向海图强：港口经济与开放型经济', '对标深圳：营商环境改革'][n]!,
      type: 'lecture',
      venue: SCHOOL,
      instructorIds: [n === 1 ? i2 : i1],
      creditedHours: 3,
    });
    add(day, '14:00', '17:30', {
      title: ['海尔卡奥斯工业互联网平台现场教学', '自动化码头现场教学', '分组研讨：带着问题来', '交流展示与结业式'][n]!,
      type: n === 0 ? 'onsite_teaching' : n === 1 ? 'onsite_teaching' : n === 2 ? 'seminar' : 'exchange',
      venue: n === 0 ? HAIER : n === 1 ? PORT : SCHOOL,
      instructorIds: n === 0 ? [i2] : n === 3 ? [i3] : [i1],
      creditedHours: 3.5,
    });
  }
  return {
    code: LIVE_CODE,
    scenario: 'S1',
    type: 'centralized_class',
    name: '青岛市年轻干部对标提升专题培训班（进行中演示）',
    themes: ['新质生产力', '工业互联网', '营商环境'],
    organizerOrgCode: 'QD',
    partner: '中共青岛市委党校',
    startDate: days[0]!,
    endDate: days[3]!,
    places: ['青岛'],
    budgetYuan: 120_000,
    targets: { onsiteShareMin: 0.3, seminarHoursMin: 3 },
    classes: [
      {
        id: CLASS_ID,
        name: '一班',
        theme: '对标提升',
        capacity: 30,
        tutor: INSTRUCTORS[0]!.id,
        place: '青岛',
        traineeIdNumbers: trainees.map((c) => c.idNumber),
        groups,
        monitorIdNumber: pickMonitor(rng, trainees, groups),
      },
    ],
    sessions,
    instructors: INSTRUCTORS,
    venues: [SCHOOL, HAIER, PORT],
    status: 'running',
  };
}
