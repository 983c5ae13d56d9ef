// Issue 4 on the demo data, checked from the database rows: S2's selection and formation, S3's 150 placements at 79
// Shenzhen hosts with 0 blocking pairs, S4's ten completed follow-along placements with reviews and hours.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isGrassrootsLevel, type OrgLevel } from '@duibiao/contracts';
import { countBlockingPairs, type PlacementInstance } from '@duibiao/core/placement/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type Db } from '../src/db/database.ts';
import { createFieldCipher } from '../src/lib/field-cipher.ts';
import { buildDemoData } from '../src/seed/demo-data.ts';
import { seedDemoPrograms } from '../src/seed/programs/seed-programs.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { openTestDb, testConfig } from './support.ts';

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await openTestDb(mkdtempSync(join(tmpdir(), 'duibiao-demo-sel-'))));
  await migrateToLatest(db);
  const config = testConfig();
  const ctx = { config, db, cipher: createFieldCipher(config.DATA_KEY) };
  const data = buildDemoData();
  await seedDemo(ctx, data);
  // Noon in Beijing on 2026-11-30: S3 started 42 days earlier (2026-10-19), so six weeks are over.
  await seedDemoPrograms(ctx, data, new Date('2026-11-30T04:00:00Z'));
}, 120_000);

afterAll(async () => {
  await db.close();
  await drop();
});

const programByCode = (code: string) => db.kysely.selectFrom('programs').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
const pairs = (n: number) => (n * (n - 1)) / 2;
const countBy = <T>(items: readonly T[], key: (t: T) => string | number) => {
  const out = new Map<string | number, number>();
  for (const i of items) out.set(key(i), (out.get(key(i)) ?? 0) + 1);
  return out;
};

