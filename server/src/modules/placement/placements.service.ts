// Placements: a run is applied as drafts (published ones are never replaced), staff may move a cadre by hand (the
// blocking-pair count of the whole assignment is recomputed), then publishing notifies cadres and host contacts.
import type { Placement, PlacementOverrideResult, PlacementStatus, PublishResult } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import type { Actor } from '../auth/actor.ts';
import { cadreUserIds, notifyUsers } from '../attendance/notifications.repo.ts';
import { organizerProgram } from './placement-access.ts';
import { cadreKey, countBlockingPairs, idOf, nameSentence, postKey, postLabel } from './placement-instance.ts';
import { findPlacement, listProgramPlacements, listProgramPosts, type PlacementRow } from './placement.repo.ts';
import { parseRun, type RunService } from './runs.service.ts';

export const presentPlacement = (r: PlacementRow): Placement => ({
  id: r.id,
  programId: r.program_id,
  cadre: { id: r.cadre_id, name: r.cadre_name, orgName: r.cadre_org_name },
  post: { id: r.post_id, title: r.post_title },
  hostUnit: { id: r.host_unit_id, name: r.unit_name },
  runId: r.run_id,
  status: r.status as PlacementStatus,
  choice: r.choice,
  explanation: r.explanation,
  startDate: r.start_date,
  endDate: r.end_date,
  publishedAt: r.published_at,
});

