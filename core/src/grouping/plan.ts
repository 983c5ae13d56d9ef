// Class sizes, grassroots minimums and group counts, and the plain-language feasibility report shown before solving.
import type { GroupingInstance, GroupSize } from './types.ts';

export interface FeasibilityIssue {
  code: 'LOCKED_OVER_CAPACITY' | 'GRASSROOTS_SHORT' | 'GRASSROOTS_LOCKED_OUT' | 'GROUP_SIZE_IMPOSSIBLE' | 'LOCKED_GROUP_TOO_BIG';
  message: string;
  classId?: string;
  needed?: number;
  available?: number;
}

/** Class sizes as even as possible: at least the locked count, at most the capacity, summing to everyone. */
export function classSizes(instance: GroupingInstance): number[] {
  const locked = lockedCounts(instance);
  const sizes = locked.slice();
  const hi = instance.classes.map((c, k) => Math.max(c.capacity, locked[k]!));
  let left = instance.people.length - sizes.reduce((a, b) => a + b, 0);
  while (left > 0) {
    let best = -1;
    for (let k = 0; k < sizes.length; k++) if (sizes[k]! < hi[k]! && (best === -1 || sizes[k]! < sizes[best]!)) best = k;
    if (best === -1) break; // validation guarantees enough capacity; this only guards a malformed call
    sizes[best]!++;
    left--;
  }
  return sizes;
}

/** Grassroots members a class of `size` needs: ceil(share × size), with a tolerance for float shares like 0.5. */
export function requiredGrassroots(size: number, share: number): number {
  return Math.ceil(size * share - 1e-9);
}

export function lockedCounts(instance: GroupingInstance): number[] {
  const index = new Map(instance.classes.map((c, k) => [c.id, k]));
  const counts = instance.classes.map(() => 0);
  for (const l of instance.locked) counts[index.get(l.class)!]!++;
  return counts;
}

/** True when `size` people can be split into groups whose sizes all lie in [min, max]. */
export function canSplit(size: number, groupSize: GroupSize): boolean {
  if (size === 0) return true;
  const fewest = Math.ceil(size / groupSize.max);
  return fewest * groupSize.min <= size;
}

/**
 * Group sizes for a class of `size`, or null when no split fits [min, max] with the locked groups. The count is the
 * fewest groups of at most `max`, raised towards the largest unit's head count (so no unit needs two members in one
 * group) while groups stay at least `min`; the sizes are as even as possible, larger first, with locked group t (its
 * `lockedGroups[t]` members, largest first) in slot t and at least as big as its members.
 */
export function planGroupSizes(size: number, groupSize: GroupSize, largestUnit = 1, lockedGroups: readonly number[] = []): number[] | null {
  const { min, max } = groupSize;
  if (size === 0) return lockedGroups.length === 0 ? [] : null;
  const L = lockedGroups.length;
  const lower = (g: number) => Array.from({ length: g }, (_, t) => Math.max(min, lockedGroups[t] ?? 0));
  const fits = (g: number) => lockedGroups.every((c) => c <= max) && lower(g).reduce((a, b) => a + b, 0) <= size && size <= g * max;
  const fewest = Math.max(L, Math.ceil(size / max), 1);
  const most = Math.floor(size / min);
  const preferred = Math.min(most, Math.max(fewest, largestUnit));
  let count = 0;
  for (let g = preferred; g >= fewest && count === 0; g--) if (fits(g)) count = g;
  for (let g = preferred + 1; g <= most && count === 0; g++) if (fits(g)) count = g;
  if (count === 0) return null;
  const sizes = lower(count);
  for (let left = size - sizes.reduce((a, b) => a + b, 0); left > 0; left--) {
    let smallest = -1;
    for (let t = 0; t < count; t++) if (sizes[t]! < max && (smallest === -1 || sizes[t]! < sizes[smallest]!)) smallest = t;
    sizes[smallest]!++;
  }
  return sizes;
}

