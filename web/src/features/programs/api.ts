// Endpoints of programs, classes and groups, enrolment and the instructor/venue registries.
import type {
  AddEnrolments,
  Attachment,
  ClassInput,
  ClassPatch,
  Enrolment,
  EnrolmentImportResult,
  EnrolmentPatch,
  GroupInput,
  GroupPatch,
  Instructor,
  InstructorInput,
  InstructorPatch,
  Page,
  ProgramClass,
  ProgramDetail,
  ProgramInput,
  ProgramPatch,
  ProgramStatus,
  ProgramSummary,
  Venue,
  VenueInput,
  VenuePatch,
} from '@duibiao/contracts';
import { api, apiUrl, type Query } from '../../api/client.ts';
import { uploadForm } from '../../api/upload.ts';

export const listPrograms = (query: Query, signal?: AbortSignal) => api.get<Page<ProgramSummary>>('/programs', query, signal);
export const getProgram = (id: number, signal?: AbortSignal) => api.get<ProgramDetail>(`/programs/${id}`, undefined, signal);
export const createProgram = (body: ProgramInput) => api.post<ProgramDetail>('/programs', body);
export const updateProgram = (id: number, body: ProgramPatch) => api.patch<ProgramDetail>(`/programs/${id}`, body);
export const deleteProgram = (id: number) => api.delete(`/programs/${id}`);
export const changeProgramStatus = (id: number, status: ProgramStatus, reason?: string) =>
  api.post<ProgramDetail>(`/programs/${id}/status`, { status, reason });

export const listAttachments = (id: number, signal?: AbortSignal) => api.get<Attachment[]>(`/programs/${id}/attachments`, undefined, signal);
export const uploadAttachment = (id: number, file: File) => {
  const form = new FormData();
  form.append('kind', 'rules');
  form.append('file', file);
  return uploadForm<Attachment>(`/programs/${id}/attachments`, form);
};
export const attachmentUrl = (id: number, attachmentId: number) => apiUrl(`/programs/${id}/attachments/${attachmentId}`);
export const deleteAttachment = (id: number, attachmentId: number) => api.delete(`/programs/${id}/attachments/${attachmentId}`);

export const listClasses = (id: number, signal?: AbortSignal) => api.get<ProgramClass[]>(`/programs/${id}/classes`, undefined, signal);
export const createClass = (id: number, body: ClassInput) => api.post<ProgramClass>(`/programs/${id}/classes`, body);
export const updateClass = (id: number, classId: number, body: ClassPatch) => api.patch<ProgramClass>(`/programs/${id}/classes/${classId}`, body);
export const deleteClass = (id: number, classId: number) => api.delete(`/programs/${id}/classes/${classId}`);
export const createGroup = (id: number, body: GroupInput) => api.post<ProgramClass>(`/programs/${id}/groups`, body);
export const updateGroup = (id: number, groupId: number, body: GroupPatch) => api.patch<ProgramClass>(`/programs/${id}/groups/${groupId}`, body);
export const deleteGroup = (id: number, groupId: number) => api.delete(`/programs/${id}/groups/${groupId}`);

export const listEnrolments = (id: number, query: Query, signal?: AbortSignal) => api.get<Page<Enrolment>>(`/programs/${id}/enrolments`, query, signal);
export const addEnrolments = (id: number, body: AddEnrolments) => api.post<Enrolment[]>(`/programs/${id}/enrolments`, body);
export const updateEnrolment = (id: number, enrolmentId: number, body: EnrolmentPatch) =>
  api.patch<Enrolment>(`/programs/${id}/enrolments/${enrolmentId}`, body);
export const removeEnrolment = (id: number, enrolmentId: number) => api.delete(`/programs/${id}/enrolments/${enrolmentId}`);
export const enrolmentExportUrl = (id: number, query: Query) => apiUrl(`/programs/${id}/enrolments/export`, query);
export const enrolmentTemplateUrl = () => apiUrl('/programs/enrolment-import-template');
export const importEnrolments = (id: number, file: File, dryRun: boolean) => {
  const form = new FormData();
  form.append('dryRun', String(dryRun));
  form.append('file', file);
  return uploadForm<EnrolmentImportResult>(`/programs/${id}/enrolments/import`, form);
};

export const listInstructors = (query: Query, signal?: AbortSignal) => api.get<Instructor[]>('/instructors', query, signal);
export const createInstructor = (body: InstructorInput) => api.post<Instructor>('/instructors', body);
export const updateInstructor = (id: number, body: InstructorPatch) => api.patch<Instructor>(`/instructors/${id}`, body);
export const deleteInstructor = (id: number) => api.delete(`/instructors/${id}`);
export const listVenues = (query: Query, signal?: AbortSignal) => api.get<Venue[]>('/venues', query, signal);
export const createVenue = (body: VenueInput) => api.post<Venue>('/venues', body);
export const updateVenue = (id: number, body: VenuePatch) => api.patch<Venue>(`/venues/${id}`, body);
export const deleteVenue = (id: number) => api.delete(`/venues/${id}`);
