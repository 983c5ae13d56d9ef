// The approval chain: the nominating unit approves (单位审核), the organization department decides (approve → a seat,
// or the waitlist when full; waitlist; reject with a reason), and a nomination can be withdrawn, freeing its seat.
import type { BulkDecisionInput, DecisionInput, NominationChange, NominationStatus } from '@duibiao/contracts';
import { LABELS } from '@duibiao/contracts';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { hasPermission } from '../auth/permissions.ts';
import { recomputeProgramHours } from '../hours/ledger.ts';
import { lockProgramRoster } from '../programs/enrolments.repo.ts';
import { presentNominationRows } from './nominations.service.ts';
import { organizedProgram, requireOrganizer } from './selection-access.ts';
import { assertNominationsOpen, loadSelectionProgram } from './selection-program.ts';
import { findNomination, insertEvent, listNominations, type NominationFullRow } from './selection.repo.ts';
import { enrolCadre, hasFreeSeat, nextWaitlistPosition, promoteFromWaitlist, renumberWaitlist } from './waitlist.ts';

/** Which statuses each decision may start from. */
const DECIDABLE: Record<DecisionInput['decision'], readonly NominationStatus[]> = {
  approve: ['unit_approved', 'waitlisted'],
  waitlist: ['unit_approved'],
  reject: ['unit_approved', 'waitlisted'],
};
const DECISION_WORD = { approve: '批准', waitlist: '列入候补', reject: '退回' } as const;
const WITHDRAWABLE: readonly string[] = ['submitted', 'unit_approved', 'approved', 'waitlisted'];

const statusName = (s: string) => LABELS.nominationStatus[s as NominationStatus]?.zh ?? s;
const isNominatorOf = (actor: Actor, n: NominationFullRow) =>
  hasPermission(actor.role, 'nomination:write') && n.nominating_org_path.startsWith(scopePrefix(actor));

