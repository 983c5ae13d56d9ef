// Results endpoints: research reports (online text and file), recommendations with their landing updates and evidence,
// the program's landing rate, the owner unit's tracker and the landing ledger downloads.
import type {
  EvidenceFigureBody,
  LandingPage,
  LandingStats,
  OwnerUnit,
  Recommendation,
  RecommendationCandidate,
  RecommendationDetail,
  RecommendationBody,
  RecommendationStatus,
  ReflectionImportResult,
  Report,
  ReportCreateBody,
  ReportDetail,
  ReportPatchBody,
  ReportTarget,
} from '@duibiao/contracts';
import { api, apiUrl, type Query } from '../../api/client.ts';
import { uploadForm } from '../../api/upload.ts';

export const listProgramReports = (programId: number, signal?: AbortSignal) => api.get<Report[]>(`/programs/${programId}/reports`, undefined, signal);
export const listMyReportTargets = (signal?: AbortSignal) => api.get<ReportTarget[]>('/me/report-targets', undefined, signal);
export const listMyReports = (signal?: AbortSignal) => api.get<Report[]>('/me/reports', undefined, signal);
export const getReport = (id: number, signal?: AbortSignal) => api.get<ReportDetail>(`/reports/${id}`, undefined, signal);
export const createReport = (programId: number, body: ReportCreateBody) => api.post<ReportDetail>(`/programs/${programId}/reports`, body);
export const updateReport = (id: number, body: ReportPatchBody) => api.patch<ReportDetail>(`/reports/${id}`, body);
export const submitReport = (id: number) => api.post<ReportDetail>(`/reports/${id}/submit`);
export const returnReport = (id: number) => api.post<ReportDetail>(`/reports/${id}/return`);
export const uploadReportFile = (id: number, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return uploadForm<ReportDetail>(`/reports/${id}/file`, form);
};
export const reportFileUrl = (id: number) => apiUrl(`/reports/${id}/file`);
export const listReportRecommendations = (id: number, signal?: AbortSignal) => api.get<Recommendation[]>(`/reports/${id}/recommendations`, undefined, signal);
export const addReportRecommendation = (id: number, body: RecommendationBody) => api.post<RecommendationDetail>(`/reports/${id}/recommendations`, body);
export const extractRecommendations = (id: number) => api.post<RecommendationCandidate[]>(`/reports/${id}/recommendations/extract`);

export const listProgramRecommendations = (programId: number, signal?: AbortSignal) =>
  api.get<Recommendation[]>(`/programs/${programId}/recommendations`, undefined, signal);
export const addProgramRecommendation = (programId: number, body: RecommendationBody) =>
  api.post<RecommendationDetail>(`/programs/${programId}/recommendations`, body);
export const importFromReflections = (programId: number) => api.post<ReflectionImportResult>(`/programs/${programId}/recommendations/from-reflections`);
export const getLandingStats = (programId: number, signal?: AbortSignal) => api.get<LandingStats>(`/programs/${programId}/landing-stats`, undefined, signal);
export const listOwnerUnits = (programId: number, signal?: AbortSignal) => api.get<OwnerUnit[]>(`/programs/${programId}/owner-units`, undefined, signal);
export const programLedgerUrl = (programId: number, format: 'xlsx' | 'docx') => apiUrl(`/programs/${programId}/landing-ledger`, { format });

export const getRecommendation = (id: number, signal?: AbortSignal) => api.get<RecommendationDetail>(`/recommendations/${id}`, undefined, signal);
export const changeRecommendationStatus = (id: number, body: { status: RecommendationStatus; note?: string | null; reason?: string | null }) =>
  api.post<RecommendationDetail>(`/recommendations/${id}/status`, body);
export const addProgress = (id: number, note: string) => api.post<RecommendationDetail>(`/recommendations/${id}/updates`, { note });
export const addFigure = (id: number, body: EvidenceFigureBody) => api.post<RecommendationDetail>(`/recommendations/${id}/evidence`, body);
export const uploadEvidence = (id: number, file: File, label?: string) => {
  const form = new FormData();
  if (label) form.append('label', label);
  form.append('file', file);
  return uploadForm<RecommendationDetail>(`/recommendations/${id}/evidence/file`, form);
};
export const evidenceFileUrl = (id: number, evidenceId: number) => apiUrl(`/recommendations/${id}/evidence/${evidenceId}/file`);
export const sendReminders = () => api.post<{ count: number }>('/recommendations/remind');

export const getLanding = (query: Query, signal?: AbortSignal) => api.get<LandingPage>('/landing', query, signal);
export const landingLedgerUrl = (query: Query) => apiUrl('/landing/ledger', query);
