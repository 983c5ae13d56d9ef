// API calls of the closeout feature.
import type {
  AssessmentList,
  Certificate,
  CertificateVerification,
  IssueCertificatesResult,
  OrgDashboard,
  ProgramDashboard,
  SaveAssessments,
} from '@duibiao/contracts';
import { api, apiUrl, request } from '../../api/client.ts';

export const getAssessments = (programId: number, signal?: AbortSignal) => api.get<AssessmentList>(`/programs/${programId}/assessments`, undefined, signal);
export const saveAssessments = (programId: number, items: SaveAssessments) =>
  request<AssessmentList>('PUT', `/programs/${programId}/assessments`, { body: items });
export const issueCertificates = (programId: number) => api.post<IssueCertificatesResult>(`/programs/${programId}/certificates`);
export const revokeCertificate = (id: number, reason: string) => api.post<Certificate>(`/certificates/${id}/revoke`, { reason });
export const certificatePdfUrl = (id: number) => apiUrl(`/certificates/${id}.pdf`);
export const listProgramCertificates = (programId: number, signal?: AbortSignal) =>
  api.get<Certificate[]>(`/programs/${programId}/certificates`, undefined, signal);

export const myCertificates = (signal?: AbortSignal) => api.get<Certificate[]>('/me/certificates', undefined, signal);
export const myCertificatePdfUrl = (id: number) => apiUrl(`/me/certificates/${id}.pdf`);

export const verifyCertificate = (code: string, signal?: AbortSignal) =>
  api.get<CertificateVerification>(`/public/certificates/${encodeURIComponent(code)}`, undefined, signal);

export type DocumentFile = 'roster.docx' | 'roster.xlsx' | 'sign-in.docx' | 'hours.xlsx';
export const documentUrl = (programId: number, file: DocumentFile) => apiUrl(`/programs/${programId}/documents/${file}`);

export const getProgramDashboard = (programId: number, signal?: AbortSignal) =>
  api.get<ProgramDashboard>(`/programs/${programId}/dashboard`, undefined, signal);
export const getOrgDashboard = (year: number, signal?: AbortSignal) => api.get<OrgDashboard>('/dashboard/programs', { year }, signal);
