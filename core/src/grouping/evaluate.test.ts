// evaluate(): the violations a drag-and-drop edit produces, one rule per test.
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { solveGrouping } from './solve.ts';
import type { GroupingInstance, GroupingSolution, Person } from './types.ts';

const person = (id: string, unit: string, level: Person['level']): Person => ({ id, unit, level, specialties: [], attributes: {} });
const instance: GroupingInstance = {
  people: [
    person('g1', 'u1', 'grassroots'),
    person('g2', 'u2', 'grassroots'),
    person('o1', 'u1', 'other'),
    person('o2', 'u2', 'other'),
    person('g3', 'u3', 'grassroots'),
    person('g4', 'u4', 'grassroots'),
  ],
  classes: [
    { id: 'A', capacity: 3, themeTags: [], minGrassrootsShare: 0.5 },
    { id: 'B', capacity: 3, themeTags: [], minGrassrootsShare: 0.5 },
  ],
  groupSize: { min: 1, max: 2 },
  seed: 1,
  locked: [{ person: 'g1', class: 'A' }],
};
const clone = (s: GroupingSolution): GroupingSolution => JSON.parse(JSON.stringify(s)) as GroupingSolution;
/** Moves `id` to class `to`, group index `group`. */
const drag = (s: GroupingSolution, id: string, to: string, group: number): GroupingSolution => {
  const next = clone(s);
  for (const c of next.classes) {
    c.members = c.members.filter((m) => m !== id);
    for (const g of c.groups) g.members = g.members.filter((m) => m !== id);
  }
  const target = next.classes.find((c) => c.id === to)!;
  target.members.push(id);
  target.groups[group]!.members.push(id);
  return next;
};

describe('evaluate', () => {
  const solved = solveGrouping(instance);

  it('finds nothing wrong with the solver result', () => {
    expect(solved.feasibility).toEqual([]);
    expect(evaluate(instance, solved)).toEqual([]);
  });

  it('flags capacity, group size and a broken lock after one drag', () => {
    const edited = drag(solved, 'g1', 'B', 0);
    const errors = evaluate(instance, edited).filter((v) => v.severity === 'error');
    expect(errors.map((v) => v.code)).toEqual(['OVER_CAPACITY', 'GROUP_SIZE', 'LOCK_BROKEN']);
  });

  it('flags a short grassroots share and warns about two members of one unit in a group', () => {
    const s: GroupingSolution = {
      classes: [
        {
          id: 'A',
          members: ['g1', 'o1', 'o2'],
          groups: [
            { id: 'a1', members: ['g1', 'o1'] },
            { id: 'a2', members: ['o2'] },
          ],
        },
        {
          id: 'B',
          members: ['g2', 'g3', 'g4'],
          groups: [
            { id: 'b1', members: ['g2', 'g3'] },
            { id: 'b2', members: ['g4'] },
          ],
        },
      ],
    };
    expect(evaluate(instance, s)).toEqual([
      { code: 'GRASSROOTS_SHARE', severity: 'error', classId: 'A', message: 'A 班基层干部 1/3 人，低于 50%（至少 2 人）' },
      { code: 'SAME_UNIT_PAIR', severity: 'warning', classId: 'A', groupId: 'a1', personIds: ['g1', 'o1'], message: 'a1 组有 2 人来自同一单位 u1' },
    ]);
  });

  it('flags unknown, duplicate, ungrouped and unassigned people', () => {
    const s: GroupingSolution = {
      classes: [
        { id: 'A', members: ['g1', 'zz', 'g1'], groups: [{ id: 'a1', members: ['g1'] }] },
        { id: 'Q', members: ['o1'], groups: [] },
      ],
    };
    const codes = evaluate(instance, s).map((v) => v.code);
    expect(codes).toEqual(expect.arrayContaining(['UNKNOWN_PERSON', 'DUPLICATE_PERSON', 'UNKNOWN_CLASS', 'NOT_IN_GROUP', 'UNASSIGNED_PERSON']));
  });
});
