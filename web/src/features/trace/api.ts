// Trace endpoints: a recommendation's backward chain, forward trees from a question or key problem, and the funnels.
import type { FunnelDashboard, KeyProblemTrace, ProgramFunnel, QuestionTrace, RecommendationTrace } from '@duibiao/contracts';
import { api } from '../../api/client.ts';

export const getRecommendationTrace = (id: number, signal?: AbortSignal) => api.get<RecommendationTrace>(`/recommendations/${id}/trace`, undefined, signal);
export const getKeyProblemTrace = (id: number, signal?: AbortSignal) => api.get<KeyProblemTrace>(`/key-problems/${id}/trace`, undefined, signal);
export const getQuestionTrace = (id: number, signal?: AbortSignal) => api.get<QuestionTrace>(`/questions/${id}/trace`, undefined, signal);
export const getProgramFunnel = (programId: number, signal?: AbortSignal) => api.get<ProgramFunnel>(`/programs/${programId}/funnel`, undefined, signal);
export const getFunnelDashboard = (query: { from?: string; to?: string; programId?: number }, signal?: AbortSignal) =>
  api.get<FunnelDashboard>('/funnel', query, signal);