/** Sizes of `count` groups for `size` people, as even as possible, larger first. */
export function groupSizes(size: number, count: number): number[] {
  const base = Math.floor(size / count);
  const extra = size % count;
  return Array.from({ length: count }, (_, i) => base + (i < extra ? 1 : 0));
}

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** Everything that makes the instance impossible to satisfy, in plain Chinese; empty when a full solution exists. */
export function feasibilityReport(instance: GroupingInstance): FeasibilityIssue[] {
  const issues: FeasibilityIssue[] = [];
  const sizes = classSizes(instance);
  const locked = lockedCounts(instance);
  const level = new Map(instance.people.map((p) => [p.id, p.level]));
  const { min, max } = instance.groupSize;

  instance.classes.forEach((c, k) => {
    if (locked[k]! > c.capacity) {
      issues.push({
        code: 'LOCKED_OVER_CAPACITY',
        classId: c.id,
        needed: locked[k],
        available: c.capacity,
        message: `${c.id} 班锁定了 ${locked[k]} 人，超过容量 ${c.capacity} 人`,
      });
    }
  });

  const needs = instance.classes.map((c, k) => requiredGrassroots(sizes[k]!, c.minGrassrootsShare));
  const needed = needs.reduce((a, b) => a + b, 0);
  const available = instance.people.filter((p) => p.level === 'grassroots').length;
  if (needed > available) {
    const sameSize = sizes.every((s) => s === sizes[0]);
    const sameShare = instance.classes.every((c) => c.minGrassrootsShare === instance.classes[0]!.minGrassrootsShare);
    const how =
      sameSize && sameShare
        ? `${sizes.length} 个班 × ${sizes[0]} 人 × ${pct(instance.classes[0]!.minGrassrootsShare)}`
        : instance.classes.map((c, k) => `${c.id} 班 ${sizes[k]} 人 × ${pct(c.minGrassrootsShare)}`).join('，');
    issues.push({ code: 'GRASSROOTS_SHORT', needed, available, message: `需要 ${needed} 名基层干部（${how}），实际提名 ${available} 人` });
  }

  // Grassroots people locked into a class beyond its minimum cannot help another class.
  const lockedGrassroots = instance.classes.map((c) => instance.locked.filter((l) => l.class === c.id && level.get(l.person) === 'grassroots').length);
  const stillNeeded = needs.reduce((sum, need, k) => sum + Math.max(0, need - lockedGrassroots[k]!), 0);
  const unlocked = available - lockedGrassroots.reduce((a, b) => a + b, 0);
  if (needed <= available && stillNeeded > unlocked) {
    issues.push({
      code: 'GRASSROOTS_LOCKED_OUT',
      needed: stillNeeded,
      available: unlocked,
      message: `扣除已锁定的人员后，各班还需要 ${stillNeeded} 名基层干部，未锁定的基层干部只有 ${unlocked} 人`,
    });
  }

  // Locked non-grassroots people take seats a grassroots minimum needs.
  instance.classes.forEach((c, k) => {
    const lockedOther = instance.locked.filter((l) => l.class === c.id && level.get(l.person) === 'other').length;
    const room = sizes[k]! - needs[k]!;
    if (lockedOther > room) {
      issues.push({
        code: 'GRASSROOTS_LOCKED_OUT',
        classId: c.id,
        needed: needs[k],
        available: sizes[k]! - lockedOther,
        message: `${c.id} 班 ${sizes[k]} 人中需要 ${needs[k]} 名基层干部，但已锁定 ${lockedOther} 名非基层干部，最多只能有 ${sizes[k]! - lockedOther} 名基层干部`,
      });
    }
  });

  instance.classes.forEach((c, k) => {
    if (!canSplit(sizes[k]!, instance.groupSize)) {
      issues.push({ code: 'GROUP_SIZE_IMPOSSIBLE', classId: c.id, message: `${c.id} 班 ${sizes[k]} 人无法分成每组 ${min}–${max} 人的小组` });
      return;
    }
    const locked = lockedGroupCounts(instance, c.id);
    if (planGroupSizes(sizes[k]!, instance.groupSize, 1, locked) === null) {
      issues.push({
        code: 'LOCKED_GROUP_TOO_BIG',
        classId: c.id,
        message: `${c.id} 班 ${sizes[k]} 人按已锁定的 ${locked.length} 个小组（${locked.join('/')} 人）无法分成每组 ${min}–${max} 人的小组`,
      });
    }
  });
  return issues;
}

/** Head counts of the locked groups of a class, largest first (ties by label), with their labels. */
export function lockedGroupLabels(instance: GroupingInstance, classId: string): { label: string; count: number }[] {
  const byLabel = new Map<string, number>();
  for (const l of instance.locked) if (l.class === classId && l.group !== undefined) byLabel.set(l.group, (byLabel.get(l.group) ?? 0) + 1);
  return [...byLabel].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1));
}

function lockedGroupCounts(instance: GroupingInstance, classId: string): number[] {
  return lockedGroupLabels(instance, classId).map((l) => l.count);
}
