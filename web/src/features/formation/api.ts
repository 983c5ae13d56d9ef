// Formation endpoints (分班建组): the board's data, solver proposal, live evaluation, saving the draft, applying it.
import type {
  FormationApplyResult,
  FormationDraft,
  FormationDraftInput,
  FormationEvaluateInput,
  FormationEvaluation,
  FormationSolveInput,
  FormationView,
} from '@duibiao/contracts';
import { api, request } from '../../api/client.ts';

const base = (programId: number) => `/programs/${programId}/formation`;

export const getFormation = (programId: number, signal?: AbortSignal) => api.get<FormationView>(base(programId), undefined, signal);
export const solveFormation = (programId: number, body: FormationSolveInput) => api.post<FormationDraft>(`${base(programId)}/solve`, body);
export const evaluateFormation = (programId: number, body: FormationEvaluateInput) => api.post<FormationEvaluation>(`${base(programId)}/evaluate`, body);
export const saveFormationDraft = (programId: number, body: FormationDraftInput) => request<FormationDraft>('PUT', `${base(programId)}/draft`, { body });
export const applyFormation = (programId: number) => api.post<FormationApplyResult>(`${base(programId)}/apply`);
