// Research-topic assignment (S3 招拍挂): trainees rank topics, topics have team-size ranges; exact lexicographic
// optimum — everyone placed, sizes respected, minimum worst rank, then most 1st choices, most 2nd choices, …
export type { TopicAssignmentInstance, TopicAssignmentResult, TopicInputProblem } from './types.ts';
export { validateTopicInstance } from './validate.ts';
export { assignTopics } from './solve.ts';
export { runTopicAssignmentCli, TOPIC_ASSIGNMENT_USAGE } from './cli-run.ts';
