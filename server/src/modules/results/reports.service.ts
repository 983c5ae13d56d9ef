// Research reports (调研报告): written online and/or uploaded (Word/PDF), draft → submitted. Authors are the task force
// of a topic, the members of a study group (S2) or one cadre (S4 follow-along); organizers with program:write may
// write any and return a submitted report to draft. Submitted reports are read-only for everyone.
import type { FieldError, RecommendationCandidate, Report, ReportCreate, ReportDetail, ReportFilter, ReportPatch, ReportTarget } from '@duibiao/contracts';
import { tokenize } from '@duibiao/core/text/index';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { programInScope } from '../programs/program-access.ts';
import { isReportAuthor, organizerOf, programRef, reportAccess, type ReportAccess } from './results-access.ts';
import type { FileDownload, ResultsFileStore } from './results-files.ts';
import { presentReport, reportRights } from './results.present.ts';
import { listReportRows, myReportIds } from './results.repo.ts';
import { extractCandidates } from './results.rules.ts';

/** ' ' + terms + ' ', like every issue-5 search column. */
export const searchTermsOf = (...texts: (string | null | undefined)[]): string => ` ${tokenize(texts.filter(Boolean).join('\n')).join(' ')} `;

export function createReportsService(ctx: AppContext, files: ResultsFileStore) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  async function detail(actor: Actor, id: number): Promise<ReportDetail> {
    const a = await reportAccess(read, actor, id);
    const [row] = await listReportRows(read, { ids: [id] });
    return { ...presentReport(row!, reportRights(a.report.status, a)), body: a.report.body };
  }

  /** Access for a write on the text or file: a draft, by an author or a managing organizer. */
  async function editable(actor: Actor, id: number): Promise<ReportAccess> {
    const a = await reportAccess(db, actor, id);
    if (!a.canManage && !a.isAuthor) throw forbidden();
    if (a.report.status !== 'draft') throw conflict('报告已提交，不能再修改（如需修改请联系组织方退回）');
    return a;
  }

  /** Checks the owner fields of a new report; returns field errors for references outside the program. */
  async function ownerProblems(programId: number, input: ReportCreate): Promise<FieldError[]> {
    const problems: FieldError[] = [];
    const set = (['topicId', 'groupId', 'cadreId'] as const).filter((k) => input[k] != null);
    if (set.length > 1) return set.map((field) => ({ field, message: '课题、小组、个人只能选择其一' }));
    if (input.topicId != null) {
      const t = await read.selectFrom('research_topics').select('id').where('id', '=', input.topicId).where('program_id', '=', programId).executeTakeFirst();
      if (!t) problems.push({ field: 'topicId', message: '课题不属于该项目' });
    }
    if (input.groupId != null) {
      const g = await read
        .selectFrom('class_groups as g')
        .innerJoin('program_classes as c', 'c.id', 'g.class_id')
        .select('g.id')
        .where('g.id', '=', input.groupId)
        .where('c.program_id', '=', programId)
        .executeTakeFirst();
      if (!g) problems.push({ field: 'groupId', message: '小组不属于该项目' });
    }
    if (input.cadreId != null) {
      const e = await read.selectFrom('enrolments').select('id').where('program_id', '=', programId).where('cadre_id', '=', input.cadreId).executeTakeFirst();
      if (!e) problems.push({ field: 'cadreId', message: '该干部未参加此项目' });
    }
    return problems;
  }

  return {
    detail,

    async list(actor: Actor, programId: number, filter: ReportFilter): Promise<Report[]> {
      requirePermission(actor, 'program:read');
      const program = await programInScope(read, actor, programId);
      const { canManage } = organizerOf(actor, {
        id: program.id,
        name: program.name,
        organizerOrgId: program.organizer_org_id,
        organizerPath: program.organizer_path,
      });
      const rows = await listReportRows(read, { programId, ...filter });
      return rows.map((r) => presentReport(r, reportRights(r.status, { canManage, isAuthor: false })));
    },

    /** Reports the signed-in trainee writes (own, study group's, task force's), in every program. */
    async mine(actor: Actor): Promise<Report[]> {
      if (actor.cadreId === null) return [];
      const rows = await listReportRows(read, { ids: await myReportIds(read, actor.cadreId, actor.userId) });
      return rows.map((r) => presentReport(r, reportRights(r.status, { canManage: false, isAuthor: true })));
    },

    /** The programs, study groups and task forces the signed-in trainee may write a report for. */
    async myTargets(actor: Actor): Promise<ReportTarget[]> {
      if (actor.cadreId === null) return [];
      const [enrolments, topics] = await Promise.all([
        read
          .selectFrom('enrolments as e')
          .innerJoin('programs as p', 'p.id', 'e.program_id')
          .leftJoin('class_groups as g', 'g.id', 'e.group_id')
          .select(['p.id as program_id', 'p.name as program_name', 'e.group_id', 'g.name as group_name'])
          .where('e.cadre_id', '=', actor.cadreId)
          .where('e.status', '=', 'enrolled')
          .orderBy('p.start_date', 'desc')
          .execute(),
        read
          .selectFrom('task_force_members as m')
          .innerJoin('research_topics as t', 't.id', 'm.topic_id')
          .innerJoin('programs as p', 'p.id', 't.program_id')
          .select(['p.id as program_id', 'p.name as program_name', 't.id as topic_id', 't.title'])
          .where('m.cadre_id', '=', actor.cadreId)
          .orderBy('t.id')
          .execute(),
      ]);
      const out: ReportTarget[] = [];
      for (const e of enrolments) {
        out.push({ programId: e.program_id, programName: e.program_name, kind: 'cadre', groupId: null, topicId: null, name: null });
        if (e.group_id !== null)
          out.push({ programId: e.program_id, programName: e.program_name, kind: 'group', groupId: e.group_id, topicId: null, name: e.group_name });
      }
      for (const m of topics)
        out.push({ programId: m.program_id, programName: m.program_name, kind: 'topic', groupId: null, topicId: m.topic_id, name: m.title });
      return out;
    },

    /** An organizer writes any report of the program; a trainee their own, their group's or their task force's. */
    async create(actor: Actor, programId: number, input: ReportCreate): Promise<ReportDetail> {
      const program = await programRef(read, programId);
      if (!program) throw notFound('培训项目');
      const organizer = organizerOf(actor, program);
      let owner = { topic_id: input.topicId ?? null, group_id: input.groupId ?? null, cadre_id: input.cadreId ?? null };
      if (!organizer.canManage) {
        // A trainee without a topic or group writes their own report (S4); they never name another cadre.
        if (owner.topic_id === null && owner.group_id === null) {
          if (owner.cadre_id !== null && owner.cadre_id !== actor.cadreId) throw notFound('培训项目');
          owner = { ...owner, cadre_id: actor.cadreId };
        }
        const enrolled =
          actor.cadreId !== null &&
          (await read.selectFrom('enrolments').select('id').where('program_id', '=', programId).where('cadre_id', '=', actor.cadreId).executeTakeFirst());
        const author =
          (owner.topic_id !== null || owner.group_id !== null || enrolled) && (await isReportAuthor(read, actor, { program_id: programId, ...owner }));
        if (!author) throw organizer.isOrganizer ? forbidden() : notFound('培训项目');
      }
      const problems = await ownerProblems(programId, { ...input, topicId: owner.topic_id, groupId: owner.group_id, cadreId: owner.cadre_id });
      if (problems.length > 0) throw invalid(problems);
      const id = await db.transaction().execute(async (trx) => {
        const at = nowIso();
        const { id: newId } = await trx
          .insertInto('research_reports')
          .values({
            program_id: programId,
            ...owner,
            title: input.title,
            summary: input.summary,
            body: input.body,
            file_name: null,
            file_path: null,
            size_bytes: null,
            mime: null,
            status: 'draft',
            author_user_id: actor.userId || null,
            submitted_at: null,
            search_terms: searchTermsOf(input.title, input.summary, input.body),
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'report.create',
          entityType: 'research_report',
          entityId: newId,
          scopePath: program.organizerPath,
          summary: `${program.name}：新建调研报告《${input.title}》`,
          after: { ...owner, title: input.title },
        });
        return newId;
      });
      return detail(actor, id);
    },

    async update(actor: Actor, id: number, patch: ReportPatch): Promise<ReportDetail> {
      const { report, program } = await editable(actor, id);
      const next = {
        title: patch.title ?? report.title,
        summary: patch.summary === undefined ? report.summary : patch.summary,
        body: patch.body === undefined ? report.body : patch.body,
      };
      await db.transaction().execute(async (trx) => {
        const done = await trx
          .updateTable('research_reports')
          .set({ ...next, search_terms: searchTermsOf(next.title, next.summary, next.body), updated_at: nowIso() })
          .where('id', '=', id)
          .where('status', '=', 'draft')
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) === 0) throw conflict('报告已提交，不能再修改');
        await recordAudit(trx, actor, {
          action: 'report.update',
          entityType: 'research_report',
          entityId: id,
          scopePath: program.organizerPath,
          summary: `修改调研报告《${next.title}》`,
          before: { title: report.title, summary: report.summary, bodyLength: report.body?.length ?? 0 },
          after: { title: next.title, summary: next.summary, bodyLength: next.body?.length ?? 0 },
        });
      });
      return detail(actor, id);
    },

    /** Replaces the report's file (Word or PDF, ≤ 20 MB); the old file is removed once the new one is recorded. */
    async upload(actor: Actor, id: number, fileName: string, file: NodeJS.ReadableStream): Promise<ReportDetail> {
      const { report, program } = await editable(actor, id);
      const stored = await files.save('reports', fileName, file);
      try {
        await db.transaction().execute(async (trx) => {
          const done = await trx
            .updateTable('research_reports')
            .set({ file_name: stored.fileName, file_path: stored.path, size_bytes: stored.sizeBytes, mime: stored.mime, updated_at: nowIso() })
            .where('id', '=', id)
            .where('status', '=', 'draft')
            .executeTakeFirst();
          if (Number(done.numUpdatedRows) === 0) throw conflict('报告已提交，不能再修改');
          await recordAudit(trx, actor, {
            action: 'report.upload',
            entityType: 'research_report',
            entityId: id,
            scopePath: program.organizerPath,
            summary: `调研报告《${report.title}》上传文件 ${stored.fileName}`,
            after: { fileName: stored.fileName, sizeBytes: stored.sizeBytes },
          });
        });
      } catch (error) {
        await files.remove('reports', stored.path);
        throw error;
      }
      await files.remove('reports', report.file_path);
      return detail(actor, id);
    },

    async download(actor: Actor, id: number): Promise<FileDownload> {
      const { report } = await reportAccess(read, actor, id);
      const file = files.download('reports', report);
      if (!file) throw notFound('报告文件');
      return file;
    },

    async submit(actor: Actor, id: number): Promise<ReportDetail> {
      const { report, program } = await editable(actor, id);
      if (!report.body && !report.file_path) throw conflict('请先填写报告正文或上传报告文件');
      await db.transaction().execute(async (trx) => {
        const at = nowIso();
        const done = await trx
          .updateTable('research_reports')
          .set({ status: 'submitted', submitted_at: at, updated_at: at })
          .where('id', '=', id)
          .where('status', '=', 'draft')
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) === 0) throw conflict('报告已提交');
        await recordAudit(trx, actor, {
          action: 'report.submit',
          entityType: 'research_report',
          entityId: id,
          scopePath: program.organizerPath,
          summary: `提交调研报告《${report.title}》`,
          before: { status: 'draft' },
          after: { status: 'submitted' },
        });
      });
      return detail(actor, id);
    },

    /** Organizers send a submitted report back to its authors for changes. */
    async returnToDraft(actor: Actor, id: number): Promise<ReportDetail> {
      const { report, program, canManage } = await reportAccess(db, actor, id);
      if (!canManage) throw forbidden();
      if (report.status !== 'submitted') throw conflict('只有已提交的报告可以退回');
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('research_reports').set({ status: 'draft', submitted_at: null, updated_at: nowIso() }).where('id', '=', id).execute();
        await recordAudit(trx, actor, {
          action: 'report.return',
          entityType: 'research_report',
          entityId: id,
          scopePath: program.organizerPath,
          summary: `退回调研报告《${report.title}》修改`,
          before: { status: 'submitted' },
          after: { status: 'draft' },
        });
      });
      return detail(actor, id);
    },

    /** Candidate recommendations found in the report's text, for the user to confirm; nothing is saved. */
    async extract(actor: Actor, id: number): Promise<RecommendationCandidate[]> {
      const { report } = await reportAccess(read, actor, id);
      return extractCandidates(report.body);
    },
  };
}
export type ReportsService = ReturnType<typeof createReportsService>;
