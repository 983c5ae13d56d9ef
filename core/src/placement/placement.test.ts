// Hand-made instances: the textbook cases, bans and unacceptability, explanations, and the rank-optimal trade-off.
import { describe, expect, it } from 'vitest';
import { countBlockingPairs, explainPlacement, lotteryOrder, PlacementInputError, solveRankOptimal, solveStable, validateInstance } from './index.ts';
import { build } from './test-support.ts';

const sorted = (r: { assignments: { cadre: string; host: string }[] }) => r.assignments.map((a) => `${a.cadre}-${a.host}`).sort();

describe('solveStable', () => {
  it('is cadre-optimal on the classic two-matching example; the host-proposing audit counts the difference', () => {
    const inst = build({ a: ['x', 'y'], b: ['y', 'x'] }, { x: [1, ['b', 'a']], y: [1, ['a', 'b']] });
    const result = solveStable(inst);
    expect(sorted(result)).toEqual(['a-x', 'b-y']);
    expect(result.audit).toEqual({ hostProposingDiffers: 2 });
    expect(result.stats.blockingPairs).toBe(0);
  });

  it('runs college admissions with capacities: a rejected cadre moves down its list', () => {
    // Gale & Shapley (1962): the host with two seats keeps its two favourites among its proposers.
    const inst = build(
      { c1: ['h1', 'h2'], c2: ['h1', 'h2'], c3: ['h1', 'h2'], c4: ['h2', 'h1'] },
      { h1: [2, ['c3', 'c1', 'c2', 'c4']], h2: [1, ['c2', 'c4', 'c1', 'c3']] },
    );
    const result = solveStable(inst);
    expect(sorted(result)).toEqual(['c1-h1', 'c2-h2', 'c3-h1']);
    expect(result.unassigned).toEqual(['c4']);
    expect(result.stats.rankHistogram).toEqual([2, 1]);
    expect(result.stats.hostFill).toEqual([
      { host: 'h1', filled: 2, capacity: 2 },
      { host: 'h2', filled: 1, capacity: 1 },
    ]);
  });

  it('never places a banned pair or a pair one side does not list, and explains why', () => {
    const inst = build({ c1: ['h1', 'h2', 'h3'], c2: ['h1'] }, { h1: [1, ['c2', 'c1']], h2: [1, ['c1']], h3: [1, ['c1']] }, [['c1', 'h2']]);
    const result = solveStable(inst);
    expect(sorted(result)).toEqual(['c1-h3', 'c2-h1']);
    const [c1] = explainPlacement(inst, result, ['c1']);
    expect(c1!.reasons).toEqual([
      { choice: 1, host: 'h1', why: 'filled_by_higher_ranked' },
      { choice: 2, host: 'h2', why: 'banned' },
    ]);
    expect(c1!.zh).toBe('你被安排到第3志愿单位（h3）。你的第1志愿已被单位按排序更靠前的人选占满；你的第2志愿按回避规定不得安排。');
    const unlisted = solveStable(build({ c1: ['h1'] }, { h1: [1, []] }));
    expect(unlisted.unassigned).toEqual(['c1']);
    expect(explainPlacement(build({ c1: ['h1'] }, { h1: [1, []] }), unlisted)[0]!.reasons[0]!.why).toBe('host_finds_unacceptable');
  });

  it('explains "your 1st and 2nd choices were filled by candidates ranked higher"', () => {
    const inst = build({ a: ['h1'], b: ['h2'], me: ['h1', 'h2', 'h3'] }, { h1: [1, ['a', 'me']], h2: [1, ['b', 'me']], h3: [0, ['me']] });
    const [me] = explainPlacement(inst, solveStable(inst), ['me']);
    expect(me!.host).toBeNull();
    expect(me!.zh).toBe('你本轮未获安排。你的第1、2、3志愿已被单位按排序更靠前的人选占满。');
  });
});

describe('solveRankOptimal', () => {
  it('places the most cadres first, then minimises the total rank (rank 1 = first choice)', () => {
    // Stable: h1 prefers c1, so c2 (who accepts only h1) stays out. Optimal moves c1 to its 2nd choice.
    const inst = build({ c1: ['h1', 'h2'], c2: ['h1'] }, { h1: [1, ['c1', 'c2']], h2: [1, ['c1']] });
    expect(sorted(solveStable(inst))).toEqual(['c1-h1']);
    const optimal = solveRankOptimal(inst);
    expect(sorted(optimal)).toEqual(['c1-h2', 'c2-h1']);
    expect(optimal.stats).toMatchObject({ placed: 2, totalRank: 3, rankHistogram: [1, 1], blockingPairs: 1 });
    expect(explainPlacement(inst, optimal, ['c1'])[0]!.reasons).toEqual([{ choice: 1, host: 'h1', why: 'filled_for_lower_total_rank' }]);
  });

  it('beats the stable total rank when hosts disagree with cadres', () => {
    const inst = build({ a: ['x', 'y'], b: ['x', 'y'] }, { x: [1, ['b', 'a']], y: [1, ['a', 'b']] });
    expect(solveStable(inst).stats.totalRank).toBe(3);
    expect(solveRankOptimal(inst).stats.totalRank).toBe(3);
    const swap = build({ a: ['x', 'y'], b: ['y', 'x'] }, { x: [1, ['b', 'a']], y: [1, ['a', 'b']] });
    expect(solveRankOptimal(swap).stats.totalRank).toBe(2);
  });
});

