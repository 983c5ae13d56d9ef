// Leave (请假): a trainee asks for sessions or whole days off; a manager or the class's tutor decides. Approval
// marks those sessions excused, recomputes the hours ledger and applies the 1/7 rule, all in one transaction.
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { LeaveDecision, LeaveRequestBody, LeaveRequestDto, LeaveStatus } from '@duibiao/contracts';
import { mustWithdraw, programHoursFrom } from '@duibiao/core/hours/index';
import type { AppContext } from '../../context.ts';
import { inSubtree, nowIso } from '../../db/dialect.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { hasPermission } from '../auth/permissions.ts';
import { recomputeProgramHours } from '../hours/ledger.ts';
import { ownEnrolment, programInScope } from '../programs/program-access.ts';
import { beijingDate, roundHours } from './attendance.rules.ts';
import { leaveStanding, presentLeave, requiredSessions } from './leave-reads.ts';
import { cadreUserIds, notifyUsers, programManagerIds } from './notifications.repo.ts';
import { classReach, reachesClass } from './tutor-access.ts';

const ATTACHMENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.heic': 'image/heic',
};
const ATTACHMENT_MAX_BYTES = 10 * 1_048_576;

export function createLeaveService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;
  const leaveDir = join(ctx.config.UPLOAD_DIR, 'leave');

  /** A leave request the caller may see: their own, or (with program:read) one of an in-scope program. */
  async function findVisible(actor: Actor, id: number) {
    const row = await read
      .selectFrom('leave_requests as l')
      .innerJoin('programs as p', 'p.id', 'l.program_id')
      .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
      .innerJoin('enrolments as e', 'e.id', 'l.enrolment_id')
      .selectAll('l')
      .select(['o.path as organizer_path', 'p.organizer_org_id', 'p.name as program_name', 'e.class_id'])
      .where('l.id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('请假申请');
    const own = actor.cadreId !== null && row.cadre_id === actor.cadreId;
    if (own) return row;
    const inScope = await read
      .selectFrom('organizations as o')
      .select('o.id')
      .where('o.id', '=', row.organizer_org_id)
      .where(inSubtree('o.path', scopePrefix(actor)))
      .executeTakeFirst();
    if (!inScope || !hasPermission(actor.role, 'program:read')) throw notFound('请假申请');
    return row;
  }

  return {
    async request(actor: Actor, body: LeaveRequestBody): Promise<LeaveRequestDto> {
      const enrolment = await ownEnrolment(read, actor, body.programId);
      if (enrolment.status !== 'enrolled') throw conflict('您已不在该项目的参训名单中');
      const program = await read
        .selectFrom('programs as p')
        .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
        .select(['p.name', 'p.organizer_org_id', 'o.path'])
        .where('p.id', '=', body.programId)
        .executeTakeFirstOrThrow();
      const mine = await requiredSessions(read, enrolment.id);
      const byId = new Map(mine.map((s) => [s.id, s]));
      const errors: { field: string; message: string }[] = [];
      const chosen = new Set<number>();
      (body.sessionIds ?? []).forEach((id, i) => {
        if (byId.has(id)) chosen.add(id);
        else errors.push({ field: `sessionIds.${i}`, message: '该课程不在您的课表中' });
      });
      (body.dates ?? []).forEach((date, i) => {
        const that = mine.filter((s) => beijingDate(Date.parse(s.starts_at)) === date);
        if (that.length === 0) errors.push({ field: `dates.${i}`, message: `${date} 没有您的课程` });
        for (const s of that) chosen.add(s.id);
      });
      if (errors.length > 0) throw invalid(errors);
      const taken = await read
        .selectFrom('leave_request_sessions as ls')
        .innerJoin('leave_requests as l', 'l.id', 'ls.leave_id')
        .select('ls.session_id')
        .where('l.enrolment_id', '=', enrolment.id)
        .where('l.status', 'in', ['pending', 'approved'])
        .where('ls.session_id', 'in', [...chosen])
        .execute();
      if (taken.length > 0) {
        const titles = taken.map((t) => byId.get(t.session_id)?.title).join('、');
        throw invalid([{ field: 'sessionIds', message: `已为这些课程提交过请假：${titles}` }]);
      }
      const sessionIds = [...chosen].sort((a, b) => a - b);
      const hours = programHoursFrom(sessionIds.map((id) => ({ creditedHours: roundHours(byId.get(id)!.credited_hours) })));
      const id = await db.transaction().execute(async (trx) => {
        const at = nowIso();
        const { id: leaveId } = await trx
          .insertInto('leave_requests')
          .values({
            program_id: body.programId,
            enrolment_id: enrolment.id,
            cadre_id: enrolment.cadre_id,
            reason: body.reason,
            hours,
            attachment_name: null,
            attachment_path: null,
            status: 'pending',
            decided_by: null,
            decided_at: null,
            decision_note: null,
            created_by: actor.userId,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('leave_request_sessions')
          .values(sessionIds.map((session_id) => ({ leave_id: leaveId, session_id })))
          .execute();
        await recordAudit(trx, actor, {
          action: 'leave.request',
          entityType: 'leave',
          entityId: leaveId,
          scopePath: program.path,
          summary: `${actor.displayName} 申请请假 ${hours} 学时（${program.name}）`,
          after: { programId: body.programId, sessionIds, reason: body.reason, hours },
        });
        await notifyUsers(trx, await programManagerIds(trx, program.organizer_org_id, enrolment.class_id), {
          kind: 'leave.requested',
          title: `${actor.displayName} 提交了请假申请`,
          body: `${program.name}：${sessionIds.length} 节课，${hours} 学时。事由：${body.reason}`,
          link: `/programs/${body.programId}?tab=leave`,
        });
        return leaveId;
      });
      return (await presentLeave(db, [id]))[0]!;
    },

    async listMine(actor: Actor): Promise<LeaveRequestDto[]> {
      if (actor.cadreId === null) return [];
      const rows = await read
        .selectFrom('leave_requests')
        .select('id')
        .where('cadre_id', '=', actor.cadreId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(200)
        .execute();
      return presentLeave(
        read,
        rows.map((r) => r.id),
      );
    },

    async cancel(actor: Actor, id: number): Promise<LeaveRequestDto> {
      const row = await read.selectFrom('leave_requests').select(['id', 'cadre_id', 'program_id', 'status']).where('id', '=', id).executeTakeFirst();
      if (!row || actor.cadreId === null || row.cadre_id !== actor.cadreId) throw notFound('请假申请');
      const program = await read
        .selectFrom('programs as p')
        .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
        .select('o.path')
        .where('p.id', '=', row.program_id)
        .executeTakeFirstOrThrow();
      await db.transaction().execute(async (trx) => {
        const done = await trx
          .updateTable('leave_requests')
          .set({ status: 'cancelled', updated_at: nowIso() })
          .where('id', '=', id)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw conflict('只能撤回待审批的请假申请');
        await recordAudit(trx, actor, {
          action: 'leave.cancel',
          entityType: 'leave',
          entityId: id,
          scopePath: program.path,
          summary: `${actor.displayName} 撤回请假申请`,
        });
      });
      return (await presentLeave(db, [id]))[0]!;
    },

    /** Stores the evidence (a sick note, a meeting notice) of the trainee's own pending request. */
    async attach(actor: Actor, id: number, file: { filename: string; file: Readable } | undefined): Promise<LeaveRequestDto> {
      const row = await read.selectFrom('leave_requests').select(['id', 'cadre_id', 'program_id', 'status']).where('id', '=', id).executeTakeFirst();
      if (!row || actor.cadreId === null || row.cadre_id !== actor.cadreId) throw notFound('请假申请');
      if (!file) throw invalid([{ field: 'file', message: '请选择文件' }]);
      const ext = /\.[A-Za-z0-9]+$/.exec(file.filename)?.[0]?.toLowerCase() ?? '';
      if (!ATTACHMENT_TYPES[ext]) {
        file.file.resume();
        throw invalid([{ field: 'file', message: '仅支持 PDF 或图片（jpg、png、webp、heic）' }]);
      }
      if (row.status !== 'pending') {
        file.file.resume();
        throw conflict('只能为待审批的请假申请上传证明');
      }
      mkdirSync(leaveDir, { recursive: true });
      const path = join(leaveDir, `${randomUUID()}${ext}`);
      let bytes = 0;
      file.file.on('data', (chunk: Buffer) => (bytes += chunk.length));
      await pipeline(file.file, createWriteStream(path));
      if ((file.file as Readable & { truncated?: boolean }).truncated || bytes > ATTACHMENT_MAX_BYTES) {
        rmSync(path, { force: true });
        throw new AppError('PAYLOAD_TOO_LARGE', '文件不能超过 10 MB');
      }
      const program = await read
        .selectFrom('programs as p')
        .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
        .select('o.path')
        .where('p.id', '=', row.program_id)
        .executeTakeFirstOrThrow();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('leave_requests')
          .set({ attachment_name: file.filename.slice(0, 200), attachment_path: path, updated_at: nowIso() })
          .where('id', '=', id)
          .execute();
        await recordAudit(trx, actor, {
          action: 'leave.attach',
          entityType: 'leave',
          entityId: id,
          scopePath: program.path,
          summary: `上传请假证明 ${file.filename}`,
        });
      });
      return (await presentLeave(db, [id]))[0]!;
    },

    async attachment(actor: Actor, id: number): Promise<{ name: string; type: string; open: () => Readable }> {
      const row = await findVisible(actor, id);
      if (!row.attachment_path || !row.attachment_name) throw notFound('请假证明');
      const path = row.attachment_path;
      const ext = /\.[A-Za-z0-9]+$/.exec(path)?.[0]?.toLowerCase() ?? '';
      return { name: row.attachment_name, type: ATTACHMENT_TYPES[ext] ?? 'application/octet-stream', open: () => createReadStream(path) };
    },

    async listForProgram(actor: Actor, programId: number, status?: LeaveStatus): Promise<LeaveRequestDto[]> {
      requirePermission(actor, 'program:read');
      await programInScope(read, actor, programId);
      const rows = await read
        .selectFrom('leave_requests')
        .select('id')
        .where('program_id', '=', programId)
        .$if(status !== undefined, (q) => q.where('status', '=', status!))
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1000)
        .execute();
      const list = await presentLeave(
        read,
        rows.map((r) => r.id),
      );
      // Pending first: that is the work waiting for the reader.
      return [...list.filter((l) => l.status === 'pending'), ...list.filter((l) => l.status !== 'pending')];
    },

    /**
     * Approve or reject a pending request. Approval: excused marks (method 'leave') on its sessions, the ledger
     * recomputed, then the 1/7 rule on all approved leave — crossing it flags the enrolment and notifies managers.
     */
    async decide(actor: Actor, id: number, decision: LeaveDecision): Promise<LeaveRequestDto> {
      requirePermission(actor, 'attendance:write');
      const row = await findVisible(actor, id);
      await programInScope(read, actor, row.program_id);
      const reach = await classReach(read, actor, row.program_id);
      if (!reachesClass(reach, row.class_id)) throw forbidden('只能审批本人带班学员的请假');
      const approve = decision.decision === 'approve';
      await db.transaction().execute(async (trx) => {
        const at = nowIso();
        // The status guard makes a second decision (or two managers at once) a conflict, never a double approval.
        const done = await trx
          .updateTable('leave_requests')
          .set({
            status: approve ? 'approved' : 'rejected',
            decided_by: actor.userId || null,
            decided_at: at,
            decision_note: decision.note ?? null,
            updated_at: at,
          })
          .where('id', '=', id)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw conflict('该请假申请已处理，不能重复审批');
        const sessionIds = (await trx.selectFrom('leave_request_sessions').select('session_id').where('leave_id', '=', id).execute()).map((s) => s.session_id);
        let flagged = false;
        let standing = { approved: 0, required: 0 };
        if (approve) {
          const excused = {
            status: 'excused',
            method: 'leave',
            minutes_missed: 0,
            remarks: `请假（#${id}）`,
            recorded_by: actor.userId || null,
            updated_at: at,
          };
          for (const sessionId of sessionIds) {
            await trx
              .insertInto('attendance')
              .values({
                session_id: sessionId,
                stop_seq: 0,
                cadre_id: row.cadre_id,
                enrolment_id: row.enrolment_id,
                checked_in_at: null,
                lat: null,
                lng: null,
                accuracy_m: null,
                distance_m: null,
                created_at: at,
                ...excused,
              })
              .onConflict((oc) => oc.columns(['session_id', 'stop_seq', 'cadre_id']).doUpdateSet(excused))
              .execute();
          }
          await recomputeProgramHours(trx, row.program_id, [row.cadre_id]);
          standing = (await leaveStanding(trx, [row.enrolment_id])).get(row.enrolment_id)!;
          const enrolment = await trx.selectFrom('enrolments').select('withdrawal_flagged_at').where('id', '=', row.enrolment_id).executeTakeFirstOrThrow();
          if (mustWithdraw(standing.required, standing.approved) && enrolment.withdrawal_flagged_at === null) {
            flagged = true;
            await trx.updateTable('enrolments').set({ withdrawal_flagged_at: at, updated_at: at }).where('id', '=', row.enrolment_id).execute();
          }
        }
        const cadre = await trx.selectFrom('cadres').select('name').where('id', '=', row.cadre_id).executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: approve ? 'leave.approve' : 'leave.reject',
          entityType: 'leave',
          entityId: id,
          scopePath: row.organizer_path,
          summary: `${approve ? '批准' : '驳回'} ${cadre.name} 的请假（${roundHours(row.hours)} 学时）${flagged ? '；累计请假超过总学时七分之一，标记为应退学' : ''}`,
          before: { status: 'pending' },
          after: {
            status: approve ? 'approved' : 'rejected',
            note: decision.note ?? null,
            ...(approve ? { leaveHours: standing.approved, requiredHours: standing.required, flagged } : {}),
          },
        });
        await notifyUsers(trx, await cadreUserIds(trx, row.cadre_id), {
          kind: approve ? 'leave.approved' : 'leave.rejected',
          title: approve ? '您的请假申请已批准' : '您的请假申请被驳回',
          body: `${row.program_name}：${roundHours(row.hours)} 学时${decision.note ? `。意见：${decision.note}` : ''}`,
          link: '/m/leave',
        });
        if (flagged) {
          await notifyUsers(trx, await programManagerIds(trx, row.organizer_org_id, row.class_id), {
            kind: 'leave.withdrawal',
            title: `${cadre.name} 累计请假超过总学时七分之一`,
            body: `${row.program_name}：已批准请假 ${standing.approved} 学时 / 应参训 ${standing.required} 学时，按规定应予退学，请处理。`,
            link: `/programs/${row.program_id}?tab=leave`,
          });
        }
      });
      return (await presentLeave(db, [id]))[0]!;
    },
  };
}
export type LeaveService = ReturnType<typeof createLeaveService>;
