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
  /** Key cadre * hostCount + host. Built on first access (the solvers use the typed arrays and `pairIndex`). */
  banned: Set<number>;
  /** Key cadre * hostCount + host → host's rank of the cadre (only pairs the host lists). Built on first access. */
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
  return checkInstance(value).instance;
}

/** A valid instance with every reference already resolved to an index (a by-product of validation). */
interface Checked {
  instance: PlacementInstance;
  cadreAt: Map<string, number>;
  hostAt: Map<string, number>;
  /** Cadre c's list as host indices: cPrefHost[cPrefStart[c] .. cPrefStart[c + 1]). */
  cPrefStart: Int32Array;
  cPrefHost: Int32Array;
  /** Host h's `prefs` as cadre indices (empty for hosts that gave scores). */
  hPrefStart: Int32Array;
  hPrefCadre: Int32Array;
  banCadre: Int32Array;
  banHost: Int32Array;
}

const listLength = (raw: unknown, key: 'prefs'): number => {
  if (!isObj(raw)) return 0;
  const list = raw[key];
  return Array.isArray(list) ? list.length : 0;
};

function checkInstance(value: unknown): Checked {
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

  const n = cadres?.length ?? 0;
  const m = hosts?.length ?? 0;
  // Duplicate entries within one list: stamp[index] = the list that last saw it, firstAt[index] = where.
  const hostStamp = new Int32Array(m).fill(-1);
  const hostFirstAt = new Int32Array(m);
  const cadreStamp = new Int32Array(n).fill(-1);
  const cadreFirstAt = new Int32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += listLength(cadres![i], 'prefs');
  const cPrefStart = new Int32Array(n + 1);
  const cPrefHost = new Int32Array(total);
  total = 0;
  for (let h = 0; h < m; h++) if (isObj(hosts![h]) && (hosts![h] as Obj).scores === undefined) total += listLength(hosts![h], 'prefs');
  const hPrefStart = new Int32Array(m + 1);
  const hPrefCadre = new Int32Array(total);

  /** Checks one list; appends the indices of its known entries to `out` from `at`, returns the new end. */
  const checkList = (
    list: unknown,
    at: string,
    known: Map<string, number>,
    kind: 'host' | 'cadre',
    listNo: number,
    stamp: Int32Array,
    firstAt: Int32Array,
    out: Int32Array,
    end: number,
  ): number => {
    if (!Array.isArray(list)) {
      add(at, `expected an array of ${kind} ids`);
      return end;
    }
    let unknownSeen: Map<string, number> | undefined;
    for (let k = 0; k < list.length; k++) {
      const id: unknown = list[k];
      if (typeof id !== 'string') {
        add(`${at}[${k}]`, 'expected a string');
        continue;
      }
      const index = known.get(id);
      if (index === undefined) {
        add(`${at}[${k}]`, `unknown ${kind} ${JSON.stringify(id)}`);
        unknownSeen ??= new Map();
        const first = unknownSeen.get(id);
        if (first !== undefined) add(`${at}[${k}]`, `duplicate entry ${JSON.stringify(id)} (first at ${at}[${first}])`);
        else unknownSeen.set(id, k);
        continue;
      }
      if (stamp[index] === listNo) add(`${at}[${k}]`, `duplicate entry ${JSON.stringify(id)} (first at ${at}[${firstAt[index]}])`);
      else {
        stamp[index] = listNo;
        firstAt[index] = k;
      }
      if (end < out.length) out[end++] = index;
    }
    return end;
  };
  for (let i = 0; i < n; i++) {
    const raw: unknown = cadres![i];
    cPrefStart[i + 1] = isObj(raw)
      ? checkList(raw.prefs, `cadres[${i}].prefs`, hostAt, 'host', i, hostStamp, hostFirstAt, cPrefHost, cPrefStart[i]!)
      : cPrefStart[i]!;
  }
  for (let i = 0; i < m; i++) {
    const raw: unknown = hosts![i];
    hPrefStart[i + 1] = hPrefStart[i]!;
    if (!isObj(raw)) continue;
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
    } else hPrefStart[i + 1] = checkList(raw.prefs, `hosts[${i}].prefs`, cadreAt, 'cadre', i, cadreStamp, cadreFirstAt, hPrefCadre, hPrefStart[i]!);
  }

  const bans = value.bans;
  const banCount = Array.isArray(bans) ? bans.length : 0;
  const banCadre = new Int32Array(banCount);
  const banHost = new Int32Array(banCount);
  if (bans !== undefined) {
    if (!Array.isArray(bans)) add('bans', 'expected an array of [cadreId, hostId] pairs');
    else
      bans.forEach((pair: unknown, k) => {
        if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
          return add(`bans[${k}]`, 'expected [cadreId, hostId]');
        }
        const c = cadreAt.get(pair[0]);
        const h = hostAt.get(pair[1]);
        if (c === undefined) add(`bans[${k}][0]`, `unknown cadre ${JSON.stringify(pair[0])}`);
        if (h === undefined) add(`bans[${k}][1]`, `unknown host ${JSON.stringify(pair[1])}`);
        banCadre[k] = c ?? 0;
        banHost[k] = h ?? 0;
      });
  }
  if (value.seed !== undefined && (typeof value.seed !== 'number' || !Number.isSafeInteger(value.seed))) add('seed', 'expected an integer');
  for (const key of Object.keys(value)) if (!['cadres', 'hosts', 'bans', 'seed'].includes(key)) add(key, 'unknown field');

  if (problems.length > 0) throw new PlacementInputError(problems);
  return { instance: value as unknown as PlacementInstance, cadreAt, hostAt, cPrefStart, cPrefHost, hPrefStart, hPrefCadre, banCadre, banHost };
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

