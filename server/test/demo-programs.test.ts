// The demo programs S1, S2 and S6 as loaded into a real database reproduce the seed articles' figures.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { curriculumMetrics, findConflicts, type Session, type SessionType } from '@duibiao/core/timetable/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type Db } from '../src/db/database.ts';
import { createFieldCipher } from '../src/lib/field-cipher.ts';
import { sessionIsFor } from '../src/modules/programs/audience.ts';
import { buildDemoData } from '../src/seed/demo-data.ts';
import { LIVE_CODE } from '../src/seed/programs/live-qingdao.ts';
import { seedDemoPrograms } from '../src/seed/programs/seed-programs.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { openTestDb, testConfig } from './support.ts';

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await openTestDb(mkdtempSync(join(tmpdir(), 'duibiao-demo-'))));
  await migrateToLatest(db);
  const config = testConfig();
  const ctx = { config, db, cipher: createFieldCipher(config.DATA_KEY) };
  const data = buildDemoData();
  await seedDemo(ctx, data);
  // Noon in Beijing on 2026-11-30: the live class is on its second day.
  await seedDemoPrograms(ctx, data, new Date('2026-11-30T04:00:00Z'));
}, 120_000);

afterAll(async () => {
  await db.close();
  await drop();
});

async function programByCode(code: string) {
  return db.kysely.selectFrom('programs').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
}

/** The program's sessions as core Sessions, from the database rows. */
async function sessionsOf(programId: number) {
  const rows = await db.kysely
    .selectFrom('program_sessions as s')
    .leftJoin('venues as v', 'v.id', 's.venue_id')
    .select(['s.id', 's.title', 's.type', 's.starts_at', 's.ends_at', 's.credited_hours', 's.audience_kind', 's.audience_class_id', 's.audience_group_id'])
    .select(['v.id as venue_id', 'v.name as venue_name', 'v.lat', 'v.lng', 'v.offsite'])
    .where('s.program_id', '=', programId)
    .execute();
  const instructors = await db.kysely
    .selectFrom('session_instructors as si')
    .innerJoin('program_sessions as s', 's.id', 'si.session_id')
    .select(['si.session_id', 'si.instructor_id'])
    .where('s.program_id', '=', programId)
    .execute();
  return rows.map((r) => ({
    row: r,
    session: {
      id: String(r.id),
      title: r.title,
      type: r.type as SessionType,
      start: r.starts_at,
      end: r.ends_at,
      creditedHours: r.credited_hours,
      venue:
        r.venue_id === null
          ? null
          : {
              id: String(r.venue_id),
              name: r.venue_name ?? '',
              offsite: r.offsite === 1,
              ...(r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : {}),
            },
      instructorIds: instructors.filter((i) => i.session_id === r.id).map((i) => String(i.instructor_id)),
      audience:
        r.audience_kind === 'program'
          ? { kind: 'program' as const }
          : r.audience_kind === 'class'
            ? { kind: 'class' as const, classId: String(r.audience_class_id) }
            : { kind: 'group' as const, classId: String(r.audience_class_id), groupId: String(r.audience_group_id) },
    } satisfies Session,
  }));
}

