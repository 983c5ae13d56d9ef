// Pure rules of the feedback module: one rule per test, both sides of each boundary.
import { describe, expect, it } from 'vitest';
import { aggregateAnswers, validateAnswers } from './questionnaire.rules.ts';
import { anonymousComments, hasEnded, summarizeRatings } from './ratings.rules.ts';
import { highlight, snippet, storedOrTokenized, toSearchColumn } from './search.rules.ts';

const r = (content: number, comment: string | null = null) => ({ content, delivery: content, usefulness: content, comment });

describe('ratings', () => {
  it('compares end instants as time, whatever their offset', () => {
    const now = Date.parse('2026-05-01T04:00:00Z');
    expect(hasEnded('2026-05-01T12:00:00+08:00', now)).toBe(true); // = 04:00Z
    expect(hasEnded('2026-05-01T12:00:01+08:00', now)).toBe(false);
  });

  it('withholds averages and comments below three ratings and shows them from three on', () => {
    expect(summarizeRatings([r(5), r(4)])).toEqual({ n: 2, tooFew: true, averages: null });
    expect(anonymousComments([r(5, '好'), r(4, '不错')])).toEqual([]);
    expect(summarizeRatings([r(5), r(4), r(4)])).toEqual({ n: 3, tooFew: false, averages: { content: 4.33, delivery: 4.33, usefulness: 4.33, overall: 4.33 } });
    expect(anonymousComments([r(5, '  '), r(4, '乙'), r(4, '甲')])).toEqual(['甲', '乙'].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')));
  });
});

describe('questionnaire answers', () => {
  const questions = [
    { id: 'a', type: 'rating' as const, title: 'A', required: true },
    { id: 'b', type: 'multi' as const, title: 'B', options: ['x', 'y'], required: false },
  ];

  it('accepts 1 and 5 and refuses 0, 6 and 4.5', () => {
    expect(validateAnswers(questions, { a: 1 })).toEqual({ answers: { a: 1 } });
    expect(validateAnswers(questions, { a: 5 })).toEqual({ answers: { a: 5 } });
    for (const a of [0, 6, 4.5]) expect(validateAnswers(questions, { a })).toEqual({ errors: [{ field: 'answers.a', message: '请给 1–5 的整数分' }] });
  });

  it('puts multi-choice answers in option order and leaves optional blanks out', () => {
    expect(validateAnswers(questions, { a: 3, b: ['y', 'x'] })).toEqual({ answers: { a: 3, b: ['x', 'y'] } });
    expect(validateAnswers(questions, { a: 3, b: [] })).toEqual({ answers: { a: 3 } });
  });

  it('aggregates nothing below three responses', () => {
    expect(aggregateAnswers(questions, [{ a: 5 }, { a: 4 }])).toEqual([]);
    expect(aggregateAnswers(questions, [{ a: 5 }, { a: 4 }, { a: 3, b: ['x'] }])[1]).toMatchObject({
      answered: 1,
      distribution: [
        { value: 'x', count: 1 },
        { value: 'y', count: 0 },
      ],
    });
  });
});

describe('search column and highlights', () => {
  it('stores jieba search-mode terms between pipes and reads them back without jieba', () => {
    const column = toSearchColumn('招商引资', null, '人才');
    expect(column).toBe('|招商|引资|招商引资|人才|');
    expect(storedOrTokenized(column)).toEqual(['招商', '引资', '招商引资', '人才']);
  });

  it('marks the longest term first and every occurrence', () => {
    expect(highlight('招商引资靠招商', ['招商', '招商引资'])).toEqual([
      { text: '招商引资', hit: true },
      { text: '靠', hit: false },
      { text: '招商', hit: true },
    ]);
  });

  it('cuts a long text around the first hit', () => {
    const text = `${'甲'.repeat(200)}招商${'乙'.repeat(200)}`;
    const parts = snippet(text, ['招商'], 40);
    expect(parts[0]!.text.startsWith('…')).toBe(true);
    expect(parts.some((p) => p.hit && p.text === '招商')).toBe(true);
    expect(parts.map((p) => p.text).join('').length).toBe(42);
  });
});
