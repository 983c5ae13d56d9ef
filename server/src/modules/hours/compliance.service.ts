// The compliance report: every cadre of a subtree against the rules in force at their unit, for one year.
// Sums come from SQL (one row per cadre); rules are evaluated in JS by core/src/hours.
import { summariseUnit, type HoursRule, type RuleResult } from '@duibiao/core/hours/index';
import {
  HOURS_BAND_COUNT,
  HOURS_BAND_WIDTH,
  type ComplianceFilter,
  type ComplianceQuery,
  type ComplianceReport,
  type ComplianceRow,
  type ComplianceSummary,
  type Rank,
  type RuleRef,
} from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import type { OrgRow } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import { writeXlsx } from '../../lib/xlsx-writer.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { findOrgInScope } from '../orgs/orgs.repo.ts';
import { complianceColumns } from './compliance-export.ts';
import { cadresInSubtree, orgsInSubtree, sumsPerWindow, type ReportOrg } from './compliance.repo.ts';
import { evaluateFromTotals, planRules, totalsOf, windowsFor, type RulePlan } from './compliance.rules.ts';
import { pathIds } from './credit-policy.rules.ts';
import { loadAllRules } from './hours-rules.repo.ts';
import { createRuleResolver } from './hours-rules.rules.ts';
import { beijingYear } from './time.ts';

export interface Evaluated {
  year: number;
  org: OrgRow;
  rules: RuleRef[];
  rows: (ComplianceRow & { orgPath: string; raw: RuleResult[] })[];
  orgs: ReportOrg[];
}

export function createComplianceService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  async function rootOrg(actor: Actor, orgId: number | undefined): Promise<OrgRow> {
    const org = await findOrgInScope(read, scopePrefix(actor), orgId ?? actor.orgId);
    if (!org) throw notFound('单位');
    return org;
  }

  /** Every cadre of the subtree (rank-filtered) with their results; the status filter is the caller's. */
  async function evaluate(actor: Actor, filter: Omit<ComplianceFilter, 'status'>): Promise<Evaluated> {
    requirePermission(actor, 'hours:read');
    const org = await rootOrg(actor, filter.orgId);
    const year = filter.year ?? beijingYear();
    const [orgs, stored] = await Promise.all([orgsInSubtree(read, org.path), loadAllRules(read)]);
    const rulesAt = createRuleResolver(stored);
    const orgById = new Map(orgs.map((o) => [o.id, o]));
    const ruleRefs = new Map<string, HoursRule>();
    for (const o of orgs) for (const r of rulesAt(o.path)) if (!ruleRefs.has(r.id)) ruleRefs.set(r.id, r);
    const windows = windowsFor(ruleRefs.values(), year);
    const [cadres, sums] = await Promise.all([cadresInSubtree(read, org.path, filter.rank), sumsPerWindow(read, org.path, windows, filter.rank)]);
    const sumsByCadre = new Map(sums.map((s) => [Number(s.cadre_id), s]));
    // One plan per unit (the resolver hands back the same rules for the same path).
    const plans = new Map<number, RulePlan>();
    const planFor = (unit: ReportOrg) => {
      let plan = plans.get(unit.id);
      if (!plan) plans.set(unit.id, (plan = planRules(rulesAt(unit.path), year, windows)));
      return plan;
    };

    const rows = cadres.map((c) => {
      const unit = orgById.get(c.org_id)!;
      const sum = sumsByCadre.get(c.id);
      const rank = (c.rank as Rank | null) ?? null;
      const raw = evaluateFromTotals(rank, planFor(unit), year, (i) => totalsOf(sum, i));
      const yearTotals = totalsOf(sum, 0);
      return {
        cadreId: c.id,
        name: c.name,
        rank,
        org: { id: unit.id, name: unit.name },
        orgPath: unit.path,
        yearHours: yearTotals.hours,
        yearOnlineHours: yearTotals.onlineHours,
        yearDays: yearTotals.days,
        compliant: raw.every((r) => r.compliant),
        results: raw,
        raw,
      };
    });
    return { year, org, rules: [...ruleRefs.values()].map((r) => ({ id: r.id, name: r.name })), rows, orgs };
  }

  const byStatus = (status: ComplianceFilter['status']) => (r: { compliant: boolean }) =>
    status === undefined || (status === 'compliant' ? r.compliant : !r.compliant);

  const strip = ({ orgPath: _path, raw: _raw, ...row }: Evaluated['rows'][number]): ComplianceRow => row;

  return {
    async report(actor: Actor, query: ComplianceQuery): Promise<ComplianceReport> {
      const { page, pageSize, status, ...filter } = query;
      const e = await evaluate(actor, filter);
      const rows = e.rows.filter(byStatus(status));
      const items = rows.slice((page - 1) * pageSize, page * pageSize).map(strip);
      return { year: e.year, rules: e.rules, items, total: rows.length, page, pageSize };
    },

    async summary(actor: Actor, query: { year?: number | undefined; orgId?: number | undefined }): Promise<ComplianceSummary> {
      const e = await evaluate(actor, query);
      const depth = pathIds(e.org.path).length;
      const children = e.orgs.filter((o) => o.parent_id === e.org.id);
      const byUnit = new Map<number, RuleResult[][]>([[e.org.id, []], ...children.map((c) => [c.id, []] as [number, RuleResult[][]])]);
      const bands = Array.from({ length: HOURS_BAND_COUNT + 1 }, () => 0);
      for (const row of e.rows) {
        const unitId = pathIds(row.orgPath)[depth] ?? e.org.id;
        byUnit.get(unitId)?.push(row.raw);
        bands[Math.min(HOURS_BAND_COUNT, Math.floor(row.yearHours / HOURS_BAND_WIDTH))]! += 1;
      }
      const selfResults = byUnit.get(e.org.id)!;
      const units = [
        ...children.map((c) => ({ orgId: c.id, name: c.name, self: false, summary: summariseUnit(byUnit.get(c.id)!) })),
        // The node's own cadres (e.g. a bureau's staff) form a unit of their own when there are any.
        ...(selfResults.length > 0 ? [{ orgId: e.org.id, name: e.org.name, self: true, summary: summariseUnit(selfResults) }] : []),
      ];
      return {
        year: e.year,
        org: { id: e.org.id, name: e.org.name },
        rules: e.rules,
        overall: summariseUnit(e.rows.map((r) => r.raw)),
        units,
        hoursDistribution: bands.map((count, i) => ({
          from: i * HOURS_BAND_WIDTH,
          to: i === HOURS_BAND_COUNT ? null : (i + 1) * HOURS_BAND_WIDTH,
          count,
        })),
      };
    },

    /** Checks access first and audits the export; the returned writer streams the workbook. */
    async exportXlsx(actor: Actor, filter: ComplianceFilter): Promise<(out: NodeJS.WritableStream) => Promise<void>> {
      const { status, ...rest } = filter;
      const e = await evaluate(actor, rest);
      const rows = e.rows.filter(byStatus(status));
      await db.transaction().execute((trx) =>
        recordAudit(trx, actor, {
          action: 'hours.compliance_export',
          entityType: 'hours_entry',
          entityId: null,
          scopePath: e.org.path,
          summary: `导出 ${e.org.name} ${e.year} 年学时达标情况（${rows.length} 人）`,
          after: { filter },
        }),
      );
      return (out) => writeXlsx(out, `${e.year}年学时达标`, complianceColumns(e.rules, e.year), rows);
    },
  };
}