export function createPlacementsService(ctx: AppContext, runs: RunService) {
  const db = ctx.db.kysely;

  return {
    async list(actor: Actor, programId: number): Promise<Placement[]> {
      await organizerProgram(db, actor, programId, false);
      return (await listProgramPlacements(db, programId)).map(presentPlacement);
    },

    /** Writes the run's assignments as drafts, replacing earlier drafts; cadres already published keep theirs. */
    async apply(actor: Actor, runId: number): Promise<Placement[]> {
      const row = await runs.runInScope(actor, runId, true);
      const program = await organizerProgram(db, actor, row.program_id, true);
      const { result } = parseRun(row);
      const posts = new Map((await listProgramPosts(db, program.id)).map((p) => [p.id, p]));
      const missing = result.assignments.filter((a) => !posts.has(idOf(a.host)));
      if (missing.length > 0) throw conflict(`方案中的岗位已被删除（${missing.map((a) => postLabel(result.labels, a.host)).join('、')}），请重新求解`);
      const enrolments = new Map(
        (await db.selectFrom('enrolments').select(['id', 'cadre_id']).where('program_id', '=', program.id).where('status', '=', 'enrolled').execute()).map(
          (e) => [e.cadre_id, e.id],
        ),
      );
      const explanations = new Map(result.explanations.map((e) => [e.cadre, e]));
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('placements').where('program_id', '=', program.id).where('status', '=', 'draft').execute();
        const kept = new Set((await trx.selectFrom('placements').select('cadre_id').where('program_id', '=', program.id).execute()).map((p) => p.cadre_id));
        const at = nowIso();
        const rows = result.assignments
          .map((a) => ({ cadreId: idOf(a.cadre), post: posts.get(idOf(a.host))!, explanation: explanations.get(a.cadre) }))
          .filter((a) => !kept.has(a.cadreId) && enrolments.has(a.cadreId))
          .map((a) => ({
            program_id: program.id,
            enrolment_id: enrolments.get(a.cadreId)!,
            cadre_id: a.cadreId,
            post_id: a.post.id,
            host_unit_id: a.post.host_unit_id,
            run_id: runId,
            status: 'draft',
            choice: a.explanation?.choice ?? null,
            explanation: a.explanation ? nameSentence(a.explanation.zh, result.labels) : null,
            start_date: program.start_date,
            end_date: program.end_date,
            published_at: null,
            remote_checkin_at: null,
            remote_checkin_tasks: null,
            created_at: at,
            updated_at: at,
          }));
        if (rows.length > 0) await trx.insertInto('placements').values(rows).execute();
        await recordAudit(trx, actor, {
          action: 'placement.apply',
          entityType: 'placement_run',
          entityId: runId,
          scopePath: program.organizer_path,
          summary: `${program.name}：采用安置方案 #${runId}（${rows.length} 人待发布）`,
        });
      });
      return this.list(actor, program.id);
    },

    /** Moves a draft placement to another post of the program; banned or full posts are refused (400). */
    async override(actor: Actor, id: number, postId: number): Promise<PlacementOverrideResult> {
      const row = await findPlacement(db, id);
      if (!row) throw notFound('安置记录');
      const program = await organizerProgram(db, actor, row.program_id, true).catch((error: unknown) => {
        throw (error as { code?: string }).code === 'FORBIDDEN' ? error : notFound('安置记录');
      });
      if (row.status !== 'draft') throw conflict('安置结果已发布，不能再调整');
      const post = (await listProgramPosts(db, program.id)).find((p) => p.id === postId);
      if (!post) throw invalid([{ field: 'postId', message: '岗位不属于本项目' }]);
      const ban = await db
        .selectFrom('placement_bans')
        .select(['kind', 'reason'])
        .where('cadre_id', '=', row.cadre_id)
        .where('host_unit_id', '=', post.host_unit_id)
        .executeTakeFirst();
      if (ban)
        throw invalid([{ field: 'postId', message: `${row.cadre_name} 按回避规定不得安排到 ${post.unit_name}${ban.reason ? `（${ban.reason}）` : ''}` }]);
      const others = await db.selectFrom('placements').select('id').where('post_id', '=', postId).where('id', '!=', id).execute();
      if (others.length >= post.seats) throw invalid([{ field: 'postId', message: `岗位 ${post.title} 名额已满（${post.seats} 人）` }]);

      const run =
        row.run_id !== null ? await db.selectFrom('placement_runs').select(['instance', 'result']).where('id', '=', row.run_id).executeTakeFirst() : undefined;
      const instance = run ? parseRun(run).instance : undefined;
      const prefs = instance?.cadres.find((c) => c.id === cadreKey(row.cadre_id))?.prefs ?? [];
      const at = prefs.indexOf(postKey(postId));
      const choice = at >= 0 ? at + 1 : null;
      const label = `${post.unit_name}·${post.title}`;
      const explanation = `经人工调整，你被安排到${label}${choice !== null ? `（你的第${choice}志愿）` : '（不在你填报的志愿中）'}。`;
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('placements')
          .set({ post_id: postId, host_unit_id: post.host_unit_id, choice, explanation, updated_at: nowIso() })
          .where('id', '=', id)
          .execute();
        await recordAudit(trx, actor, {
          action: 'placement.override',
          entityType: 'placement',
          entityId: id,
          scopePath: program.organizer_path,
          summary: `${program.name}：将 ${row.cadre_name} 从 ${row.unit_name}·${row.post_title} 调整到 ${label}`,
          before: { postId: row.post_id },
          after: { postId },
        });
      });
      const placements = await listProgramPlacements(db, program.id);
      let blockingPairs = 0;
      if (instance) {
        const known = new Set(instance.hosts.map((h) => h.id));
        const assignment = new Map(placements.filter((p) => known.has(postKey(p.post_id))).map((p) => [cadreKey(p.cadre_id), postKey(p.post_id)]));
        blockingPairs = countBlockingPairs(instance, assignment);
      }
      return { placement: presentPlacement(placements.find((p) => p.id === id)!), blockingPairs };
    },

    /** Publishes every draft, notifies each cadre and each host unit's contact; publishing again changes nothing. */
    async publish(actor: Actor, programId: number): Promise<PublishResult> {
      const program = await organizerProgram(db, actor, programId, true);
      const drafts = (await listProgramPlacements(db, programId)).filter((p) => p.status === 'draft');
      if (drafts.length === 0) return { published: 0, notified: 0 };
      const contacts = await db
        .selectFrom('host_units as u')
        .innerJoin('users as usr', 'usr.id', 'u.contact_user_id')
        .select(['u.id', 'u.contact_user_id'])
        .where('usr.is_active', '=', 1)
        .where(
          'u.id',
          'in',
          drafts.map((d) => d.host_unit_id),
        )
        .execute();
      let notified = 0;
      await db.transaction().execute(async (trx) => {
        const at = nowIso();
        await trx
          .updateTable('placements')
          .set({ status: 'published', published_at: at, updated_at: at })
          .where('program_id', '=', programId)
          .where('status', '=', 'draft')
          .execute();
        const runIds = [...new Set(drafts.map((d) => d.run_id).filter((r): r is number => r !== null))];
        if (runIds.length > 0)
          await trx
            .updateTable('placement_runs')
            .set({ published_at: at, published_by: actor.userId || null })
            .where('id', 'in', runIds)
            .execute();
        for (const d of drafts) {
          const users = await cadreUserIds(trx, d.cadre_id);
          notified += users.length;
          await notifyUsers(trx, users, {
            kind: 'placement.published',
            title: `${program.name}：你的实训单位已确定`,
            body: `${d.unit_name}·${d.post_title}。${d.explanation ?? ''}`,
            link: '/m/placement',
          });
        }
        for (const unitId of new Set(drafts.map((d) => d.host_unit_id))) {
          const contact = contacts.find((c) => c.id === unitId);
          if (!contact?.contact_user_id) continue;
          const names = drafts.filter((d) => d.host_unit_id === unitId).map((d) => d.cadre_name);
          notified++;
          await notifyUsers(trx, [contact.contact_user_id], {
            kind: 'placement.published',
            title: `${program.name}：${names.length} 名干部将到贵单位实训`,
            body: names.join('、'),
            link: '/host',
          });
        }
        await recordAudit(trx, actor, {
          action: 'placement.publish',
          entityType: 'program',
          entityId: programId,
          scopePath: program.organizer_path,
          summary: `${program.name}：发布 ${drafts.length} 条安置结果`,
          after: { placementIds: drafts.map((d) => d.id) },
        });
      });
      return { published: drafts.length, notified };
    },
  };
}
