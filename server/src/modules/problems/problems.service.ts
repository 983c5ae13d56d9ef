// Problems service (issue 5): 问题清单 — question collection, the working key-problem list with duplicate
// suggestions, published versions with diffs and exports. Routes reach the parts by name.
import type { AppContext } from '../../context.ts';
import { createSuggestionsService } from './duplicate-suggestions.ts';
import { createQuestionImport } from './questions-import.ts';
import { createQuestionsService } from './questions.service.ts';
import { createVersionsService } from './versions.service.ts';
import { createWorkingListService } from './working-list.service.ts';

export function createProblemsService(ctx: AppContext) {
  return {
    questions: createQuestionsService(ctx),
    questionImport: createQuestionImport(ctx),
    workingList: createWorkingListService(ctx),
    versions: createVersionsService(ctx),
    duplicates: createSuggestionsService(ctx),
  };
}
export type ProblemsService = ReturnType<typeof createProblemsService>;
