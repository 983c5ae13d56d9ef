// Rules of the topic assignment solver, one per test: placement, sizes, worst rank first, then the profile.
import { describe, expect, it } from 'vitest';
import { assignTopics, validateTopicInstance } from './index.ts';
import { checkResult, s3Like } from './test-support.ts';

const topics = (...ranges: [number, number, number][]) => ranges.map(([id, min, max]) => ({ id, min, max }));
const trainees = (lists: Record<number, number[]>) => Object.entries(lists).map(([id, ranks]) => ({ id: Number(id), ranks }));

describe('assignTopics', () => {
  it('gives everyone their first choice when the seats allow it', () => {
    const instance = { topics: topics([1, 1, 2], [2, 1, 2]), trainees: trainees({ 10: [1, 2], 11: [2, 1], 12: [1] }) };
    const result = assignTopics(instance);
    expect(result).toMatchObject({ status: 'ok', worstRank: 1, profile: [3], reasons: [] });
    expect(checkResult(instance, result)).toEqual([]);
  });

  it('minimises the worst rank before counting first choices', () => {
    // Three want topic 1 (max 2); trainee 12 ranks it only. Giving 12 a seat pushes 10 to rank 2, not 12 to rank 2.
    const instance = { topics: topics([1, 0, 2], [2, 0, 2], [3, 0, 2]), trainees: trainees({ 10: [1, 2], 11: [1, 2], 12: [1] }) };
    const result = assignTopics(instance);
    expect(result.worstRank).toBe(2);
    expect(result.profile).toEqual([2, 1]);
    expect(result.assignments.find((a) => a.traineeId === 12)).toEqual({ traineeId: 12, topicId: 1, rank: 1 });
  });

  it('trades first choices for a better worst rank (worst rank outranks the profile)', () => {
    // Optimising first choices alone would put 10 and 11 in topic 1 and 12 into unranked topic 3 (rank 3).
    const instance = { topics: topics([1, 0, 2], [2, 0, 1], [3, 0, 3]), trainees: trainees({ 10: [1, 3], 11: [1, 3], 12: [1, 2], 13: [2, 1] }) };
    const result = assignTopics(instance);
    expect(result.worstRank).toBe(2);
    expect(checkResult(instance, result)).toEqual([]);
  });

  it('fills team minimums even at the cost of first choices', () => {
    const instance = { topics: topics([1, 0, 3], [2, 2, 3]), trainees: trainees({ 10: [1, 2], 11: [1, 2], 12: [1] }) };
    const result = assignTopics(instance);
    expect(result.status).toBe('ok');
    expect(result.assignments.filter((a) => a.topicId === 2)).toHaveLength(2);
    expect(result.assignments.find((a) => a.traineeId === 12)?.topicId).toBe(1);
    expect(result.profile).toEqual([1, 2]);
  });

  it('counts an unranked topic as rank ranks.length + 1, and forbids it with allowUnranked: false', () => {
    const base = { topics: topics([1, 0, 1], [2, 0, 1]), trainees: trainees({ 10: [1], 11: [1] }) };
    const result = assignTopics(base);
    expect(result).toMatchObject({ status: 'ok', worstRank: 2, profile: [1, 1] });
    const strict = assignTopics({ ...base, allowUnranked: false });
    expect(strict.status).toBe('infeasible');
    expect(strict.reasons).toEqual(['学员 10、11 可去的课题只有 1，最多容纳 1 人，少于这 2 名学员']);
  });

  it('places a trainee without bids anywhere at rank 1 when unranked topics are allowed', () => {
    const result = assignTopics({ topics: topics([1, 0, 1]), trainees: trainees({ 10: [] }) });
    expect(result).toMatchObject({ status: 'ok', worstRank: 1, profile: [1], assignments: [{ traineeId: 10, topicId: 1, rank: 1 }] });
  });

  it('explains infeasibility by counting seats', () => {
    const few = assignTopics({
      topics: topics([1, 15, 20], [2, 15, 20]),
      trainees: trainees(Object.fromEntries(Array.from({ length: 25 }, (_, i) => [i + 1, [1]]))),
    });
    expect(few).toEqual({ status: 'infeasible', assignments: [], worstRank: 0, profile: [], reasons: ['课题最少人数合计 30 人，只有 25 名学员'] });
    const many = assignTopics({ topics: topics([1, 0, 1]), trainees: trainees({ 10: [1], 11: [1] }) });
    expect(many.reasons).toEqual(['课题最多人数合计 1 人，却有 2 名学员']);
  });

  it('names topics whose minimum the bidders cannot fill, and trainees without any bid when unranked is forbidden', () => {
    const short = assignTopics({ allowUnranked: false, topics: topics([1, 2, 5], [2, 0, 5]), trainees: trainees({ 10: [1, 2], 11: [2], 12: [2] }) });
    expect(short.reasons).toEqual(['课题 1 最少需要 2 人，但填报这些课题的学员只有 1 人']);
    const silent = assignTopics({ allowUnranked: false, topics: topics([1, 0, 5]), trainees: trainees({ 10: [], 11: [1] }) });
    expect(silent.reasons).toEqual(['学员 10 没有填报任何课题，且不允许分配到未填报的课题']);
  });

  it('handles nobody: ok when no minimum, infeasible otherwise', () => {
    expect(assignTopics({ topics: topics([1, 0, 3]), trainees: [] })).toEqual({ status: 'ok', assignments: [], worstRank: 0, profile: [], reasons: [] });
    expect(assignTopics({ topics: topics([1, 1, 3]), trainees: [] }).status).toBe('infeasible');
  });

  it('solves an S3-sized instance (150 trainees × 22 topics) quickly and deterministically', () => {
    const instance = s3Like(150, 22);
    const started = performance.now();
    const result = assignTopics(instance);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.status).toBe('ok');
    expect(checkResult(instance, result)).toEqual([]);
    expect(assignTopics(instance)).toEqual(result);
  });
});