describe('S2 (Dalian) selection and formation', () => {
  it('has four county quotas of 50, each filled by 50 approved nominations linked to their enrolments', async () => {
    const p = await programByCode('S2-DL-2026');
    expect(JSON.parse(p.selection_rules)).toMatchObject({ eligibility: { maxAge: 40 }, capacity: 200, grassrootsShareMin: 0.5 });
    const quotas = await db.kysely
      .selectFrom('nomination_quotas as q')
      .innerJoin('organizations as o', 'o.id', 'q.org_id')
      .select(['q.id', 'q.quota', 'o.code', 'o.path'])
      .where('q.program_id', '=', p.id)
      .execute();
    expect(quotas.map((q) => [q.code, q.quota]).sort()).toEqual([
      ['DL-CH', 50],
      ['DL-PLD', 50],
      ['DL-WFD', 50],
      ['DL-ZH', 50],
    ]);
    const nominations = await db.kysely
      .selectFrom('nominations as n')
      .innerJoin('cadres as c', 'c.id', 'n.cadre_id')
      .innerJoin('organizations as o', 'o.id', 'c.org_id')
      .leftJoin('enrolments as e', 'e.id', 'n.enrolment_id')
      .select(['n.id', 'n.status', 'n.quota_id', 'n.cadre_id', 'o.path', 'e.cadre_id as enrolled_cadre', 'e.program_id as enrolled_program'])
      .where('n.program_id', '=', p.id)
      .execute();
    expect(nominations).toHaveLength(200);
    expect(nominations.every((n) => n.status === 'approved' && n.enrolled_cadre === n.cadre_id && n.enrolled_program === p.id)).toBe(true);
    const quotaPath = new Map(quotas.map((q) => [q.id, q.path]));
    expect(nominations.every((n) => n.path.startsWith(quotaPath.get(n.quota_id!)!))).toBe(true);
    expect([...countBy(nominations, (n) => n.quota_id!).values()]).toEqual([50, 50, 50, 50]);
    const events = await db.kysely
      .selectFrom('nomination_events')
      .select(['nomination_id', 'action', 'to_status'])
      .where(
        'nomination_id',
        'in',
        nominations.map((n) => n.id),
      )
      .orderBy('id')
      .execute();
    const chain = new Map<number, string[]>();
    for (const e of events) chain.set(e.nomination_id, [...(chain.get(e.nomination_id) ?? []), `${e.action}:${e.to_status}`]);
    expect(chain.size).toBe(200);
    for (const steps of chain.values()) expect(steps).toEqual(['nominate:submitted', 'unit_approve:unit_approved', 'approve:approved']);
  });

  it('forms 4 classes of 50 with ≥ 50 % grassroots, groups of 6–10 and only unavoidable same-unit pairs', async () => {
    const p = await programByCode('S2-DL-2026');
    const classes = await db.kysely.selectFrom('program_classes').select(['id', 'theme_tags', 'min_grassroots_share']).where('program_id', '=', p.id).execute();
    expect(classes).toHaveLength(4);
    const rows = await db.kysely
      .selectFrom('enrolments as e')
      .innerJoin('cadres as c', 'c.id', 'e.cadre_id')
      .innerJoin('organizations as o', 'o.id', 'c.org_id')
      .select(['e.id', 'e.class_id', 'e.group_id', 'c.org_id', 'o.level'])
      .where('e.program_id', '=', p.id)
      .execute();
    for (const cls of classes) {
      expect((JSON.parse(cls.theme_tags) as string[]).length).toBeGreaterThan(2);
      expect(cls.min_grassroots_share).toBe(0.5);
      const members = rows.filter((r) => r.class_id === cls.id);
      expect(members).toHaveLength(50);
      expect(members.filter((m) => isGrassrootsLevel(m.level as OrgLevel)).length).toBeGreaterThanOrEqual(25);
      const groups = countBy(members, (m) => m.group_id!);
      for (const size of groups.values()) {
        expect(size).toBeGreaterThanOrEqual(6);
        expect(size).toBeLessThanOrEqual(10);
      }
      // Lower bound: each unit spread as evenly as possible over the class's groups.
      const g = groups.size;
      const bound = [...countBy(members, (m) => m.org_id).values()].reduce((sum, n) => {
        const q = Math.floor(n / g);
        return sum + (n % g) * pairs(q + 1) + (g - (n % g)) * pairs(q);
      }, 0);
      const actual = [...countBy(members, (m) => `${m.group_id}:${m.org_id}`).values()].reduce((sum, n) => sum + pairs(n), 0);
      expect(actual).toBe(bound);
    }
  });

  it('keeps the applied formation draft in the core solution shape, equal to the enrolments', async () => {
    const p = await programByCode('S2-DL-2026');
    const draft = await db.kysely.selectFrom('formation_drafts').selectAll().where('program_id', '=', p.id).executeTakeFirstOrThrow();
    expect(draft.applied_at).not.toBeNull();
    expect([draft.group_min, draft.group_max]).toEqual([6, 7]);
    const solution = JSON.parse(draft.solution) as { classes: { id: string; members: string[]; groups: { id: string; members: string[] }[] }[] };
    const rows = await db.kysely.selectFrom('enrolments').select(['id', 'class_id', 'group_id']).where('program_id', '=', p.id).execute();
    const fromDraft = solution.classes.flatMap((c) => c.groups.flatMap((g) => g.members.map((m) => `${m}:${c.id}:${g.id}`))).sort();
    expect(fromDraft).toEqual(rows.map((r) => `${r.id}:${r.class_id}:${r.group_id}`).sort());
    expect(JSON.parse(draft.stats)).toMatchObject({ people: 200 });
  });
});

async function placementsOf(programId: number) {
  return db.kysely.selectFrom('placements').selectAll().where('program_id', '=', programId).orderBy('cadre_id').execute();
}

