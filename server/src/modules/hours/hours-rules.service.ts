// Compliance rules as data: the caller's effective rules, and edits on the caller's own node (audited).
import { validateHoursRule, type HoursRule, type RuleWindow } from '@duibiao/core/hours/index';
import type { HoursRulesView, Rank } from '@duibiao/contracts';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import type { Database, OrgRow } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { hasPermission } from '../auth/permissions.ts';
import { findOrgInScope } from '../orgs/orgs.repo.ts';
import { deleteAllOwnRules, deleteOwnRule, findOwnRule, loadAllRules, saveOwnRule } from './hours-rules.repo.ts';
import { groupByOrg, resolveRules } from './hours-rules.rules.ts';

/** The path of a node's parent ('/1/5/23/' → '/1/5/'); rules there are what the node would inherit. */
const parentPath = (path: string) => path.replace(/[^/]+\/$/, '');

/** Validates an editor's rule body (every problem with a dotted field path) and keeps only the rule's own fields. */
export function toHoursRule(body: unknown, code?: string): HoursRule {
  const input = { ...(body as Record<string, unknown>) };
  if (code !== undefined) {
    if (input.id !== undefined && input.id !== code) throw invalid([{ field: 'id', message: '规则编号与地址中的编号不一致' }]);
    input.id = code;
  }
  const errors = validateHoursRule(input);
  if (typeof input.id === 'string' && input.id.trim() && !/^[A-Za-z0-9_-]{1,60}$/.test(input.id)) {
    errors.push({ field: 'id', message: '规则编号只能包含字母、数字、短横线和下划线，不超过60个字符' });
  }
  if (errors.length > 0) throw invalid(errors, '学时规则有误');
  const r = input as unknown as HoursRule;
  const window: RuleWindow =
    r.window.kind === 'calendarYear' ? { kind: 'calendarYear' } : { kind: 'calendarYears', years: r.window.years, anchorYear: r.window.anchorYear };
  return {
    id: r.id.trim(),
    name: { zh: r.name.zh.trim(), en: r.name.en.trim() },
    appliesTo: { ranks: [...r.appliesTo.ranks] as Rank[] },
    window,
    category: r.category,
    ...(r.minHours === undefined || r.minHours === null ? {} : { minHours: r.minHours }),
    ...(r.minDays === undefined || r.minDays === null ? {} : { minDays: r.minDays }),
  };
}

