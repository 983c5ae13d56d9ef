// End-of-program questionnaires (结业问卷): templates per org, the template a program uses (the built-in default
// when none is chosen), trainees' one-time answers, and anonymous per-question results.
import {
  MIN_RATINGS_TO_SHOW,
  type MyQuestionnaire,
  type ProgramQuestionnaire,
  type ProgramStatus,
  type Question,
  type QuestionnaireAnswers,
  type QuestionnaireResults,
  type QuestionnaireTemplate,
  type QuestionnaireTemplateInput,
  type QuestionnaireTemplateList,
  type QuestionnaireTemplatePatch,
} from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { isUniqueViolation, nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { isInScope, requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { hasPermission } from '../auth/permissions.ts';
import { findOrgInScope } from '../orgs/orgs.repo.ts';
import { ownEnrolment, programInScope, type ScopedProgram } from '../programs/program-access.ts';
import type { Kysely } from 'kysely';
import {
  countProgramResponses,
  countTemplateUse,
  findOwnResponse,
  findTemplate,
  findTemplateByName,
  findVisibleTemplate,
  insertTemplate,
  listAnswers,
  listMyQuestionnairePrograms,
  listVisibleTemplates,
  type TemplateRow,
} from './questionnaires.repo.ts';
import { aggregateAnswers, BUILT_IN_QUESTIONNAIRE, validateAnswers, type Answers } from './questionnaire.rules.ts';

/** Program statuses in which trainees may answer: while it runs and after it closed. */
export const QUESTIONNAIRE_OPEN_STATUSES: readonly ProgramStatus[] = ['running', 'closed', 'follow_up'];

const parseQuestions = (json: string): Question[] => JSON.parse(json) as Question[];

export function createQuestionnaireService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  const present = (actor: Actor, t: TemplateRow): QuestionnaireTemplate => ({
    id: t.id,
    orgId: t.org_id,
    orgName: t.org_name,
    name: t.name,
    questions: parseQuestions(t.questions),
    responseCount: Number(t.responses ?? 0),
    canEdit: hasPermission(actor.role, 'program:write') && isInScope(actor, t.org_path),
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  });

  async function visibleTemplate(actor: Actor, id: number): Promise<TemplateRow> {
    const t = await findVisibleTemplate(read, scopePrefix(actor), actor.scopePath, id);
    if (!t) throw notFound('问卷模板');
    return t;
  }

  /** A template the caller may change: in their own subtree, not an ancestor's. */
  async function editableTemplate(actor: Actor, id: number): Promise<TemplateRow> {
    requirePermission(actor, 'program:write');
    const t = await visibleTemplate(actor, id);
    if (!isInScope(actor, t.org_path)) throw notFound('问卷模板');
    return t;
  }

  /** The questionnaire a program uses: its template, or the built-in default. */
  async function programQuestionnaire(q: Kysely<Database>, program: ScopedProgram) {
    const template = program.questionnaire_template_id === null ? undefined : await findTemplate(q, program.questionnaire_template_id);
    return template
      ? { templateId: template.id, name: template.name, questions: parseQuestions(template.questions) }
      : { templateId: null, name: BUILT_IN_QUESTIONNAIRE.name, questions: BUILT_IN_QUESTIONNAIRE.questions };
  }

  return {
    async listTemplates(actor: Actor): Promise<QuestionnaireTemplateList> {
      requirePermission(actor, 'program:read');
      const rows = await listVisibleTemplates(read, scopePrefix(actor), actor.scopePath);
      return { items: rows.map((t) => present(actor, t)), builtIn: BUILT_IN_QUESTIONNAIRE };
    },

    async getTemplate(actor: Actor, id: number): Promise<QuestionnaireTemplate> {
      requirePermission(actor, 'program:read');
      return present(actor, await visibleTemplate(actor, id));
    },

    async createTemplate(actor: Actor, input: QuestionnaireTemplateInput): Promise<QuestionnaireTemplate> {
      requirePermission(actor, 'program:write');
      const orgId = input.orgId ?? actor.orgId;
      const org = await findOrgInScope(read, scopePrefix(actor), orgId);
      if (!org) throw invalid([{ field: 'orgId', message: '单位不存在或不在管理范围内' }]);
      const id = await db.transaction().execute(async (trx) => {
        const at = nowIso();
        const newId = await insertTemplate(trx, {
          org_id: org.id,
          name: input.name,
          questions: JSON.stringify(input.questions),
          created_at: at,
          updated_at: at,
        });
        await recordAudit(trx, actor, {
          action: 'questionnaire_template.create',
          entityType: 'questionnaire_template',
          entityId: newId,
          scopePath: org.path,
          summary: `新建问卷模板 ${input.name}`,
          after: input,
        });
        return newId;
      });
      return this.getTemplate(actor, id);
    },

    async updateTemplate(actor: Actor, id: number, patch: QuestionnaireTemplatePatch): Promise<QuestionnaireTemplate> {
      const t = await editableTemplate(actor, id);
      await db.transaction().execute(async (trx) => {
        // Questions are frozen once answered: results are aggregated per question id.
        if (patch.questions && (await countTemplateUse(trx, id)).responses > 0) {
          throw conflict('问卷已有作答，不能再修改题目', [{ field: 'questions', message: '已有作答的问卷不能修改题目' }]);
        }
        const set = {
          updated_at: nowIso(),
          ...(patch.name ? { name: patch.name } : {}),
          ...(patch.questions ? { questions: JSON.stringify(patch.questions) } : {}),
        };
        await trx.updateTable('questionnaire_templates').set(set).where('id', '=', id).execute();
        await recordAudit(trx, actor, {
          action: 'questionnaire_template.update',
          entityType: 'questionnaire_template',
          entityId: id,
          scopePath: t.org_path,
          summary: `修改问卷模板 ${patch.name ?? t.name}`,
          before: { name: t.name, questions: parseQuestions(t.questions) },
          after: patch,
        });
      });
      return this.getTemplate(actor, id);
    },

    async deleteTemplate(actor: Actor, id: number): Promise<void> {
      const t = await editableTemplate(actor, id);
      await db.transaction().execute(async (trx) => {
        const use = await countTemplateUse(trx, id);
        if (use.responses > 0 || use.programs > 0) throw conflict('问卷模板正在使用（有项目选用或已有作答），不能删除');
        await trx.deleteFrom('questionnaire_templates').where('id', '=', id).execute();
        await recordAudit(trx, actor, {
          action: 'questionnaire_template.delete',
          entityType: 'questionnaire_template',
          entityId: id,
          scopePath: t.org_path,
          summary: `删除问卷模板 ${t.name}`,
          before: { name: t.name },
        });
      });
    },

    async getProgramQuestionnaire(actor: Actor, programId: number): Promise<ProgramQuestionnaire> {
      requirePermission(actor, 'program:read');
      const program = await programInScope(read, actor, programId);
      return { programId, ...(await programQuestionnaire(read, program)), responseCount: await countProgramResponses(read, programId) };
    },

    /** Chooses the program's template (null = built-in default); not once answers have been collected. */
    async setProgramQuestionnaire(actor: Actor, programId: number, templateId: number | null): Promise<ProgramQuestionnaire> {
      requirePermission(actor, 'program:write');
      const program = await programInScope(read, actor, programId);
      if (templateId !== null) {
        const t = await findVisibleTemplate(read, scopePrefix(actor), actor.scopePath, templateId);
        if (!t) throw invalid([{ field: 'templateId', message: '问卷模板不存在或无权使用' }]);
      }
      await db.transaction().execute(async (trx) => {
        if (program.questionnaire_template_id !== templateId && (await countProgramResponses(trx, programId)) > 0) {
          throw conflict('已有学员作答，不能更换问卷', [{ field: 'templateId', message: '已有学员作答，不能更换问卷' }]);
        }
        await trx.updateTable('programs').set({ questionnaire_template_id: templateId, updated_at: nowIso() }).where('id', '=', programId).execute();
        await recordAudit(trx, actor, {
          action: 'program.questionnaire',
          entityType: 'program',
          entityId: programId,
          scopePath: program.organizer_path,
          summary: `设置 ${program.name} 的结业问卷`,
          before: { templateId: program.questionnaire_template_id },
          after: { templateId },
        });
      });
      return this.getProgramQuestionnaire(actor, programId);
    },

    async results(actor: Actor, programId: number): Promise<QuestionnaireResults> {
      requirePermission(actor, 'program:read');
      const program = await programInScope(read, actor, programId);
      const { templateId, name, questions } = await programQuestionnaire(read, program);
      const responses = (await listAnswers(read, programId)).map((r) => JSON.parse(r.answers) as Answers);
      const tooFew = responses.length < MIN_RATINGS_TO_SHOW;
      return {
        programId,
        templateId,
        name,
        responses: responses.length,
        minRatingsToShow: MIN_RATINGS_TO_SHOW,
        tooFew,
        questions: aggregateAnswers(questions, responses),
      };
    },

    /** Questionnaires of the caller's running or closed programs, with their own submission time. */
    async mine(actor: Actor): Promise<MyQuestionnaire[]> {
      if (actor.cadreId === null) return [];
      const rows = await listMyQuestionnairePrograms(read, actor.cadreId, QUESTIONNAIRE_OPEN_STATUSES);
      return rows.map((r) => ({
        programId: r.id,
        programName: r.name,
        programStatus: r.status as ProgramStatus,
        name: r.template_name ?? BUILT_IN_QUESTIONNAIRE.name,
        questions: r.template_questions ? parseQuestions(r.template_questions) : BUILT_IN_QUESTIONNAIRE.questions,
        submittedAt: r.submitted_at,
      }));
    },

    /** Saves the caller's answers once; the cadre comes from the session, never from the request. */
    async submit(actor: Actor, programId: number, input: QuestionnaireAnswers): Promise<MyQuestionnaire> {
      const enrolment = await ownEnrolment(read, actor, programId);
      if (enrolment.status !== 'enrolled') throw notFound('报名记录');
      const program = await db
        .selectFrom('programs as p')
        .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
        .selectAll('p')
        .select(['o.path as organizer_path', 'o.name as organizer_name'])
        .where('p.id', '=', programId)
        .executeTakeFirstOrThrow();
      if (!QUESTIONNAIRE_OPEN_STATUSES.includes(program.status as ProgramStatus)) {
        throw invalid([{ field: 'programId', message: '培训开始后才能填写结业问卷' }]);
      }
      const { questions } = await programQuestionnaire(read, program);
      const checked = validateAnswers(questions, input.answers);
      if ('errors' in checked) throw invalid(checked.errors);
      const cadreId = enrolment.cadre_id;
      const at = nowIso();
      try {
        await db.transaction().execute(async (trx) => {
          if (await findOwnResponse(trx, programId, cadreId)) throw answeredTwice();
          const templateId = program.questionnaire_template_id ?? (await adoptBuiltIn(trx, program));
          await trx
            .insertInto('questionnaire_responses')
            .values({ program_id: programId, template_id: templateId, cadre_id: cadreId, answers: JSON.stringify(checked.answers), created_at: at })
            .execute();
          // Names the program only: the answers stay unlinked to the respondent outside the responses table.
          await recordAudit(trx, actor, {
            action: 'questionnaire.submit',
            entityType: 'program',
            entityId: programId,
            scopePath: program.organizer_path,
            summary: `提交 ${program.name} 的结业问卷`,
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw answeredTwice();
        throw error;
      }
      const mine = await this.mine(actor);
      return mine.find((m) => m.programId === programId)!;
    },
  };
}

const answeredTwice = () => conflict('已提交过结业问卷', [{ field: 'programId', message: '每期培训只能提交一次问卷' }]);

/**
 * First answer to a program still on the built-in default: save the organizer's copy of it (or reuse the copy) and
 * point the program at it, so responses always reference a stored template. The conditional update lets a concurrent
 * first answer win; both then use the winner's template.
 */
async function adoptBuiltIn(trx: Kysely<Database>, program: ScopedProgram): Promise<number> {
  const at = nowIso();
  const builtInJson = JSON.stringify(BUILT_IN_QUESTIONNAIRE.questions);
  const existing = await findTemplateByName(trx, program.organizer_org_id, BUILT_IN_QUESTIONNAIRE.name);
  // Reuse the organizer's copy only while it still asks exactly the built-in questions the answers were checked against.
  const templateId =
    (existing?.questions === builtInJson ? existing.id : undefined) ??
    (await insertTemplate(trx, {
      org_id: program.organizer_org_id,
      name: BUILT_IN_QUESTIONNAIRE.name,
      questions: builtInJson,
      created_at: at,
      updated_at: at,
    }));
  await trx
    .updateTable('programs')
    .set({ questionnaire_template_id: templateId })
    .where('id', '=', program.id)
    .where('questionnaire_template_id', 'is', null)
    .execute();
  const chosen = await trx.selectFrom('programs').select('questionnaire_template_id').where('id', '=', program.id).executeTakeFirstOrThrow();
  return chosen.questionnaire_template_id ?? templateId;
}
