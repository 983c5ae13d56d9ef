// Placement instance: shape checks with a path for every problem, score → list with a seeded lottery, and the
// compiled, index-based form the solvers run on (only mutually acceptable, unbanned pairs survive compilation).
import { mulberry32 } from '../random/index.ts';

/** A cadre and the hosts it ranks, best first; a host not listed is unacceptable to the cadre. */
export interface CadreInput {
  id: string;
  prefs: string[];
}

/**
 * A host with its seats. Either `prefs` (cadre ids, best first) or `scores` (cadre id → score, higher is better;
 * equal scores are ordered by the seeded lottery). A cadre not listed is unacceptable to the host.
 */
export interface HostInput {
  id: string;
  capacity: number;
  prefs?: string[];
  scores?: Record<string, number>;
}

export interface PlacementInstance {
  cadres: CadreInput[];
  hosts: HostInput[];
  /** [cadreId, hostId] pairs that may never be matched (unacceptable both ways). */
  bans?: [string, string][];
  /** Lottery seed (tie-breaking of scores); the same seed always gives the same result. Default 0. */
  seed?: number;
}

export interface InputProblem {
  path: string;
  message: string;
}

/** Thrown with every problem found in an instance, each with its JSON path. */
export class PlacementInputError extends Error {
  constructor(readonly details: InputProblem[]) {
    super(`invalid placement instance (${details.length} problem${details.length === 1 ? '' : 's'}): ${details[0]?.path}: ${details[0]?.message}`);
  }
}

