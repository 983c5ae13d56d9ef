// Use-cases of the program itself: list, detail, create/edit, delete (draft only) and the lifecycle.
import type {
  ListProgramsQuery,
  Page,
  ProgramDetail,
  ProgramInput,
  ProgramPatch,
  ProgramStatus,
  ProgramStatusChange,
  ProgramSummary,
  ProgramType,
} from '@duibiao/contracts';
import { LABELS } from '@duibiao/contracts';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import type { NewProgramRow, ProgramRow } from '../../db/schema-programs.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { findOrgInScope } from '../orgs/orgs.repo.ts';
import { programInScope, type ScopedProgram } from './program-access.ts';
import { checkTransition, parseJsonArray, parseTargets, programCode } from './programs.rules.ts';
import { deleteProgram, insertProgram, listPrograms, programCounts, updateProgram, type ProgramListRow } from './programs.repo.ts';
import type { AttachmentStore } from './attachments.service.ts';

function presentSummary(row: ProgramRow & { organizer_name: string }, counts: { classes: number; trainees: number }): ProgramSummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type as ProgramType,
    status: row.status as ProgramStatus,
    themes: parseJsonArray(row.themes),
    organizer: { id: row.organizer_org_id, name: row.organizer_name },
    partner: row.partner,
    startDate: row.start_date,
    endDate: row.end_date,
    places: parseJsonArray(row.places),
    classCount: counts.classes,
    traineeCount: counts.trainees,
  };
}

/** The stored form of a program, for the audit log. */
const auditView = (r: ProgramRow) => ({
  name: r.name,
  type: r.type,
  status: r.status,
  themes: parseJsonArray(r.themes),
  organizerOrgId: r.organizer_org_id,
  partner: r.partner,
  startDate: r.start_date,
  endDate: r.end_date,
  places: parseJsonArray(r.places),
  budgetYuan: r.budget_yuan,
  targets: parseTargets(r.targets),
  description: r.description,
});