describe('demo programs in the database', () => {
  it('S2 (Dalian): 4 classes of 50, 7 days, every group ≥ 70 % on site and > 20 h of seminars', async () => {
    const p = await programByCode('S2-DL-2026');
    const classes = await db.kysely.selectFrom('program_classes').select('id').where('program_id', '=', p.id).execute();
    expect(classes).toHaveLength(4);
    const enrolled = await db.kysely.selectFrom('enrolments').select(['class_id', 'group_id']).where('program_id', '=', p.id).execute();
    expect(enrolled).toHaveLength(200);
    const sessions = await sessionsOf(p.id);
    expect(new Set(sessions.map((s) => s.row.starts_at.slice(0, 10))).size).toBe(7);
    expect(findConflicts(sessions.map((s) => s.session))).toEqual([]);
    const targets = JSON.parse(p.targets) as { onsiteShareMin: number; seminarHoursMin: number };
    const groups = new Map(enrolled.map((e) => [e.group_id, e]));
    expect(groups.size).toBe(32);
    for (const placement of groups.values()) {
      const mine = sessions.filter((s) => sessionIsFor(s.row, placement)).map((s) => s.session);
      const m = curriculumMetrics(mine, targets);
      expect(m.onsiteShare).toBeGreaterThanOrEqual(0.755);
      expect(m.onsiteShare).toBeLessThan(0.765);
      expect(m.seminarHours).toBeGreaterThan(20);
      expect(m.checks.every((c) => c.met)).toBe(true);
    }
  });

  it('S1 (Daoli at HIT Shenzhen): 29 trainees over 5 days with no timetable conflict', async () => {
    const p = await programByCode('S1-HRB-DLQ-2026');
    expect(p.partner).toContain('哈尔滨工业大学');
    const n = await db.kysely
      .selectFrom('enrolments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('program_id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(29);
    const sessions = await sessionsOf(p.id);
    expect(new Set(sessions.map((s) => s.row.starts_at.slice(0, 10))).size).toBe(5);
    expect(findConflicts(sessions.map((s) => s.session))).toEqual([]);
  });

  it('S6 (Keqiao in Shenzhen): 25 trainees over 4 days, monitor and group leaders marked', async () => {
    const p = await programByCode('S6-SX-KQ-2026');
    const rows = await db.kysely.selectFrom('enrolments').select('roles').where('program_id', '=', p.id).execute();
    expect(rows).toHaveLength(25);
    const roles = rows.flatMap((r) => JSON.parse(r.roles) as string[]);
    expect(roles.filter((r) => r === 'monitor')).toHaveLength(1);
    expect(roles.filter((r) => r === 'group_leader')).toHaveLength(3);
    const sessions = await sessionsOf(p.id);
    expect(new Set(sessions.map((s) => s.row.starts_at.slice(0, 10))).size).toBe(4);
  });

  it('the live Qingdao program runs around the seed day and enrols the qd_trainee account', async () => {
    const p = await programByCode(LIVE_CODE);
    expect([p.start_date, p.end_date, p.status]).toEqual(['2026-11-29', '2026-12-02', 'running']);
    const trainee = await db.kysely.selectFrom('users').select('cadre_id').where('username', '=', 'qd_trainee').executeTakeFirstOrThrow();
    const enrolled = await db.kysely.selectFrom('enrolments').select('cadre_id').where('program_id', '=', p.id).execute();
    expect(enrolled).toHaveLength(30);
    expect(enrolled.map((e) => e.cadre_id)).toContain(trainee.cadre_id);
    const sessions = await sessionsOf(p.id);
    expect(sessions.filter((s) => s.row.starts_at.startsWith('2026-11-30'))).toHaveLength(2);
    expect(findConflicts(sessions.map((s) => s.session))).toEqual([]);
  });

  it('history: finished sessions have one attendance row per trainee, approved leave excuses its session', async () => {
    const p = await programByCode('S2-DL-2026');
    const rows = await db.kysely
      .selectFrom('attendance as a')
      .innerJoin('program_sessions as s', 's.id', 'a.session_id')
      .select(['a.session_id', 'a.cadre_id', 'a.status'])
      .where('s.program_id', '=', p.id)
      .execute();
    expect(new Set(rows.map((r) => `${r.session_id}:${r.cadre_id}`)).size).toBe(rows.length);
    const present = rows.filter((r) => r.status === 'present' || r.status === 'late').length / rows.length;
    expect(present).toBeGreaterThan(0.9);
    const excused = await db.kysely
      .selectFrom('leave_requests as l')
      .innerJoin('leave_request_sessions as ls', 'ls.leave_id', 'l.id')
      .innerJoin('attendance as a', (j) => j.onRef('a.session_id', '=', 'ls.session_id').onRef('a.cadre_id', '=', 'l.cadre_id'))
      .select(['a.status'])
      .where('l.program_id', '=', p.id)
      .execute();
    expect(excused.length).toBeGreaterThan(0);
    expect(excused.every((r) => r.status === 'excused')).toBe(true);
    const live = await programByCode(LIVE_CODE);
    const liveRows = await db.kysely
      .selectFrom('attendance as a')
      .innerJoin('program_sessions as s', 's.id', 'a.session_id')
      .select(['s.starts_at'])
      .where('s.program_id', '=', live.id)
      .execute();
    // Only sessions over by noon on day two: day one's three and day two's morning lecture (ceremony excluded).
    expect(new Set(liveRows.map((r) => r.starts_at))).toEqual(new Set(['2026-11-29T09:00:00+08:00', '2026-11-29T14:00:00+08:00', '2026-11-30T09:00:00+08:00']));
  });

  it('fills the hours ledger from attendance and S6 reflections with action items and good practices', async () => {
    const s2 = await programByCode('S2-DL-2026');
    const hours = await db.kysely
      .selectFrom('hours_entries')
      .select(['cadre_id', 'hours'])
      .where('program_id', '=', s2.id)
      .where('source', '=', 'program')
      .execute();
    expect(new Set(hours.map((h) => h.cadre_id)).size).toBe(200);
    // Full attendance earns every group's 94.83 credited hours (minus ceremonies); nobody exceeds it.
    expect(Math.max(...hours.map((h) => h.hours))).toBeLessThanOrEqual(95);
    expect(hours.filter((h) => h.hours > 85).length).toBeGreaterThan(150);
    const s6 = await programByCode('S6-SX-KQ-2026');
    const reflections = await db.kysely.selectFrom('reflections').select('id').where('program_id', '=', s6.id).execute();
    expect(reflections).toHaveLength(25);
    const items = await db.kysely
      .selectFrom('action_items')
      .select('id')
      .where(
        'reflection_id',
        'in',
        reflections.map((r) => r.id),
      )
      .execute();
    expect(items.length).toBeGreaterThanOrEqual(25);
    const practices = await db.kysely.selectFrom('good_practices').select(['title', 'search_terms']).where('program_id', '=', s6.id).execute();
    expect(practices.length).toBe(5);
    expect(practices.find((p) => p.title.includes('M0'))?.search_terms).toContain('|用地|');
  });
});
