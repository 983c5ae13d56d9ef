// Cadre endpoints.
import type { CadreDetail, CadreInput, CadrePatch, CadreStats, CadreSummary, Page } from '@duibiao/contracts';
import { api, apiUrl } from '../../api/client.ts';
import type { Query } from '../../api/client.ts';

export interface TrainingFile {
  cadreId: number;
  entries: { programName: string; startDate: string; endDate: string; hours: number }[];
  totalHours: number;
}

export const listCadres = (query: Query, signal?: AbortSignal) => api.get<Page<CadreSummary>>('/cadres', query, signal);
export const getCadreStats = (query: Query, signal?: AbortSignal) => api.get<CadreStats>('/cadres/stats', query, signal);
export const getCadre = (id: number, signal?: AbortSignal) => api.get<CadreDetail>(`/cadres/${id}`, undefined, signal);
export const createCadre = (body: CadreInput) => api.post<CadreDetail>('/cadres', body);
export const updateCadre = (id: number, body: CadrePatch) => api.patch<CadreDetail>(`/cadres/${id}`, body);
export const deleteCadre = (id: number) => api.delete(`/cadres/${id}`);
export const getTrainingFile = (id: number, signal?: AbortSignal) => api.get<TrainingFile>(`/cadres/${id}/training-file`, undefined, signal);

export const cadreExportUrl = (filter: Query) => apiUrl('/cadres/export', filter);
export const importTemplateUrl = () => apiUrl('/cadres/import-template');
