// Recommendations (对策建议) and their landing: created from a report (its authors or organizers), a topic or directly
// (organizers); moved proposed → accepted → in_progress → landed (or rejected with a reason) by the program's
// organizers or the owner unit; every change and every progress note is a recommendation_updates row; evidence is a
// figure or a document, and landing needs at least one.
import type {
  EvidenceFigureInput,
  FieldError,
  OwnerUnit,
  Recommendation,
  RecommendationDetail,
  RecommendationFilter,
  RecommendationInput,
  RecommendationPatch,
  RecommendationProgressInput,
  RecommendationStatus,
  RecommendationStatusInput,
} from '@duibiao/contracts';
import type { Insertable, Transaction } from 'kysely';
import type { AppContext } from '../../context.ts';
import { inSubtree, nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { RecommendationEvidenceTable } from '../../db/schema-results.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { beijingToday } from '../hours/time.ts';
import { programInScope } from '../programs/program-access.ts';
import { organizerOf, programRef, recommendationAccess, reportAccess, type ProgramRef, type RecommendationAccess } from './results-access.ts';
import type { FileDownload, ResultsFileStore } from './results-files.ts';
import { presentEvidence, presentRecommendation } from './results.present.ts';
import { evidenceOf, listRecommendationRows, orgInSubtree, updatesOf } from './results.repo.ts';
import { canMove, isClosed } from './results.rules.ts';

export function createRecommendationsService(ctx: AppContext, files: ResultsFileStore) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  async function detail(actor: Actor, id: number): Promise<RecommendationDetail> {
    await recommendationAccess(read, actor, id);
    const [row] = await listRecommendationRows(read, { ids: [id], today: beijingToday() });
    const [updates, evidence] = await Promise.all([updatesOf(read, id), evidenceOf(read, [id])]);
    return {
      ...presentRecommendation(actor, row!, beijingToday()),
      updates: updates.map((u) => ({
        id: u.id,
        fromStatus: (u.from_status as RecommendationStatus | null) ?? null,
        toStatus: u.to_status as RecommendationStatus,
        note: u.note,
        authorName: u.author_name,
        createdAt: u.created_at,
      })),
      evidence: evidence.map(presentEvidence),
    };
  }

  /** The owner unit must be a home-side unit: inside the subtree of the program's organizer (decision, see README). */
  async function ownerProblem(program: ProgramRef, ownerOrgId: number | undefined): Promise<FieldError[]> {
    if (ownerOrgId === undefined) return [];
    return (await orgInSubtree(read, ownerOrgId, program.organizerPath)) ? [] : [{ field: 'ownerOrgId', message: '承办单位须为本项目组织单位及其下属单位' }];
  }

  async function insert(
    actor: Actor,
    program: ProgramRef,
    input: RecommendationInput,
    origin: { source: 'report' | 'topic' | 'manual'; reportId: number | null; topicId: number | null },
  ): Promise<number> {
    return db.transaction().execute(async (trx) => {
      const at = nowIso();
      const { id } = await trx
        .insertInto('recommendations')
        .values({
          program_id: program.id,
          source: origin.source,
          report_id: origin.reportId,
          topic_id: origin.topicId,
          action_item_id: null,
          title: input.title,
          content: input.content,
          owner_org_id: input.ownerOrgId,
          owner_name: null,
          deadline: input.deadline,
          expected_effect: input.expectedEffect,
          status: 'proposed',
          reject_reason: null,
          landed_at: null,
          last_update_at: at,
          reminded_for: null,
          created_by: actor.userId || null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('recommendation_updates')
        .values({ recommendation_id: id, from_status: null, to_status: 'proposed', note: null, author_user_id: actor.userId || null, created_at: at })
        .execute();
      await recordAudit(trx, actor, {
        action: 'recommendation.create',
        entityType: 'recommendation',
        entityId: id,
        scopePath: program.organizerPath,
        summary: `${program.name}：新增对策建议「${input.title}」`,
        after: { ...origin, title: input.title, ownerOrgId: input.ownerOrgId, deadline: input.deadline },
      });
      return id;
    });
  }

  async function writeUpdate(
    trx: Transaction<Database>,
    actor: Actor,
    a: RecommendationAccess,
    change: { to: RecommendationStatus; note: string | null; action: string; summary: string; set?: Record<string, string | null> },
  ): Promise<number> {
    const at = nowIso();
    const done = await trx
      .updateTable('recommendations')
      .set({ status: change.to, last_update_at: at, updated_at: at, ...change.set })
      .where('id', '=', a.rec.id)
      .where('status', '=', a.rec.status)
      .executeTakeFirst();
    // Someone else moved it meanwhile: answer as if the caller had seen the new state.
    if (Number(done.numUpdatedRows) === 0) throw conflict('建议状态已被他人更新，请刷新后重试');
    const { id } = await trx
      .insertInto('recommendation_updates')
      .values({
        recommendation_id: a.rec.id,
        from_status: a.rec.status,
        to_status: change.to,
        note: change.note,
        author_user_id: actor.userId || null,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: change.action,
      entityType: 'recommendation',
      entityId: a.rec.id,
      scopePath: a.program.organizerPath,
      summary: change.summary,
      before: { status: a.rec.status },
      after: { status: change.to, note: change.note, ...change.set },
    });
    return id;
  }

  async function acting(actor: Actor, id: number): Promise<RecommendationAccess> {
    const a = await recommendationAccess(db, actor, id);
    if (!a.canAct) throw forbidden();
    return a;
  }

  return {
    detail,

    async listProgram(actor: Actor, programId: number, filter: RecommendationFilter): Promise<Recommendation[]> {
      requirePermission(actor, 'program:read');
      await programInScope(read, actor, programId);
      const today = beijingToday();
      const rows = await listRecommendationRows(read, { programId, ...filter, today });
      return rows.map((r) => presentRecommendation(actor, r, today));
    },

    /** Units that may own the program's recommendations, for organizers and its enrolled trainees (their pickers). */
    async ownerUnits(actor: Actor, programId: number): Promise<OwnerUnit[]> {
      const program = await programRef(read, programId);
      if (!program) throw notFound('培训项目');
      if (!organizerOf(actor, program).isOrganizer) {
        const enrolled =
          actor.cadreId !== null &&
          (await read.selectFrom('enrolments').select('id').where('program_id', '=', programId).where('cadre_id', '=', actor.cadreId).executeTakeFirst());
        if (!enrolled) throw notFound('培训项目');
      }
      const rows = await read.selectFrom('organizations').select(['id', 'name', 'path']).where(inSubtree('path', program.organizerPath)).limit(5000).execute();
      // Plain code-unit order puts each node right before its subtree (database collations may not).
      rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const base = program.organizerPath.split('/').length;
      return rows.map((o) => ({ id: o.id, name: o.name, depth: o.path.split('/').length - base }));
    },

    /** The recommendations drawn from one report, for whoever may read the report. */
    async listReport(actor: Actor, reportId: number): Promise<Recommendation[]> {
      await reportAccess(read, actor, reportId);
      const today = beijingToday();
      const rows = await listRecommendationRows(read, { reportId, today });
      return rows.map((r) => presentRecommendation(actor, r, today));
    },

    /** Organizers add a topic's or a directly entered recommendation. */
    async createForProgram(actor: Actor, programId: number, input: RecommendationInput): Promise<RecommendationDetail> {
      requirePermission(actor, 'program:write');
      await programInScope(read, actor, programId);
      const program = (await programRef(read, programId))!;
      const problems = await ownerProblem(program, input.ownerOrgId);
      if (input.topicId != null) {
        const t = await read.selectFrom('research_topics').select('id').where('id', '=', input.topicId).where('program_id', '=', programId).executeTakeFirst();
        if (!t) problems.push({ field: 'topicId', message: '课题不属于该项目' });
      }
      if (problems.length > 0) throw invalid(problems);
      const topicId = input.topicId ?? null;
      const id = await insert(actor, program, input, { source: topicId === null ? 'manual' : 'topic', reportId: null, topicId });
      return detail(actor, id);
    },

    /** The report's authors or its organizers add a recommendation drawn from it. */
    async createForReport(actor: Actor, reportId: number, input: RecommendationInput): Promise<RecommendationDetail> {
      const { report, program, canManage, isAuthor } = await reportAccess(read, actor, reportId);
      if (!canManage && !isAuthor) throw forbidden();
      const problems = await ownerProblem(program, input.ownerOrgId);
      if (input.topicId != null && input.topicId !== report.topic_id) problems.push({ field: 'topicId', message: '报告的建议沿用报告所属课题' });
      if (problems.length > 0) throw invalid(problems);
      const id = await insert(actor, program, input, { source: 'report', reportId, topicId: report.topic_id });
      return detail(actor, id);
    },

    /** Organizers correct the text, owner unit or deadline of an open recommendation. */
    async update(actor: Actor, id: number, patch: RecommendationPatch): Promise<RecommendationDetail> {
      const a = await recommendationAccess(db, actor, id);
      if (!a.canManage) throw forbidden();
      if (isClosed(a.rec.status)) throw conflict('已落地或未采纳的建议不能再修改');
      const problems = await ownerProblem(a.program, patch.ownerOrgId);
      if (problems.length > 0) throw invalid(problems);
      const set = {
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.content !== undefined ? { content: patch.content } : {}),
        ...(patch.ownerOrgId !== undefined ? { owner_org_id: patch.ownerOrgId, owner_name: null } : {}),
        ...(patch.deadline !== undefined ? { deadline: patch.deadline } : {}),
        ...(patch.expectedEffect !== undefined ? { expected_effect: patch.expectedEffect } : {}),
      };
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('recommendations')
          .set({ ...set, updated_at: nowIso() })
          .where('id', '=', id)
          .execute();
        await recordAudit(trx, actor, {
          action: 'recommendation.update',
          entityType: 'recommendation',
          entityId: id,
          scopePath: a.program.organizerPath,
          summary: `修改对策建议「${patch.title ?? a.rec.title}」`,
          before: { title: a.rec.title, ownerOrgId: a.rec.owner_org_id, deadline: a.rec.deadline },
          after: patch,
        });
      });
      return detail(actor, id);
    },

    /** A landing status change; rejecting needs a reason (400), landing needs evidence (409), others follow the chain. */
    async changeStatus(actor: Actor, id: number, input: RecommendationStatusInput): Promise<RecommendationDetail> {
      const a = await acting(actor, id);
      if (input.status === 'rejected' && !input.reason) throw invalid([{ field: 'reason', message: '不予采纳须说明理由' }]);
      const from = a.rec.status as RecommendationStatus;
      if (!canMove(from, input.status)) throw conflict(`建议当前状态不能变更为该状态`);
      if (input.status === 'landed') {
        const n = await db.selectFrom('recommendation_evidence').select('id').where('recommendation_id', '=', id).executeTakeFirst();
        if (!n) throw conflict('标记为已落地前须至少添加一项佐证（文件或数据）');
      }
      const today = beijingToday();
      const set =
        input.status === 'rejected'
          ? { reject_reason: input.reason }
          : input.status === 'landed'
            ? { landed_at: today }
            : ({} as Record<string, string | null>);
      await db.transaction().execute((trx) =>
        writeUpdate(trx, actor, a, {
          to: input.status,
          note: input.status === 'rejected' ? (input.note ?? input.reason) : input.note,
          action: 'recommendation.status',
          summary: `对策建议「${a.rec.title}」状态变更`,
          set,
        }),
      );
      return detail(actor, id);
    },

    /** A periodic progress note without a status change. */
    async addProgress(actor: Actor, id: number, input: RecommendationProgressInput): Promise<RecommendationDetail> {
      const a = await acting(actor, id);
      if (isClosed(a.rec.status)) throw conflict('已落地或未采纳的建议不再报送进展');
      await db.transaction().execute((trx) =>
        writeUpdate(trx, actor, a, {
          to: a.rec.status as RecommendationStatus,
          note: input.note,
          action: 'recommendation.progress',
          summary: `对策建议「${a.rec.title}」报送进展`,
        }),
      );
      return detail(actor, id);
    },

    async addFigure(actor: Actor, id: number, input: EvidenceFigureInput): Promise<RecommendationDetail> {
      const a = await acting(actor, id);
      if (a.rec.status === 'rejected') throw conflict('未采纳的建议不能添加佐证');
      await db.transaction().execute((trx) =>
        insertEvidence(
          trx,
          actor,
          a,
          { kind: 'figure', label: input.label, value: input.value, unit: input.unit },
          {
            summary: `对策建议「${a.rec.title}」添加佐证数据：${input.label} ${input.value}${input.unit ?? ''}`,
            after: input,
          },
        ),
      );
      return detail(actor, id);
    },

    async addDocument(actor: Actor, id: number, label: string | undefined, fileName: string, file: NodeJS.ReadableStream): Promise<RecommendationDetail> {
      const a = await acting(actor, id);
      if (a.rec.status === 'rejected') {
        file.resume();
        throw conflict('未采纳的建议不能添加佐证');
      }
      const stored = await files.save('evidence', fileName, file);
      try {
        await db.transaction().execute((trx) =>
          insertEvidence(
            trx,
            actor,
            a,
            {
              kind: 'document',
              label: (label?.trim() || stored.fileName).slice(0, 100),
              file_name: stored.fileName,
              file_path: stored.path,
              size_bytes: stored.sizeBytes,
              mime: stored.mime,
            },
            { summary: `对策建议「${a.rec.title}」上传佐证文件 ${stored.fileName}`, after: { fileName: stored.fileName, sizeBytes: stored.sizeBytes } },
          ),
        );
      } catch (error) {
        await files.remove('evidence', stored.path);
        throw error;
      }
      return detail(actor, id);
    },

    async downloadEvidence(actor: Actor, id: number, evidenceId: number): Promise<FileDownload> {
      await recommendationAccess(read, actor, id);
      const row = await read
        .selectFrom('recommendation_evidence')
        .select(['file_name', 'file_path', 'mime'])
        .where('id', '=', evidenceId)
        .where('recommendation_id', '=', id)
        .executeTakeFirst();
      const file = row && files.download('evidence', row);
      if (!file) throw notFound('佐证文件');
      return file;
    },
  };
}
export type RecommendationsService = ReturnType<typeof createRecommendationsService>;

/** One evidence row (a figure or a stored document) and its audit entry, in the caller's transaction. */
async function insertEvidence(
  trx: Transaction<Database>,
  actor: Actor,
  a: { rec: { id: number }; program: { organizerPath: string } },
  evidence: Pick<Insertable<RecommendationEvidenceTable>, 'kind' | 'label'> & Partial<Insertable<RecommendationEvidenceTable>>,
  audit: { summary: string; after: unknown },
): Promise<void> {
  await trx
    .insertInto('recommendation_evidence')
    .values({
      update_id: null,
      value: null,
      unit: null,
      file_name: null,
      file_path: null,
      size_bytes: null,
      mime: null,
      ...evidence,
      recommendation_id: a.rec.id,
      created_by: actor.userId || null,
      created_at: nowIso(),
    })
    .execute();
  await recordAudit(trx, actor, {
    action: 'recommendation.evidence',
    entityType: 'recommendation',
    entityId: a.rec.id,
    scopePath: a.program.organizerPath,
    summary: audit.summary,
    after: audit.after,
  });
}
