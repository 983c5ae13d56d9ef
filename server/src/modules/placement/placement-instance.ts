// From the database to the core solver's instance and back: enrolled cadres × the program's posts, cadre choices,
// host rankings or scores, unit-level bans expanded to every post of the unit. Ids are `c<cadreId>` and `p<postId>`.
import { lotteryOrder, PlacementInputError, validateInstance, type HostInput, type PlacementInstance } from '@duibiao/core/placement/index';
import type { FieldError } from '@duibiao/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { invalid } from '../../http/errors.ts';
import { listEnrolledCadres, listPreferences, listProgramPosts } from './placement.repo.ts';

export const cadreKey = (id: number) => `c${id}`;
export const postKey = (id: number) => `p${id}`;
export const idOf = (key: string) => Number(key.slice(1));

/** Names at solve time, kept with the run so it can be explained even after posts are renamed or removed. */
export interface RunLabels {
  posts: Record<string, { id: number; title: string; hostUnitId: number; hostUnitName: string }>;
  cadres: Record<string, { name: string; orgName: string }>;
}
export const postLabel = (labels: RunLabels, key: string) => {
  const p = labels.posts[key];
  return p ? `${p.hostUnitName}·${p.title}` : key;
};
/** The core's sentence names posts by id (`（p12）`); show the unit and post title instead. */
export const nameSentence = (zh: string, labels: RunLabels) => zh.replace(/p\d+/g, (key) => postLabel(labels, key));

/** Builds and validates the instance; bad data → 400 listing every problem with a path (`posts.<id>.seats`, …). */
export async function buildInstance(db: Kysely<Database>, programId: number, seed: number): Promise<{ instance: PlacementInstance; labels: RunLabels }> {
  // A later round places only the rest: cadres already published keep their post and their seat is taken.
  const published = await db
    .selectFrom('placements')
    .select(['cadre_id', 'post_id'])
    .where('program_id', '=', programId)
    .where('status', '!=', 'draft')
    .execute();
  const taken = new Map<number, number>();
  for (const p of published) taken.set(p.post_id, (taken.get(p.post_id) ?? 0) + 1);
  const placed = new Set(published.map((p) => p.cadre_id));
  const allPosts = await listProgramPosts(db, programId);
  const posts = allPosts.map((p) => ({ ...p, seats: p.seats - (taken.get(p.id) ?? 0) })).filter((p) => !taken.has(p.id) || p.seats > 0);
  const cadres = (await listEnrolledCadres(db, programId)).filter((c) => !placed.has(c.id));
  const problems: FieldError[] = [];
  if (allPosts.length === 0) problems.push({ field: 'posts', message: '本项目还没有实训岗位' });
  else if (posts.length === 0) problems.push({ field: 'posts', message: '所有岗位名额均已发布占用' });
  if (cadres.length === 0) problems.push({ field: 'cadres', message: placed.size > 0 ? '所有在册学员均已发布安置' : '本项目没有在册学员' });
  for (const p of posts) if (p.seats < 1) problems.push({ field: `posts.${p.id}.seats`, message: `岗位 ${p.unit_name}·${p.title} 没有名额` });
  if (problems.length > 0) throw invalid(problems, '无法求解');

  const enrolled = new Set(cadres.map((c) => c.id));
  const postIds = new Set(posts.map((p) => p.id));
  const cadrePrefs = (await listPreferences(db, programId, 'cadre')).filter((p) => enrolled.has(p.cadre_id) && postIds.has(p.post_id));
  const hostPrefs = (await listPreferences(db, programId, 'host')).filter((p) => enrolled.has(p.cadre_id));
  const bans = await db
    .selectFrom('placement_bans')
    .select(['cadre_id', 'host_unit_id'])
    .where('cadre_id', 'in', [...enrolled])
    .execute();

  const hosts: HostInput[] = posts.map((post) => {
    const rows = hostPrefs.filter((r) => r.post_id === post.id);
    const ranked = rows.filter((r) => r.rank !== null).sort((a, b) => a.rank! - b.rank!);
    if (ranked.length > 0) return { id: postKey(post.id), capacity: post.seats, prefs: ranked.map((r) => cadreKey(r.cadre_id)) };
    const scored = rows.filter((r) => r.score !== null);
    // A host that never ranked accepts every enrolled cadre; the published lottery orders them.
    const scores = scored.length > 0 ? scored.map((r) => [cadreKey(r.cadre_id), r.score!] as const) : cadres.map((c) => [cadreKey(c.id), 0] as const);
    return { id: postKey(post.id), capacity: post.seats, scores: Object.fromEntries(scores) };
  });
  const instance: PlacementInstance = {
    cadres: cadres.map((c) => ({
      id: cadreKey(c.id),
      prefs: cadrePrefs
        .filter((p) => p.cadre_id === c.id)
        .sort((a, b) => a.rank! - b.rank!)
        .map((p) => postKey(p.post_id)),
    })),
    hosts,
    bans: bans.flatMap((b) => posts.filter((p) => p.host_unit_id === b.host_unit_id).map((p) => [cadreKey(b.cadre_id), postKey(p.id)] as [string, string])),
    seed,
  };
  try {
    validateInstance(instance);
  } catch (error) {
    if (!(error instanceof PlacementInputError)) throw error;
    throw invalid(
      error.details.map((d) => ({ field: d.path, message: d.message })),
      '无法求解',
    );
  }
  const labels: RunLabels = {
    posts: Object.fromEntries(posts.map((p) => [postKey(p.id), { id: p.id, title: p.title, hostUnitId: p.host_unit_id, hostUnitName: p.unit_name }])),
    cadres: Object.fromEntries(cadres.map((c) => [cadreKey(c.id), { name: c.name, orgName: c.org_name }])),
  };
  return { instance, labels };
}

