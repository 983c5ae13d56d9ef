// Test helpers: a brute-force optimum over every assignment (tiny instances only) and a result checker.
import type { TopicAssignmentInstance, TopicAssignmentResult } from './types.ts';

/** Rank trainee `i` would get in `topicId`, or undefined when the topic is not allowed. */
export function rankIn(instance: TopicAssignmentInstance, i: number, topicId: number): number | undefined {
  const trainee = instance.trainees[i]!;
  const k = trainee.ranks.indexOf(topicId);
  if (k >= 0) return k + 1;
  return (instance.allowUnranked ?? true) ? trainee.ranks.length + 1 : undefined;
}

/** Lexicographic objective key: smaller worst rank, then more trainees at rank 1, rank 2, … */
export function better(a: { worstRank: number; profile: number[] }, b: { worstRank: number; profile: number[] }): number {
  if (a.worstRank !== b.worstRank) return a.worstRank - b.worstRank;
  for (let k = 0; k < Math.max(a.profile.length, b.profile.length); k++) {
    const d = (b.profile[k] ?? 0) - (a.profile[k] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Tries all m^n assignments; undefined when none respects allowed topics and team sizes. */
export function bruteOptimum(instance: TopicAssignmentInstance): { worstRank: number; profile: number[] } | undefined {
  const n = instance.trainees.length;
  const m = instance.topics.length;
  const choice = new Array<number>(n).fill(0);
  let best: { worstRank: number; profile: number[] } | undefined;
  const visit = (i: number) => {
    if (i === n) {
      const sizes = instance.topics.map(() => 0);
      for (const j of choice) sizes[j]!++;
      if (instance.topics.some((t, j) => sizes[j]! < t.min || sizes[j]! > t.max)) return;
      const ranks = choice.map((j, t) => rankIn(instance, t, instance.topics[j]!.id)!);
      const worstRank = Math.max(0, ...ranks);
      const profile = Array<number>(worstRank).fill(0);
      for (const r of ranks) profile[r - 1]!++;
      const candidate = { worstRank, profile };
      if (!best || better(candidate, best) < 0) best = candidate;
      return;
    }
    for (let j = 0; j < m; j++) {
      if (rankIn(instance, i, instance.topics[j]!.id) === undefined) continue;
      choice[i] = j;
      visit(i + 1);
    }
  };
  visit(0);
  return best;
}

/** Every trainee exactly once, allowed topic, honest rank, sizes within [min, max], profile/worst consistent. */
export function checkResult(instance: TopicAssignmentInstance, result: TopicAssignmentResult): string[] {
  const problems: string[] = [];
  const seen = new Set(result.assignments.map((a) => a.traineeId));
  if (seen.size !== instance.trainees.length || result.assignments.length !== instance.trainees.length) problems.push('not everyone placed once');
  const sizes = new Map(instance.topics.map((t) => [t.id, 0]));
  result.assignments.forEach((a) => {
    const i = instance.trainees.findIndex((t) => t.id === a.traineeId);
    if (rankIn(instance, i, a.topicId) !== a.rank) problems.push(`trainee ${a.traineeId}: rank ${a.rank} is not the rank of topic ${a.topicId}`);
    sizes.set(a.topicId, (sizes.get(a.topicId) ?? 0) + 1);
  });
  for (const t of instance.topics) {
    const size = sizes.get(t.id)!;
    if (size < t.min || size > t.max) problems.push(`topic ${t.id}: size ${size} outside [${t.min}, ${t.max}]`);
  }
  const worst = Math.max(0, ...result.assignments.map((a) => a.rank));
  if (worst !== result.worstRank) problems.push('worstRank mismatch');
  if (result.profile.length !== worst || result.profile.some((count, k) => count !== result.assignments.filter((a) => a.rank === k + 1).length))
    problems.push('profile mismatch');
  return problems;
}

/** Deterministic S3-like instance: popular topics attract more bids, 3–6 bids each, sizes 4–9. */
export function s3Like(n: number, m: number): TopicAssignmentInstance {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const list = Array.from({ length: m }, (_, j) => ({ id: j + 1, min: 4, max: 9 }));
  const people = Array.from({ length: n }, (_, i) => {
    const ranks: number[] = [];
    const count = 3 + Math.floor(next() * 4);
    while (ranks.length < count) {
      const id = 1 + Math.floor(next() ** 1.6 * m);
      if (!ranks.includes(id)) ranks.push(id);
    }
    return { id: 1000 + i, ranks };
  });
  return { topics: list, trainees: people };
}