describe('S3 (Qingdao → Shenzhen) placements', () => {
  it('selects 150 of the S3 cadres under quotas and places all of them at the 79 host units with 0 blocking pairs', async () => {
    const p = await programByCode('S3-QD-SZ-2026');
    expect([p.type, p.status, p.start_date, p.end_date]).toEqual(['embedded_practicum', 'running', '2026-10-19', '2027-01-26']);
    const nominations = await db.kysely.selectFrom('nominations').select(['status', 'enrolment_id']).where('program_id', '=', p.id).execute();
    const byStatus = countBy(nominations, (n) => n.status);
    expect(byStatus.get('approved')).toBe(150);
    expect(byStatus.get('waitlisted')).toBeGreaterThan(0);
    const quotas = await db.kysely.selectFrom('nomination_quotas').select('quota').where('program_id', '=', p.id).execute();
    expect(quotas.reduce((s, q) => s + q.quota, 0)).toBe(150);

    const placements = await placementsOf(p.id);
    expect(placements).toHaveLength(150);
    const units = await db.kysely
      .selectFrom('host_posts as hp')
      .innerJoin('host_units as u', 'u.id', 'hp.host_unit_id')
      .select(['u.id', 'u.city', 'hp.seats'])
      .where('hp.program_id', '=', p.id)
      .execute();
    expect(new Set(units.map((u) => u.id)).size).toBe(79);
    expect(units.every((u) => u.city === '深圳' && u.seats >= 1 && u.seats <= 3)).toBe(true);
    expect(units.reduce((s, u) => s + u.seats, 0)).toBeGreaterThanOrEqual(150);
    expect(new Set(placements.map((pl) => pl.host_unit_id)).size).toBe(79);

    const run = await db.kysely.selectFrom('placement_runs').selectAll().where('program_id', '=', p.id).executeTakeFirstOrThrow();
    expect([run.mode, run.published_at !== null]).toEqual(['stable', true]);
    const instance = JSON.parse(run.instance) as PlacementInstance;
    const assignment = placements.map((pl) => ({ cadre: `c${pl.cadre_id}`, host: `p${pl.post_id}` }));
    expect(countBlockingPairs(instance, assignment)).toBe(0);
    // Every placement is explained and points at the cadre's listed choice.
    expect(placements.every((pl) => pl.run_id === run.id && pl.choice !== null && pl.choice >= 1 && pl.explanation?.startsWith('你被安排到'))).toBe(true);
    const bans = await db.kysely
      .selectFrom('placement_bans')
      .select('kind')
      .where(
        'cadre_id',
        'in',
        placements.map((pl) => pl.cadre_id),
      )
      .execute();
    expect(bans.some((b) => b.kind === 'relative')).toBe(true);
  });

  it('has most cadres checked in remotely and weekly logs for the weeks already over', async () => {
    const p = await programByCode('S3-QD-SZ-2026');
    const placements = await placementsOf(p.id);
    const reported = placements.filter((pl) => pl.status === 'reported');
    expect(reported.length).toBeGreaterThan(130);
    expect(reported.every((pl) => pl.remote_checkin_at !== null && pl.remote_checkin_at < '2026-10-19')).toBe(true);
    const logs = await db.kysely
      .selectFrom('placement_logs')
      .select(['placement_id', 'week_start', 'mentor_comment'])
      .where(
        'placement_id',
        'in',
        placements.map((pl) => pl.id),
      )
      .execute();
    expect(new Set(logs.map((l) => l.placement_id)).size).toBeGreaterThan(30);
    // Mondays from the start's week (2026-10-19) to the last finished week (2026-11-23).
    expect(logs.every((l) => new Date(`${l.week_start}T00:00:00Z`).getUTCDay() === 1 && l.week_start >= '2026-10-19' && l.week_start <= '2026-11-23')).toBe(
      true,
    );
  });

  it('makes qd_host the contact of the unit hosting qd_trainee, with 2–3 cadres there and commented logs', async () => {
    const p = await programByCode('S3-QD-SZ-2026');
    const trainee = await db.kysely.selectFrom('users').select('cadre_id').where('username', '=', 'qd_trainee').executeTakeFirstOrThrow();
    const host = await db.kysely.selectFrom('users').select('id').where('username', '=', 'qd_host').executeTakeFirstOrThrow();
    const units = await db.kysely.selectFrom('host_units').select('id').where('contact_user_id', '=', host.id).execute();
    expect(units).toHaveLength(1);
    const there = (await placementsOf(p.id)).filter((pl) => pl.host_unit_id === units[0]!.id);
    expect(there.map((pl) => pl.cadre_id)).toContain(trainee.cadre_id);
    expect(there.length).toBeGreaterThanOrEqual(2);
    expect(there.length).toBeLessThanOrEqual(3);
    const mine = there.find((pl) => pl.cadre_id === trainee.cadre_id)!;
    const logs = await db.kysely.selectFrom('placement_logs').select(['mentor_comment', 'commented_by']).where('placement_id', '=', mine.id).execute();
    expect(logs).toHaveLength(6);
    expect(logs.some((l) => l.mentor_comment !== null && l.commented_by === host.id)).toBe(true);
  });
});

