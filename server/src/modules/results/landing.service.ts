// Landing across recommendations: the owner unit's tracker (/landing), a program's landing rate, issue-3 reflection
// action items brought into the same tracker, due-date reminders, and the landing ledger export.
import type { LandingPage, LandingQuery, LandingStats, RecommendationFilter, RecommendationStatus, ReflectionImportResult } from '@duibiao/contracts';
import { LANDING_REMIND_DAYS, LABELS } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { inSubtree, nowIso } from '../../db/dialect.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { notifyUsers, programManagerIds } from '../attendance/notifications.repo.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { PERMISSIONS_BY_ROLE } from '../auth/permissions.ts';
import { beijingToday } from '../hours/time.ts';
import { programInScope } from '../programs/program-access.ts';
import { ledgerDocx, ledgerXlsx, type LedgerRow } from './ledger.ts';
import { presentRecommendation } from './results.present.ts';
import { countRecommendations, evidenceOf, lastUpdatesOf, listRecommendationRows, programStatusRows, type RecommendationListFilter } from './results.repo.ts';
import { STATUS_FROM_ACTION_ITEM, addDays, evidenceSummary, isOverdue, landingStats, needsReminder } from './results.rules.ts';

const LANDING_ROLES = Object.entries(PERMISSIONS_BY_ROLE)
  .filter(([, permissions]) => permissions.includes('landing:write'))
  .map(([role]) => role);

/** '/1/5/23/' → ['/1/', '/1/5/', '/1/5/23/']: the node and its ancestors. */
const pathsUp = (path: string): string[] => {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
};

/**
 * Sends one notification per open recommendation due within 7 days or overdue, once per deadline (`reminded_for`), to
 * the owner unit's landing staff (the owner node and its ancestors inside the organizer's subtree) and the program's
 * organizer staff. `scope` limits it to programs organised in that subtree. Returns how many were reminded. The server
 * may call it once a day with `beijingToday()`.
 */
export async function remindDueRecommendations(ctx: AppContext, today: string, scope = '/'): Promise<number> {
  const db = ctx.db.kysely;
  const due = await db
    .selectFrom('recommendations as r')
    .innerJoin('programs as p', 'p.id', 'r.program_id')
    .innerJoin('organizations as po', 'po.id', 'p.organizer_org_id')
    .leftJoin('organizations as oo', 'oo.id', 'r.owner_org_id')
    .select([
      'r.id',
      'r.title',
      'r.deadline',
      'r.status',
      'r.reminded_for',
      'p.name as program_name',
      'p.organizer_org_id',
      'po.path as organizer_path',
      'oo.path as owner_path',
    ])
    .where('r.deadline', 'is not', null)
    .where('r.deadline', '<=', addDays(today, LANDING_REMIND_DAYS))
    .where('r.status', 'not in', ['landed', 'rejected'])
    .where(inSubtree('po.path', scope))
    .execute();
  let reminded = 0;
  for (const r of due.filter((row) => needsReminder(row, today, LANDING_REMIND_DAYS))) {
    const ownerPaths = r.owner_path ? pathsUp(r.owner_path).filter((p) => p.startsWith(r.organizer_path)) : [];
    await db.transaction().execute(async (trx) => {
      const marked = await trx
        .updateTable('recommendations')
        .set({ reminded_for: r.deadline })
        .where('id', '=', r.id)
        .where((eb) => eb.or([eb('reminded_for', 'is', null), eb('reminded_for', '!=', r.deadline)]))
        .executeTakeFirst();
      // Another run reminded it meanwhile.
      if (Number(marked.numUpdatedRows) === 0) return;
      const owners =
        ownerPaths.length === 0
          ? []
          : await trx
              .selectFrom('users as u')
              .innerJoin('organizations as o', 'o.id', 'u.org_id')
              .select('u.id')
              .where('u.is_active', '=', 1)
              .where('u.role', 'in', LANDING_ROLES)
              .where('o.path', 'in', ownerPaths)
              .execute();
      const organizers = await programManagerIds(trx, r.organizer_org_id, null);
      const overdue = r.deadline! < today;
      await notifyUsers(trx, [...owners.map((u) => u.id), ...organizers], {
        kind: 'recommendation.due',
        title: `${overdue ? '已逾期' : '即将到期'}：对策建议「${r.title.slice(0, 40)}」（时限 ${r.deadline}）`,
        body: `${r.program_name}：请及时推进落地并报送进展与佐证。`,
        link: '/landing',
      });
      reminded += 1;
    });
  }
  return reminded;
}