export function createProgramCore(ctx: AppContext, attachments: AttachmentStore) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  async function organizer(actor: Actor, orgId: number) {
    const org = await findOrgInScope(read, scopePrefix(actor), orgId);
    if (!org) throw invalid([{ field: 'organizerOrgId', message: '主办单位不存在或不在管理范围内' }]);
    return org;
  }

  async function detail(actor: Actor, id: number): Promise<ProgramDetail> {
    const row = await programInScope(read, actor, id);
    const counts = await programCounts(read, id);
    return {
      ...presentSummary(row, counts),
      budgetYuan: row.budget_yuan,
      targets: parseTargets(row.targets),
      description: row.description,
      sessionCount: counts.sessions,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  return {
    async list(actor: Actor, query: ListProgramsQuery): Promise<Page<ProgramSummary>> {
      requirePermission(actor, 'program:read');
      let orgPath: string | undefined;
      if (query.orgId) {
        const org = await findOrgInScope(read, scopePrefix(actor), query.orgId);
        if (!org) throw notFound('单位');
        orgPath = org.path;
      }
      const { rows, total } = await listPrograms(
        read,
        { scope: scopePrefix(actor), type: query.type, status: query.status, year: query.year, orgPath, q: query.q },
        query.pageSize,
        (query.page - 1) * query.pageSize,
      );
      return {
        items: rows.map((r: ProgramListRow) => presentSummary(r, { classes: Number(r.class_count), trainees: Number(r.trainee_count) })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async get(actor: Actor, id: number): Promise<ProgramDetail> {
      requirePermission(actor, 'program:read');
      return detail(actor, id);
    },

    async create(actor: Actor, input: ProgramInput): Promise<ProgramDetail> {
      requirePermission(actor, 'program:write');
      const org = await organizer(actor, input.organizerOrgId);
      const id = await db.transaction().execute(async (trx) => {
        const at = nowIso();
        const row: NewProgramRow = {
          // A unique placeholder until the id is known; the code is derived from it below.
          code: `tmp-${randomUUID()}`,
          name: input.name,
          type: input.type,
          status: 'draft',
          themes: JSON.stringify(input.themes),
          organizer_org_id: org.id,
          partner: input.partner ?? null,
          start_date: input.startDate,
          end_date: input.endDate,
          places: JSON.stringify(input.places),
          budget_yuan: input.budgetYuan ?? null,
          targets: JSON.stringify(input.targets),
          description: input.description ?? null,
          created_by: actor.userId || null,
          created_at: at,
          updated_at: at,
        };
        const newId = await insertProgram(trx, row);
        await updateProgram(trx, newId, { code: programCode(input.startDate, newId) });
        await recordAudit(trx, actor, {
          action: 'program.create',
          entityType: 'program',
          entityId: newId,
          scopePath: org.path,
          summary: `新建培训项目 ${input.name}`,
          after: input,
        });
        return newId;
      });
      return detail(actor, id);
    },

    async update(actor: Actor, id: number, patch: ProgramPatch): Promise<ProgramDetail> {
      requirePermission(actor, 'program:write');
      const before = await programInScope(read, actor, id);
      const org = patch.organizerOrgId ? await organizer(actor, patch.organizerOrgId) : { path: before.organizer_path };
      const start = patch.startDate ?? before.start_date;
      const end = patch.endDate ?? before.end_date;
      if (end < start) throw invalid([{ field: patch.endDate ? 'endDate' : 'startDate', message: '结束日期不能早于开始日期' }]);
      const set: Partial<NewProgramRow> = {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.type !== undefined && { type: patch.type }),
        ...(patch.themes !== undefined && { themes: JSON.stringify(patch.themes) }),
        ...(patch.organizerOrgId !== undefined && { organizer_org_id: patch.organizerOrgId }),
        ...(patch.partner !== undefined && { partner: patch.partner }),
        ...(patch.startDate !== undefined && { start_date: patch.startDate }),
        ...(patch.endDate !== undefined && { end_date: patch.endDate }),
        ...(patch.places !== undefined && { places: JSON.stringify(patch.places) }),
        ...(patch.budgetYuan !== undefined && { budget_yuan: patch.budgetYuan }),
        ...(patch.targets !== undefined && { targets: JSON.stringify(patch.targets) }),
        ...(patch.description !== undefined && { description: patch.description }),
        updated_at: nowIso(),
      };
      await db.transaction().execute(async (trx) => {
        await updateProgram(trx, id, set);
        const after = await trx.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'program.update',
          entityType: 'program',
          entityId: id,
          // Both the old and the new organizer's admins should find the change: record it where it now lives.
          scopePath: org.path,
          summary: `修改培训项目 ${after.name}`,
          before: auditView(before),
          after: auditView(after),
        });
      });
      return detail(actor, id);
    },

    async remove(actor: Actor, id: number): Promise<void> {
      requirePermission(actor, 'program:write');
      const row = await programInScope(read, actor, id);
      if (row.status !== 'draft') throw conflict('只能删除草稿状态的项目', [{ field: 'status', message: '只能删除草稿状态的项目' }]);
      const files = await db.transaction().execute(async (trx) => {
        const paths = await trx.selectFrom('program_attachments').select('file_path').where('program_id', '=', id).execute();
        await deleteProgram(trx, id);
        await recordAudit(trx, actor, {
          action: 'program.delete',
          entityType: 'program',
          entityId: id,
          scopePath: row.organizer_path,
          summary: `删除培训项目 ${row.name}`,
          before: auditView(row),
        });
        return paths.map((p) => p.file_path);
      });
      // Files go after the commit: a rolled-back delete must not lose them.
      await attachments.discardFiles(files);
    },

    async changeStatus(actor: Actor, id: number, change: ProgramStatusChange): Promise<ProgramDetail> {
      requirePermission(actor, 'program:write');
      const row: ScopedProgram = await programInScope(read, actor, id);
      const from = row.status as ProgramStatus;
      const check = checkTransition(from, change.status, change.reason);
      if (!check.ok) throw invalid([{ field: check.field, message: check.message }]);
      await db.transaction().execute(async (trx) => {
        // Guarded on the old status, so two managers clicking at once cannot skip a stage.
        const result = await trx
          .updateTable('programs')
          .set({ status: change.status, updated_at: nowIso() })
          .where('id', '=', id)
          .where('status', '=', from)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) throw conflict('项目状态已被他人修改，请刷新后重试');
        const label = (s: ProgramStatus) => LABELS.programStatus[s].zh;
        await recordAudit(trx, actor, {
          action: 'program.status',
          entityType: 'program',
          entityId: id,
          scopePath: row.organizer_path,
          summary: `${row.name}：${label(from)} → ${label(change.status)}${check.direction === 'back' ? `（退回：${change.reason!.trim()}）` : ''}`,
          before: { status: from },
          after: { status: change.status, ...(change.reason ? { reason: change.reason } : {}) },
        });
      });
      return detail(actor, id);
    },
  };
}
