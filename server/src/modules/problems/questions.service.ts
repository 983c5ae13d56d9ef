// Collecting questions (问题征集): organizers record questions from home units; trainees submit, edit and delete
// their own on the phone until the question sits in a merged key problem.
import type { MyQuestionInput, ProblemQuestion, QuestionFilter, QuestionInput } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { scopePrefix, type Actor } from '../auth/actor.ts';
import { findOrgInScope } from '../orgs/orgs.repo.ts';
import { ownEnrolment, type ScopedProgram } from '../programs/program-access.ts';
import { organizerProgram } from './problems-access.ts';
import { LinkIndex, isInMergedItem, presentQuestion } from './problems.present.ts';
import { findQuestion, listKeyProblems, listQuestions, listSourceLinks, type QuestionRow } from './problems.repo.ts';
import { searchTermsOf } from './problems.rules.ts';

const QUESTION = '问题';

export function createQuestionsService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  async function present(programId: number, rows: QuestionRow[]): Promise<ProblemQuestion[]> {
    const [links, items] = await Promise.all([listSourceLinks(read, programId), listKeyProblems(read, programId)]);
    const index = new LinkIndex(links);
    const byId = new Map(items.map((k) => [k.id, k]));
    return rows.map((q) => presentQuestion(q, index, byId));
  }

  async function one(programId: number, questionId: number): Promise<ProblemQuestion> {
    const row = await findQuestion(read, programId, questionId);
    if (!row) throw notFound(QUESTION);
    return (await present(programId, [row]))[0]!;
  }

  /** The trainee's own question of a program they are enrolled in, and whether it may still change. */
  async function ownQuestion(actor: Actor, programId: number, questionId: number) {
    await ownEnrolment(read, actor, programId);
    const row = await findQuestion(read, programId, questionId);
    if (!row || row.submitter_cadre_id !== actor.cadreId) throw notFound(QUESTION);
    const [links, items] = await Promise.all([listSourceLinks(read, programId), listKeyProblems(read, programId)]);
    const index = new LinkIndex(links);
    const byId = new Map(items.map((k) => [k.id, k]));
    if (isInMergedItem(row.id, index, byId)) throw conflict('该问题已与其他问题合并进重点问题清单，不能再修改或删除');
    return { row, index, byId };
  }

  async function programPath(programId: number): Promise<string> {
    const row = await read
      .selectFrom('programs as p')
      .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
      .select('o.path')
      .where('p.id', '=', programId)
      .executeTakeFirstOrThrow();
    return row.path;
  }

  async function insertQuestion(
    actor: Actor,
    program: Pick<ScopedProgram, 'id' | 'name'>,
    scopePath: string,
    values: {
      text: string;
      field: string | null;
      source: 'trainee' | 'unit';
      cadreId: number | null;
      submitterName: string | null;
      homeOrgId: number | null;
    },
  ): Promise<number> {
    return db.transaction().execute(async (trx) => {
      const at = nowIso();
      const { id } = await trx
        .insertInto('problem_questions')
        .values({
          program_id: program.id,
          text: values.text,
          field: values.field,
          source: values.source,
          submitter_cadre_id: values.cadreId,
          submitter_user_id: actor.userId || null,
          submitter_name: values.submitterName,
          home_org_id: values.homeOrgId,
          search_terms: searchTermsOf(values.text),
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actor, {
        action: 'question.create',
        entityType: 'problem_question',
        entityId: id,
        scopePath,
        summary: `${program.name}：${values.submitterName ?? ''}提交问题「${values.text.slice(0, 40)}」`,
        after: values,
      });
      return id;
    });
  }

  return {
    async list(actor: Actor, programId: number, filter: QuestionFilter): Promise<ProblemQuestion[]> {
      await organizerProgram(read, actor, programId, false);
      const rows = await listQuestions(read, programId, filter);
      const all = await present(programId, rows);
      return filter.unlinked === undefined ? all : all.filter((q) => (q.keyProblems.length === 0) === filter.unlinked);
    },

    /** An organizer records a question for a home unit in their subtree (or a named person). */
    async create(actor: Actor, programId: number, input: QuestionInput): Promise<ProblemQuestion> {
      const program = await organizerProgram(read, actor, programId, true);
      const homeOrgId = input.homeOrgId ?? null;
      let unitName: string | null = null;
      if (homeOrgId !== null) {
        const org = await findOrgInScope(read, scopePrefix(actor), homeOrgId);
        if (!org) throw invalid([{ field: 'homeOrgId', message: '提出单位不存在或不在本级管辖范围内' }]);
        unitName = org.name;
      }
      const id = await insertQuestion(actor, program, program.organizer_path, {
        text: input.text,
        field: input.field ?? null,
        source: 'unit',
        cadreId: null,
        submitterName: input.submitterName ?? unitName,
        homeOrgId,
      });
      return one(programId, id);
    },

    async mine(actor: Actor, programId: number): Promise<ProblemQuestion[]> {
      await ownEnrolment(read, actor, programId);
      return present(programId, await listQuestions(read, programId, { cadreId: actor.cadreId! }));
    },

    /** A trainee's own question: source trainee, home unit = the cadre's organization. */
    async submitMine(actor: Actor, programId: number, input: MyQuestionInput): Promise<ProblemQuestion> {
      await ownEnrolment(read, actor, programId);
      const cadre = await read.selectFrom('cadres').select(['id', 'name', 'org_id']).where('id', '=', actor.cadreId!).executeTakeFirstOrThrow();
      const program = await read.selectFrom('programs').select(['id', 'name']).where('id', '=', programId).executeTakeFirstOrThrow();
      const id = await insertQuestion(actor, program, await programPath(programId), {
        text: input.text,
        field: input.field ?? null,
        source: 'trainee',
        cadreId: cadre.id,
        submitterName: cadre.name,
        homeOrgId: cadre.org_id,
      });
      return one(programId, id);
    },

    async updateMine(actor: Actor, programId: number, questionId: number, input: MyQuestionInput): Promise<ProblemQuestion> {
      const { row } = await ownQuestion(actor, programId, questionId);
      const scopePath = await programPath(programId);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('problem_questions')
          .set({ text: input.text, field: input.field ?? null, search_terms: searchTermsOf(input.text), updated_at: nowIso() })
          .where('id', '=', row.id)
          .execute();
        // A singleton key problem still carries the trainee's wording; keep them in step.
        const singles = await trx.selectFrom('key_problem_sources').select('key_problem_id').where('question_id', '=', row.id).execute();
        for (const s of singles)
          await trx
            .updateTable('key_problems')
            .set({ title: input.text.slice(0, 200), search_terms: searchTermsOf(input.text), updated_at: nowIso() })
            .where('id', '=', s.key_problem_id)
            .where('title', '=', row.text.slice(0, 200))
            .execute();
        await recordAudit(trx, actor, {
          action: 'question.update',
          entityType: 'problem_question',
          entityId: row.id,
          scopePath,
          summary: `${row.submitter_name ?? ''}修改问题「${input.text.slice(0, 40)}」`,
          before: { text: row.text, field: row.field },
          after: input,
        });
      });
      return one(programId, questionId);
    },

    /** Deletes the trainee's own question; a singleton key problem fed only by it leaves the working list. */
    async deleteMine(actor: Actor, programId: number, questionId: number): Promise<void> {
      const { row, index } = await ownQuestion(actor, programId, questionId);
      const scopePath = await programPath(programId);
      await db.transaction().execute(async (trx) => {
        const singles = index.itemsOf.get(row.id) ?? [];
        if (singles.length > 0)
          await trx
            .updateTable('key_problems')
            .set({ status: 'removed', updated_at: nowIso() })
            .where('id', 'in', singles)
            .where('status', '=', 'active')
            .execute();
        await trx.deleteFrom('key_problem_sources').where('question_id', '=', row.id).execute();
        await trx.deleteFrom('problem_questions').where('id', '=', row.id).execute();
        await recordAudit(trx, actor, {
          action: 'question.delete',
          entityType: 'problem_question',
          entityId: row.id,
          scopePath,
          summary: `${row.submitter_name ?? ''}删除问题「${row.text.slice(0, 40)}」`,
          before: { text: row.text, field: row.field },
        });
      });
    },
  };
}
