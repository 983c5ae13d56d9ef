// Pure rules of the final evaluation: each test states one rule, both sides of every boundary.
import { describe, expect, it } from 'vitest';
import {
  attendanceScore,
  defenceScore,
  gradeOf,
  hostScore,
  landingScore,
  reflectionScore,
  rubricMax,
  weightedScore,
  weightsProblems,
} from '../src/modules/evaluation/evaluation.rules.ts';

const W = { defence: 35, host: 25, attendance: 15, reflection: 10, landing: 15 };

describe('grades', () => {
  it.each([
    [89.99, 'good'],
    [90, 'excellent'],
    [79.99, 'pass'],
    [80, 'good'],
    [59.99, 'fail'],
    [60, 'pass'],
    [100, 'excellent'],
    [0, 'fail'],
  ])('%f → %s', (score, grade) => expect(gradeOf(score)).toBe(grade));
});

describe('components', () => {
  it('defence is the average of panel totals as a % of the rubric maximum', () => {
    expect(
      defenceScore([
        { total: 45, max: 50 },
        { total: 80, max: 100 },
      ]),
    ).toBe(85);
    expect(defenceScore([])).toBeNull();
    expect(
      rubricMax(
        JSON.stringify([
          { key: 'a', max: 30 },
          { key: 'b', max: 20 },
        ]),
      ),
    ).toBe(50);
    expect(rubricMax('not json')).toBe(0);
  });
  it('host uses the score, else the result band', () => {
    expect(hostScore({ score: 88, result: 'pass' })).toBe(88);
    expect(hostScore({ score: null, result: 'excellent' })).toBe(95);
    expect(hostScore({ score: null, result: 'good' })).toBe(85);
    expect(hostScore({ score: null, result: 'pass' })).toBe(70);
    expect(hostScore({ score: null, result: 'fail' })).toBe(40);
    expect(hostScore(undefined)).toBeNull();
  });
  it('attendance counts present, late and left early; excused is left out of the denominator', () => {
    expect(attendanceScore(['present', 'late', 'left_early', 'absent', 'excused'])).toBe(75);
    expect(attendanceScore(['excused'])).toBeNull();
  });
  it('reflection: 80 + 5 per action item up to 100 when submitted, else 0', () => {
    expect(reflectionScore([{ status: 'submitted', actionItems: 0 }])).toBe(80);
    expect(reflectionScore([{ status: 'submitted', actionItems: 3 }])).toBe(95);
    expect(reflectionScore([{ status: 'submitted', actionItems: 9 }])).toBe(100);
    expect(reflectionScore([{ status: 'draft', actionItems: 3 }])).toBe(0);
    expect(reflectionScore([])).toBe(0);
  });
  it('landing is the landed share of non-rejected recommendations', () => {
    expect(landingScore(['landed', 'in_progress', 'rejected'])).toBe(50);
    expect(landingScore(['rejected'])).toBeNull();
  });
});

describe('weighted score', () => {
  it('renormalises over the components that apply', () => {
    const all = { defence: 80, host: 90, attendance: 100, reflection: 80, landing: 50 };
    expect(weightedScore(all, W)).toBe(81);
    // Without host and landing: (35·80 + 15·100 + 10·80) / 60 = 85.
    expect(weightedScore({ ...all, host: null, landing: null }, W)).toBe(85);
    expect(weightedScore({ defence: null, host: null, attendance: null, reflection: null, landing: null }, W)).toBeNull();
  });
  it('weights must sum to 100', () => {
    expect(weightsProblems(W)).toEqual([]);
    expect(weightsProblems({ ...W, landing: 16 })).toEqual([{ field: 'weights', message: expect.stringContaining('101') }]);
  });
});