/**
 * Validates (throws PlacementInputError) and compiles an instance into typed arrays. Linear in the size of the
 * instance and free of per-pair hashing: every pair lookup goes through per-cadre buckets and stamp arrays.
 */
export function compileInstance(raw: unknown): CompiledInstance {
  const checked = checkInstance(raw);
  const { instance, cadreAt: cadreIndex, hostAt: hostIndex, cPrefStart, cPrefHost, banCadre, banHost } = checked;
  const n = instance.cadres.length;
  const m = instance.hosts.length;
  const cadreIds = instance.cadres.map((c) => c.id);
  const hostIds = instance.hosts.map((h) => h.id);
  const { lists: hostPrefs, lottery } = hostLists(instance);

  // Host lists as cadre indices (already resolved by validation unless some host gave scores).
  let hListStart = checked.hPrefStart;
  let hListCadre = checked.hPrefCadre;
  if (lottery) {
    hListStart = new Int32Array(m + 1);
    for (let h = 0; h < m; h++) hListStart[h + 1] = hListStart[h]! + hostPrefs[h]!.length;
    hListCadre = new Int32Array(hListStart[m]!);
    for (let h = 0; h < m; h++) {
      const list = hostPrefs[h]!;
      for (let r = 0; r < list.length; r++) hListCadre[hListStart[h]! + r] = cadreIndex.get(list[r]!)!;
    }
  }
  const listed = hListStart[m]!;

  // Per cadre, the host-list positions that name it (bucketed by cadre), and its bans (bucketed the same way).
  const byCadreStart = new Int32Array(n + 1);
  for (let p = 0; p < listed; p++) byCadreStart[hListCadre[p]! + 1]!++;
  for (let c = 0; c < n; c++) byCadreStart[c + 1]! += byCadreStart[c]!;
  const byCadrePos = new Int32Array(listed);
  const cursor = byCadreStart.slice(0, n);
  for (let h = 0; h < m; h++) for (let p = hListStart[h]!; p < hListStart[h + 1]!; p++) byCadrePos[cursor[hListCadre[p]!]!++] = p;
  const banStart = new Int32Array(n + 1);
  for (let k = 0; k < banCadre.length; k++) banStart[banCadre[k]! + 1]!++;
  for (let c = 0; c < n; c++) banStart[c + 1]! += banStart[c]!;
  const banOf = new Int32Array(banCadre.length);
  cursor.set(banStart.subarray(0, n));
  for (let k = 0; k < banCadre.length; k++) banOf[cursor[banCadre[k]!]!++] = banHost[k]!;

  // Cadre side: keep pairs the host also lists and nobody banned. listedBy[h] = c marks "h lists c" with the
  // position in posAt[h]; bannedFor[h] = c marks a ban of (c, h).
  const listedBy = new Int32Array(m).fill(-1);
  const posAt = new Int32Array(m);
  const bannedFor = new Int32Array(m).fill(-1);
  const hostOfPos = new Int32Array(listed);
  for (let h = 0; h < m; h++) hostOfPos.fill(h, hListStart[h]!, hListStart[h + 1]!);
  const cadreRankAtPos = new Int32Array(listed).fill(-1);
  const room = Math.min(cPrefHost.length, listed);
  const cStart = new Int32Array(n + 1);
  const cHost = new Int32Array(room);
  const cRank = new Int32Array(room);
  const cHostRank = new Int32Array(room);
  let e = 0;
  for (let c = 0; c < n; c++) {
    for (let q = byCadreStart[c]!; q < byCadreStart[c + 1]!; q++) {
      const p = byCadrePos[q]!;
      const h = hostOfPos[p]!;
      listedBy[h] = c;
      posAt[h] = p;
    }
    for (let q = banStart[c]!; q < banStart[c + 1]!; q++) bannedFor[banOf[q]!] = c;
    const from = cPrefStart[c]!;
    for (let k = from; k < cPrefStart[c + 1]!; k++) {
      const h = cPrefHost[k]!;
      if (listedBy[h] !== c || bannedFor[h] === c) continue;
      const p = posAt[h]!;
      cHost[e] = h;
      cRank[e] = k - from;
      cHostRank[e] = p - hListStart[h]!;
      cadreRankAtPos[p] = k - from;
      e++;
    }
    cStart[c + 1] = e;
  }

  // Host side: the surviving pairs in the host's order.
  const hStart = new Int32Array(m + 1);
  const hCadre = new Int32Array(e);
  const hCadreRank = new Int32Array(e);
  let f = 0;
  for (let h = 0; h < m; h++) {
    for (let p = hListStart[h]!; p < hListStart[h + 1]!; p++) {
      const cr = cadreRankAtPos[p]!;
      if (cr < 0) continue;
      hCadre[f] = hListCadre[p]!;
      hCadreRank[f] = cr;
      f++;
    }
    hStart[h + 1] = f;
  }

  // The hashed pair views are only needed to explain or audit foreign assignments: built on first use.
  let banned: Set<number> | undefined;
  let hostRankOf: Map<number, number> | undefined;
  const finalListStart = hListStart;
  const finalListCadre = hListCadre;
  return {
    cadreIds,
    hostIds,
    capacity: Int32Array.from(instance.hosts, (h) => h.capacity),
    cStart,
    cHost: cHost.slice(0, e),
    cRank: cRank.slice(0, e),
    cHostRank: cHostRank.slice(0, e),
    hStart,
    hCadre,
    hCadreRank,
    hListStart,
    hListCadre,
    cadreIndex,
    hostIndex,
    get banned(): Set<number> {
      if (!banned) {
        banned = new Set<number>();
        for (let k = 0; k < banCadre.length; k++) banned.add(banCadre[k]! * m + banHost[k]!);
      }
      return banned;
    },
    get hostRankOf(): Map<number, number> {
      if (!hostRankOf) {
        hostRankOf = new Map<number, number>();
        for (let h = 0; h < m; h++)
          for (let p = finalListStart[h]!; p < finalListStart[h + 1]!; p++) hostRankOf.set(finalListCadre[p]! * m + h, p - finalListStart[h]!);
      }
      return hostRankOf;
    },
    cadrePrefs: instance.cadres.map((c) => c.prefs),
    hostPrefs,
    ...(lottery ? { lottery } : {}),
  };
}

/** Position of the pair (c, h) in the compiled cadre lists (cHost / cRank / cHostRank), or -1 when not acceptable. */
export function pairIndex(inst: CompiledInstance, c: number, h: number): number {
  const end = inst.cStart[c + 1]!;
  for (let p = inst.cStart[c]!; p < end; p++) if (inst.cHost[p] === h) return p;
  return -1;
}
