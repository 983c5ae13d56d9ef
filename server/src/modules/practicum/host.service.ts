// The host side of a long placement (/host/placements): the unit's contact follows their cadres, the mentor comments on
// weekly logs, and the host records the mid-term review and the final assessment. Organizers with program:write may
// do the same on the host's behalf (the same routes; see practicum-access.ts).
import type { FinalReviewInput, HostPlacementDetail, MidtermReviewInput, PlacementCommentInput, PracticumRow } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { cadreUserIds, notifyUsers } from '../attendance/notifications.repo.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { beijingToday } from '../hours/time.ts';
import { writeFinalReview } from './final-review.ts';
import { hostSidePlacement } from './practicum-access.ts';
import { presentCadre, presentCore, presentRow } from './practicum.present.ts';
import { findLogById, findPlacement, findReview, listHostPlacements, logsOf, reviewsOf, type PlacementContextRow } from './practicum.repo.ts';

export function createHostPracticumService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  async function detailOf(row: PlacementContextRow): Promise<HostPlacementDetail> {
    const [logs, reviews] = await Promise.all([logsOf(read, [row.id]), reviewsOf(read, [row.id])]);
    const today = beijingToday();
    return { ...presentCore(row, logs, reviews, today), cadre: presentCadre(row, today) };
  }

  const writable = (actor: Actor, id: number) => hostSidePlacement(read, actor, id, 'program:write');

  return {
    /** The cadres placed at units whose contact is the caller. */
    async list(actor: Actor): Promise<PracticumRow[]> {
      requirePermission(actor, 'placement:host');
      const rows = await listHostPlacements(read, actor.userId);
      const ids = rows.map((r) => r.id);
      const [logs, reviews] = await Promise.all([logsOf(read, ids), reviewsOf(read, ids)]);
      const today = beijingToday();
      return rows.map((r) => presentRow(r, logs, reviews, today));
    },

    async detail(actor: Actor, id: number): Promise<HostPlacementDetail> {
      return detailOf(await hostSidePlacement(read, actor, id, 'program:read'));
    },

    /** 导师点评: sets (or revises) the comment; from then on the trainee can no longer edit that week. */
    async comment(actor: Actor, id: number, logId: number, input: PlacementCommentInput): Promise<HostPlacementDetail> {
      const row = await writable(actor, id);
      const log = await findLogById(read, id, logId);
      if (!log) throw notFound('工作周志');
      await db.transaction().execute(async (trx) => {
        const at = nowIso();
        await trx
          .updateTable('placement_logs')
          .set({ mentor_comment: input.comment, commented_by: actor.userId || null, commented_at: at, updated_at: at })
          .where('id', '=', logId)
          .where('placement_id', '=', id)
          .execute();
        await recordAudit(trx, actor, {
          action: 'placement_log.comment',
          entityType: 'placement_log',
          entityId: logId,
          scopePath: row.organizer_path,
          summary: `点评 ${row.cadre_name} 的工作周志（${log.week_start} 周）`,
          before: { comment: log.mentor_comment },
          after: { comment: input.comment },
        });
        await notifyUsers(trx, await cadreUserIds(trx, row.cadre_id), {
          kind: 'placement_log.comment',
          title: `导师点评了您的工作周志（${log.week_start} 周）`,
          body: input.comment.slice(0, 200),
          link: '/m/placement',
        });
      });
      return detailOf(row);
    },

    /** 中期评估: host feedback and a score; re-submitting replaces it. */
    async saveMidterm(actor: Actor, id: number, input: MidtermReviewInput): Promise<HostPlacementDetail> {
      const row = await writable(actor, id);
      if (row.status === 'completed') throw conflict('实训已期满考核，中期评估不能再修改');
      const before = await findReview(read, id, 'midterm');
      await db.transaction().execute(async (trx) => {
        const at = nowIso();
        const values = { host_feedback: input.hostFeedback, score: input.score, reviewer_id: actor.userId || null, updated_at: at };
        if (before) await trx.updateTable('placement_reviews').set(values).where('id', '=', before.id).execute();
        else
          await trx
            .insertInto('placement_reviews')
            .values({ ...values, placement_id: id, kind: 'midterm', self_summary: null, result: null, hours: null, hours_entry_id: null, created_at: at })
            .execute();
        await recordAudit(trx, actor, {
          action: 'placement_review.save',
          entityType: 'placement_review',
          entityId: id,
          scopePath: row.organizer_path,
          summary: `记录 ${row.cadre_name} 的中期评估（${input.score} 分）`,
          before: before ? { hostFeedback: before.host_feedback, score: before.score } : undefined,
          after: { kind: 'midterm', ...input },
        });
      });
      return detailOf(row);
    },

    /** 期满考核: completes the placement and credits the training file (see final-review.ts). */
    async saveFinal(actor: Actor, id: number, input: FinalReviewInput): Promise<HostPlacementDetail> {
      const row = await writable(actor, id);
      if (!row.start_date || !row.end_date) throw conflict('安置缺少起止日期，无法折算学时');
      await db.transaction().execute((trx) => writeFinalReview(trx, actor, row, input));
      return detailOf((await findPlacement(read, id)) ?? row);
    },
  };
}