/**
 * Blocking pairs of any assignment, manual moves included (the core's counter refuses pairs that are not mutually
 * acceptable, which a manual override may create): cadre c and post h block when c lists h above its placement (or
 * is unplaced / placed off its list), h lists c, they are not banned, and h has a free seat or holds someone it ranks
 * below c.
 */
export function countBlockingPairs(instance: PlacementInstance, assignment: Map<string, string>): number {
  const ticket = new Map(
    lotteryOrder(
      instance.cadres.map((c) => c.id),
      instance.seed ?? 0,
    ).map((id, i) => [id, i]),
  );
  const hostRank = new Map<string, Map<string, number>>();
  for (const h of instance.hosts) {
    const list = h.prefs ?? Object.keys(h.scores ?? {}).sort((a, b) => h.scores![b]! - h.scores![a]! || ticket.get(a)! - ticket.get(b)!);
    hostRank.set(h.id, new Map(list.map((c, i) => [c, i])));
  }
  const banned = new Set((instance.bans ?? []).map(([c, h]) => `${c}|${h}`));
  const capacity = new Map(instance.hosts.map((h) => [h.id, h.capacity]));
  const held = new Map<string, string[]>();
  for (const [c, h] of assignment) held.set(h, [...(held.get(h) ?? []), c]);
  let count = 0;
  for (const cadre of instance.cadres) {
    const current = assignment.get(cadre.id);
    const at = current === undefined ? -1 : cadre.prefs.indexOf(current);
    const better = at < 0 ? cadre.prefs : cadre.prefs.slice(0, at);
    for (const h of better) {
      const ranks = hostRank.get(h);
      const rank = ranks?.get(cadre.id);
      if (rank === undefined || banned.has(`${cadre.id}|${h}`)) continue;
      const holders = held.get(h) ?? [];
      const worst = Math.max(-1, ...holders.map((c) => ranks!.get(c) ?? Number.MAX_SAFE_INTEGER));
      if (holders.length < (capacity.get(h) ?? 0) || worst > rank) count++;
    }
  }
  return count;
}
