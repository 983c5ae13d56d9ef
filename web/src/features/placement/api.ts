// Placement endpoints: host-unit registry, posts, bans, preferences, runs, placements, and the trainee's choices.
import type {
  BanDetectResult,
  CadrePreferenceInput,
  HostPost,
  HostPostInput,
  HostPostPatch,
  HostPreferenceInput,
  HostUnit,
  HostUnitInput,
  HostUnitPatch,
  MyPreferences,
  MyProgram,
  Placement,
  PlacementBan,
  PlacementBanInput,
  PlacementOverrideResult,
  PlacementRunDetail,
  PlacementRunInput,
  PlacementRunSummary,
  PreferenceImportResult,
  PreferenceOverview,
  PublishResult,
  ScoreFormulaInput,
} from '@duibiao/contracts';
import { api, apiUrl, request } from '../../api/client.ts';
import { uploadForm } from '../../api/upload.ts';

export const listHostUnits = (signal?: AbortSignal) => api.get<HostUnit[]>('/host-units', undefined, signal);
export const createHostUnit = (body: HostUnitInput) => api.post<HostUnit>('/host-units', body);
export const updateHostUnit = (id: number, body: HostUnitPatch) => api.patch<HostUnit>(`/host-units/${id}`, body);
export const deleteHostUnit = (id: number) => api.delete(`/host-units/${id}`);

export const listPosts = (programId: number, signal?: AbortSignal) => api.get<HostPost[]>(`/programs/${programId}/host-posts`, undefined, signal);
export const createPost = (programId: number, body: HostPostInput) => api.post<HostPost>(`/programs/${programId}/host-posts`, body);
export const updatePost = (id: number, body: HostPostPatch) => api.patch<HostPost>(`/host-posts/${id}`, body);
export const deletePost = (id: number) => api.delete(`/host-posts/${id}`);

export const listBans = (programId: number, signal?: AbortSignal) => api.get<PlacementBan[]>(`/programs/${programId}/placement-bans`, undefined, signal);
export const createBan = (body: PlacementBanInput) => api.post<PlacementBan>('/placement-bans', body);
export const deleteBan = (id: number) => api.delete(`/placement-bans/${id}`);
export const detectBans = (programId: number, apply: boolean) =>
  request<BanDetectResult>('POST', `/programs/${programId}/placement-bans/detect`, { query: { apply: apply ? 'true' : undefined } });

export const getPreferences = (programId: number, signal?: AbortSignal) => api.get<PreferenceOverview>(`/programs/${programId}/preferences`, undefined, signal);
export const setCadrePreferences = (programId: number, cadreId: number, body: CadrePreferenceInput) =>
  request<{ postIds: number[] }>('PUT', `/programs/${programId}/preferences/cadres/${cadreId}`, { body });
export const setHostPreferences = (programId: number, postId: number, body: HostPreferenceInput) =>
  request<PreferenceOverview>('PUT', `/programs/${programId}/preferences/posts/${postId}`, { body });
export const applyScoreFormula = (programId: number, body: ScoreFormulaInput) =>
  api.post<PreferenceOverview>(`/programs/${programId}/preferences/score-formula`, body);

export const solvePlacement = (programId: number, body: PlacementRunInput) => api.post<PlacementRunDetail>(`/programs/${programId}/placement-runs`, body);
export const listRuns = (programId: number, signal?: AbortSignal) => api.get<PlacementRunSummary[]>(`/programs/${programId}/placement-runs`, undefined, signal);
export const getRun = (id: number, signal?: AbortSignal) => api.get<PlacementRunDetail>(`/placement-runs/${id}`, undefined, signal);
export const applyRun = (id: number) => api.post<Placement[]>(`/placement-runs/${id}/apply`);

export const listPlacements = (programId: number, signal?: AbortSignal) => api.get<Placement[]>(`/programs/${programId}/placements`, undefined, signal);
export const overridePlacement = (id: number, postId: number) => api.patch<PlacementOverrideResult>(`/placements/${id}`, { postId });
export const publishPlacements = (programId: number) => api.post<PublishResult>(`/programs/${programId}/placements/publish`);

export const getMyChoices = (programId: number, signal?: AbortSignal) => api.get<MyPreferences>('/me/placement-preferences', { programId }, signal);
export const saveMyChoices = (programId: number, postIds: number[]) =>
  request<MyPreferences>('PUT', '/me/placement-preferences', { query: { programId }, body: { postIds } });
/** The trainee's programs (served by the attendance module). */
export const getMyPrograms = (signal?: AbortSignal) => api.get<MyProgram[]>('/me/programs', undefined, signal);

/** 志愿 by spreadsheet: the template (current choices prefilled) and the all-or-nothing import (dry run first). */
export const preferenceTemplateUrl = (programId: number) => apiUrl(`/programs/${programId}/preferences/template.xlsx`);
export const importPreferences = (programId: number, file: File, dryRun: boolean) => {
  const form = new FormData();
  form.append('file', file);
  return uploadForm<PreferenceImportResult>(`/programs/${programId}/preferences/import?dryRun=${dryRun}`, form);
};
