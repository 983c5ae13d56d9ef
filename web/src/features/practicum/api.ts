// Practicum endpoints: the trainee's placement (remote check-in, weekly logs), the host contact's cadres (comments,
// reviews; organizers use the same write routes on the host's behalf) and the organizer's overview.
import type {
  FinalReviewInput,
  HostPlacementDetail,
  MidtermReviewInput,
  MyPlacement,
  PlacementCommentInput,
  PlacementLogInput,
  PracticumOverview,
  PracticumRow,
  RemoteCheckinInput,
} from '@duibiao/contracts';
import { api, request } from '../../api/client.ts';

export const getMyPlacements = (signal?: AbortSignal) => api.get<MyPlacement[]>('/me/placements', undefined, signal);
export const remoteCheckin = (id: number, body: RemoteCheckinInput) => api.post<MyPlacement>(`/me/placements/${id}/remote-checkin`, body);
export const saveLog = (id: number, weekStart: string, body: PlacementLogInput) =>
  request<MyPlacement>('PUT', `/me/placements/${id}/logs/${weekStart}`, { body });

export const getHostPlacements = (signal?: AbortSignal) => api.get<PracticumRow[]>('/host/placements', undefined, signal);
export const getHostPlacement = (id: number, signal?: AbortSignal) => api.get<HostPlacementDetail>(`/host/placements/${id}`, undefined, signal);
export const commentLog = (id: number, logId: number, body: PlacementCommentInput) =>
  api.post<HostPlacementDetail>(`/host/placements/${id}/logs/${logId}/comment`, body);
export const saveMidterm = (id: number, body: MidtermReviewInput) => request<HostPlacementDetail>('PUT', `/host/placements/${id}/reviews/midterm`, { body });
export const saveFinal = (id: number, body: FinalReviewInput) => request<HostPlacementDetail>('PUT', `/host/placements/${id}/reviews/final`, { body });

export const getPracticumOverview = (programId: number, signal?: AbortSignal) =>
  api.get<PracticumOverview>(`/programs/${programId}/practicum`, undefined, signal);
