// Duplicate suggestions measured on the labelled paraphrase fixture; the floors guard against regressions.
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/paraphrase-questions.json' with { type: 'json' };
import { DEFAULT_DUPLICATE_THRESHOLD } from './duplicates.ts';
import { evaluateDuplicates, scoreGroups, type LabelledText } from './evaluate.ts';

const items: LabelledText[] = fixture;

describe('fixture', () => {
  it('holds at least 120 questions with unique ids, in paraphrase groups of 2–5 plus singletons', () => {
    expect(items.length).toBeGreaterThanOrEqual(120);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    const sizes = new Map<string, number>();
    for (const item of items) sizes.set(item.group, (sizes.get(item.group) ?? 0) + 1);
    const groupSizes = [...sizes.values()].filter((size) => size > 1);
    expect(groupSizes.length).toBeGreaterThanOrEqual(30);
    expect(Math.max(...groupSizes)).toBeLessThanOrEqual(5);
  });
});

describe('scoreGroups', () => {
  const labelled = [
    { id: '1', text: '', group: 'x' },
    { id: '2', text: '', group: 'x' },
    { id: '3', text: '', group: 'y' },
  ];

  it('counts pairs inside predicted groups against pairs sharing a label', () => {
    expect(scoreGroups(labelled, [['1', '2', '3']], 0.5)).toMatchObject({ precision: 0.333, recall: 1, predictedPairs: 3, correctPairs: 1 });
    expect(scoreGroups(labelled, [['1', '2']], 0.5)).toMatchObject({ precision: 1, recall: 1 });
    expect(scoreGroups(labelled, [], 0.5)).toMatchObject({ precision: 1, recall: 0 });
  });
});

describe('duplicate suggestions on the paraphrase fixture', () => {
  it('reaches the measured precision and recall at the default threshold', () => {
    const [score] = evaluateDuplicates(items, [DEFAULT_DUPLICATE_THRESHOLD]);
    console.log(`duplicate suggestions: precision ${score?.precision} recall ${score?.recall} at threshold ${DEFAULT_DUPLICATE_THRESHOLD}`);
    // Measured 0.70 / 0.59: lexical overlap cannot see paraphrases that share no words (see README).
    expect(score?.precision).toBeGreaterThanOrEqual(0.65);
    expect(score?.recall).toBeGreaterThanOrEqual(0.55);
  });

  it('trades recall for precision as the threshold rises', () => {
    const sweep = evaluateDuplicates(items, [0.15, 0.3]);
    expect(sweep[1]?.precision).toBeGreaterThan(sweep[0]?.precision ?? 1);
    expect(sweep[1]?.recall).toBeLessThan(sweep[0]?.recall ?? 0);
  });
});
