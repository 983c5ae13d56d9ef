// Which compliance rules are in force at an org node: the national defaults, overridden or switched off by
// rows set on the node or its ancestors (nearest wins). Pure, so the report can resolve thousands of nodes.
import { DEFAULT_RULES_2023, type HoursRule } from '@duibiao/core/hours/index';
import { pathIds } from './credit-policy.rules.ts';

/** A stored rule row as the resolver needs it. `orgId` null = a national row (overrides DEFAULT_RULES_2023). */
export interface StoredRule {
  orgId: number | null;
  code: string;
  rule: HoursRule;
  active: boolean;
}

export type RuleSource = 'national' | 'inherited' | 'own';
export interface ResolvedRule {
  rule: HoursRule;
  source: RuleSource;
  fromOrgId: number | null;
}
export interface ResolvedRules {
  rules: ResolvedRule[];
  /** Codes switched off on this path, and the node that switched each off. */
  disabled: { code: string; fromOrgId: number }[];
}

/** Groups stored rows by org id (null for national rows), keeping their order (later rows win). */
export function groupByOrg(rows: readonly StoredRule[]): Map<number | null, StoredRule[]> {
  const byOrg = new Map<number | null, StoredRule[]>();
  for (const r of rows) byOrg.set(r.orgId, [...(byOrg.get(r.orgId) ?? []), r]);
  return byOrg;
}

/**
 * Resolves the rules for the node at `path`. Order: national rules first (in their order), then rules added
 * further down the tree in the order their nodes and rows come.
 */
export function resolveRules(byOrg: ReadonlyMap<number | null, readonly StoredRule[]>, path: string): ResolvedRules {
  const rules = new Map<string, ResolvedRule>();
  const disabled = new Map<string, number>();
  for (const rule of DEFAULT_RULES_2023) rules.set(rule.id, { rule, source: 'national', fromOrgId: null });
  for (const row of byOrg.get(null) ?? []) {
    if (row.active) rules.set(row.code, { rule: row.rule, source: 'national', fromOrgId: null });
    else rules.delete(row.code);
  }
  const ids = pathIds(path);
  const self = ids[ids.length - 1];
  for (const orgId of ids) {
    for (const row of byOrg.get(orgId) ?? []) {
      if (row.active) {
        rules.set(row.code, { rule: { ...row.rule, id: row.code }, source: orgId === self ? 'own' : 'inherited', fromOrgId: orgId });
        disabled.delete(row.code);
      } else if (rules.delete(row.code)) {
        disabled.set(row.code, orgId);
      }
    }
  }
  return { rules: [...rules.values()], disabled: [...disabled].map(([code, fromOrgId]) => ({ code, fromOrgId })) };
}

/** Resolves many nodes, each once. */
export function createRuleResolver(rows: readonly StoredRule[]): (path: string) => HoursRule[] {
  const byOrg = groupByOrg(rows);
  const memo = new Map<string, HoursRule[]>();
  return (path) => {
    let rules = memo.get(path);
    if (!rules) {
      rules = resolveRules(byOrg, path).rules.map((r) => r.rule);
      memo.set(path, rules);
    }
    return rules;
  };
}