describe('countBlockingPairs', () => {
  it('counts pairs that would both rather be together, and rejects impossible assignments', () => {
    const inst = build({ a: ['x', 'y'], b: ['y', 'x'] }, { x: [1, ['a', 'b']], y: [1, ['b', 'a']] });
    expect(
      countBlockingPairs(inst, [
        { cadre: 'a', host: 'y' },
        { cadre: 'b', host: 'x' },
      ]),
    ).toBe(2);
    expect(countBlockingPairs(inst, [{ cadre: 'a', host: 'x' }])).toBe(1);
    expect(() => countBlockingPairs(inst, [{ cadre: 'zz', host: 'x' }])).toThrow(PlacementInputError);
    expect(() =>
      countBlockingPairs(inst, [
        { cadre: 'a', host: 'x' },
        { cadre: 'b', host: 'x' },
      ]),
    ).toThrow(/over capacity/);
  });
});

describe('validateInstance', () => {
  const details = (value: unknown) => {
    try {
      validateInstance(value);
      return [];
    } catch (error) {
      return (error as PlacementInputError).details.map((d) => `${d.path}: ${d.message}`);
    }
  };

  it('lists every problem with its path', () => {
    expect(
      details({
        cadres: [
          { id: 'c1', prefs: ['h1', 'h1', 'h9'] },
          { id: 'c1', prefs: [] },
        ],
        hosts: [
          { id: 'h1', capacity: 1.5, prefs: ['c1'] },
          { id: 'h2', capacity: -1, prefs: 'c1' },
        ],
        bans: [['c1', 'h7'], ['c1']],
        seed: 'x',
        extra: 1,
      }),
    ).toEqual([
      'cadres[1].id: duplicate id "c1" (first at cadres[0])',
      'cadres[0].prefs[1]: duplicate entry "h1" (first at cadres[0].prefs[0])',
      'cadres[0].prefs[2]: unknown host "h9"',
      'hosts[0].capacity: expected a non-negative integer',
      'hosts[1].capacity: expected a non-negative integer',
      'hosts[1].prefs: expected an array of cadre ids',
      'bans[0][1]: unknown host "h7"',
      'bans[1]: expected [cadreId, hostId]',
      'seed: expected an integer',
      'extra: unknown field',
    ]);
  });

  it('rejects empty sets and non-objects', () => {
    expect(details({ cadres: [], hosts: [] })).toEqual(['cadres: expected at least one cadre', 'hosts: expected at least one host']);
    expect(details(null)).toEqual([': expected an object { cadres, hosts, bans?, seed? }']);
    expect(details({ cadres: [{ id: '' }], hosts: [{ id: 'h', capacity: 0, scores: { c: 'high' } }] })).toEqual([
      'cadres[0].id: expected a non-empty string',
      'cadres[0].prefs: expected an array of host ids',
      'hosts[0].scores.c: unknown cadre "c"',
      'hosts[0].scores.c: expected a finite number',
    ]);
  });
});

describe('score-based host preferences', () => {
  const scored = (seed: number) => ({
    cadres: ['a', 'b', 'c', 'd'].map((id) => ({ id, prefs: ['h'] })),
    hosts: [{ id: 'h', capacity: 2, scores: { a: 1, b: 1, c: 1, d: 0 } }],
    seed,
  });

  it('breaks ties by the published seeded lottery, the same for the same seed', () => {
    const first = solveStable(scored(7));
    expect(first.lottery).toEqual(lotteryOrder(['a', 'b', 'c', 'd'], 7));
    const tied = first.lottery!.filter((id) => id !== 'd').slice(0, 2);
    expect(sorted(first)).toEqual(tied.map((id) => `${id}-h`).sort());
    expect(solveStable(scored(7)).assignments).toEqual(first.assignments);
    expect(lotteryOrder(['a', 'b', 'c', 'd'], 7)).toEqual(lotteryOrder(['a', 'b', 'c', 'd'], 7));
  });
});
