// Seeded generator of realistic placement instances for tests and benchmarks: correlated popularity plus noise.
import { seededRandom, type PlacementInstance } from './instance.ts';

export interface GenerateOptions {
  cadres: number;
  hosts: number;
  seed: number;
  /** Inclusive range of list lengths per cadre (default 10–20, capped at the number of hosts). */
  listLength?: [number, number];
  /** Share of listed (cadre, host) pairs that are banned (default 0.03). */
  banShare?: number;
  /** Seats / cadres (default 1.05). */
  seatRatio?: number;
}

/**
 * Hosts have a hidden quality; cadres pick hosts with probability ∝ exp(quality) and order them by quality plus
 * personal noise. Hosts list every cadre who picked them, ordered by the cadre's merit plus noise.
 */
export function generateInstance(options: GenerateOptions): PlacementInstance {
  const { cadres: n, hosts: m, seed } = options;
  const [minLen, maxLen] = options.listLength ?? [10, 20];
  const random = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const quality = Array.from({ length: m }, () => normal());
  const merit = Array.from({ length: n }, () => normal());
  const cumulative: number[] = [];
  let total = 0;
  for (const q of quality) cumulative.push((total += Math.exp(q)));
  const pick = () => {
    const x = random() * total;
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const applicants: number[][] = Array.from({ length: m }, () => []);
  const bans: [string, string][] = [];
  const cadres = merit.map((_, c) => {
    const length = Math.min(m, minLen + Math.floor(random() * (maxLen - minLen + 1)));
    const chosen = new Set<number>();
    while (chosen.size < length) chosen.add(chosen.size < length / 2 || m <= length * 2 ? pick() : Math.floor(random() * m));
    const scored = [...chosen].map((h) => ({ h, u: quality[h]! + 0.7 * normal() }));
    scored.sort((a, b) => b.u - a.u);
    for (const { h } of scored) {
      applicants[h]!.push(c);
      if (random() < (options.banShare ?? 0.03)) bans.push([`c${c + 1}`, `h${h + 1}`]);
    }
    return { id: `c${c + 1}`, prefs: scored.map(({ h }) => `h${h + 1}`) };
  });
  const seats = Math.round(n * (options.seatRatio ?? 1.05));
  const capacities = quality.map(() => 0.5 + random());
  const weight = capacities.reduce((a, b) => a + b, 0);
  const hosts = quality.map((_, h) => {
    const scored = applicants[h]!.map((c) => ({ c, v: merit[c]! + 0.5 * normal() }));
    scored.sort((a, b) => b.v - a.v);
    return { id: `h${h + 1}`, capacity: Math.max(1, Math.round((seats * capacities[h]!) / weight)), prefs: scored.map(({ c }) => `c${c + 1}`) };
  });
  return { cadres, hosts, bans, seed };
}
