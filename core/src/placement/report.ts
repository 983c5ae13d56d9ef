// Result shape, per-solution statistics, and the per-cadre explanation ("why did I get this placement?").
import { pairIndex, type CompiledInstance } from './instance.ts';
import { blockingPairs, type Match } from './stable.ts';

export type PlacementMode = 'stable' | 'optimal';

export interface PlacementStats {
  placed: number;
  unplaced: number;
  /** Pairs that would both rather be together; 0 for every stable result. */
  blockingPairs: number;
  /** Σ rank of placed cadres (rank 1 = the cadre's first listed choice). */
  totalRank: number;
  /** rankHistogram[i] = cadres placed at their (i + 1)-th listed choice; trailing zeros trimmed. */
  rankHistogram: number[];
  seats: number;
  hostFill: { host: string; filled: number; capacity: number }[];
  ms: number;
}

export interface PlacementResult {
  mode: PlacementMode;
  assignments: { cadre: string; host: string }[];
  unassigned: string[];
  stats: PlacementStats;
  /** Stable mode: how many cadres are matched differently by the host-proposing stable matching. */
  audit?: { hostProposingDiffers: number };
  /** The published lottery order used to break score ties, when any host gave scores. */
  lottery?: string[];
}

export type RejectionReason = 'filled_by_higher_ranked' | 'filled_for_lower_total_rank' | 'host_finds_unacceptable' | 'banned';

export interface Explanation {
  cadre: string;
  host: string | null;
  /** 1-based position of `host` in the cadre's list, null when unplaced. */
  choice: number | null;
  /** Every choice the cadre listed above the one received (all of them when unplaced). */
  reasons: { choice: number; host: string; why: RejectionReason }[];
  zh: string;
}

/** Statistics of `match` (blocking pairs counted exactly). */
export function buildResult(inst: CompiledInstance, match: Match, mode: PlacementMode, ms: number): PlacementResult {
  const m = inst.hostIds.length;
  const fill = new Int32Array(m);
  const histogram: number[] = [];
  const assignments: PlacementResult['assignments'] = [];
  const unassigned: string[] = [];
  let totalRank = 0;
  for (let c = 0; c < match.length; c++) {
    const h = match[c]!;
    if (h < 0) {
      unassigned.push(inst.cadreIds[c]!);
      continue;
    }
    fill[h]!++;
    const p = pairIndex(inst, c, h);
    const rank = p >= 0 ? inst.cRank[p]! : inst.cadrePrefs[c]!.indexOf(inst.hostIds[h]!);
    histogram[rank] = (histogram[rank] ?? 0) + 1;
    totalRank += rank + 1;
    assignments.push({ cadre: inst.cadreIds[c]!, host: inst.hostIds[h]! });
  }
  const rankHistogram = Array.from(histogram, (x) => x ?? 0);
  const result: PlacementResult = {
    mode,
    assignments,
    unassigned,
    stats: {
      placed: assignments.length,
      unplaced: unassigned.length,
      blockingPairs: blockingPairs(inst, match).length,
      totalRank,
      rankHistogram,
      seats: inst.capacity.reduce((a, b) => a + b, 0),
      hostFill: inst.hostIds.map((host, h) => ({ host, filled: fill[h]!, capacity: inst.capacity[h]! })),
      ms,
    },
  };
  if (inst.lottery) result.lottery = inst.lottery;
  return result;
}

/**
 * Why cadre `c` did not get each choice above its placement: banned, not listed by the host, or the host's seats
 * went to cadres it ranks higher (stable) / were given to others to lower the total rank (optimal).
 */
export function explainCadre(inst: CompiledInstance, match: Match, c: number, mode: PlacementMode, worst = worstHeld(inst, match)): Explanation {
  const m = inst.hostIds.length;
  const h0 = match[c]!;
  const prefs = inst.cadrePrefs[c]!;
  const choiceIndex = h0 >= 0 ? prefs.indexOf(inst.hostIds[h0]!) : prefs.length;
  const reasons: Explanation['reasons'] = [];
  for (let r = 0; r < choiceIndex; r++) {
    const h = inst.hostIndex.get(prefs[r]!)!;
    const key = c * m + h;
    let why: RejectionReason;
    if (inst.banned.has(key)) why = 'banned';
    else if (!inst.hostRankOf.has(key)) why = 'host_finds_unacceptable';
    else {
      const allHigher = worst[h]! < inst.hostRankOf.get(key)!;
      why = mode === 'stable' || allHigher ? 'filled_by_higher_ranked' : 'filled_for_lower_total_rank';
    }
    reasons.push({ choice: r + 1, host: prefs[r]!, why });
  }
  return {
    cadre: inst.cadreIds[c]!,
    host: h0 >= 0 ? inst.hostIds[h0]! : null,
    choice: h0 >= 0 ? choiceIndex + 1 : null,
    reasons,
    zh: sentence(h0 >= 0 ? { host: inst.hostIds[h0]!, choice: choiceIndex + 1 } : null, reasons),
  };
}

/** Per host, its own rank of the lowest-ranked cadre it holds (-1 when empty). */
export function worstHeld(inst: CompiledInstance, match: Match): Int32Array {
  const worst = new Int32Array(inst.hostIds.length).fill(-1);
  for (let c = 0; c < match.length; c++) {
    const h = match[c]!;
    if (h >= 0) worst[h] = Math.max(worst[h]!, inst.cHostRank[pairIndex(inst, c, h)]!);
  }
  return worst;
}

const WHY_ZH: Record<RejectionReason, string> = {
  filled_by_higher_ranked: '已被单位按排序更靠前的人选占满',
  filled_for_lower_total_rank: '名额已分配给他人，以使全体志愿排名总和最小',
  host_finds_unacceptable: '单位未将你列入接收名单',
  banned: '按回避规定不得安排',
};

function sentence(placed: { host: string; choice: number } | null, reasons: Explanation['reasons']): string {
  const head = placed ? `你被安排到第${placed.choice}志愿单位（${placed.host}）。` : '你本轮未获安排。';
  if (reasons.length === 0) return placed ? `${head}这是你的第一志愿。` : `${head}你没有填报志愿。`;
  const groups = new Map<RejectionReason, number[]>();
  for (const reason of reasons) groups.set(reason.why, [...(groups.get(reason.why) ?? []), reason.choice]);
  const parts = [...groups].map(([why, choices]) => `你的第${choices.join('、')}志愿${WHY_ZH[why]}`);
  return `${head}${parts.join('；')}。`;
}
