// The cadres of each source program (S1–S4, S6 in DOMAIN.md), with the figures the sources give.
import { makeCadre, type GenContext } from './cadre-factory.ts';
import type { OrgNode } from './org-tree.ts';
import { unitTypeOf, type UnitType } from './positions.ts';
import { S2_THEME_NAMES, S2_THEMES, type S2Theme } from './specialties.ts';
import type { DemoCadre } from './types.ts';

/** Units only the fixed S4 roster uses; random picks and earlier career steps leave them out. */
export const FIXED_ONLY_UNITS: ReadonlySet<string> = new Set(['SQ-YCS-SZ-ZF']);

/** The four Dalian counties where the S2 classes ran. */
export const S2_COUNTIES = ['DL-WFD', 'DL-ZH', 'DL-PLD', 'DL-CH'] as const;

/** How many of each theme's 50 cadres come from township/village units: 110 of 200 = 55 % (source: "一半以上"). */
const S2_GRASSROOTS_QUOTA: Record<S2Theme, number> = {
  经济高质量发展: 15,
  城镇建设与社会治理: 35,
  民营企业发展: 15,
  乡村振兴与精准扶贫: 45,
};

/** Organs whose work fits each theme. */
const S2_THEME_ORGANS: Record<S2Theme, readonly string[]> = {
  经济高质量发展: ['FGW', 'GXJ'],
  城镇建设与社会治理: ['ZJJ', 'MZJ'],
  民营企业发展: ['SWJ', 'SCJ'],
  乡村振兴与精准扶贫: ['NYJ'],
};

/** Cadre-bearing units in the subtree of `code` (inclusive), optionally of some unit types. */
function unitsUnder(ctx: GenContext, code: string, types?: readonly UnitType[]): OrgNode[] {
  const out: OrgNode[] = [];
  for (const org of ctx.orgs.values()) {
    if (org.code !== code && !org.code.startsWith(`${code}-`)) continue;
    const type = unitTypeOf(org);
    if (type && !FIXED_ONLY_UNITS.has(org.code) && (!types || types.includes(type))) out.push(org);
  }
  return out;
}

/** `n` cadres spread evenly over `units`. */
function spread(ctx: GenContext, units: readonly OrgNode[], n: number, minAge: number, maxAge: number, tags: string[]): DemoCadre[] {
  return ctx.rng.deal(units, n).map((org) => makeCadre(ctx, { org, minAge, maxAge, scenarioTags: tags }));
}

/** S3: ≥ 150 practicum candidates across Qingdao's city organs, SOEs/institutions and districts, plus senior staff. */
function qingdao(ctx: GenContext): DemoCadre[] {
  const s3 = ['S3'];
  const districts = ['QD-SN', 'QD-SB', 'QD-LS', 'QD-HD'];
  const inDistricts = (types: UnitType[]) => districts.flatMap((d) => unitsUnder(ctx, d, types));
  return [
    ...spread(ctx, unitsUnder(ctx, 'QD-SZ', ['city_organ']), 72, 28, 50, s3),
    ...spread(ctx, unitsUnder(ctx, 'QD-SZ', ['city_institution', 'enterprise']), 25, 28, 50, s3),
    ...spread(ctx, inDistricts(['local_organ']), 40, 28, 50, s3),
    ...spread(ctx, inDistricts(['street', 'town']), 28, 28, 50, s3),
    ...spread(ctx, inDistricts(['community', 'village']), 5, 28, 50, s3),
    // Senior staff outside the practicum's age band, so eligibility filters have something to exclude.
    ...spread(ctx, [...unitsUnder(ctx, 'QD-SZ', ['city_organ']), ...inDistricts(['local_organ'])], 8, 51, 57, []),
  ];
}

/**
 * S2: exactly 200 young cadres (26–40), 50 per theme and 50 per county, 110 of them in township or
 * village units; plus 20 older Dalian cadres (42–56) so filtering by age matters.
 */
