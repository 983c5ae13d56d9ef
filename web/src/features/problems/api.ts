// Problems endpoints (问题清单): questions (organizer and the trainee's own), the working key-problem list, duplicate
// suggestions, published versions with diffs, and the xlsx/docx exports.
import type {
  DuplicateSuggestions,
  KeyProblem,
  KeyProblemMerge,
  KeyProblemSplit,
  KeyProblemUpdate,
  MyProgram,
  MyQuestionInput,
  ProblemListDetail,
  ProblemListDiff,
  ProblemListPublish,
  ProblemListVersion,
  ProblemQuestion,
  QuestionImportResult,
  QuestionInput,
} from '@duibiao/contracts';
import { api, apiUrl, request, type Query } from '../../api/client.ts';
import { uploadForm } from '../../api/upload.ts';

export const getMyPrograms = (signal?: AbortSignal) => api.get<MyProgram[]>('/me/programs', undefined, signal);

const base = (programId: number) => `/programs/${programId}`;

export const listQuestions = (programId: number, query: Query, signal?: AbortSignal) =>
  api.get<ProblemQuestion[]>(`${base(programId)}/questions`, query, signal);
export const createQuestion = (programId: number, body: QuestionInput) => api.post<ProblemQuestion>(`${base(programId)}/questions`, body);
export const questionTemplateUrl = (programId: number) => apiUrl(`${base(programId)}/questions/template.xlsx`);
export const importQuestions = async (programId: number, file: File, dryRun: boolean) => {
  const form = new FormData();
  form.append('file', file);
  const r = await uploadForm<QuestionImportResult>(`${base(programId)}/questions/import?dryRun=${dryRun}`, form);
  return { ...r, errors: r.errors.map((e) => ({ ...e, column: e.column ?? '' })) };
};

export const listMyQuestions = (programId: number, signal?: AbortSignal) =>
  api.get<ProblemQuestion[]>(`/me/programs/${programId}/questions`, undefined, signal);
export const submitMyQuestion = (programId: number, body: MyQuestionInput) => api.post<ProblemQuestion>(`/me/programs/${programId}/questions`, body);
export const deleteMyQuestion = (programId: number, questionId: number) => api.delete(`/me/programs/${programId}/questions/${questionId}`);

export const listKeyProblems = (programId: number, signal?: AbortSignal) => api.get<KeyProblem[]>(`${base(programId)}/key-problems`, undefined, signal);
export const promoteQuestions = (programId: number) => api.post<KeyProblem[]>(`${base(programId)}/key-problems/promote`);
export const mergeKeyProblems = (programId: number, body: KeyProblemMerge) => api.post<KeyProblem>(`${base(programId)}/key-problems/merge`, body);
export const splitKeyProblem = (programId: number, itemId: number, body: KeyProblemSplit) =>
  api.post<KeyProblem[]>(`${base(programId)}/key-problems/${itemId}/split`, body);
export const updateKeyProblem = (programId: number, itemId: number, body: KeyProblemUpdate) =>
  api.patch<KeyProblem>(`${base(programId)}/key-problems/${itemId}`, body);
export const reorderKeyProblems = (programId: number, ids: number[]) =>
  request<KeyProblem[]>('PUT', `${base(programId)}/key-problems/order`, { body: { ids } });
export const removeKeyProblem = (programId: number, itemId: number) => api.delete(`${base(programId)}/key-problems/${itemId}`);
export const getSuggestions = (programId: number, query: { over: 'items' | 'questions'; threshold: number }, signal?: AbortSignal) =>
  api.get<DuplicateSuggestions>(`${base(programId)}/duplicate-suggestions`, query, signal);

export const listVersions = (programId: number, signal?: AbortSignal) => api.get<ProblemListVersion[]>(`${base(programId)}/problem-lists`, undefined, signal);
export const getVersion = (programId: number, versionId: number, signal?: AbortSignal) =>
  api.get<ProblemListDetail>(`${base(programId)}/problem-lists/${versionId}`, undefined, signal);
export const publishVersion = (programId: number, body: ProblemListPublish) => api.post<ProblemListDetail>(`${base(programId)}/problem-lists`, body);
export const diffVersions = (programId: number, from: number, to: number, signal?: AbortSignal) =>
  api.get<ProblemListDiff>(`${base(programId)}/problem-lists/diff`, { from, to }, signal);
export const exportUrl = (programId: number, format: 'xlsx' | 'docx', versionId?: number) => apiUrl(`${base(programId)}/key-problems.${format}`, { versionId });
