// Instance generators for the grouping tests: an S2-like cohort and small random instances.
import { mulberry32 } from './prng.ts';
import type { ClassSpec, GroupingInstance, Person } from './types.ts';

export const THEMES: Record<string, string[]> = {
  A: ['乡村振兴', '农业农村', '基层治理'],
  B: ['数字经济', '科技创新', '产业发展'],
  C: ['城市治理', '应急管理', '社区服务'],
  D: ['生态环保', '文化旅游', '对外开放'],
};
const TAGS = Object.values(THEMES).flat();
const RANKS = ['科员', '副科', '正科', '副处'];

/** An S2-like cohort: `n` young cadres from `units` units (sizes skewed), `grassrootsShare` of them grassroots. */
export function s2Instance(seed: number, n = 200, units = 45, grassrootsShare = 0.6): GroupingInstance {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const people: Person[] = Array.from({ length: n }, (_, i) => {
    // Skewed: low unit numbers send more people (up to ~12 from the largest).
    const unit = `u${Math.floor(units * random() ** 1.6)}`;
    const specialties = [...new Set([pick(TAGS), pick(TAGS), ...(random() < 0.5 ? [pick(TAGS)] : [])])];
    return {
      id: `p${i + 1}`,
      unit,
      level: random() < grassrootsShare ? 'grassroots' : 'other',
      specialties,
      attributes: { gender: random() < 0.4 ? '女' : '男', rank: pick(RANKS), age: 26 + Math.floor(random() * 15) },
    };
  });
  const classes: ClassSpec[] = Object.entries(THEMES).map(([id, themeTags]) => ({ id, capacity: Math.ceil(n / 4), themeTags, minGrassrootsShare: 0.5 }));
  return { people, classes, groupSize: { min: 6, max: 10 }, seed, locked: [] };
}
