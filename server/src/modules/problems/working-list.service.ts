// The working key-problem list (工作清单): promote questions, then merge, split, rephrase, classify, prioritise and
// remove items. Every write is one transaction with its audit entry; source links are never lost.
import type { KeyProblem, KeyProblemMerge, KeyProblemOrder, KeyProblemSplit, KeyProblemUpdate } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import type { Actor } from '../auth/actor.ts';
import { organizerProgram } from './problems-access.ts';
import { LinkIndex, presentKeyProblem } from './problems.present.ts';
import {
  findKeyProblem,
  insertKeyProblem,
  insertKeyProblems,
  insertSourceLinks,
  linkSources,
  listKeyProblems,
  listQuestions,
  listSourceLinks,
  maxPriority,
  sourceIdsOf,
  sourceIdsOfMany,
  type KeyProblemRow,
} from './problems.repo.ts';
import { searchTermsOf, splitProblems } from './problems.rules.ts';

const ITEM = '重点问题';

export function createWorkingListService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  async function present(programId: number, rows: KeyProblemRow[]): Promise<KeyProblem[]> {
    const [links, questions] = await Promise.all([listSourceLinks(read, programId), listQuestions(read, programId)]);
    const index = new LinkIndex(links);
    const byId = new Map(questions.map((q) => [q.id, q]));
    return rows.map((k) => presentKeyProblem(k, index, byId));
  }

  async function activeList(programId: number) {
    return present(programId, await listKeyProblems(read, programId, 'active'));
  }

  async function activeItem(programId: number, itemId: number): Promise<KeyProblemRow> {
    const row = await findKeyProblem(read, programId, itemId);
    if (!row) throw notFound(ITEM);
    if (row.status !== 'active') throw conflict(`该条目已${row.status === 'merged' ? '合并' : '移除'}，不能再修改`);
    return row;
  }

  return {
    /** Active items in priority order, each with its original questions. */
    async list(actor: Actor, programId: number): Promise<KeyProblem[]> {
      await organizerProgram(read, actor, programId, false);
      return activeList(programId);
    },

    /** One item per question not yet linked to any key problem (title = the question), appended to the list. */
    async promote(actor: Actor, programId: number): Promise<KeyProblem[]> {
      const program = await organizerProgram(read, actor, programId, true);
      await db.transaction().execute(async (trx) => {
        const linked = new Set((await listSourceLinks(trx, programId)).map((l) => l.question_id));
        const fresh = (await listQuestions(trx, programId)).filter((q) => !linked.has(q.id));
        const first = (await maxPriority(trx, programId)) + 1;
        const at = nowIso();
        // Two statements for any number of questions: the items, then their source links (matched by priority).
        const created = await insertKeyProblems(
          trx,
          fresh.map((q, i) => ({
            programId,
            title: q.text.slice(0, 200),
            description: null,
            field: q.field,
            kind: null,
            priority: first + i,
            searchTerms: searchTermsOf(q.text),
            at,
          })),
        );
        await insertSourceLinks(
          trx,
          created.map((c) => ({ keyProblemId: c.id, questionId: fresh[c.priority - first]!.id })),
        );
        await recordAudit(trx, actor, {
          action: 'key_problem.promote',
          entityType: 'program',
          entityId: programId,
          scopePath: program.organizer_path,
          summary: `${program.name}：${fresh.length} 个问题转入工作清单`,
          after: { questionIds: fresh.map((q) => q.id) },
        });
      });
      return activeList(programId);
    },

    /** Rephrase (title, description, field) and classify (fixed / open). */
    async update(actor: Actor, programId: number, itemId: number, input: KeyProblemUpdate): Promise<KeyProblem> {
      const program = await organizerProgram(read, actor, programId, true);
      const row = await activeItem(programId, itemId);
      const title = input.title ?? row.title;
      const description = input.description === undefined ? row.description : input.description;
      const after = {
        title,
        description,
        field: input.field === undefined ? row.field : input.field,
        kind: input.kind === undefined ? row.kind : input.kind,
      };
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('key_problems')
          .set({ ...after, search_terms: searchTermsOf(`${title} ${description ?? ''}`), updated_at: nowIso() })
          .where('id', '=', itemId)
          .execute();
        await recordAudit(trx, actor, {
          action: 'key_problem.update',
          entityType: 'key_problem',
          entityId: itemId,
          scopePath: program.organizer_path,
          summary: `${program.name}：修改重点问题「${title.slice(0, 40)}」`,
          before: { title: row.title, description: row.description, field: row.field, kind: row.kind },
          after,
        });
      });
      return (await present(programId, [(await findKeyProblem(read, programId, itemId))!]))[0]!;
    },

    /** Folds 2+ active items into the survivor (or a new item); the others keep their row as status merged. */
    async merge(actor: Actor, programId: number, input: KeyProblemMerge): Promise<KeyProblem> {
      const program = await organizerProgram(read, actor, programId, true);
      const rows = await listKeyProblems(read, programId);
      const chosen = input.ids.map((id) => rows.find((r) => r.id === id));
      const problems = chosen.flatMap((r, i) =>
        !r
          ? [{ field: `ids.${i}`, message: `条目 ${input.ids[i]} 不存在` }]
          : r.status !== 'active'
            ? [{ field: `ids.${i}`, message: `「${r.title.slice(0, 20)}」已不在工作清单中` }]
            : [],
      );
      if (problems.length > 0) throw invalid(problems);
      const items = chosen as KeyProblemRow[];
      const survivorId = input.survivorId ?? null;
      const resultId = await db.transaction().execute(async (trx) => {
        const at = nowIso();
        const sources = new Set(
          await sourceIdsOfMany(
            trx,
            items.map((i) => i.id),
          ),
        );
        let targetId: number;
        if (survivorId !== null) {
          targetId = survivorId;
          if (input.title !== undefined)
            await trx
              .updateTable('key_problems')
              .set({ title: input.title, search_terms: searchTermsOf(input.title), updated_at: at })
              .where('id', '=', targetId)
              .execute();
          const own = new Set(await sourceIdsOf(trx, targetId));
          await linkSources(
            trx,
            targetId,
            [...sources].filter((q) => !own.has(q)),
          );
        } else {
          const first = items.reduce((a, b) => (b.priority < a.priority ? b : a));
          targetId = await insertKeyProblem(trx, {
            programId,
            title: input.title!,
            description: null,
            field: first.field,
            kind: items.every((i) => i.kind === first.kind) ? first.kind : null,
            priority: first.priority,
            searchTerms: searchTermsOf(input.title!),
            at,
          });
          await linkSources(trx, targetId, [...sources]);
        }
        const folded = items.filter((i) => i.id !== targetId).map((i) => i.id);
        const done = await trx
          .updateTable('key_problems')
          .set({ status: 'merged', merged_into_id: targetId, updated_at: at })
          .where('id', 'in', folded)
          .where('status', '=', 'active')
          .executeTakeFirst();
        // Someone merged or removed one of them meanwhile: do not fold a stale selection.
        if (Number(done.numUpdatedRows) !== folded.length) throw conflict('所选条目刚刚已被他人修改，请刷新后重试');
        await recordAudit(trx, actor, {
          action: 'key_problem.merge',
          entityType: 'key_problem',
          entityId: targetId,
          scopePath: program.organizer_path,
          summary: `${program.name}：合并 ${items.length} 项重点问题`,
          before: { items: items.map((i) => ({ id: i.id, title: i.title })) },
          after: { id: targetId, title: input.title, questionIds: [...sources] },
        });
        return targetId;
      });
      return (await present(programId, [(await findKeyProblem(read, programId, resultId))!]))[0]!;
    },

    /** One item → several: the first part keeps the item (and its id), the others are new items right after it. */
    async split(actor: Actor, programId: number, itemId: number, input: KeyProblemSplit): Promise<KeyProblem[]> {
      const program = await organizerProgram(read, actor, programId, true);
      const row = await activeItem(programId, itemId);
      const sources = await sourceIdsOf(read, itemId);
      const problems = splitProblems(sources, input.parts);
      if (problems.length > 0) throw invalid(problems);
      const ids = await db.transaction().execute(async (trx) => {
        const at = nowIso();
        const [first, ...rest] = input.parts;
        // Make room right after the split item so the new parts stay together in the list.
        await trx
          .updateTable('key_problems')
          .set((eb) => ({ priority: eb('priority', '+', rest.length) }))
          .where('program_id', '=', programId)
          .where('priority', '>', row.priority)
          .execute();
        await trx
          .updateTable('key_problems')
          .set({ title: first!.title, search_terms: searchTermsOf(first!.title), updated_at: at })
          .where('id', '=', itemId)
          .execute();
        await trx.deleteFrom('key_problem_sources').where('key_problem_id', '=', itemId).execute();
        await linkSources(trx, itemId, [...new Set(first!.questionIds)]);
        const created = [itemId];
        for (const [k, part] of rest.entries()) {
          const id = await insertKeyProblem(trx, {
            programId,
            title: part.title,
            description: null,
            field: row.field,
            kind: row.kind,
            priority: row.priority + k + 1,
            searchTerms: searchTermsOf(part.title),
            at,
          });
          await linkSources(trx, id, [...new Set(part.questionIds)]);
          created.push(id);
        }
        await recordAudit(trx, actor, {
          action: 'key_problem.split',
          entityType: 'key_problem',
          entityId: itemId,
          scopePath: program.organizer_path,
          summary: `${program.name}：将「${row.title.slice(0, 30)}」拆分为 ${input.parts.length} 项`,
          before: { title: row.title, questionIds: sources },
          after: { parts: input.parts.map((p, i) => ({ id: created[i], ...p })) },
        });
        return created;
      });
      const rows = await listKeyProblems(read, programId, 'active');
      return present(
        programId,
        rows.filter((r) => ids.includes(r.id)),
      );
    },

    /** The new order of the whole active list: exactly its ids, each once. */
    async reorder(actor: Actor, programId: number, input: KeyProblemOrder): Promise<KeyProblem[]> {
      const program = await organizerProgram(read, actor, programId, true);
      const active = await listKeyProblems(read, programId, 'active');
      const given = new Set(input.ids);
      if (given.size !== input.ids.length || given.size !== active.length || active.some((a) => !given.has(a.id)))
        throw invalid([{ field: 'ids', message: '排序须恰好包含工作清单中的全部条目，且每项一次（请刷新后重试）' }]);
      await db.transaction().execute(async (trx) => {
        const at = nowIso();
        for (const [k, id] of input.ids.entries())
          await trx
            .updateTable('key_problems')
            .set({ priority: k + 1, updated_at: at })
            .where('id', '=', id)
            .execute();
        await recordAudit(trx, actor, {
          action: 'key_problem.reorder',
          entityType: 'program',
          entityId: programId,
          scopePath: program.organizer_path,
          summary: `${program.name}：调整重点问题排序`,
          before: { ids: active.map((a) => a.id) },
          after: { ids: input.ids },
        });
      });
      return activeList(programId);
    },

    /** Takes an item off the list (status removed); its source links stay for the record. */
    async remove(actor: Actor, programId: number, itemId: number): Promise<void> {
      const program = await organizerProgram(read, actor, programId, true);
      const row = await activeItem(programId, itemId);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('key_problems').set({ status: 'removed', updated_at: nowIso() }).where('id', '=', itemId).execute();
        await recordAudit(trx, actor, {
          action: 'key_problem.remove',
          entityType: 'key_problem',
          entityId: itemId,
          scopePath: program.organizer_path,
          summary: `${program.name}：移除重点问题「${row.title.slice(0, 40)}」`,
          before: { status: row.status },
          after: { status: 'removed' },
        });
      });
    },
  };
}
