// Topic process endpoints: the process view (plan, versions, panel, scores), uploads, decisions, the external team,
// comments and the external account's own topics.
import type {
  ExternalMemberInput,
  ExternalMemberView,
  ExternalTopic,
  MilestoneDecision,
  MilestoneKind,
  MilestoneOverviewRow,
  MilestonePatch,
  MilestonePlanInput,
  MilestoneReviewersInput,
  MilestoneScoreInput,
  ReviewerCandidate,
  TopicComment,
  TopicCommentInput,
  TopicProcess,
} from '@duibiao/contracts';
import { api, apiUrl, request } from '../../api/client.ts';
import { uploadForm } from '../../api/upload.ts';

const topic = (id: number) => `/topics/${id}`;

export const getProcess = (topicId: number, signal?: AbortSignal) => api.get<TopicProcess>(`${topic(topicId)}/milestones`, undefined, signal);
export const createPlan = (topicId: number, body: MilestonePlanInput) => api.post<TopicProcess>(`${topic(topicId)}/milestones`, body);
export const updateMilestone = (topicId: number, id: number, body: MilestonePatch) => api.patch<TopicProcess>(`${topic(topicId)}/milestones/${id}`, body);

export function uploadSubmission(topicId: number, milestoneId: number, file: File, note: string, onProgress?: (f: number) => void) {
  const form = new FormData();
  if (note.trim()) form.append('note', note.trim());
  form.append('file', file);
  return uploadForm<TopicProcess>(`${topic(topicId)}/milestones/${milestoneId}/submissions`, form, { onProgress });
}
export const submissionUrl = (topicId: number, milestoneId: number, submissionId: number) =>
  apiUrl(`${topic(topicId)}/milestones/${milestoneId}/submissions/${submissionId}/file`);
export const scoreSheetUrl = (topicId: number, kind: MilestoneKind, format: 'xlsx' | 'docx') =>
  apiUrl(`${topic(topicId)}/milestones/${kind}/score-sheet.${format}`);

export const getReviewerCandidates = (topicId: number, signal?: AbortSignal) =>
  api.get<ReviewerCandidate[]>(`${topic(topicId)}/reviewer-candidates`, undefined, signal);
export const setReviewers = (topicId: number, milestoneId: number, body: MilestoneReviewersInput) =>
  request<TopicProcess>('PUT', `${topic(topicId)}/milestones/${milestoneId}/reviewers`, { body });
export const saveScore = (topicId: number, milestoneId: number, body: MilestoneScoreInput) =>
  request<TopicProcess>('PUT', `${topic(topicId)}/milestones/${milestoneId}/scores/me`, { body });
export const decide = (topicId: number, milestoneId: number, body: MilestoneDecision) =>
  api.post<TopicProcess>(`${topic(topicId)}/milestones/${milestoneId}/decision`, body);

export const getExternalMembers = (topicId: number, signal?: AbortSignal) =>
  api.get<ExternalMemberView[]>(`${topic(topicId)}/external-members`, undefined, signal);
export const attachExternal = (topicId: number, body: ExternalMemberInput) => api.post<ExternalMemberView>(`${topic(topicId)}/external-members`, body);
export const detachExternal = (topicId: number, id: number) => api.delete(`${topic(topicId)}/external-members/${id}`);

export const getComments = (topicId: number, signal?: AbortSignal) => api.get<TopicComment[]>(`${topic(topicId)}/comments`, undefined, signal);
export const postComment = (topicId: number, body: TopicCommentInput) => api.post<TopicComment>(`${topic(topicId)}/comments`, body);

export const getMyExternalTopics = (signal?: AbortSignal) => api.get<ExternalTopic[]>('/me/external-topics', undefined, signal);

/** Overdue milestones (due date passed, still pending or sent back) of every program in the caller's scope. */
export const getOverdueMilestones = (signal?: AbortSignal) => api.get<MilestoneOverviewRow[]>('/milestones/overdue', undefined, signal);