export function createDecisionService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  async function step(trx: Kysely<Database>, actor: Actor, n: NominationFullRow, to: string, action: string, reason: string | null, at: string) {
    await insertEvent(trx, { nominationId: n.id, action, from: n.status, to, reason, actorId: actor.userId || null, actorName: actor.displayName, at });
  }

  /** Applies one decision to nominations of one program, all or nothing; messages say what happened to whom. */
  async function decideMany(actor: Actor, programId: number, ids: readonly number[], input: DecisionInput): Promise<NominationChange> {
    const program = await requireOrganizer(read, actor, programId);
    const rows = await listNominations(read, programId, { ids: [...ids] });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = ids.map((id, i) => ({ id, i })).filter((x) => !byId.has(x.id));
    if (missing.length) throw invalid(missing.map((m) => ({ field: `ids.${m.i}`, message: '推荐人选不属于该项目' })));
    const messages: string[] = [];
    await db.transaction().execute(async (trx) => {
      await lockProgramRoster(trx, programId);
      const selection = await loadSelectionProgram(trx, programId);
      const current = await listNominations(trx, programId, { ids: [...ids] });
      const wrong = current.filter((n) => !DECIDABLE[input.decision].includes(n.status as NominationStatus));
      if (wrong.length)
        throw conflict(
          `${wrong.map((n) => `${n.cadre_name}（${statusName(n.status)}）`).join('、')} 当前不能${DECISION_WORD[input.decision]}`,
          wrong.map((n) => ({ field: `ids.${ids.indexOf(n.id)}`, message: `当前状态为${statusName(n.status)}` })),
        );
      const reason = input.reason ?? null;
      for (const id of ids) {
        const n = current.find((r) => r.id === id)!;
        const at = nowIso();
        const base = { decided_by: actor.userId || null, decided_at: at, decision_reason: reason, updated_at: at };
        let to: NominationStatus = input.decision === 'approve' ? 'approved' : input.decision === 'reject' ? 'rejected' : 'waitlisted';
        let note = reason;
        if (to === 'approved' && !(await hasFreeSeat(trx, selection))) to = 'waitlisted';
        if (to === 'approved') {
          const enrolmentId = await enrolCadre(trx, programId, n.cadre_id, at);
          await trx
            .updateTable('nominations')
            .set({ ...base, status: 'approved', waitlist_position: null, enrolment_id: enrolmentId })
            .where('id', '=', id)
            .execute();
          messages.push(`${n.cadre_name} 已批准入选`);
        } else if (to === 'waitlisted') {
          const position = n.status === 'waitlisted' ? n.waitlist_position! : await nextWaitlistPosition(trx, programId);
          await trx
            .updateTable('nominations')
            .set({ ...base, status: 'waitlisted', waitlist_position: position })
            .where('id', '=', id)
            .execute();
          if (input.decision === 'approve') note = `计划人数已满，转入候补第 ${position} 位${reason ? `；${reason}` : ''}`;
          messages.push(
            input.decision === 'approve' ? `${n.cadre_name}：计划人数已满，转入候补第 ${position} 位` : `${n.cadre_name} 列入候补第 ${position} 位`,
          );
        } else {
          await trx
            .updateTable('nominations')
            .set({ ...base, status: 'rejected', waitlist_position: null })
            .where('id', '=', id)
            .execute();
          messages.push(`${n.cadre_name} 已退回`);
        }
        await step(trx, actor, n, to, 'decide', note, at);
        await recordAudit(trx, actor, {
          action: 'nomination.decide',
          entityType: 'nomination',
          entityId: id,
          scopePath: program.organizer_path,
          summary: `${program.name}：${n.cadre_name} ${DECISION_WORD[input.decision]}${to === 'waitlisted' && input.decision === 'approve' ? '（名额已满，转入候补）' : ''}`,
          before: { status: n.status },
          after: { status: to, reason },
        });
      }
      // Rejecting a waitlisted nomination closes a gap in the positions; no seat frees up, so nobody is promoted.
      await renumberWaitlist(trx, programId);
    });
    return { items: await presentNominationRows(read, programId, [...ids]), messages };
  }

  /** A nomination the caller may see as organizer or nominating unit, else 404. */
  async function visibleNomination(actor: Actor, id: number) {
    const n = await findNomination(read, id);
    if (!n) throw notFound('推荐人选');
    const organizer = await organizedProgram(read, actor, n.program_id);
    if (!organizer && !isNominatorOf(actor, n)) throw notFound('推荐人选');
    return { n, organizer };
  }

  return {
    async unitApprove(actor: Actor, id: number, reason?: string): Promise<NominationChange> {
      requirePermission(actor, 'nomination:write');
      const n = await findNomination(read, id);
      if (!n || !isNominatorOf(actor, n)) throw notFound('推荐人选');
      if (n.status !== 'submitted') throw conflict(`当前状态为${statusName(n.status)}，不能再审核`);
      const program = await loadSelectionProgram(read, n.program_id);
      assertNominationsOpen(program);
      await db.transaction().execute(async (trx) => {
        const at = nowIso();
        const moved = await trx
          .updateTable('nominations')
          .set({ status: 'unit_approved', unit_approved_by: actor.userId || null, unit_approved_at: at, updated_at: at })
          .where('id', '=', id)
          .where('status', '=', 'submitted')
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) throw conflict('推荐人选状态已变化，请刷新');
        await step(trx, actor, n, 'unit_approved', 'unit_approve', reason ?? null, at);
        await recordAudit(trx, actor, {
          action: 'nomination.unit_approve',
          entityType: 'nomination',
          entityId: id,
          scopePath: program.organizerPath,
          summary: `${program.name}：${n.nominating_org_name} 审核通过 ${n.cadre_name}`,
          after: { reason: reason ?? null },
        });
      });
      return { items: await presentNominationRows(read, n.program_id, [id]), messages: [`${n.cadre_name} 单位审核通过，报组织部审批`] };
    },

    async decide(actor: Actor, id: number, input: DecisionInput): Promise<NominationChange> {
      requirePermission(actor, 'program:write');
      const n = await findNomination(read, id);
      if (!n || !(await organizedProgram(read, actor, n.program_id))) throw notFound('推荐人选');
      return decideMany(actor, n.program_id, [id], input);
    },

    bulkDecide: (actor: Actor, programId: number, input: BulkDecisionInput): Promise<NominationChange> =>
      decideMany(actor, programId, [...new Set(input.ids)], { decision: input.decision, reason: input.reason }),

    /** By the nominating unit or the organizer; an approved nomination's enrolment is withdrawn and the waitlist moves up. */
    async withdraw(actor: Actor, id: number, reason: string): Promise<NominationChange> {
      if (!hasPermission(actor.role, 'program:write')) requirePermission(actor, 'nomination:write');
      const { n } = await visibleNomination(actor, id);
      if (!WITHDRAWABLE.includes(n.status)) throw conflict(`当前状态为${statusName(n.status)}，不能撤回`);
      const program = await loadSelectionProgram(read, n.program_id);
      const promoted = await db.transaction().execute(async (trx) => {
        await lockProgramRoster(trx, n.program_id);
        const at = nowIso();
        const moved = await trx
          .updateTable('nominations')
          .set({ status: 'withdrawn', waitlist_position: null, updated_at: at })
          .where('id', '=', id)
          .where('status', '=', n.status)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) throw conflict('推荐人选状态已变化，请刷新');
        if (n.status === 'approved' && n.enrolment_id !== null) {
          await trx.updateTable('enrolments').set({ status: 'withdrawn', updated_at: at }).where('id', '=', n.enrolment_id).execute();
          await recomputeProgramHours(trx, n.program_id, [n.cadre_id]);
        }
        await step(trx, actor, n, 'withdrawn', 'withdraw', reason, at);
        await recordAudit(trx, actor, {
          action: 'nomination.withdraw',
          entityType: 'nomination',
          entityId: id,
          scopePath: program.organizerPath,
          summary: `${program.name}：撤回 ${n.cadre_name}（原状态：${statusName(n.status)}）`,
          before: { status: n.status },
          after: { status: 'withdrawn', reason },
        });
        await renumberWaitlist(trx, n.program_id);
        return n.status === 'approved' ? promoteFromWaitlist(trx, actor, n.program_id) : { ids: [], messages: [] };
      });
      return {
        items: await presentNominationRows(read, n.program_id, [id, ...promoted.ids]),
        messages: [`已撤回 ${n.cadre_name}`, ...promoted.messages],
      };
    },
  };
}
