// Evaluation endpoints: weights, the scorecard, publishing and the xlsx export.
import type { EvaluationOverview, EvaluationPublishResult, EvaluationWeights, EvaluationWeightsView } from '@duibiao/contracts';
import { api, apiUrl, request } from '../../api/client.ts';

export const getWeights = (programId: number, signal?: AbortSignal) =>
  api.get<EvaluationWeightsView>(`/programs/${programId}/evaluation/weights`, undefined, signal);
export const saveWeights = (programId: number, weights: EvaluationWeights) =>
  request<EvaluationWeightsView>('PUT', `/programs/${programId}/evaluation/weights`, { body: { weights } });
export const getEvaluation = (programId: number, signal?: AbortSignal) => api.get<EvaluationOverview>(`/programs/${programId}/evaluation`, undefined, signal);
export const publishEvaluation = (programId: number) => api.post<EvaluationPublishResult>(`/programs/${programId}/evaluation/publish`, undefined);
export const exportUrl = (programId: number) => apiUrl(`/programs/${programId}/evaluation/export`);
