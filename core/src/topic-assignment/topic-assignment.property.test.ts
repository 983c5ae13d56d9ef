// Properties on random small instances, checked against brute force over every assignment.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignTopics, validateTopicInstance, type TopicAssignmentInstance } from './index.ts';
import { better, bruteOptimum, checkResult, rankIn } from './test-support.ts';

/** Up to `maxTrainees` × `maxTopics`, ranges within 0–4, arbitrary (possibly empty) bid lists, either unranked rule. */
const instances = (maxTrainees: number, maxTopics: number): fc.Arbitrary<TopicAssignmentInstance> =>
  fc.record({ n: fc.integer({ min: 0, max: maxTrainees }), m: fc.integer({ min: 1, max: maxTopics }) }).chain(({ n, m }) => {
    const topicIds = Array.from({ length: m }, (_, j) => 10 + j);
    return fc.record({
      topics: fc.tuple(
        ...topicIds.map((id) =>
          fc.record({ min: fc.integer({ min: 0, max: 2 }), extra: fc.integer({ min: 0, max: 3 }) }).map(({ min, extra }) => ({ id, min, max: min + extra })),
        ),
      ),
      trainees: fc.tuple(...Array.from({ length: n }, (_, i) => fc.shuffledSubarray(topicIds).map((ranks) => ({ id: 100 + i, ranks })))),
      allowUnranked: fc.boolean(),
    });
  });

describe('topic assignment properties', () => {
  it('matches the brute-force optimum: same feasibility, worst rank and rank profile', () => {
    fc.assert(
      fc.property(instances(7, 3), (instance) => {
        const result = assignTopics(instance);
        const brute = bruteOptimum(instance);
        if (!brute) {
          expect(result.status).toBe('infeasible');
          expect(result.reasons.length).toBeGreaterThan(0);
          return;
        }
        expect(result.status).toBe('ok');
        expect(checkResult(instance, result)).toEqual([]);
        expect({ worstRank: result.worstRank, profile: result.profile }).toEqual(brute);
      }),
      { numRuns: 600 },
    );
  });

  it('no single move to a better-ranked topic with a spare seat improves the result', () => {
    fc.assert(
      fc.property(instances(7, 3), (instance) => {
        const result = assignTopics(instance);
        if (result.status !== 'ok') return;
        const sizes = new Map(instance.topics.map((t) => [t.id, result.assignments.filter((a) => a.topicId === t.id).length]));
        result.assignments.forEach((a, i) => {
          const from = instance.topics.find((t) => t.id === a.topicId)!;
          for (const to of instance.topics) {
            const rank = rankIn(instance, i, to.id);
            if (rank === undefined || rank >= a.rank || sizes.get(to.id)! >= to.max || sizes.get(from.id)! <= from.min) continue;
            const profile = [...result.profile];
            profile[a.rank - 1]!--;
            profile[rank - 1]!++;
            const worstRank = profile.findLastIndex((c) => c > 0) + 1;
            expect(better({ worstRank, profile: profile.slice(0, worstRank) }, result)).toBeGreaterThanOrEqual(0);
          }
        });
      }),
      { numRuns: 400 },
    );
  });

  it('infeasible exactly when seats, minimums or bids make placing everyone impossible, with a reason', () => {
    fc.assert(
      fc.property(instances(6, 3), (instance) => {
        const result = assignTopics(instance);
        expect(result.status === 'ok').toBe(bruteOptimum(instance) !== undefined);
        if (result.status === 'infeasible') expect(result).toMatchObject({ assignments: [], worstRank: 0, profile: [] });
        else expect(result.reasons).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and survives a JSON round trip through validation', () => {
    fc.assert(
      fc.property(instances(7, 3), (instance) => {
        const checked = validateTopicInstance(JSON.parse(JSON.stringify(instance)));
        expect(checked.ok).toBe(true);
        if (checked.ok) expect(assignTopics(checked.instance)).toEqual(assignTopics(instance));
      }),
      { numRuns: 200 },
    );
  });

  it('stays exact on medium instances: a solution is never beaten by a random local swap', () => {
    fc.assert(
      fc.property(instances(40, 8), fc.integer({ min: 0, max: 1000 }), (instance, salt) => {
        const result = assignTopics(instance);
        if (result.status !== 'ok') return;
        expect(checkResult(instance, result)).toEqual([]);
        // Swapping two trainees keeps sizes; it must never give a better objective.
        const n = result.assignments.length;
        if (n < 2) return;
        const i = salt % n;
        const k = (salt * 7 + 3) % n;
        const a = result.assignments[i]!;
        const b = result.assignments[k]!;
        const ra = rankIn(instance, i, b.topicId);
        const rb = rankIn(instance, k, a.topicId);
        if (ra === undefined || rb === undefined) return;
        const ranks = result.assignments.map((x) => x.rank);
        ranks[i] = ra;
        ranks[k] = rb;
        const worstRank = Math.max(...ranks);
        const profile = Array<number>(worstRank).fill(0);
        for (const r of ranks) profile[r - 1]!++;
        expect(better({ worstRank, profile }, result)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });
});
