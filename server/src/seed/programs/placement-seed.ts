// Placement history of a demo program (issue 4): host units and one post per spec, cadre choices correlated with
// specialty fit and the unit's appeal, host scores from a fit formula, bans (former employer by name, a few close
// relatives, a manual one), one solve stored as the published run, and the placements it gives. The instance is
// built by the placement module's own `buildInstance` from these rows, so the stored run is exactly what a re-solve
// with the same seed would give, ids and lottery included.
import { explainPlacement, solveRankOptimal, solveStable, type PlacementInstance, type PlacementResult } from '@duibiao/core/placement/index';
import { hostScore, postFit, topUp, type PostOf } from './placement-choices.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { buildInstance, cadreKey, idOf, nameSentence } from '../../modules/placement/placement-instance.ts';
import { addDays } from '../dates.ts';
import { uniqueName } from '../names.ts';
import type { Rng } from '../prng.ts';
import type { HostUnitSpec } from './host-units-data.ts';

type Trx = Kysely<Database>;

export interface PlacementCadre {
  cadreId: number;
  enrolmentId: number;
  specialties: readonly string[];
  /** Unit names of the cadre's career, for former-employer bans. */
  formerUnits: readonly string[];
  workStartDate: string;
}

export interface PlacementSetup {
  programId: number;
  organizerOrgId: number;
  codePrefix: string;
  city: string;
  hosts: readonly HostUnitSpec[];
  cadres: readonly PlacementCadre[];
  /** Length range of each cadre's list of posts. */
  listLength: readonly [number, number];
  relativeBans: number;
  manualBans: number;
  mode: 'stable' | 'optimal';
  seed: number;
  startDate: string;
  endDate: string;
  /** Username of the program manager who solved and published. */
  publisherUsername: string;
  rng: Rng;
}

export interface SeededPlacement {
  id: number;
  cadreId: number;
  enrolmentId: number;
  postId: number;
  hostUnitId: number;
  hostUnitName: string;
}

export interface SeededPlacements {
  runId: number;
  instance: PlacementInstance;
  result: PlacementResult;
  units: Map<string, number>;
  placements: SeededPlacement[];
}

/** Utility lost per applicant already on a post's seat; 0 would make every list start with the famous names. */
const CROWDING = 0.7;

