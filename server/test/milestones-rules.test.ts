// Pure rules of topic process control: plan order, rubric checks, scoring, overdue and averages.
import { DEFAULT_DEFENCE_RUBRIC } from '@duibiao/contracts';
import { describe, expect, it } from 'vitest';
import { averages, dueDateProblem, isOverdue, planProblems, rubricProblems, scoreProblems, totalOf } from '../src/modules/milestones/milestones.rules.ts';

describe('planProblems', () => {
  const item = (kind: 'plan' | 'opening' | 'midterm' | 'final', dueDate: string) => ({ kind, title: kind, dueDate });
  it('accepts strictly increasing dates in kind order, whatever the array order', () => {
    expect(planProblems({ milestones: [item('final', '2026-04-01'), item('plan', '2026-01-01'), item('midterm', '2026-03-01')] })).toEqual([]);
  });
  it('names the later kind when its date is not after the earlier one (equal dates too)', () => {
    expect(planProblems({ milestones: [item('plan', '2026-01-02'), item('opening', '2026-01-02')] }).map((p) => p.field)).toEqual(['milestones.1.dueDate']);
  });
  it('names duplicate kinds', () => {
    expect(planProblems({ milestones: [item('plan', '2026-01-01'), item('plan', '2026-02-01')] }).map((p) => p.field)).toContain('milestones.1.kind');
  });
});

describe('dueDateProblem', () => {
  const others = [
    { kind: 'plan', title: '计划', due_date: '2026-01-10' },
    { kind: 'final', title: '结题', due_date: '2026-05-01' },
  ];
  it('keeps an edited date between its neighbours', () => {
    expect(dueDateProblem('midterm', '2026-03-01', others)).toBeNull();
    expect(dueDateProblem('midterm', '2026-01-10', others)).toMatch('计划');
    expect(dueDateProblem('midterm', '2026-05-01', others)).toMatch('结题');
  });
});

describe('rubric and scores', () => {
  it('rejects duplicate rubric keys', () => {
    expect(
      rubricProblems([
        { key: 'a', label: 'A', max: 10 },
        { key: 'a', label: 'B', max: 10 },
      ]).map((p) => p.field),
    ).toEqual(['rubric.1.key']);
  });
  it('accepts 0 and max, refuses below, above, missing and unknown criteria', () => {
    const full = { problem: 0, research: 25, feasibility: 30, prospect: 15, presentation: 10 };
    expect(scoreProblems(DEFAULT_DEFENCE_RUBRIC, full)).toEqual([]);
    const bad = scoreProblems(DEFAULT_DEFENCE_RUBRIC, { problem: -1, research: 26, feasibility: 30, prospect: 15, extra: 1 });
    expect(bad.map((p) => p.field)).toEqual(['scores.problem', 'scores.research', 'scores.presentation', 'scores.extra']);
    expect(totalOf(DEFAULT_DEFENCE_RUBRIC, full)).toBe(80);
  });
  it('averages per criterion and in total; none without sheets', () => {
    const rubric = [{ key: 'a', label: 'A', max: 10 }];
    expect(averages(rubric, [])).toEqual({ averageTotal: null, averageByCriterion: {} });
    expect(
      averages(rubric, [
        { scores: { a: 7 }, total: 7 },
        { scores: { a: 8 }, total: 8 },
      ]),
    ).toEqual({ averageTotal: 7.5, averageByCriterion: { a: 7.5 } });
  });
});

describe('isOverdue', () => {
  it('is overdue only past the due date and while pending or sent back', () => {
    expect(isOverdue({ due_date: '2026-01-01', status: 'pending' }, '2026-01-02')).toBe(true);
    expect(isOverdue({ due_date: '2026-01-01', status: 'revise' }, '2026-01-02')).toBe(true);
    expect(isOverdue({ due_date: '2026-01-02', status: 'pending' }, '2026-01-02')).toBe(false);
    expect(isOverdue({ due_date: '2026-01-01', status: 'submitted' }, '2026-01-02')).toBe(false);
    expect(isOverdue({ due_date: '2026-01-01', status: 'passed' }, '2026-01-02')).toBe(false);
  });
});
