// Specialties (专业特长) cadres are selected by: the four S2 themes and the S3 practicum fields.
import type { OrgNode } from './org-tree.ts';
import type { Rng } from './prng.ts';

/** The four themes of Dalian's young-cadre classes (S2) and the specialties that fit each; disjoint. */
export const S2_THEMES = {
  经济高质量发展: ['经济管理', '产业发展', '科技创新', '数字经济', '金融'],
  城镇建设与社会治理: ['城市规划', '城乡建设', '社会治理', '应急管理'],
  民营企业发展: ['招商引资', '民营经济', '营商环境', '市场监管'],
  乡村振兴与精准扶贫: ['乡村振兴', '农业农村', '精准扶贫'],
} as const satisfies Record<string, readonly string[]>;

export type S2Theme = keyof typeof S2_THEMES;
export const S2_THEME_NAMES = Object.keys(S2_THEMES) as S2Theme[];

/** Specialties outside the themes, common across units. */
const GENERAL = ['党建', '法律', '国资国企', '财政税务', '人才工作', '文化旅游', '生态环保', '教育培训', '统计分析', '文字综合'];

/** Every specialty the demo uses, for pick lists. */
export const SPECIALTIES: readonly string[] = [...new Set([...Object.values(S2_THEMES).flat(), ...GENERAL])];

/**
 * One to three specialties: the first fits the theme when one is given (preferring what the unit does),
 * otherwise the unit's work; the rest come from the unit and the general list.
 */
export function pickSpecialties(rng: Rng, org: OrgNode, theme?: readonly string[]): string[] {
  const fromUnit = theme ? org.tags.filter((s) => theme.includes(s)) : [...org.tags];
  const first = fromUnit.length > 0 ? rng.pick(fromUnit) : rng.pick(theme ?? GENERAL);
  const out = [first];
  let pool = [...new Set([...org.tags, ...(theme ?? []), ...GENERAL])].filter((s) => s !== first);
  // The unit's own fields are likelier than the theme's, which are likelier than general ones.
  const weight = (s: string): number => (org.tags.includes(s) ? 6 : theme?.includes(s) ? 3 : 1);
  const extra = rng.weighted([0, 1, 2], (n) => [3, 5, 2][n]!);
  for (let i = 0; i < extra; i++) {
    const s = rng.weighted(pool, weight);
    out.push(s);
    pool = pool.filter((x) => x !== s);
  }
  return out;
}
