// Selection endpoints: rules and quotas (organizer), calls and candidates (nominating unit), nominations, decisions.
import type {
  BulkDecisionInput,
  Candidate,
  DecisionInput,
  Nomination,
  NominationCall,
  NominationChange,
  NominationInput,
  NominationStatus,
  Page,
  Quota,
  QuotaInput,
  QuotaPatch,
  SelectionRulesInput,
  SelectionRulesView,
  SelectionSummary,
} from '@duibiao/contracts';
import { api, request } from '../../api/client.ts';

export const getRules = (programId: number, signal?: AbortSignal) => api.get<SelectionRulesView>(`/programs/${programId}/selection/rules`, undefined, signal);
export const putRules = (programId: number, body: SelectionRulesInput) =>
  request<SelectionRulesView>('PUT', `/programs/${programId}/selection/rules`, { body });

export const listQuotas = (programId: number, signal?: AbortSignal) => api.get<Quota[]>(`/programs/${programId}/selection/quotas`, undefined, signal);
export const createQuota = (programId: number, body: QuotaInput) => api.post<Quota>(`/programs/${programId}/selection/quotas`, body);
export const updateQuota = (quotaId: number, body: QuotaPatch) => api.patch<Quota>(`/selection/quotas/${quotaId}`, body);
export const deleteQuota = (quotaId: number) => api.delete(`/selection/quotas/${quotaId}`);

export const getSummary = (programId: number, signal?: AbortSignal) => api.get<SelectionSummary>(`/programs/${programId}/selection/summary`, undefined, signal);

export const listCalls = (signal?: AbortSignal) => api.get<NominationCall[]>('/nomination-calls', undefined, signal);
export const listCandidates = (programId: number, query: { quotaId: number; q?: string; page?: number; pageSize?: number }, signal?: AbortSignal) =>
  api.get<Page<Candidate>>(`/programs/${programId}/selection/candidates`, query, signal);

export const listNominations = (programId: number, status: NominationStatus | undefined, signal?: AbortSignal) =>
  api.get<Nomination[]>(`/programs/${programId}/nominations`, { status }, signal);
export const nominate = (programId: number, body: NominationInput) => api.post<NominationChange>(`/programs/${programId}/nominations`, body);
export const unitApprove = (id: number, reason?: string) => api.post<NominationChange>(`/nominations/${id}/unit-approve`, { reason });
export const decide = (id: number, body: DecisionInput) => api.post<NominationChange>(`/nominations/${id}/decide`, body);
export const bulkDecide = (programId: number, body: BulkDecisionInput) => api.post<NominationChange>(`/programs/${programId}/nominations/decide`, body);
export const withdraw = (id: number, reason: string) => api.post<NominationChange>(`/nominations/${id}/withdraw`, { reason });
