// A program's hours per trainee (the program's 学时 tab), and a manual full recompute of its ledger rows.
import { sumHours } from '@duibiao/core/hours/index';
import type { ProgramHours } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { programInScope } from '../programs/program-access.ts';
import { effectivePolicy } from './credit-policy.service.ts';
import { recomputeWholeProgram } from './ledger.ts';
import { approvedLeaveOf, groupBy, marksOf, programEnrolments, programLedger, sessionsOfPrograms } from './program-hours.repo.ts';
import { progressOf } from './progress.rules.ts';

export function createProgramHoursService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  return {
    async get(actor: Actor, programId: number): Promise<ProgramHours> {
      requirePermission(actor, 'hours:read');
      const program = await programInScope(read, actor, programId);
      const enrolments = await programEnrolments(read, programId);
      const ids = enrolments.map((e) => e.id);
      const [sessions, marks, leave, ledger, policy] = await Promise.all([
        sessionsOfPrograms(read, [programId]),
        marksOf(read, ids),
        approvedLeaveOf(read, ids),
        programLedger(read, programId),
        effectivePolicy(read, { id: program.organizer_org_id, path: program.organizer_path }),
      ]);
      const marksBy = groupBy(marks, (m) => m.enrolment_id);
      const leaveBy = groupBy(leave, (l) => l.enrolment_id);
      const ledgerBy = groupBy(ledger, (l) => l.cadre_id);
      const items = enrolments.map((e) => {
        const progress = progressOf(
          sessions,
          e,
          new Map((marksBy.get(e.id) ?? []).map((m) => [m.session_id, m.status])),
          new Set((leaveBy.get(e.id) ?? []).map((l) => l.session_id)),
        );
        const rows = ledgerBy.get(e.cadre_id) ?? [];
        return {
          enrolmentId: e.id,
          cadreId: e.cadre_id,
          name: e.name,
          org: e.org_name,
          className: e.class_name,
          enrolmentStatus: e.status,
          scheduledHours: progress.scheduledHours,
          creditedHours: sumHours(rows.map((r) => Number(r.hours))),
          onlineHours: sumHours(rows.filter((r) => r.category === 'online').map((r) => Number(r.hours))),
          days: rows.reduce((n, r) => n + Number(r.days), 0),
          leaveHours: progress.leaveHours,
          absences: progress.absences,
          mustWithdraw: progress.mustWithdraw,
          withdrawalFlaggedAt: e.withdrawal_flagged_at,
        };
      });
      return { programId, policy, items };
    },

    /** Rewrites every trainee's ledger rows from attendance (e.g. after sessions were re-timed). */
    async recompute(actor: Actor, programId: number): Promise<ProgramHours> {
      requirePermission(actor, 'hours:write');
      const program = await programInScope(read, actor, programId);
      await db.transaction().execute(async (trx) => {
        await recomputeWholeProgram(trx, programId);
        await recordAudit(trx, actor, {
          action: 'hours.recompute',
          entityType: 'program',
          entityId: programId,
          scopePath: program.organizer_path,
          summary: `重算「${program.name}」的学时`,
        });
      });
      return this.get(actor, programId);
    },
  };
}
