// Roster import endpoints.
import type { ImportJob } from '@duibiao/contracts';
import { api } from '../../api/client.ts';
import { uploadForm } from '../../api/upload.ts';

/** Upload a roster file for a unit; the job starts in status 'parsing'. Field order matters: orgId, then file. */
export function startImport(orgId: number, file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<ImportJob> {
  const form = new FormData();
  form.append('orgId', String(orgId));
  form.append('file', file, file.name);
  return uploadForm<ImportJob>('/cadres/imports', form, { onProgress, signal });
}

export const getImport = (id: string, signal?: AbortSignal) => api.get<ImportJob>(`/cadres/imports/${encodeURIComponent(id)}`, undefined, signal);
export const commitImport = (id: string) => api.post<ImportJob>(`/cadres/imports/${encodeURIComponent(id)}/commit`);

/** Download of every error of a job (the job view lists the first 1,000). */
export const importErrorsUrl = (id: string) => `/api/v1/cadres/imports/${encodeURIComponent(id)}/errors`;
