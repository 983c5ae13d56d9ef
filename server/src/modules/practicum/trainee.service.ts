// The trainee's side of a long placement (/me/placements): read it and why they got it, confirm remote check-in
// before arrival, and file one work log per week. The cadre always comes from the session.
import type { MyPlacement, PlacementLogInput, RemoteCheckinInput } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { isUniqueViolation, nowIso } from '../../db/dialect.ts';
import { conflict, invalid } from '../../http/errors.ts';
import { notifyUsers } from '../attendance/notifications.repo.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import type { Actor } from '../auth/actor.ts';
import { beijingToday } from '../hours/time.ts';
import { ownPlacement } from './practicum-access.ts';
import { presentCore } from './practicum.present.ts';
import { findLog, listCadrePlacements, logsOf, reviewsOf, type PlacementContextRow } from './practicum.repo.ts';
import { CHECKIN_GRACE_DAYS, addDays, weekStartProblem } from './practicum.rules.ts';

export function createTraineePracticumService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  async function present(rows: PlacementContextRow[]): Promise<MyPlacement[]> {
    const ids = rows.map((r) => r.id);
    const [logs, reviews] = await Promise.all([logsOf(read, ids), reviewsOf(read, ids)]);
    const today = beijingToday();
    return rows.map((r) => ({ ...presentCore(r, logs, reviews, today), choice: r.choice, explanation: r.explanation }));
  }

  async function one(actor: Actor, id: number): Promise<MyPlacement> {
    return (await present([await ownPlacement(read, actor, id)]))[0]!;
  }

  return {
    async mine(actor: Actor): Promise<MyPlacement[]> {
      if (actor.cadreId === null) return [];
      return present(await listCadrePlacements(read, actor.cadreId));
    },

    /** 远程报到: published → reported, before the start date or within its first week. A second call is a 409. */
    async remoteCheckin(actor: Actor, id: number, input: RemoteCheckinInput): Promise<MyPlacement> {
      const row = await ownPlacement(read, actor, id);
      if (row.status !== 'published') throw conflict('已完成远程报到，无需重复提交');
      if (row.start_date && beijingToday() > addDays(row.start_date, CHECKIN_GRACE_DAYS)) {
        throw conflict(`远程报到已截止（须在到岗后 ${CHECKIN_GRACE_DAYS} 天内完成）`);
      }
      await db.transaction().execute(async (trx) => {
        const at = nowIso();
        const done = await trx
          .updateTable('placements')
          .set({ status: 'reported', remote_checkin_at: at, remote_checkin_contacted: 1, remote_checkin_tasks: input.firstTasks, updated_at: at })
          .where('id', '=', id)
          .where('status', '=', 'published')
          .executeTakeFirst();
        // A concurrent second submission lost the race: same answer as a sequential one.
        if (Number(done.numUpdatedRows) === 0) throw conflict('已完成远程报到，无需重复提交');
        await recordAudit(trx, actor, {
          action: 'placement.remote_checkin',
          entityType: 'placement',
          entityId: id,
          scopePath: row.organizer_path,
          summary: `${row.cadre_name} 完成远程报到（${row.host_name}）`,
          before: { status: row.status },
          after: { status: 'reported', firstTasks: input.firstTasks },
        });
        if (row.contact_user_id !== null) {
          await notifyUsers(trx, [row.contact_user_id], {
            kind: 'placement.remote_checkin',
            title: `${row.cadre_name} 已完成远程报到`,
            body: input.firstTasks.slice(0, 200),
            link: '/host',
          });
        }
      });
      return one(actor, id);
    },

    /** Creates or updates the log of one week; locked once the mentor has commented. */
    async saveLog(actor: Actor, id: number, weekStart: string, input: PlacementLogInput): Promise<MyPlacement> {
      const row = await ownPlacement(read, actor, id);
      const problem = weekStartProblem(weekStart, { startDate: row.start_date, endDate: row.end_date }, beijingToday());
      if (problem) throw invalid([{ field: 'weekStart', message: problem }]);
      if (row.status === 'completed') throw conflict('实训已期满考核，周志不能再修改');
      const existing = await findLog(read, id, weekStart);
      if (existing?.mentor_comment) throw conflict('导师已点评该周周志，不能再修改');
      await db.transaction().execute(async (trx) => {
        const at = nowIso();
        const values = { content: input.content, next_plan: input.nextPlan ?? null, updated_at: at };
        let logId: number;
        if (existing) {
          const done = await trx.updateTable('placement_logs').set(values).where('id', '=', existing.id).where('mentor_comment', 'is', null).executeTakeFirst();
          if (Number(done.numUpdatedRows) === 0) throw conflict('导师已点评该周周志，不能再修改');
          logId = existing.id;
        } else {
          const inserted = await trx
            .insertInto('placement_logs')
            .values({ ...values, placement_id: id, week_start: weekStart, mentor_comment: null, commented_by: null, commented_at: null, created_at: at })
            .returning('id')
            .executeTakeFirstOrThrow()
            .catch((e: unknown) => {
              // Two first submissions of the same week at once: the loser is told, not given a 500.
              throw isUniqueViolation(e) ? conflict('该周周志刚刚已提交，请刷新后再修改') : e;
            });
          logId = inserted.id;
        }
        await recordAudit(trx, actor, {
          action: 'placement_log.save',
          entityType: 'placement_log',
          entityId: logId,
          scopePath: row.organizer_path,
          summary: `${row.cadre_name} ${existing ? '修改' : '提交'}工作周志（${weekStart} 周）`,
          before: existing ? { content: existing.content, nextPlan: existing.next_plan } : undefined,
          after: { weekStart, ...input },
        });
        if (row.contact_user_id !== null) {
          await notifyUsers(trx, [row.contact_user_id], {
            kind: 'placement_log.save',
            title: `${row.cadre_name} 提交了工作周志（${weekStart} 周）`,
            body: input.content.slice(0, 200),
            link: '/host',
          });
        }
      });
      return one(actor, id);
    },
  };
}
