// Attendance API calls: check-in screen, roll call, leave, notifications and the trainee's own day.
import type {
  AttendanceSummary,
  CheckinBody,
  CheckinCode,
  CheckinResult,
  LeaveDecision,
  LeaveRequestBody,
  LeaveRequestDto,
  LeaveStatus,
  MyProgram,
  MySessions,
  NotificationList,
  RollCall,
  RollCallEntry,
} from '@duibiao/contracts';
import { api, request } from '../../api/client.ts';
import { uploadForm } from '../../api/upload.ts';

export const getCheckinCode = (sessionId: number, stop?: number, signal?: AbortSignal) =>
  api.get<CheckinCode>(`/sessions/${sessionId}/checkin-code`, { stop }, signal);
export const revokeCheckinCodes = (sessionId: number) => api.post<void>(`/sessions/${sessionId}/checkin-code/revoke`);

export const getRollCall = (sessionId: number, signal?: AbortSignal) => api.get<RollCall>(`/sessions/${sessionId}/attendance`, undefined, signal);
export const saveRollCall = (sessionId: number, entries: RollCallEntry[]) => request<RollCall>('PUT', `/sessions/${sessionId}/attendance`, { body: entries });
export const getAttendanceSummary = (programId: number, signal?: AbortSignal) =>
  api.get<AttendanceSummary>(`/programs/${programId}/attendance/summary`, undefined, signal);

export const listProgramLeave = (programId: number, status?: LeaveStatus, signal?: AbortSignal) =>
  api.get<LeaveRequestDto[]>(`/programs/${programId}/leave-requests`, { status }, signal);
export const decideLeave = (id: number, body: LeaveDecision) => api.post<LeaveRequestDto>(`/leave-requests/${id}/decision`, body);
export const leaveAttachmentUrl = (id: number) => `/api/v1/leave-requests/${id}/attachment`;

export const checkIn = (body: CheckinBody) => api.post<CheckinResult>('/me/checkins', body);
export const getMyPrograms = (signal?: AbortSignal) => api.get<MyProgram[]>('/me/programs', undefined, signal);
export const getMySessions = (date: string | undefined, signal?: AbortSignal) => api.get<MySessions>('/me/sessions', { date }, signal);
export const listMyLeave = (signal?: AbortSignal) => api.get<LeaveRequestDto[]>('/me/leave-requests', undefined, signal);
export const requestLeave = (body: LeaveRequestBody) => api.post<LeaveRequestDto>('/me/leave-requests', body);
export const cancelLeave = (id: number) => api.post<LeaveRequestDto>(`/me/leave-requests/${id}/cancel`);

export const getNotifications = (signal?: AbortSignal) => api.get<NotificationList>('/me/notifications', undefined, signal);
export const markNotificationRead = (id: number) => api.post<void>(`/me/notifications/${id}/read`);
export const markAllNotificationsRead = () => api.post<void>('/me/notifications/read-all');

/** Attach evidence (PDF or image) to the trainee's own pending request. */
export const uploadLeaveAttachment = (id: number, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return uploadForm<LeaveRequestDto>(`/me/leave-requests/${id}/attachment`, form);
};
