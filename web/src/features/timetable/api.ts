// Timetable endpoints, plus the program, class and registry reads the calendar and its form need.
import type {
  CalendarFeed,
  Instructor,
  ProgramClass,
  ProgramDetail,
  SessionInput,
  SessionPatch,
  SessionStop,
  SessionStopInput,
  SessionWriteResult,
  TimetableConflict,
  TimetableMetrics,
  TimetableSession,
  Venue,
} from '@duibiao/contracts';
import { api, apiUrl, request } from '../../api/client.ts';

export const getProgram = (id: number, signal?: AbortSignal) => api.get<ProgramDetail>(`/programs/${id}`, undefined, signal);
export const listClasses = (id: number, signal?: AbortSignal) => api.get<ProgramClass[]>(`/programs/${id}/classes`, undefined, signal);
/** Registry entries usable by a program: the organizer's node, the nodes above it and below it. */
export const listVenues = (orgId: number, signal?: AbortSignal) => api.get<Venue[]>('/venues', { orgId }, signal);
export const listInstructors = (orgId: number, signal?: AbortSignal) => api.get<Instructor[]>('/instructors', { orgId }, signal);

export const listSessions = (programId: number, signal?: AbortSignal) =>
  api.get<{ items: TimetableSession[] }>(`/programs/${programId}/sessions`, undefined, signal).then((r) => r.items);
export const createSession = (programId: number, body: SessionInput) => api.post<SessionWriteResult>(`/programs/${programId}/sessions`, body);
export const updateSession = (id: number, body: SessionPatch) => api.patch<SessionWriteResult>(`/sessions/${id}`, body);
export const duplicateSession = (id: number, date: string) => api.post<SessionWriteResult>(`/sessions/${id}/duplicate`, { date });
export const deleteSession = (id: number) => api.delete(`/sessions/${id}`);
export const saveStops = (id: number, stops: SessionStopInput[]) =>
  request<{ items: SessionStop[] }>('PUT', `/sessions/${id}/stops`, { body: stops }).then((r) => r.items);

export const getConflicts = (programId: number, signal?: AbortSignal) =>
  api.get<{ items: TimetableConflict[] }>(`/programs/${programId}/timetable/conflicts`, undefined, signal).then((r) => r.items);
export const getMetrics = (programId: number, filter: { classId?: number; groupId?: number }, signal?: AbortSignal) =>
  api.get<TimetableMetrics>(`/programs/${programId}/timetable/metrics`, filter, signal);

export const timetableExportUrl = (programId: number, format: 'xlsx' | 'docx', filter: { classId?: number; groupId?: number } = {}) =>
  apiUrl(`/programs/${programId}/timetable.${format}`, filter);

export const getMyCalendar = (signal?: AbortSignal) => api.get<CalendarFeed>('/me/calendar', undefined, signal);
