// Programs on both sides of every scope boundary, for issue-3 tests: one per organizer QD (city), QD-SN and
// QD-LS (districts) and DL (another city). Each has one class, one group, a venue, an instructor and two
// sessions: one that ended yesterday (ratable, creditable) and one running now (check-in open).
import type { Kysely } from 'kysely';
import { nowIso } from '../src/db/dialect.ts';
import type { Database } from '../src/db/schema.ts';
import { newEnrolmentRow } from '../src/modules/programs/enrolment-row.ts';
import { newProgramRow } from '../src/modules/programs/program-row.ts';

export interface ProgramFixture {
  programs: Record<string, number>;
  classes: Record<string, number>;
  groups: Record<string, number>;
  venues: Record<string, number>;
  instructors: Record<string, number>;
  /** `${program}-past` and `${program}-now`. */
  sessions: Record<string, number>;
  /** By cadre key (fgw, snsw, bdg, tpj, szk, dl). */
  enrolments: Record<string, number>;
}

const PROGRAMS: [key: string, org: string, name: string, cadres: string[], tutor: string | null][] = [
  ['QD', 'QD', '青岛市年轻干部对标学习班', ['snsw', 'fgw'], 'qd_tutor'],
  ['SN', 'QD-SN', '市南区基层干部赴深圳对标学习班', ['bdg', 'tpj'], 'sn_tutor'],
  ['LS', 'QD-LS', '崂山区乡村振兴专题班', ['szk'], null],
  ['DL', 'DL', '大连市年轻干部专题研修班', ['dl'], null],
];

/** The instant `offsetMs` from now, written in Beijing time (+08:00) like every stored session. */
export function beijingIso(offsetMs: number): string {
  const d = new Date(Date.now() + offsetMs + 8 * 3600_000);
  return `${d.toISOString().slice(0, 19)}+08:00`;
}

export async function seedProgramFixture(
  db: Kysely<Database>,
  orgs: Record<string, number>,
  cadres: Record<string, number>,
  users: Record<string, number>,
): Promise<ProgramFixture> {
  const at = nowIso();
  const fx: ProgramFixture = { programs: {}, classes: {}, groups: {}, venues: {}, instructors: {}, sessions: {}, enrolments: {} };
  for (const [key, org, name, members, tutor] of PROGRAMS) {
    const orgId = orgs[org]!;
    const program = await db
      .insertInto('programs')
      .values(
        newProgramRow(
          {
            code: `FX-${key}`,
            name,
            type: 'centralized_class',
            status: 'running',
            themes: ['对标学习'],
            organizerOrgId: orgId,
            partner: '哈尔滨工业大学（深圳）',
            startDate: beijingIso(-86_400_000).slice(0, 10),
            endDate: beijingIso(3 * 86_400_000).slice(0, 10),
            places: ['深圳'],
            budgetYuan: 100000,
            targets: { onsiteShareMin: 0.5, seminarHoursMin: 3 },
          },
          at,
        ),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    fx.programs[key] = program.id;
    const venue = await db
      .insertInto('venues')
      .values({
        org_id: orgId,
        code: null,
        name: `${key}教学点`,
        address: '深圳市南山区',
        lat: 22.5896,
        lng: 113.9736,
        offsite: 0,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    fx.venues[key] = venue.id;
    const instructor = await db
      .insertInto('instructors')
      .values({
        org_id: orgId,
        code: null,
        name: `${key}讲师`,
        title: '教授',
        unit: '哈尔滨工业大学（深圳）',
        external: 1,
        role: 'professor',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    fx.instructors[key] = instructor.id;
    const cls = await db
      .insertInto('program_classes')
      .values({
        program_id: program.id,
        name: '一班',
        theme: '对标学习',
        place: '深圳',
        capacity: 50,
        tutor_instructor_id: null,
        sort_order: 0,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    fx.classes[key] = cls.id;
    if (tutor) await db.insertInto('class_tutors').values({ class_id: cls.id, user_id: users[tutor]! }).execute();
    const group = await db
      .insertInto('class_groups')
      .values({ class_id: cls.id, name: '第一组', sort_order: 0, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    fx.groups[key] = group.id;
    for (const [i, cadre] of members.entries()) {
      const e = await db
        .insertInto('enrolments')
        .values(newEnrolmentRow({ programId: program.id, cadreId: cadres[cadre]!, classId: cls.id, groupId: group.id, roles: i === 0 ? ['monitor'] : [] }, at))
        .returning('id')
        .executeTakeFirstOrThrow();
      fx.enrolments[cadre] = e.id;
    }
    const sessions: [suffix: string, title: string, type: string, start: string, end: string][] = [
      [
        'past',
        '开班式暨专题讲座',
        'lecture',
        `${beijingIso(-86_400_000).slice(0, 10)}T09:00:00+08:00`,
        `${beijingIso(-86_400_000).slice(0, 10)}T12:00:00+08:00`,
      ],
      ['now', '现场教学', 'onsite_teaching', beijingIso(-10 * 60_000), beijingIso(2 * 3600_000)],
    ];
    for (const [suffix, title, type, start, end] of sessions) {
      const s = await db
        .insertInto('program_sessions')
        .values({
          program_id: program.id,
          code: null,
          title,
          type,
          starts_at: start,
          ends_at: end,
          venue_id: venue.id,
          audience_kind: 'program',
          audience_class_id: null,
          audience_group_id: null,
          credited_hours: 3,
          mode: 'offline',
          checkin_enabled: 1,
          geofence_m: null,
          checkin_generation: 0,
          notes: null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      fx.sessions[`${key}-${suffix}`] = s.id;
      await db.insertInto('session_instructors').values({ session_id: s.id, instructor_id: instructor.id }).execute();
    }
  }
  return fx;
}