function dalian(ctx: GenContext): DemoCadre[] {
  const { rng } = ctx;
  const out: DemoCadre[] = [];
  for (const [t, theme] of S2_THEME_NAMES.entries()) {
    const specialties = S2_THEMES[theme];
    for (let k = 0; k < 50; k++) {
      // Shifted by theme so the 13/13/12/12 split of a theme's 50 evens out to exactly 50 per county (the quotas).
      const county = S2_COUNTIES[(k + t) % S2_COUNTIES.length]!;
      const grassroots = k < S2_GRASSROOTS_QUOTA[theme];
      const org = grassroots ? pickGrassroots(ctx, county, theme) : pickOrgan(ctx, county, theme);
      out.push(makeCadre(ctx, { org, minAge: 26, maxAge: 40, scenarioTags: ['S2'], theme: specialties }));
    }
  }
  const older = [
    ...rng.deal(unitsUnder(ctx, 'DL-SZ', ['city_organ', 'city_institution']), 8),
    ...rng.deal(
      S2_COUNTIES.flatMap((c) => unitsUnder(ctx, c, ['local_organ', 'street', 'town'])),
      12,
    ),
  ];
  for (const org of older) out.push(makeCadre(ctx, { org, minAge: 42, maxAge: 56, scenarioTags: [] }));
  return out;
}

function pickGrassroots(ctx: GenContext, county: string, theme: S2Theme): OrgNode {
  const preferred: Record<S2Theme, UnitType[]> = {
    经济高质量发展: ['street', 'town'],
    城镇建设与社会治理: ['street', 'community'],
    民营企业发展: ['street', 'town'],
    乡村振兴与精准扶贫: ['town', 'village'],
  };
  const units = unitsUnder(ctx, county, preferred[theme]);
  // 长海县 is all islands: no streets or communities, so urban-governance cadres work in its towns and villages.
  return ctx.rng.pick(units.length > 0 ? units : unitsUnder(ctx, county, ['town', 'village']));
}

function pickOrgan(ctx: GenContext, county: string, theme: S2Theme): OrgNode {
  const organs = unitsUnder(ctx, county, ['local_organ']);
  const fitting = organs.filter((o) => S2_THEME_ORGANS[theme].some((key) => o.code.endsWith(`-${key}`)));
  // Now and then someone from the organization department itself.
  return ctx.rng.pick(fitting.length > 0 && !ctx.rng.chance(0.1) ? fitting : organs);
}

/** S1: exactly 29 front-line cadres from units of Harbin's 道里区. */
function daoli(ctx: GenContext): DemoCadre[] {
  return spread(ctx, unitsUnder(ctx, 'HRB-DLQ'), 29, 30, 52, ['S1']);
}

/** S4: the ten young cadres Shangqiu sent to Changzhou, in the posts the source names (people are fictional). */
function shangqiu(ctx: GenContext): DemoCadre[] {
  const roster: [string, string, 'county' | 'township'][] = [
    ['SQ-SZ-SFJ', '市司法局副局长', 'county'],
    ['SQ-SY-QZ-XCB', '区委常委、宣传部部长', 'county'],
    ['SQ-YCS-LH', '镇党委书记', 'township'],
    ['SQ-SZ-XCJ', '市乡村振兴局副局长', 'county'],
    ['SQ-YC-ZJ', '镇党委副书记、镇长', 'township'],
    ['SQ-LY-WL', '乡党委书记', 'township'],
    ['SQ-YCS-SZ-ZF', '永城市副市长', 'county'],
    ['SQ-SZ-ZYJS', '商丘职院团委书记', 'township'],
    ['SQ-SZ-GXJ', '市工信局大数据产业发展办公室主任', 'township'],
    ['SQ-NL-XZ-GHZX', '县规划编研中心主任', 'township'],
  ];
  return roster.map(([code, position, rank]) => {
    const org = ctx.orgs.get(code);
    if (!org) throw new Error(`S4 unit ${code} missing from the org tree`);
    // County-level posts go to the older of the young cadres.
    const minAge = rank === 'county' ? 36 : 32;
    return makeCadre(ctx, { org, minAge, maxAge: 40, scenarioTags: ['S4'], post: { position, rank, minAge } });
  });
}

/** S6: 25 members of Keqiao's Shenzhen class, who write reflections afterwards. */
function keqiao(ctx: GenContext): DemoCadre[] {
  return spread(ctx, unitsUnder(ctx, 'SX-KQ'), 25, 30, 55, ['S6']);
}

/** All demo cadres, city by city. */
export function generateCadres(ctx: GenContext): DemoCadre[] {
  return [...qingdao(ctx), ...dalian(ctx), ...daoli(ctx), ...shangqiu(ctx), ...keqiao(ctx)];
}
