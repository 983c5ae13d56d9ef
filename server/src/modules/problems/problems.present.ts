// Response shapes of questions and key problems, built from rows and the program's source links.
import type { KeyProblem, KeyProblemKind, KeyProblemStatus, ProblemField, ProblemQuestion, QuestionSource, SourceQuestion } from '@duibiao/contracts';
import type { KeyProblemRow, QuestionRow, SourceLinkRow } from './problems.repo.ts';

export const presentSource = (q: QuestionRow): SourceQuestion => ({
  id: q.id,
  text: q.text,
  source: q.source as QuestionSource,
  submitterName: q.submitter_name,
  homeOrgName: q.home_org_name,
});

/** Links, grouped both ways, and how many sources each key problem has. */
export class LinkIndex {
  readonly questionsOf = new Map<number, number[]>();
  readonly itemsOf = new Map<number, number[]>();
  constructor(links: readonly SourceLinkRow[]) {
    for (const l of links) {
      this.questionsOf.set(l.key_problem_id, [...(this.questionsOf.get(l.key_problem_id) ?? []), l.question_id]);
      this.itemsOf.set(l.question_id, [...(this.itemsOf.get(l.question_id) ?? []), l.key_problem_id]);
    }
  }
}

/** A question sits in a merged list item when a key problem holding it has other sources or was merged away. */
export function isInMergedItem(questionId: number, links: LinkIndex, items: ReadonlyMap<number, KeyProblemRow>): boolean {
  return (links.itemsOf.get(questionId) ?? []).some((k) => (links.questionsOf.get(k)?.length ?? 0) > 1 || items.get(k)?.status === 'merged');
}

export function presentQuestion(q: QuestionRow, links: LinkIndex, items: ReadonlyMap<number, KeyProblemRow>): ProblemQuestion {
  return {
    id: q.id,
    programId: q.program_id,
    text: q.text,
    field: q.field as ProblemField | null,
    source: q.source as QuestionSource,
    submitterName: q.submitter_name,
    homeOrgId: q.home_org_id,
    homeOrgName: q.home_org_name,
    createdAt: q.created_at,
    keyProblems: (links.itemsOf.get(q.id) ?? [])
      .map((k) => items.get(k))
      .filter((k): k is KeyProblemRow => k !== undefined)
      .map((k) => ({ id: k.id, title: k.title, status: k.status as KeyProblemStatus })),
    canChange: !isInMergedItem(q.id, links, items),
  };
}

export function presentKeyProblem(k: KeyProblemRow, links: LinkIndex, questions: ReadonlyMap<number, QuestionRow>): KeyProblem {
  return {
    id: k.id,
    title: k.title,
    description: k.description,
    field: k.field as ProblemField | null,
    kind: k.kind as KeyProblemKind | null,
    priority: k.priority,
    status: k.status as KeyProblemStatus,
    mergedIntoId: k.merged_into_id,
    questions: (links.questionsOf.get(k.id) ?? [])
      .map((q) => questions.get(q))
      .filter((q): q is QuestionRow => q !== undefined)
      .map(presentSource),
  };
}
