// Party branch endpoints: managers under /programs/:id/party-branch, members (and the secretary) under /me/party-branches.
import type {
  BranchMemberInput,
  BranchMemberPatch,
  MyBranchSummary,
  PartyBranch,
  PartyBranchInput,
  PartyMeetingInput,
  ProgramBranch,
} from '@duibiao/contracts';
import { api, request } from '../../api/client.ts';

const base = (programId: number) => `/programs/${programId}/party-branch`;

export const getProgramBranch = (programId: number, signal?: AbortSignal) => api.get<ProgramBranch>(base(programId), undefined, signal);
export const saveBranch = (programId: number, body: PartyBranchInput) => request<ProgramBranch>('PUT', base(programId), { body });
export const addMember = (programId: number, body: BranchMemberInput) => api.post<ProgramBranch>(`${base(programId)}/members`, body);
export const addAllMembers = (programId: number) => api.post<{ added: number; branch: PartyBranch }>(`${base(programId)}/members/all`);
export const updateMember = (programId: number, memberId: number, body: BranchMemberPatch) =>
  api.patch<ProgramBranch>(`${base(programId)}/members/${memberId}`, body);
export const removeMember = (programId: number, memberId: number) => request<ProgramBranch>('DELETE', `${base(programId)}/members/${memberId}`, {});
export const createMeeting = (programId: number, body: PartyMeetingInput) => api.post<ProgramBranch>(`${base(programId)}/meetings`, body);
export const updateMeeting = (programId: number, meetingId: number, body: PartyMeetingInput) =>
  request<ProgramBranch>('PUT', `${base(programId)}/meetings/${meetingId}`, { body });
export const deleteMeeting = (programId: number, meetingId: number) => request<ProgramBranch>('DELETE', `${base(programId)}/meetings/${meetingId}`, {});

export const getMyBranches = (signal?: AbortSignal) => api.get<MyBranchSummary[]>('/me/party-branches', undefined, signal);
export const getMyBranch = (branchId: number, signal?: AbortSignal) => api.get<PartyBranch>(`/me/party-branches/${branchId}`, undefined, signal);
export const createMyMeeting = (branchId: number, body: PartyMeetingInput) => api.post<PartyBranch>(`/me/party-branches/${branchId}/meetings`, body);
export const updateMyMeeting = (branchId: number, meetingId: number, body: PartyMeetingInput) =>
  request<PartyBranch>('PUT', `/me/party-branches/${branchId}/meetings/${meetingId}`, { body });
