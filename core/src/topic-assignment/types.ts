// Input and output shapes of the topic assignment solver (招拍挂: trainees bid on research topics).

export interface TopicAssignmentInstance {
  topics: { id: number; min: number; max: number }[];
  /** ranks: topic ids, best first (the trainee's bids). */
  trainees: { id: number; ranks: number[] }[];
  /** true (default): a trainee may be placed in a topic they did not rank, counted as rank ranks.length + 1. */
  allowUnranked?: boolean;
}

export interface TopicAssignmentResult {
  status: 'ok' | 'infeasible';
  /** rank is 1-based. */
  assignments: { traineeId: number; topicId: number; rank: number }[];
  /** Max rank received (0 when nobody). */
  worstRank: number;
  /** profile[k] = trainees who got rank k+1. */
  profile: number[];
  /** Chinese, when infeasible (e.g. 课题最少人数合计 30 人，只有 25 名学员). */
  reasons: string[];
}

export interface TopicInputProblem {
  path: string;
  message: string;
}
