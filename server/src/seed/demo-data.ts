// Deterministic demo data — org tree, cadres and accounts for the five source programs (S1–S4, S6).
// Pure: no I/O and no clock; the same seed and `today` always give the same data.
import type { GenContext } from './cadre-factory.ts';
import { orgSpecs } from './org-data.ts';
import { flattenOrgs, type OrgNode } from './org-tree.ts';
import { unitTypeOf } from './positions.ts';
import { Rng } from './prng.ts';
import { FIXED_ONLY_UNITS, generateCadres } from './scenarios.ts';
import type { DemoData, DemoOrg } from './types.ts';
import { accountsMarkdown, buildUsers, DEMO_PASSWORD } from './users.ts';

export type { DemoCadre, DemoData, DemoExperience, DemoOrg, DemoUser } from './types.ts';
export { DEMO_PASSWORD } from './users.ts';
export { S2_COUNTIES } from './scenarios.ts';
export { S2_THEMES, S2_THEME_NAMES, SPECIALTIES, type S2Theme } from './specialties.ts';

export const DEFAULT_SEED = 20_260_423;
export const DEFAULT_TODAY = '2026-11-23';

export interface DemoDataOptions {
  seed?: number;
  /** YYYY-MM-DD the ages are counted on (default 2026-11-23). */
  today?: string;
}

/** Builds the whole demo data set; orgs are listed parents first. */
export function buildDemoData(options: DemoDataOptions = {}): DemoData {
  const today = options.today ?? DEFAULT_TODAY;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new RangeError(`today must be YYYY-MM-DD: ${today}`);
  const nodes = flattenOrgs(orgSpecs());
  const ctx: GenContext = {
    rng: new Rng(options.seed ?? DEFAULT_SEED),
    today,
    orgs: new Map(nodes.map((n) => [n.code, n])),
    unitsByCity: unitsByCity(nodes),
    usedIds: new Set(),
    usedMobiles: new Set(),
    usedNames: new Set(),
  };
  const orgs = nodes.map(toDemoOrg);
  const cadres = generateCadres(ctx);
  return { orgs, cadres, users: buildUsers(cadres, orgs), password: DEMO_PASSWORD };
}

/** Markdown table of the demo accounts for the README (trainees shown with the cadre they are linked to). */
export function DEMO_ACCOUNTS_MARKDOWN(options: DemoDataOptions = {}): string {
  const data = buildDemoData(options);
  return accountsMarkdown(data.users, data.orgs);
}

function unitsByCity(nodes: readonly OrgNode[]): Map<string, OrgNode[]> {
  const out = new Map<string, OrgNode[]>();
  for (const n of nodes) {
    if (!n.cityCode || !unitTypeOf(n) || FIXED_ONLY_UNITS.has(n.code)) continue;
    const list = out.get(n.cityCode) ?? [];
    list.push(n);
    out.set(n.cityCode, list);
  }
  return out;
}

function toDemoOrg(n: OrgNode): DemoOrg {
  return {
    code: n.code,
    name: n.name,
    ...(n.shortName ? { shortName: n.shortName } : {}),
    level: n.level,
    kind: n.kind,
    parentCode: n.parentCode,
    regionCode: n.regionCode,
  };
}
