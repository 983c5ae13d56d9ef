// Cadre endpoints.
import type { CadreDetail, CadreSensitive, CadreInput, CadrePatch, CadreStats, CadreSummary, Page, TrainingFile } from '@duibiao/contracts';
import { api, apiUrl } from '../../api/client.ts';
import type { Query } from '../../api/client.ts';

export type { TrainingFile } from '@duibiao/contracts';

export const listCadres = (query: Query, signal?: AbortSignal) => api.get<Page<CadreSummary>>('/cadres', query, signal);
export const getCadreStats = (query: Query, signal?: AbortSignal) => api.get<CadreStats>('/cadres/stats', query, signal);
export const getCadre = (id: number, signal?: AbortSignal) => api.get<CadreDetail>(`/cadres/${id}`, undefined, signal);
export const createCadre = (body: CadreInput) => api.post<CadreDetail>('/cadres', body);
export const updateCadre = (id: number, body: CadrePatch) => api.patch<CadreDetail>(`/cadres/${id}`, body);
export const deleteCadre = (id: number) => api.delete(`/cadres/${id}`);
/** Full ID number and mobile; the server audits every call. */
export const revealCadreSensitive = (id: number) => api.get<CadreSensitive>(`/cadres/${id}/sensitive`);
export const getTrainingFile = (id: number, signal?: AbortSignal) => api.get<TrainingFile>(`/cadres/${id}/training-file`, undefined, signal);

export const cadreExportUrl = (filter: Query) => apiUrl('/cadres/export', filter);
export const importTemplateUrl = () => apiUrl('/cadres/import-template');
