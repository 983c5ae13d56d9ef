// Feedback endpoints: ratings and evaluations, questionnaires, reflections, good practices.
import type {
  MyQuestionnaire,
  PendingRating,
  Practice,
  PracticeFacets,
  PracticeInput,
  PracticePatch,
  PracticeSearch,
  ProgramEvaluation,
  ProgramQuestionnaire,
  QuestionnaireAnswers,
  QuestionnaireResults,
  QuestionnaireTemplate,
  QuestionnaireTemplateInput,
  QuestionnaireTemplateList,
  QuestionnaireTemplatePatch,
  Reflection,
  ReflectionInput,
  ReflectionPatch,
  SessionRating,
  SessionRatingInput,
  ActionItemStatus,
  MyProgram,
} from '@duibiao/contracts';
import { api, request } from '../../api/client.ts';
import type { Query } from '../../api/client.ts';

export const getEvaluation = (programId: number, signal?: AbortSignal) => api.get<ProgramEvaluation>(`/programs/${programId}/evaluations`, undefined, signal);
export const getPendingRatings = (signal?: AbortSignal) => api.get<PendingRating[]>('/me/session-ratings/pending', undefined, signal);
export const rateSession = (body: SessionRatingInput) => api.post<SessionRating>('/me/session-ratings', body);

export const listTemplates = (signal?: AbortSignal) => api.get<QuestionnaireTemplateList>('/questionnaire-templates', undefined, signal);
export const getTemplate = (id: number, signal?: AbortSignal) => api.get<QuestionnaireTemplate>(`/questionnaire-templates/${id}`, undefined, signal);
export const createTemplate = (body: QuestionnaireTemplateInput) => api.post<QuestionnaireTemplate>('/questionnaire-templates', body);
export const updateTemplate = (id: number, body: QuestionnaireTemplatePatch) => api.patch<QuestionnaireTemplate>(`/questionnaire-templates/${id}`, body);
export const deleteTemplate = (id: number) => api.delete(`/questionnaire-templates/${id}`);
export const getProgramQuestionnaire = (programId: number, signal?: AbortSignal) =>
  api.get<ProgramQuestionnaire>(`/programs/${programId}/questionnaire`, undefined, signal);
export const setProgramQuestionnaire = (programId: number, templateId: number | null) =>
  request<ProgramQuestionnaire>('PUT', `/programs/${programId}/questionnaire`, { body: { templateId } });
export const getQuestionnaireResults = (programId: number, signal?: AbortSignal) =>
  api.get<QuestionnaireResults>(`/programs/${programId}/questionnaire/results`, undefined, signal);
export const getMyQuestionnaires = (signal?: AbortSignal) => api.get<MyQuestionnaire[]>('/me/questionnaires', undefined, signal);
export const submitQuestionnaire = (programId: number, body: QuestionnaireAnswers) => api.post<MyQuestionnaire>(`/me/questionnaires/${programId}`, body);

export const getMyReflections = (signal?: AbortSignal) => api.get<Reflection[]>('/me/reflections', undefined, signal);
export const createReflection = (body: ReflectionInput) => api.post<Reflection>('/me/reflections', body);
export const updateReflection = (id: number, body: ReflectionPatch) => api.patch<Reflection>(`/me/reflections/${id}`, body);
export const getProgramReflections = (programId: number, q: string, signal?: AbortSignal) =>
  api.get<Reflection[]>(`/programs/${programId}/reflections`, { q }, signal);
export const setActionItemStatus = (id: number, status: ActionItemStatus) => api.patch<Reflection>(`/action-items/${id}`, { status });

export const searchPractices = (query: Query, signal?: AbortSignal) => api.get<PracticeSearch>('/practices', query, signal);
export const getPracticeFacets = (signal?: AbortSignal) => api.get<PracticeFacets>('/practices/facets', undefined, signal);
export const createPractice = (body: PracticeInput) => api.post<Practice>('/practices', body);
export const updatePractice = (id: number, body: PracticePatch) => api.patch<Practice>(`/practices/${id}`, body);
export const deletePractice = (id: number) => api.delete(`/practices/${id}`);

/** The trainee's programs (served by the attendance module), to pick one when writing a reflection. */
export const getMyPrograms = (signal?: AbortSignal) => api.get<MyProgram[]>('/me/programs', undefined, signal);