export function createLandingService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  async function ledgerRows(actor: Actor, filter: RecommendationListFilter): Promise<LedgerRow[]> {
    const rows = await listRecommendationRows(read, filter);
    const ids = rows.map((r) => r.id);
    const [evidence, last] = await Promise.all([evidenceOf(read, ids), lastUpdatesOf(read, ids)]);
    return rows.map((r) => {
      const u = last.get(r.id);
      const lastUpdate = u
        ? `${u.created_at.slice(0, 10)} ${LABELS.recommendationStatus[u.to_status as RecommendationStatus].zh}${u.note ? `：${u.note}` : ''}`
        : '';
      return {
        programName: r.program_name,
        title: r.title,
        source: presentRecommendation(actor, r, filter.today).source,
        origin: r.report_title ?? r.topic_title,
        owner: r.owner_org_name ?? r.owner_name ?? '',
        deadline: r.deadline,
        status: r.status as RecommendationStatus,
        overdue: isOverdue(r, filter.today),
        lastUpdate,
        evidence: evidenceSummary(evidence.filter((e) => e.recommendation_id === r.id)),
        landedAt: r.landed_at,
      };
    });
  }

  const render = async (format: 'xlsx' | 'docx', title: string, rows: LedgerRow[]) => ({
    name: `${title}_${beijingToday()}.${format}`,
    body: format === 'xlsx' ? await ledgerXlsx(title, rows) : await ledgerDocx(title, rows),
  });

  return {
    /** The owner unit's tracker: recommendations owned by units in the caller's subtree, or of programs organised there. */
    async landingView(actor: Actor, q: LandingQuery): Promise<LandingPage> {
      requirePermission(actor, 'landing:write');
      const today = beijingToday();
      const filter: RecommendationListFilter = { landingPrefix: scopePrefix(actor), status: q.status, overdue: q.overdue, programId: q.programId, today };
      const [total, rows] = await Promise.all([
        countRecommendations(read, filter),
        listRecommendationRows(read, filter, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
      ]);
      return { items: rows.map((r) => presentRecommendation(actor, r, today)), total, page: q.page, pageSize: q.pageSize };
    },

    async stats(actor: Actor, programId: number): Promise<LandingStats> {
      requirePermission(actor, 'program:read');
      await programInScope(read, actor, programId);
      return landingStats(await programStatusRows(read, programId), beijingToday());
    },

    /**
     * One recommendation per action item of the program's reflections (idempotent through the unique action_item_id):
     * owner from the item's free text (an org of the organizer's subtree when the name matches), status mapped.
     */
    async fromReflections(actor: Actor, programId: number): Promise<ReflectionImportResult> {
      requirePermission(actor, 'program:write');
      const program = await programInScope(read, actor, programId);
      return db.transaction().execute(async (trx) => {
        const items = await trx
          .selectFrom('action_items as a')
          .innerJoin('reflections as f', 'f.id', 'a.reflection_id')
          .leftJoin('recommendations as r', 'r.action_item_id', 'a.id')
          .select(['a.id', 'a.content', 'a.owner', 'a.deadline', 'a.status', 'f.title as reflection_title', 'r.id as tracked_id'])
          .where('f.program_id', '=', programId)
          .orderBy('a.id')
          .execute();
        const fresh = items.filter((i) => i.tracked_id === null);
        const names = [...new Set(fresh.map((i) => i.owner.trim()).filter(Boolean))];
        const orgs =
          names.length === 0
            ? []
            : await trx
                .selectFrom('organizations')
                .select(['id', 'name'])
                .where('name', 'in', names)
                .where(inSubtree('path', program.organizer_path))
                .execute();
        const orgByName = new Map(orgs.map((o) => [o.name, o.id]));
        const at = nowIso();
        for (const item of fresh) {
          const status = STATUS_FROM_ACTION_ITEM[item.status] ?? 'accepted';
          const title = (/^[^。；;！!？?\n]+/.exec(item.content)?.[0] ?? item.content).slice(0, 60);
          const { id } = await trx
            .insertInto('recommendations')
            .values({
              program_id: programId,
              source: 'reflection',
              report_id: null,
              topic_id: null,
              action_item_id: item.id,
              title,
              content: item.content,
              owner_org_id: orgByName.get(item.owner.trim()) ?? null,
              owner_name: item.owner.trim() || null,
              deadline: item.deadline,
              expected_effect: null,
              status,
              reject_reason: null,
              landed_at: status === 'landed' ? at.slice(0, 10) : null,
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
            .values({
              recommendation_id: id,
              from_status: null,
              to_status: status,
              note: `来自学习心得《${item.reflection_title}》的行动事项${status === 'landed' ? '（心得中已标记完成）' : ''}`,
              author_user_id: actor.userId || null,
              created_at: at,
            })
            .execute();
        }
        await recordAudit(trx, actor, {
          action: 'recommendation.from_reflections',
          entityType: 'program',
          entityId: programId,
          scopePath: program.organizer_path,
          summary: `${program.name}：从心得行动项导入 ${fresh.length} 条建议`,
          after: { created: fresh.length, alreadyTracked: items.length - fresh.length },
        });
        return { created: fresh.length, alreadyTracked: items.length - fresh.length };
      });
    },

    /** Reminds the due recommendations of programs organised in the caller's subtree. */
    async remind(actor: Actor): Promise<{ count: number }> {
      requirePermission(actor, 'program:write');
      const count = await remindDueRecommendations(ctx, beijingToday(), scopePrefix(actor));
      if (count > 0) {
        await db.transaction().execute((trx) =>
          recordAudit(trx, actor, {
            action: 'recommendation.remind',
            entityType: 'recommendation',
            entityId: null,
            scopePath: scopePrefix(actor),
            summary: `发送落地到期提醒 ${count} 条`,
            after: { count },
          }),
        );
      }
      return { count };
    },

    async exportProgram(actor: Actor, programId: number, format: 'xlsx' | 'docx', filter: RecommendationFilter = {}) {
      requirePermission(actor, 'program:read');
      const program = await programInScope(read, actor, programId);
      const rows = await ledgerRows(actor, { programId, ...filter, today: beijingToday() });
      return render(format, `${program.name}成果转化台账`, rows);
    },

    async exportLanding(actor: Actor, q: Omit<LandingQuery, 'page' | 'pageSize'>, format: 'xlsx' | 'docx') {
      requirePermission(actor, 'landing:write');
      const rows = await ledgerRows(actor, {
        landingPrefix: scopePrefix(actor),
        status: q.status,
        overdue: q.overdue,
        programId: q.programId,
        today: beijingToday(),
      });
      return render(format, `${actor.orgName}成果转化台账`, rows);
    },
  };
}
export type LandingService = ReturnType<typeof createLandingService>;