const MOBILE = (rng: Rng) => `1${rng.pick(['35', '37', '38', '39', '58', '86', '89'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;

/** Writes units, posts, preferences and bans; solves; stores the published run and its placements (status 'published'). */
export async function seedPlacements(trx: Trx, s: PlacementSetup): Promise<SeededPlacements> {
  const { rng } = s;
  const at = `${addDays(s.startDate, -35)}T02:00:00.000Z`;
  const taken = new Set<string>();
  const person = () => uniqueName(rng, rng.chance(0.5) ? 'male' : 'female', '汉族', rng.int(1970, 1990), taken);

  // One insert per table (ids matched back by unit name and post order: RETURNING order is not guaranteed).
  const unitSpecs = s.hosts.filter((h, i) => s.hosts.findIndex((x) => x.name === h.name) === i);
  const unitRows = await trx
    .insertInto('host_units')
    .values(
      unitSpecs.map((spec, i) => ({
        org_id: s.organizerOrgId,
        code: `${s.codePrefix}-${String(i + 1).padStart(3, '0')}`,
        name: spec.name,
        kind: spec.kind,
        city: s.city,
        field: spec.field,
        address: null,
        capacity: s.hosts.filter((h) => h.name === spec.name).reduce((sum, h) => sum + h.seats, 0),
        contact_user_id: null,
        contact_name: person(),
        contact_phone: MOBILE(rng),
        mentor_name: person(),
        created_at: at,
        updated_at: at,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  const units = new Map(unitRows.map((u) => [u.name, u.id]));
  const postRows = await trx
    .insertInto('host_posts')
    .values(
      s.hosts.map((spec, i) => ({
        program_id: s.programId,
        host_unit_id: units.get(spec.name)!,
        title: spec.post,
        seats: spec.seats,
        specialty_tags: JSON.stringify(spec.tags),
        requirements: `熟悉${spec.tags.join('、')}工作，能独立承担调研任务`,
        mentor_name: person(),
        sort_order: i,
        created_at: at,
        updated_at: at,
      })),
    )
    .returning(['id', 'sort_order'])
    .execute();
  const posts: PostOf[] = postRows
    .sort((a, b) => a.sort_order - b.sort_order)
    .map((r) => ({ id: r.id, spec: s.hosts[r.sort_order]!, unitId: units.get(s.hosts[r.sort_order]!.name)! }));

  // Choices: appeal + fit + noise, best first, less a congestion term — the running count of applicants per seat is
  // published while cadres fill in their lists (as in 志愿填报), which spreads demand.
  const chosen = new Map<number, typeof posts>();
  const utilities = new Map<number, Map<number, number>>();
  const applicants = new Map(posts.map((p) => [p.id, 0]));
  for (const c of rng.shuffle(s.cadres)) {
    const length = Math.min(posts.length, rng.int(s.listLength[0], s.listLength[1]));
    const crowding = (p: (typeof posts)[number]) => (CROWDING * applicants.get(p.id)!) / p.spec.seats;
    const utility = new Map(posts.map((p) => [p.id, 0.5 * p.spec.appeal + 1.5 * postFit(c.specialties, p.spec.tags) + rng.next() * 3 - crowding(p)]));
    const list = [...posts].sort((a, b) => utility.get(b.id)! - utility.get(a.id)! || a.id - b.id).slice(0, length);
    chosen.set(c.cadreId, list);
    utilities.set(c.cadreId, utility);
    for (const p of list) applicants.set(p.id, applicants.get(p.id)! + 1);
  }

  const bans: { cadre_id: number; host_unit_id: number; kind: string; reason: string }[] = [];
  const banned = new Set<string>();
  const ban = (cadreId: number, unitId: number, kind: string, reason: string) => {
    if (banned.has(`${cadreId}:${unitId}`)) return;
    banned.add(`${cadreId}:${unitId}`);
    bans.push({ cadre_id: cadreId, host_unit_id: unitId, kind, reason });
  };
  for (const c of s.cadres)
    for (const [name, id] of units) if (c.formerUnits.includes(name)) ban(c.cadreId, id, 'former_employer', `曾在${name}工作，按回避规定不安排`);
  const picks = rng.shuffle(s.cadres).slice(0, s.relativeBans + s.manualBans);
  picks.forEach((c, i) => {
    const target = rng.pick(chosen.get(c.cadreId)!.slice(0, 3));
    if (i < s.relativeBans)
      ban(c.cadreId, target.unitId, 'relative', rng.pick(['配偶在该单位任职', '直系亲属在该单位担任中层以上职务', '兄弟姐妹在该单位工作']));
    else ban(c.cadreId, target.unitId, 'manual', '该单位与派出单位有在办合作项目，组织部决定回避');
  });

  topUp({ cadres: s.cadres, mode: s.mode, seed: s.seed, startDate: s.startDate }, posts, chosen, utilities, banned);

  const prefRows = s.cadres.flatMap((c) =>
    chosen.get(c.cadreId)!.flatMap((p, i) => [
      { side: 'cadre', cadre_id: c.cadreId, post_id: p.id, rank: i + 1, score: null },
      { side: 'host', cadre_id: c.cadreId, post_id: p.id, rank: null, score: hostScore(c, p.spec.tags, s.startDate) },
    ]),
  );
  await insertPrefs(trx, prefRows, s.programId, at);
  if (bans.length > 0)
    await trx
      .insertInto('placement_bans')
      .values(bans.map((b) => ({ ...b, created_by: null, created_at: at })))
      .execute();

  const { instance, labels } = await buildInstance(trx, s.programId, s.seed);
  const solved = s.mode === 'stable' ? solveStable(instance) : solveRankOptimal(instance);
  const explanations = explainPlacement(instance, solved);
  const publisher = await trx.selectFrom('users').select('id').where('username', '=', s.publisherUsername).executeTakeFirstOrThrow();
  const solvedAt = `${addDays(s.startDate, -24)}T03:00:00.000Z`;
  const publishedAt = `${addDays(s.startDate, -20)}T08:00:00.000Z`;
  const run = await trx
    .insertInto('placement_runs')
    .values({
      program_id: s.programId,
      mode: s.mode,
      seed: s.seed,
      instance: JSON.stringify(instance),
      result: JSON.stringify({ ...solved, explanations, labels }),
      created_by: publisher.id,
      created_at: solvedAt,
      published_at: publishedAt,
      published_by: publisher.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const byCadre = new Map(s.cadres.map((c) => [cadreKey(c.cadreId), c]));
  const postById = new Map(posts.map((p) => [p.id, p]));
  const why = new Map(explanations.map((e) => [e.cadre, e]));
  const rows = solved.assignments.map((a) => {
    const cadre = byCadre.get(a.cadre)!;
    const post = postById.get(idOf(a.host))!;
    const e = why.get(a.cadre)!;
    return {
      program_id: s.programId,
      enrolment_id: cadre.enrolmentId,
      cadre_id: cadre.cadreId,
      post_id: post.id,
      host_unit_id: post.unitId,
      run_id: run.id,
      status: 'published',
      choice: e.choice,
      explanation: nameSentence(e.zh, labels),
      start_date: s.startDate,
      end_date: s.endDate,
      published_at: publishedAt,
      remote_checkin_at: null,
      remote_checkin_contacted: 0,
      remote_checkin_tasks: null,
      created_at: publishedAt,
      updated_at: publishedAt,
    };
  });
  const placements: SeededPlacement[] = [];
  for (let i = 0; i < rows.length; i += 100) {
    const inserted = await trx
      .insertInto('placements')
      .values(rows.slice(i, i + 100))
      .returning(['id', 'cadre_id', 'enrolment_id', 'post_id', 'host_unit_id'])
      .execute();
    for (const r of inserted)
      placements.push({
        id: r.id,
        cadreId: r.cadre_id,
        enrolmentId: r.enrolment_id,
        postId: r.post_id,
        hostUnitId: r.host_unit_id,
        hostUnitName: postById.get(r.post_id)!.spec.name,
      });
  }
  placements.sort((a, b) => a.cadreId - b.cadreId);
  return { runId: run.id, instance, result: solved, units, placements };
}

async function insertPrefs(
  trx: Trx,
  rows: readonly { side: string; cadre_id: number; post_id: number; rank: number | null; score: number | null }[],
  programId: number,
  at: string,
): Promise<void> {
  const values = rows.map((r) => ({ ...r, program_id: programId, created_at: at, updated_at: at }));
  for (let i = 0; i < values.length; i += 300)
    await trx
      .insertInto('placement_preferences')
      .values(values.slice(i, i + 300))
      .execute();
}