/** The index-based form of a valid instance. Ranks are 0-based positions in the original lists. */
export interface CompiledInstance {
  cadreIds: string[];
  hostIds: string[];
  capacity: Int32Array;
  /** Per cadre, its acceptable hosts in its order: slice [cStart[c], cStart[c+1]). */
  cStart: Int32Array;
  cHost: Int32Array;
  /** The cadre's own rank of that host (0 = first choice of its original list). */
  cRank: Int32Array;
  /** The host's rank of that cadre. */
  cHostRank: Int32Array;
  /** Per host, its acceptable cadres in its order: slice [hStart[h], hStart[h+1]). */
  hStart: Int32Array;
  hCadre: Int32Array;
  /** The cadre's rank of that host. */
  hCadreRank: Int32Array;
  /** Host h's original list position r holds cadre hListCadre[hListStart[h] + r]. */
  hListStart: Int32Array;
  hListCadre: Int32Array;
  cadreIndex: Map<string, number>;
  hostIndex: Map<string, number>;
  /** Key cadre * hostCount + host. */
  banned: Set<number>;
  /** Key cadre * hostCount + host → host's rank of the cadre (only pairs the host lists). */
  hostRankOf: Map<number, number>;
  /** Cadre prefs as given, and host prefs as lists (scores already converted). */
  cadrePrefs: string[][];
  hostPrefs: string[][];
  /** The published lottery order of cadre ids, when any host gave scores. */
  lottery?: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** mulberry32 (core/src/random): the same seed gives the same sequence on every platform. */
export const seededRandom = mulberry32;

/** The published lottery: a Fisher–Yates shuffle of `ids` driven by `seed`. */
export function lotteryOrder(ids: readonly string[], seed: number): string[] {
  const order = [...ids];
  const random = seededRandom(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * Checks the shape and the references of `value`; returns the typed instance or throws PlacementInputError
 * listing every problem (unknown ids, duplicate ids, duplicate list entries, bad capacities, empty sets, bad bans).
 */
export function validateInstance(value: unknown): PlacementInstance {
  const problems: InputProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (!isObj(value)) throw new PlacementInputError([{ path: '', message: 'expected an object { cadres, hosts, bans?, seed? }' }]);

  const cadreAt = new Map<string, number>();
  const hostAt = new Map<string, number>();
  const cadres = Array.isArray(value.cadres) ? value.cadres : undefined;
  const hosts = Array.isArray(value.hosts) ? value.hosts : undefined;
  if (!cadres) add('cadres', 'expected an array');
  else if (cadres.length === 0) add('cadres', 'expected at least one cadre');
  if (!hosts) add('hosts', 'expected an array');
  else if (hosts.length === 0) add('hosts', 'expected at least one host');

  const collectIds = (list: unknown[] | undefined, name: 'cadres' | 'hosts', into: Map<string, number>) =>
    list?.forEach((raw, i) => {
      if (!isObj(raw)) return add(`${name}[${i}]`, 'expected an object');
      if (!isNonEmptyString(raw.id)) return add(`${name}[${i}].id`, 'expected a non-empty string');
      const first = into.get(raw.id);
      if (first !== undefined) add(`${name}[${i}].id`, `duplicate id ${JSON.stringify(raw.id)} (first at ${name}[${first}])`);
      else into.set(raw.id, i);
    });
  collectIds(cadres, 'cadres', cadreAt);
  collectIds(hosts, 'hosts', hostAt);

  const checkList = (list: unknown, at: string, known: Map<string, number>, kind: 'host' | 'cadre') => {
    if (!Array.isArray(list)) return add(at, `expected an array of ${kind} ids`);
    const seen = new Map<string, number>();
    list.forEach((id: unknown, k) => {
      if (typeof id !== 'string') return add(`${at}[${k}]`, 'expected a string');
      if (!known.has(id)) add(`${at}[${k}]`, `unknown ${kind} ${JSON.stringify(id)}`);
      const first = seen.get(id);
      if (first !== undefined) add(`${at}[${k}]`, `duplicate entry ${JSON.stringify(id)} (first at ${at}[${first}])`);
      else seen.set(id, k);
    });
  };
  cadres?.forEach((raw, i) => {
    if (isObj(raw)) checkList(raw.prefs, `cadres[${i}].prefs`, hostAt, 'host');
  });
  hosts?.forEach((raw, i) => {
    if (!isObj(raw)) return;
    const capacity = raw.capacity;
    if (typeof capacity !== 'number' || !Number.isInteger(capacity) || capacity < 0) add(`hosts[${i}].capacity`, 'expected a non-negative integer');
    if (raw.prefs !== undefined && raw.scores !== undefined) add(`hosts[${i}]`, 'give either prefs or scores, not both');
    else if (raw.scores !== undefined) {
      if (!isObj(raw.scores)) add(`hosts[${i}].scores`, 'expected an object { cadreId: number }');
      else
        for (const [id, score] of Object.entries(raw.scores)) {
          if (!cadreAt.has(id)) add(`hosts[${i}].scores.${id}`, `unknown cadre ${JSON.stringify(id)}`);
          if (typeof score !== 'number' || !Number.isFinite(score)) add(`hosts[${i}].scores.${id}`, 'expected a finite number');
        }
    } else checkList(raw.prefs, `hosts[${i}].prefs`, cadreAt, 'cadre');
  });

  if (value.bans !== undefined) {
    if (!Array.isArray(value.bans)) add('bans', 'expected an array of [cadreId, hostId] pairs');
    else
      value.bans.forEach((pair: unknown, k) => {
        if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
          return add(`bans[${k}]`, 'expected [cadreId, hostId]');
        }
        if (!cadreAt.has(pair[0])) add(`bans[${k}][0]`, `unknown cadre ${JSON.stringify(pair[0])}`);
        if (!hostAt.has(pair[1])) add(`bans[${k}][1]`, `unknown host ${JSON.stringify(pair[1])}`);
      });
  }
  if (value.seed !== undefined && (typeof value.seed !== 'number' || !Number.isSafeInteger(value.seed))) add('seed', 'expected an integer');
  for (const key of Object.keys(value)) if (!['cadres', 'hosts', 'bans', 'seed'].includes(key)) add(key, 'unknown field');

  if (problems.length > 0) throw new PlacementInputError(problems);
  return value as unknown as PlacementInstance;
}

/** Host prefs as lists: `prefs` as given, `scores` sorted high to low with ties in lottery order. */
function hostLists(instance: PlacementInstance): { lists: string[][]; lottery?: string[] } {
  if (!instance.hosts.some((h) => h.scores !== undefined)) return { lists: instance.hosts.map((h) => h.prefs ?? []) };
  const lottery = lotteryOrder(
    instance.cadres.map((c) => c.id),
    instance.seed ?? 0,
  );
  const ticket = new Map(lottery.map((id, i) => [id, i]));
  const lists = instance.hosts.map((h) => {
    if (h.scores === undefined) return h.prefs ?? [];
    const scores = h.scores;
    return Object.keys(scores).sort((a, b) => scores[b]! - scores[a]! || ticket.get(a)! - ticket.get(b)!);
  });
  return { lists, lottery };
}

/** Validates (throws PlacementInputError) and compiles an instance into typed arrays. */
export function compileInstance(raw: unknown): CompiledInstance {
  const instance = validateInstance(raw);
  const n = instance.cadres.length;
  const m = instance.hosts.length;
  const cadreIds = instance.cadres.map((c) => c.id);
  const hostIds = instance.hosts.map((h) => h.id);
  const cadreIndex = new Map(cadreIds.map((id, i) => [id, i]));
  const hostIndex = new Map(hostIds.map((id, i) => [id, i]));
  const { lists: hostPrefs, lottery } = hostLists(instance);

  const banned = new Set<number>();
  for (const [c, h] of instance.bans ?? []) banned.add(cadreIndex.get(c)! * m + hostIndex.get(h)!);
  const hostRankOf = new Map<number, number>();
  const hListStart = new Int32Array(m + 1);
  hostPrefs.forEach((list, h) => (hListStart[h + 1] = hListStart[h]! + list.length));
  const hListCadre = new Int32Array(hListStart[m]!);
  hostPrefs.forEach((list, h) =>
    list.forEach((id, r) => {
      const c = cadreIndex.get(id)!;
      hListCadre[hListStart[h]! + r] = c;
      hostRankOf.set(c * m + h, r);
    }),
  );

  // Cadre side: keep pairs the host also lists and nobody banned.
  const cadreRankOf = new Map<number, number>();
  const cStart = new Int32Array(n + 1);
  const cHost: number[] = [];
  const cRank: number[] = [];
  const cHostRank: number[] = [];
  instance.cadres.forEach((cadre, c) => {
    cadre.prefs.forEach((id, r) => {
      const h = hostIndex.get(id)!;
      const key = c * m + h;
      const hr = hostRankOf.get(key);
      if (hr === undefined || banned.has(key)) return;
      cadreRankOf.set(key, r);
      cHost.push(h);
      cRank.push(r);
      cHostRank.push(hr);
    });
    cStart[c + 1] = cHost.length;
  });
  const hStart = new Int32Array(m + 1);
  const hCadre: number[] = [];
  const hCadreRank: number[] = [];
  for (let h = 0; h < m; h++) {
    for (let p = hListStart[h]!; p < hListStart[h + 1]!; p++) {
      const c = hListCadre[p]!;
      const cr = cadreRankOf.get(c * m + h);
      if (cr === undefined) continue;
      hCadre.push(c);
      hCadreRank.push(cr);
    }
    hStart[h + 1] = hCadre.length;
  }
  return {
    cadreIds,
    hostIds,
    capacity: Int32Array.from(instance.hosts, (h) => h.capacity),
    cStart,
    cHost: Int32Array.from(cHost),
    cRank: Int32Array.from(cRank),
    cHostRank: Int32Array.from(cHostRank),
    hStart,
    hCadre: Int32Array.from(hCadre),
    hCadreRank: Int32Array.from(hCadreRank),
    hListStart,
    hListCadre,
    cadreIndex,
    hostIndex,
    banned,
    hostRankOf,
    cadrePrefs: instance.cadres.map((c) => c.prefs),
    hostPrefs,
    ...(lottery ? { lottery } : {}),
  };
}
