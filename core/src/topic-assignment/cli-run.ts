// The topic assignment CLI as a function of (args, stdin text) → (exit code, stdout, stderr).
import { assignTopics } from './solve.ts';
import type { TopicInputProblem } from './types.ts';
import { validateTopicInstance } from './validate.ts';

export const TOPIC_ASSIGNMENT_USAGE = `usage: tsx core/src/topic-assignment/cli.ts < instance.json > result.json
  instance: {"topics":[{"id","min","max"}],"trainees":[{"id","ranks":[topicId…]}],"allowUnranked"?:true}
  result:   {"status":"ok"|"infeasible","assignments":[{"traineeId","topicId","rank"}],"worstRank","profile","reasons"}`;

export interface TopicCliOutcome {
  code: 0 | 2;
  stdout: string;
  stderr: string;
}

const failure = (message: string, details: TopicInputProblem[]): TopicCliOutcome => ({
  code: 2,
  stdout: '',
  stderr: `${JSON.stringify({ error: { message, details } })}\n`,
});

/** No arguments; the instance is the stdin text. Bad JSON or a bad instance → code 2 with every problem. */
export function runTopicAssignmentCli(args: readonly string[], input: string): TopicCliOutcome {
  if (args.length > 0) return failure(`unknown argument ${JSON.stringify(args[0])}`, [{ path: 'args', message: TOPIC_ASSIGNMENT_USAGE }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(input);
  } catch (error) {
    return failure('input is not valid JSON', [{ path: '', message: error instanceof Error ? error.message : String(error) }]);
  }
  const checked = validateTopicInstance(parsed);
  if (!checked.ok) return failure('invalid topic assignment instance', checked.errors);
  return { code: 0, stdout: `${JSON.stringify(assignTopics(checked.instance))}\n`, stderr: '' };
}
