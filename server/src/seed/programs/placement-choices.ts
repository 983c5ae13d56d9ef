// How the demo placements' preferences are scored and completed: the cadre-to-post fit, the host's score formula and
// the 服从调剂 round that gives cadres left unplaced more choices with free seats.
import { solveRankOptimal, solveStable, type PlacementInstance } from '@duibiao/core/placement/index';
import { cadreKey, idOf, postKey } from '../../modules/placement/placement-instance.ts';
import { daysBetween } from '../dates.ts';
import type { HostUnitSpec } from './host-units-data.ts';
import type { PlacementCadre, PlacementSetup } from './placement-seed.ts';

/** Fit of a cadre to a post: its main (first) specialty counts double. */
export const postFit = (specialties: readonly string[], tags: readonly string[]) =>
  specialties.reduce((sum, s, i) => sum + (tags.includes(s) ? (i === 0 ? 2 : 1) : 0), 0);

/** The host's score of a cadre (0–100): specialty fit first, then years of service; ties go to the lottery. */
export const hostScore = (c: PlacementCadre, tags: readonly string[], on: string) =>
  Math.min(100, 60 + 10 * postFit(c.specialties, tags) + Math.min(15, Math.floor(daysBetween(c.workStartDate, on) / 730)));

export type PostOf = { id: number; spec: HostUnitSpec; unitId: number };

/**
 * 服从调剂: cadres the first round leaves unplaced add the best posts (by their own utility) that still have free
 * seats to the end of their list, and the round is solved again, until everyone is placed. Solves the same
 * instance buildInstance will read back (cadres by id, posts in order, host scores, unit bans on every post).
 */
export function topUp(
  s: Pick<PlacementSetup, 'cadres' | 'mode' | 'seed' | 'startDate'>,
  posts: readonly PostOf[],
  chosen: Map<number, PostOf[]>,
  utilities: Map<number, Map<number, number>>,
  banned: ReadonlySet<string>,
) {
  const cadres = [...s.cadres].sort((a, b) => a.cadreId - b.cadreId);
  // A few rounds suffice on the demo data; the caller checks that everyone ended up placed.
  for (let round = 0; round < 50; round++) {
    const instance: PlacementInstance = {
      cadres: cadres.map((c) => ({ id: cadreKey(c.cadreId), prefs: chosen.get(c.cadreId)!.map((p) => postKey(p.id)) })),
      hosts: posts.map((p) => ({
        id: postKey(p.id),
        capacity: p.spec.seats,
        scores: Object.fromEntries(
          cadres.filter((c) => chosen.get(c.cadreId)!.includes(p)).map((c) => [cadreKey(c.cadreId), hostScore(c, p.spec.tags, s.startDate)]),
        ),
      })),
      bans: cadres.flatMap((c) =>
        posts.filter((p) => banned.has(`${c.cadreId}:${p.unitId}`)).map((p) => [cadreKey(c.cadreId), postKey(p.id)] as [string, string]),
      ),
      seed: s.seed,
    };
    const result = s.mode === 'stable' ? solveStable(instance) : solveRankOptimal(instance);
    if (result.unassigned.length === 0) return;
    const free = new Map(result.stats.hostFill.map((f) => [idOf(f.host), f.capacity - f.filled]));
    for (const key of result.unassigned) {
      const id = idOf(key);
      const utility = utilities.get(id)!;
      const extra = posts
        .filter((p) => free.get(p.id)! > 0 && !chosen.get(id)!.includes(p) && !banned.has(`${id}:${p.unitId}`))
        .sort((a, b) => utility.get(b.id)! - utility.get(a.id)! || a.id - b.id)
        .slice(0, 2);
      chosen.set(id, [...chosen.get(id)!, ...extra]);
    }
  }
}
