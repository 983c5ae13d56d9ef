// Structural validation of a topic assignment instance; every bad field is reported with its JSON path.
import type { TopicAssignmentInstance, TopicInputProblem } from './types.ts';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isId = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x);
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

/** Checks shape, unique ids, 0 ≤ min ≤ max, ranks that name known topics once each. Collects every problem. */
export function validateTopicInstance(x: unknown): { ok: true; instance: TopicAssignmentInstance } | { ok: false; errors: TopicInputProblem[] } {
  const errors: TopicInputProblem[] = [];
  const fail = (path: string, message: string) => errors.push({ path, message });
  if (!isRecord(x)) return { ok: false, errors: [{ path: '', message: '应为对象 { topics, trainees, allowUnranked? }' }] };

  const topicIds = new Set<number>();
  if (!Array.isArray(x.topics)) fail('topics', '应为数组');
  else
    x.topics.forEach((topic: unknown, i) => {
      const at = `topics[${i}]`;
      if (!isRecord(topic)) return fail(at, '应为对象 { id, min, max }');
      if (!isId(topic.id)) fail(`${at}.id`, '应为整数');
      else if (topicIds.has(topic.id)) fail(`${at}.id`, `课题编号 ${topic.id} 重复`);
      else topicIds.add(topic.id);
      if (!isCount(topic.min)) fail(`${at}.min`, '应为非负整数');
      if (!isCount(topic.max)) fail(`${at}.max`, '应为非负整数');
      else if (isCount(topic.min) && topic.max < topic.min) fail(`${at}.max`, '最多人数不能小于最少人数');
    });

  const traineeIds = new Set<number>();
  if (!Array.isArray(x.trainees)) fail('trainees', '应为数组');
  else
    x.trainees.forEach((trainee: unknown, i) => {
      const at = `trainees[${i}]`;
      if (!isRecord(trainee)) return fail(at, '应为对象 { id, ranks }');
      if (!isId(trainee.id)) fail(`${at}.id`, '应为整数');
      else if (traineeIds.has(trainee.id)) fail(`${at}.id`, `学员编号 ${trainee.id} 重复`);
      else traineeIds.add(trainee.id);
      if (!Array.isArray(trainee.ranks)) return fail(`${at}.ranks`, '应为课题编号数组');
      const seen = new Set<number>();
      trainee.ranks.forEach((topicId: unknown, k) => {
        const rankAt = `${at}.ranks[${k}]`;
        if (!isId(topicId)) fail(rankAt, '应为课题编号');
        else if (Array.isArray(x.topics) && !topicIds.has(topicId)) fail(rankAt, `未知课题 ${topicId}`);
        else if (seen.has(topicId)) fail(rankAt, `课题 ${topicId} 重复填报`);
        else seen.add(topicId);
      });
    });

  if (x.allowUnranked !== undefined && typeof x.allowUnranked !== 'boolean') fail('allowUnranked', '应为 true 或 false');
  if (errors.length > 0) return { ok: false, errors };
  const topics = (x.topics as { id: number; min: number; max: number }[]).map(({ id, min, max }) => ({ id, min, max }));
  const trainees = (x.trainees as { id: number; ranks: number[] }[]).map(({ id, ranks }) => ({ id, ranks: [...ranks] }));
  const instance: TopicAssignmentInstance = { topics, trainees };
  if (typeof x.allowUnranked === 'boolean') instance.allowUnranked = x.allowUnranked;
  return { ok: true, instance };
}
