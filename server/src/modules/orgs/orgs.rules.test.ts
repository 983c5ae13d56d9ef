import { describe, expect, it } from 'vitest';
import { levelProblem, subtreeCounts } from './orgs.rules.ts';

describe('subtreeCounts', () => {
  it('adds every node to itself and its ancestors that are in the list', () => {
    const totals = subtreeCounts([
      { id: 2, path: '/1/2/', cadre_count: 0 },
      { id: 3, path: '/1/2/3/', cadre_count: 4 },
      { id: 4, path: '/1/2/3/4/', cadre_count: 1 },
      { id: 5, path: '/1/2/5/', cadre_count: 2 },
    ]);
    expect(Object.fromEntries(totals)).toEqual({ 2: 7, 3: 5, 4: 1, 5: 2 });
  });
});

describe('levelProblem', () => {
  it('allows the same or a lower level below a node', () => {
    expect(levelProblem('city', 'city')).toBeNull();
    expect(levelProblem('city', 'district')).toBeNull();
  });
  it('refuses a higher level below a node', () => expect(levelProblem('district', 'city')).not.toBeNull());
});
