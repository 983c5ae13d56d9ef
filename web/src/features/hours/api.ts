// API calls of the hours feature: compliance report, rules, credit policy, program hours, manual entries, my file.
import type {
  ComplianceReport,
  ComplianceSummary,
  CreditPolicyInput,
  EffectiveCreditPolicy,
  HoursEntryInput,
  HoursEntryPatch,
  HoursEntryView,
  HoursRuleDto,
  HoursRulesView,
  ProgramHours,
  TrainingFile,
} from '@duibiao/contracts';
import { api, apiUrl, request } from '../../api/client.ts';
import type { Query } from '../../api/client.ts';
import { uploadForm } from '../../api/upload.ts';

export const getCompliance = (query: Query, signal?: AbortSignal) => api.get<ComplianceReport>('/hours/compliance', query, signal);
export const getComplianceSummary = (query: Query, signal?: AbortSignal) => api.get<ComplianceSummary>('/hours/compliance/summary', query, signal);
export const complianceExportUrl = (query: Query) => apiUrl('/hours/compliance/export', query);

export const getRules = (orgId: number | undefined, signal?: AbortSignal) => api.get<HoursRulesView>('/hours/rules', { orgId }, signal);
export const createRule = (rule: HoursRuleDto) => api.post<HoursRulesView>('/hours/rules', rule);
export const updateRule = (code: string, rule: HoursRuleDto) => request<HoursRulesView>('PUT', `/hours/rules/${encodeURIComponent(code)}`, { body: rule });
export const removeRule = (code: string) => request<HoursRulesView>('DELETE', `/hours/rules/${encodeURIComponent(code)}`);
export const resetRules = () => api.post<HoursRulesView>('/hours/rules/reset');

export const getPolicy = (orgId: number, signal?: AbortSignal) => api.get<EffectiveCreditPolicy>(`/orgs/${orgId}/credit-policy`, undefined, signal);
export const putPolicy = (orgId: number, policy: CreditPolicyInput) => request<EffectiveCreditPolicy>('PUT', `/orgs/${orgId}/credit-policy`, { body: policy });
export const resetPolicy = (orgId: number) => request<EffectiveCreditPolicy>('DELETE', `/orgs/${orgId}/credit-policy`);

export const getProgramHours = (programId: number, signal?: AbortSignal) => api.get<ProgramHours>(`/programs/${programId}/hours`, undefined, signal);
export const recomputeProgramHours = (programId: number) => api.post<ProgramHours>(`/programs/${programId}/hours/recompute`);

export const createEntry = (cadreId: number, body: HoursEntryInput) => api.post<HoursEntryView>(`/cadres/${cadreId}/hours-entries`, body);
export const updateEntry = (id: number, body: HoursEntryPatch) => api.patch<HoursEntryView>(`/hours-entries/${id}`, body);
export const deleteEntry = (id: number) => api.delete(`/hours-entries/${id}`);
export function uploadEvidence(id: number, file: File) {
  const form = new FormData();
  form.append('file', file);
  return uploadForm<HoursEntryView>(`/hours-entries/${id}/evidence`, form);
}
export const evidenceUrl = (id: number) => apiUrl(`/hours-entries/${id}/evidence`);

export const getMyTrainingFile = (year: number | undefined, signal?: AbortSignal) => api.get<TrainingFile>('/me/training-file', { year }, signal);
