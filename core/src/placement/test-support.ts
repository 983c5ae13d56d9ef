// Test helpers: tiny-instance builders and independent (brute-force) checks of the solvers' claims.
import type { PlacementInstance } from './instance.ts';
import type { PlacementResult } from './report.ts';

/** Instance from compact maps: cadre → hosts, host → [capacity, cadres]. */
export function build(cadres: Record<string, string[]>, hosts: Record<string, [number, string[]]>, bans: [string, string][] = []): PlacementInstance {
  return {
    cadres: Object.entries(cadres).map(([id, prefs]) => ({ id, prefs })),
    hosts: Object.entries(hosts).map(([id, [capacity, prefs]]) => ({ id, capacity, prefs })),
    bans,
    seed: 1,
  };
}

const isBanned = (inst: PlacementInstance, c: string, h: string) => (inst.bans ?? []).some(([bc, bh]) => bc === c && bh === h);

/** Mutually acceptable and not banned. */
export function acceptable(inst: PlacementInstance, c: string, h: string): boolean {
  const cadre = inst.cadres.find((x) => x.id === c)!;
  const host = inst.hosts.find((x) => x.id === h)!;
  return cadre.prefs.includes(h) && (host.prefs ?? []).includes(c) && !isBanned(inst, c, h);
}

/** Blocking pairs by the definition, O(n · m) per check. */
export function bruteBlockingPairs(inst: PlacementInstance, assignments: PlacementResult['assignments']): number {
  const hostOf = new Map(assignments.map((a) => [a.cadre, a.host]));
  let count = 0;
  for (const cadre of inst.cadres) {
    for (const host of inst.hosts) {
      if (!acceptable(inst, cadre.id, host.id)) continue;
      const mine = hostOf.get(cadre.id);
      if (mine !== undefined && cadre.prefs.indexOf(mine) <= cadre.prefs.indexOf(host.id)) continue;
      const held = assignments.filter((a) => a.host === host.id).map((a) => host.prefs!.indexOf(a.cadre));
      if (held.length < host.capacity || Math.max(...held) > host.prefs!.indexOf(cadre.id)) count++;
    }
  }
  return count;
}

/** Capacities respected, every pair acceptable, every cadre at most once. */
export function isFeasible(inst: PlacementInstance, assignments: PlacementResult['assignments']): boolean {
  const seen = new Set<string>();
  for (const { cadre, host } of assignments) {
    if (seen.has(cadre) || !acceptable(inst, cadre, host)) return false;
    seen.add(cadre);
  }
  return inst.hosts.every((h) => assignments.filter((a) => a.host === h.id).length <= h.capacity);
}

/** The best (most placed, then least total rank) over every assignment, by enumeration: tiny instances only. */
export function bruteOptimum(inst: PlacementInstance): { placed: number; totalRank: number } {
  const options = inst.cadres.map((c) => [null, ...c.prefs.filter((h) => acceptable(inst, c.id, h))]);
  let best = { placed: -1, totalRank: 0 };
  const fill = new Map<string, number>();
  const walk = (i: number, placed: number, totalRank: number) => {
    if (i === options.length) {
      if (placed > best.placed || (placed === best.placed && totalRank < best.totalRank)) best = { placed, totalRank };
      return;
    }
    for (const h of options[i]!) {
      if (h === null) {
        walk(i + 1, placed, totalRank);
        continue;
      }
      const used = fill.get(h) ?? 0;
      if (used >= inst.hosts.find((x) => x.id === h)!.capacity) continue;
      fill.set(h, used + 1);
      walk(i + 1, placed + 1, totalRank + inst.cadres[i]!.prefs.indexOf(h) + 1);
      fill.set(h, used);
    }
  };
  walk(0, 0, 0);
  return best;
}

/** The result without the timing, for equality checks. */
export const withoutTime = (result: PlacementResult) => ({ ...result, stats: { ...result.stats, ms: 0 } });