describe('validateTopicInstance', () => {
  it('accepts a good instance and copies it', () => {
    const input = { topics: [{ id: 1, min: 0, max: 2, extra: 'x' }], trainees: [{ id: 5, ranks: [1] }], allowUnranked: false };
    expect(validateTopicInstance(input)).toEqual({
      ok: true,
      instance: { topics: [{ id: 1, min: 0, max: 2 }], trainees: [{ id: 5, ranks: [1] }], allowUnranked: false },
    });
  });

  it('names every bad path at once', () => {
    const result = validateTopicInstance({
      topics: [{ id: 1, min: 3, max: 2 }, { id: 1, min: -1, max: 1.5 }, 'x'],
      trainees: [{ id: 'a', ranks: [1, 1, 9, 'z'] }, { id: 7 }],
      allowUnranked: 'yes',
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: 'topics[0].max', message: '最多人数不能小于最少人数' },
        { path: 'topics[1].id', message: '课题编号 1 重复' },
        { path: 'topics[1].min', message: '应为非负整数' },
        { path: 'topics[1].max', message: '应为非负整数' },
        { path: 'topics[2]', message: '应为对象 { id, min, max }' },
        { path: 'trainees[0].id', message: '应为整数' },
        { path: 'trainees[0].ranks[1]', message: '课题 1 重复填报' },
        { path: 'trainees[0].ranks[2]', message: '未知课题 9' },
        { path: 'trainees[0].ranks[3]', message: '应为课题编号' },
        { path: 'trainees[1].ranks', message: '应为课题编号数组' },
        { path: 'allowUnranked', message: '应为 true 或 false' },
      ],
    });
    expect(validateTopicInstance(null)).toMatchObject({ ok: false, errors: [{ path: '' }] });
    expect(validateTopicInstance({})).toMatchObject({ ok: false, errors: [{ path: 'topics' }, { path: 'trainees' }] });
  });
});