export function createHoursRulesService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  async function orgNames(q: Kysely<Database>, ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await q.selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async function view(q: Kysely<Database>, actor: Actor, org: OrgRow): Promise<HoursRulesView> {
    const resolved = resolveRules(groupByOrg(await loadAllRules(q)), org.path);
    const names = await orgNames(
      q,
      [...resolved.rules.map((r) => r.fromOrgId), ...resolved.disabled.map((d) => d.fromOrgId)].filter((id): id is number => id !== null),
    );
    const from = (id: number | null) => (id === null ? null : { orgId: id, name: names.get(id) ?? '' });
    return {
      org: { id: org.id, name: org.name },
      rules: resolved.rules.map((r) => ({ rule: r.rule, source: r.source, from: from(r.fromOrgId) })),
      disabled: resolved.disabled.map((d) => ({ code: d.code, from: { orgId: d.fromOrgId, name: names.get(d.fromOrgId) ?? '' } })),
      editable: hasPermission(actor.role, 'hours:rules') && org.id === actor.orgId,
    };
  }

  /** Rules are edited on the caller's own node only: its subtree is what it answers for. */
  async function ownOrg(actor: Actor): Promise<OrgRow> {
    requirePermission(actor, 'hours:rules');
    const org = await findOrgInScope(read, scopePrefix(actor), actor.orgId);
    if (!org) throw notFound('单位');
    return org;
  }

  async function upstreamRule(q: Kysely<Database>, org: OrgRow, code: string) {
    return resolveRules(groupByOrg(await loadAllRules(q)), parentPath(org.path)).rules.find((r) => r.rule.id === code);
  }

  return {
    async get(actor: Actor, orgId?: number): Promise<HoursRulesView> {
      requirePermission(actor, 'hours:read');
      const org = await findOrgInScope(read, scopePrefix(actor), orgId ?? actor.orgId);
      if (!org) throw notFound('单位');
      return view(read, actor, org);
    },

    async create(actor: Actor, body: unknown): Promise<HoursRulesView> {
      const org = await ownOrg(actor);
      const rule = toHoursRule(body);
      await db.transaction().execute(async (trx) => {
        const current = resolveRules(groupByOrg(await loadAllRules(trx)), org.path);
        if (current.rules.some((r) => r.rule.id === rule.id)) {
          throw conflict('已有相同编号的规则，请直接修改该规则', [{ field: 'id', message: `规则编号已存在：${rule.id}` }]);
        }
        await saveOwnRule(trx, org.id, rule, true, actor.userId || null, nowIso());
        await recordAudit(trx, actor, {
          action: 'hours.rule_create',
          entityType: 'hours_rule',
          entityId: rule.id,
          scopePath: org.path,
          summary: `${org.name} 新增学时规则「${rule.name.zh}」`,
          after: rule,
        });
      });
      return view(db, actor, org);
    },

    async update(actor: Actor, code: string, body: unknown): Promise<HoursRulesView> {
      const org = await ownOrg(actor);
      const rule = toHoursRule(body, code);
      await db.transaction().execute(async (trx) => {
        const current = resolveRules(groupByOrg(await loadAllRules(trx)), org.path).rules.find((r) => r.rule.id === code);
        const own = await findOwnRule(trx, org.id, code);
        // A rule switched off here may be edited back on; a code nobody defined must be created first.
        if (!current && !own) throw notFound('学时规则');
        await saveOwnRule(trx, org.id, rule, true, actor.userId || null, nowIso());
        await recordAudit(trx, actor, {
          action: 'hours.rule_update',
          entityType: 'hours_rule',
          entityId: code,
          scopePath: org.path,
          summary: `${org.name} 修改学时规则「${rule.name.zh}」`,
          before: current?.rule ?? null,
          after: rule,
        });
      });
      return view(db, actor, org);
    },

    /**
     * Removes the caller's setting for a rule: an own change to an inherited rule is undone (the inherited one
     * applies again); an inherited rule is switched off for the subtree (an inactive row); an own rule is deleted.
     */
    async remove(actor: Actor, code: string): Promise<HoursRulesView> {
      const org = await ownOrg(actor);
      await db.transaction().execute(async (trx) => {
        const current = resolveRules(groupByOrg(await loadAllRules(trx)), org.path).rules.find((r) => r.rule.id === code);
        if (!current) throw notFound('学时规则');
        const upstream = await upstreamRule(trx, org, code);
        const reverting = current.source === 'own' && upstream !== undefined;
        if (reverting || !upstream) await deleteOwnRule(trx, org.id, code);
        else await saveOwnRule(trx, org.id, upstream.rule, false, actor.userId || null, nowIso());
        await recordAudit(trx, actor, {
          action: 'hours.rule_delete',
          entityType: 'hours_rule',
          entityId: code,
          scopePath: org.path,
          summary: reverting ? `${org.name} 撤销对学时规则「${current.rule.name.zh}」的本级修改` : `${org.name} 停用学时规则「${current.rule.name.zh}」`,
          before: current.rule,
          after: reverting ? upstream.rule : null,
        });
      });
      return view(db, actor, org);
    },

    /** Drops every rule row of the caller's node: the node follows its ancestors and the national defaults again. */
    async reset(actor: Actor): Promise<HoursRulesView> {
      const org = await ownOrg(actor);
      await db.transaction().execute(async (trx) => {
        const before = resolveRules(groupByOrg(await loadAllRules(trx)), org.path).rules.map((r) => r.rule);
        const removed = await deleteAllOwnRules(trx, org.id);
        await recordAudit(trx, actor, {
          action: 'hours.rules_reset',
          entityType: 'hours_rule',
          entityId: null,
          scopePath: org.path,
          summary: `${org.name} 恢复默认学时规则（删除 ${removed} 条本级设置）`,
          before,
        });
      });
      return view(db, actor, org);
    },
  };
}