describe('S4 (Shangqiu → Changzhou) follow-along study', () => {
  it('places the ten cadres in posts by the optimal solver and closes with logs, reviews and placement hours', async () => {
    const p = await programByCode('S4-SQ-CZ-2022');
    expect([p.type, p.status, p.start_date, p.end_date]).toEqual(['follow_along', 'closed', '2022-09-19', '2023-03-18']);
    const nominations = await db.kysely.selectFrom('nominations').select('status').where('program_id', '=', p.id).execute();
    expect(nominations.map((n) => n.status)).toEqual(Array(10).fill('approved'));
    const placements = await placementsOf(p.id);
    expect(placements).toHaveLength(10);
    expect(new Set(placements.map((pl) => pl.post_id)).size).toBe(10);
    expect(placements.every((pl) => pl.status === 'completed')).toBe(true);
    const run = await db.kysely.selectFrom('placement_runs').select(['mode', 'instance']).where('program_id', '=', p.id).executeTakeFirstOrThrow();
    expect(run.mode).toBe('optimal');
    const reviews = await db.kysely
      .selectFrom('placement_reviews as r')
      .leftJoin('hours_entries as h', 'h.id', 'r.hours_entry_id')
      .select(['r.kind', 'r.result', 'r.hours', 'h.source', 'h.hours as entry_hours', 'h.cadre_id'])
      .where(
        'r.placement_id',
        'in',
        placements.map((pl) => pl.id),
      )
      .execute();
    expect(countBy(reviews, (r) => r.kind)).toEqual(
      new Map([
        ['midterm', 10],
        ['final', 10],
      ]),
    );
    const finals = reviews.filter((r) => r.kind === 'final');
    expect(finals.every((r) => r.source === 'placement' && r.entry_hours === r.hours && r.hours! > 0)).toBe(true);
    expect(new Set(finals.map((r) => r.cadre_id))).toEqual(new Set(placements.map((pl) => pl.cadre_id)));
    const entries = await db.kysely.selectFrom('hours_entries').select('id').where('program_id', '=', p.id).where('source', '=', 'placement').execute();
    expect(entries).toHaveLength(10);
    const logs = await db.kysely
      .selectFrom('placement_logs')
      .select(['placement_id', 'week_start'])
      .where(
        'placement_id',
        'in',
        placements.map((pl) => pl.id),
      )
      .execute();
    expect(new Set(logs.map((l) => l.placement_id)).size).toBe(10);
    expect(logs.every((l) => l.week_start >= '2022-09-19' && l.week_start <= '2023-03-18')).toBe(true);
  });
});

describe('open call for nominations', () => {
  it('the 4th Qingdao batch is enrolling with a 市南区 quota and no nominations yet, so sn_admin can nominate', async () => {
    const p = await programByCode('S3-QD-SZ-B4');
    expect(p.status).toBe('enrolling');
    // Seeded on 2026-11-30 (Beijing): units have until seed day + 20 to nominate.
    expect(JSON.parse(p.selection_rules).nominationDeadline).toBe('2026-12-20');
    const quotas = await db.kysely
      .selectFrom('nomination_quotas as q')
      .innerJoin('organizations as o', 'o.id', 'q.org_id')
      .select(['o.code', 'q.quota'])
      .where('q.program_id', '=', p.id)
      .execute();
    expect(quotas.find((q) => q.code === 'QD-SN')?.quota).toBe(10);
    const nominations = await db.kysely.selectFrom('nominations').select('id').where('program_id', '=', p.id).execute();
    expect(nominations).toHaveLength(0);
    // It starts after S3 ends, so S3's trainees are not excluded as overlapping.
    const s3 = await programByCode('S3-QD-SZ-2026');
    expect(p.start_date > s3.end_date).toBe(true);
  });
});
