// 相似问题建议: groups of likely duplicates among the active working list or the questions not yet promoted, with the
// score and the shared terms a curator checks before merging. Advisory only; nothing is written.
import type { DuplicateQuery, DuplicateSuggestions } from '@duibiao/contracts';
import { duplicateGroups } from '@duibiao/core/text/index';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../auth/actor.ts';
import { organizerProgram } from './problems-access.ts';
import { listKeyProblems, listQuestions, listSourceLinks } from './problems.repo.ts';
import { SUGGESTION_THRESHOLD } from './problems.rules.ts';

/** Single characters are similarity features, not evidence a curator can read; keep words unless nothing else is shared. */
const readableTerms = (terms: string[]) => (terms.some((x) => x.length > 1) ? terms.filter((x) => x.length > 1) : terms);

/** The service's code path of duplicate suggestions (also scored against the labelled fixture in the tests). */
export function suggestGroups(docs: readonly { id: number; title: string; text: string }[], threshold: number): DuplicateSuggestions['groups'] {
  const titleOf = new Map(docs.map((d) => [String(d.id), d.title]));
  return duplicateGroups(
    docs.map((d) => ({ id: String(d.id), text: d.text })),
    { threshold },
  )
    .sort((a, b) => b.score - a.score)
    .map((g) => ({
      members: g.members.map((m) => ({ id: Number(m), title: titleOf.get(m) ?? '' })),
      score: g.score,
      sharedTerms: readableTerms(g.sharedTerms),
      pairs: g.pairs.map((p) => ({ a: Number(p.a), b: Number(p.b), score: p.score, sharedTerms: readableTerms(p.sharedTerms) })),
    }));
}

export function createSuggestionsService(ctx: AppContext) {
  const read = ctx.db.read;
  return {
    /** Over active items (default) or unpromoted questions, at `threshold` (default {@link SUGGESTION_THRESHOLD}). */
    async suggestions(actor: Actor, programId: number, query: DuplicateQuery): Promise<DuplicateSuggestions> {
      await organizerProgram(read, actor, programId, false);
      const over = query.over ?? 'items';
      const threshold = query.threshold ?? SUGGESTION_THRESHOLD;
      let docs: { id: number; title: string; text: string }[];
      if (over === 'items') {
        docs = (await listKeyProblems(read, programId, 'active')).map((k) => ({ id: k.id, title: k.title, text: `${k.title} ${k.description ?? ''}` }));
      } else {
        const linked = new Set((await listSourceLinks(read, programId)).map((l) => l.question_id));
        docs = (await listQuestions(read, programId)).filter((q) => !linked.has(q.id)).map((q) => ({ id: q.id, title: q.text, text: q.text }));
      }
      return { over, threshold, groups: suggestGroups(docs, threshold) };
    },
  };
}
