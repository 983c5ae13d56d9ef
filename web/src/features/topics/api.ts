// Topics endpoints: topics per program and across programs, bidding (/me), bids and winners, assignment runs, task
// forces and the roster export.
import type {
  KeyProblem,
  MyBidsInput,
  MyProgramTopics,
  TaskForceMember,
  TaskForceMemberInput,
  TaskForceRole,
  Topic,
  TopicBid,
  TopicDetail,
  TopicInput,
  TopicPatch,
  TopicRunDetail,
  TopicRunSummary,
  TopicStatus,
  TopicWinnersInput,
} from '@duibiao/contracts';
import { api, apiUrl, request } from '../../api/client.ts';

export const listProgramTopics = (programId: number, signal?: AbortSignal) => api.get<Topic[]>(`/programs/${programId}/topics`, undefined, signal);
export const listAllTopics = (query: { programId?: number; status?: TopicStatus }, signal?: AbortSignal) => api.get<Topic[]>('/topics', query, signal);
export const getTopic = (topicId: number, signal?: AbortSignal) => api.get<TopicDetail>(`/topics/${topicId}`, undefined, signal);
export const createTopic = (programId: number, body: TopicInput) => api.post<Topic>(`/programs/${programId}/topics`, body);
export const updateTopic = (topicId: number, body: TopicPatch) => api.patch<Topic>(`/topics/${topicId}`, body);
export const deleteTopic = (topicId: number) => api.delete(`/topics/${topicId}`);
export const setTopicStatus = (topicId: number, status: TopicStatus, biddingClosesOn?: string) =>
  api.post<Topic>(`/topics/${topicId}/status`, { status, ...(biddingClosesOn ? { biddingClosesOn } : {}) });
export const listKeyProblems = (programId: number, signal?: AbortSignal) => api.get<KeyProblem[]>(`/programs/${programId}/key-problems`, undefined, signal);

export const getTopicBids = (topicId: number, signal?: AbortSignal) => api.get<TopicBid[]>(`/topics/${topicId}/bids`, undefined, signal);
export const pickWinners = (topicId: number, body: TopicWinnersInput) => request<TaskForceMember[]>('PUT', `/topics/${topicId}/winners`, { body });

export const getMyTopics = (signal?: AbortSignal) => api.get<MyProgramTopics[]>('/me/topics', undefined, signal);
export const saveMyBids = (programId: number, body: MyBidsInput) => request<MyProgramTopics>('PUT', `/me/programs/${programId}/bids`, { body });

export const solveTopics = (programId: number, allowUnranked: boolean) =>
  api.post<TopicRunDetail>(`/programs/${programId}/topic-assignment-runs`, { allowUnranked });
export const listTopicRuns = (programId: number, signal?: AbortSignal) =>
  api.get<TopicRunSummary[]>(`/programs/${programId}/topic-assignment-runs`, undefined, signal);
export const getTopicRun = (runId: number, signal?: AbortSignal) => api.get<TopicRunDetail>(`/topic-assignment-runs/${runId}`, undefined, signal);
export const adoptTopicRun = (runId: number) => api.post<TopicRunDetail>(`/topic-assignment-runs/${runId}/adopt`);

export const getMembers = (topicId: number, signal?: AbortSignal) => api.get<TaskForceMember[]>(`/topics/${topicId}/members`, undefined, signal);
export const addMember = (topicId: number, body: TaskForceMemberInput) => api.post<TaskForceMember[]>(`/topics/${topicId}/members`, body);
export const setMemberRole = (topicId: number, memberId: number, role: TaskForceRole) =>
  api.patch<TaskForceMember[]>(`/topics/${topicId}/members/${memberId}`, { role });
export const removeMember = (topicId: number, memberId: number) => api.delete(`/topics/${topicId}/members/${memberId}`);

export const rosterUrl = (programId: number, format: 'xlsx' | 'docx') => apiUrl(`/programs/${programId}/topic-roster.${format}`);
