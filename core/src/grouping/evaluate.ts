// Checks any proposed or hand-edited solution against the instance: the live violation list behind drag-and-drop.
import { requiredGrassroots } from './plan.ts';
import type { GroupingInstance, GroupingSolution } from './types.ts';

export type ViolationCode =
  | 'UNKNOWN_CLASS'
  | 'UNKNOWN_PERSON'
  | 'DUPLICATE_PERSON'
  | 'UNASSIGNED_PERSON'
  | 'GROUP_MEMBER_NOT_IN_CLASS'
  | 'NOT_IN_GROUP'
  | 'OVER_CAPACITY'
  | 'GRASSROOTS_SHARE'
  | 'GROUP_SIZE'
  | 'SAME_UNIT_PAIR'
  | 'LOCK_BROKEN';

export interface Violation {
  code: ViolationCode;
  /** Errors break a hard rule; warnings (same-unit pairs) are costs the solver keeps as low as it can. */
  severity: 'error' | 'warning';
  message: string;
  classId?: string;
  groupId?: string;
  personIds?: string[];
}

/** Every broken rule in `solution`, in a stable order (classes, then groups, then people). */
export function evaluate(instance: GroupingInstance, solution: GroupingSolution): Violation[] {
  const out: Violation[] = [];
  const people = new Map(instance.people.map((p) => [p.id, p]));
  const classes = new Map(instance.classes.map((c) => [c.id, c]));
  const classOf = new Map<string, string>();
  const groupOf = new Map<string, string>();
  const { min, max } = instance.groupSize;

  for (const cls of solution.classes) {
    const spec = classes.get(cls.id);
    if (!spec) out.push({ code: 'UNKNOWN_CLASS', severity: 'error', classId: cls.id, message: `未知班级 ${cls.id}` });
    const members = new Set<string>();
    for (const id of cls.members) {
      if (!people.has(id)) {
        out.push({ code: 'UNKNOWN_PERSON', severity: 'error', classId: cls.id, personIds: [id], message: `未知学员 ${id}` });
        continue;
      }
      if (classOf.has(id)) {
        out.push({
          code: 'DUPLICATE_PERSON',
          severity: 'error',
          classId: cls.id,
          personIds: [id],
          message: `${id} 同时在 ${classOf.get(id)} 班和 ${cls.id} 班`,
        });
        continue;
      }
      classOf.set(id, cls.id);
      members.add(id);
    }
    if (spec && members.size > spec.capacity) {
      out.push({ code: 'OVER_CAPACITY', severity: 'error', classId: cls.id, message: `${cls.id} 班 ${members.size} 人，超过容量 ${spec.capacity} 人` });
    }
    if (spec) {
      const grassroots = [...members].filter((id) => people.get(id)!.level === 'grassroots').length;
      const need = requiredGrassroots(members.size, spec.minGrassrootsShare);
      if (grassroots < need) {
        out.push({
          code: 'GRASSROOTS_SHARE',
          severity: 'error',
          classId: cls.id,
          message: `${cls.id} 班基层干部 ${grassroots}/${members.size} 人，低于 ${Math.round(spec.minGrassrootsShare * 1000) / 10}%（至少 ${need} 人）`,
        });
      }
    }

    const grouped = new Set<string>();
    for (const group of cls.groups) {
      if (group.members.length < min || group.members.length > max) {
        out.push({
          code: 'GROUP_SIZE',
          severity: 'error',
          classId: cls.id,
          groupId: group.id,
          message: `${group.id} 组 ${group.members.length} 人，不在 ${min}–${max} 人之间`,
        });
      }
      const byUnit = new Map<string, string[]>();
      for (const id of group.members) {
        if (!members.has(id) || grouped.has(id)) {
          out.push({
            code: 'GROUP_MEMBER_NOT_IN_CLASS',
            severity: 'error',
            classId: cls.id,
            groupId: group.id,
            personIds: [id],
            message: `${id} 不是 ${cls.id} 班学员或已在另一组`,
          });
          continue;
        }
        grouped.add(id);
        groupOf.set(id, group.id);
        const unit = people.get(id)!.unit;
        byUnit.set(unit, [...(byUnit.get(unit) ?? []), id]);
      }
      for (const [unit, ids] of byUnit) {
        if (ids.length < 2) continue;
        out.push({
          code: 'SAME_UNIT_PAIR',
          severity: 'warning',
          classId: cls.id,
          groupId: group.id,
          personIds: ids,
          message: `${group.id} 组有 ${ids.length} 人来自同一单位 ${unit}`,
        });
      }
    }
    const ungrouped = [...members].filter((id) => !grouped.has(id));
    if (cls.groups.length > 0 || members.size > 0) {
      for (const id of ungrouped)
        out.push({ code: 'NOT_IN_GROUP', severity: 'error', classId: cls.id, personIds: [id], message: `${id} 未分入 ${cls.id} 班的任何小组` });
    }
  }

  for (const p of instance.people) {
    if (!classOf.has(p.id)) out.push({ code: 'UNASSIGNED_PERSON', severity: 'error', personIds: [p.id], message: `${p.id} 未分班` });
  }
  for (const lock of instance.locked) {
    const inClass = classOf.get(lock.person);
    const inGroup = groupOf.get(lock.person);
    if (inClass !== lock.class || (lock.group !== undefined && inGroup !== lock.group)) {
      const where = lock.group === undefined ? `${lock.class} 班` : `${lock.class} 班 ${lock.group} 组`;
      out.push({ code: 'LOCK_BROKEN', severity: 'error', classId: lock.class, personIds: [lock.person], message: `${lock.person} 已锁定在 ${where}` });
    }
  }
  return out;
}
