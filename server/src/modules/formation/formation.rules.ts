// Pure rules of the formation module: statistics of any (solver or hand-edited) solution, the structural checks a saved
// draft must pass, and readable messages (core speaks in ids; people read class names, 第k组 and trainee names).
import type { FormationFeasibilityIssue, FormationSolution, FormationStats, FormationViolation } from '@duibiao/contracts';
import { fit, requiredGrassroots, spreadPairs, type FeasibilityIssue, type GroupingInstance, type Violation } from '@duibiao/core/grouping/index';
import type { FieldError } from '@duibiao/contracts';
import type { Roster } from './formation.instance.ts';

const pairs = (m: number) => (m * (m - 1)) / 2;

/** Size, grassroots, fit and same-unit pairs per class, against the class floor and the best spread possible. */
export function solutionStats(instance: GroupingInstance, solution: FormationSolution, ms?: number): FormationStats {
  const people = new Map(instance.people.map((p) => [p.id, p]));
  const classes = instance.classes.map((spec) => {
    const cls = solution.classes.find((c) => c.id === spec.id);
    const members = [...new Set(cls?.members ?? [])].flatMap((id) => people.get(id) ?? []);
    const groups = cls?.groups ?? [];
    let sameUnitPairs = 0;
    for (const g of groups) {
      const units = new Map<string, number>();
      for (const id of g.members) {
        const p = people.get(id);
        if (p) units.set(p.unit, (units.get(p.unit) ?? 0) + 1);
      }
      for (const n of units.values()) sameUnitPairs += pairs(n);
    }
    const units = new Map<string, number>();
    for (const p of members) units.set(p.unit, (units.get(p.unit) ?? 0) + 1);
    const g = Math.max(1, groups.length);
    const lowerBound = [...units.values()].reduce((sum, n) => sum + spreadPairs(n, g), 0);
    return {
      id: spec.id,
      size: members.length,
      capacity: spec.capacity,
      grassroots: members.filter((p) => p.level === 'grassroots').length,
      requiredGrassroots: requiredGrassroots(members.length, spec.minGrassrootsShare),
      fit: members.reduce((sum, p) => sum + fit(p, spec), 0),
      groups: groups.length,
      sameUnitPairs,
      sameUnitPairsLowerBound: lowerBound,
    };
  });
  const sum = (pick: (c: (typeof classes)[number]) => number) => classes.reduce((a, c) => a + pick(c), 0);
  return {
    people: instance.people.length,
    totalFit: sum((c) => c.fit),
    fitUpperBound: instance.people.reduce((a, p) => a + Math.max(0, ...instance.classes.map((c) => fit(p, c))), 0),
    sameUnitPairs: sum((c) => c.sameUnitPairs),
    sameUnitPairsLowerBound: sum((c) => c.sameUnitPairsLowerBound),
    classes,
    ...(ms !== undefined ? { ms } : {}),
  };
}

/** Violations that make a solution unusable as a draft (not merely rule-breaking): unknown ids, someone twice or nowhere. */
const STRUCTURAL = new Set(['UNKNOWN_CLASS', 'UNKNOWN_PERSON', 'DUPLICATE_PERSON', 'UNASSIGNED_PERSON', 'GROUP_MEMBER_NOT_IN_CLASS']);

export function structuralErrors(solution: FormationSolution, violations: readonly FormationViolation[]): FieldError[] {
  const errors: FieldError[] = violations
    .filter((v) => STRUCTURAL.has(v.code))
    .map((v) => {
      const k = solution.classes.findIndex((c) => c.id === v.classId);
      return { field: k >= 0 ? `solution.classes.${k}` : 'solution', message: v.message };
    });
  const seenClass = new Set<string>();
  const seenGroup = new Set<string>();
  solution.classes.forEach((c, k) => {
    if (seenClass.has(c.id)) errors.push({ field: `solution.classes.${k}.id`, message: `班级 ${c.id} 出现了两次` });
    seenClass.add(c.id);
    c.groups.forEach((g, j) => {
      if (seenGroup.has(g.id)) errors.push({ field: `solution.classes.${k}.groups.${j}.id`, message: `小组标识 ${g.id} 重复` });
      seenGroup.add(g.id);
    });
  });
  return errors;
}

/** Labels for ids: classes by name, groups as 第k组 in their class's order, people by name, units by name. */
export interface Labels {
  classes: Map<string, string>;
  groups: Map<string, string>;
  people: Map<string, string>;
  units: Map<string, string>;
}

export function labelsFor(roster: Roster, solution: FormationSolution | null): Labels {
  const classes = new Map(roster.classes.map((c) => [c.id, c.name]));
  const groups = new Map<string, string>();
  for (const c of solution?.classes ?? []) c.groups.forEach((g, j) => groups.set(g.id, `${classes.get(c.id) ?? c.id}第${j + 1}组`));
  const people = new Map(roster.people.map((p) => [p.id, p.name]));
  const units = new Map(roster.persons.map((p, i) => [p.unit, roster.people[i]!.unitName]));
  return { classes, groups, people, units };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Replaces `token` only where it is not part of a longer id ("1 班" must not hit "21 班"). */
const replaceToken = (text: string, token: string, by: string) => text.replace(new RegExp(`(?<![\\w-])${escape(token)}`, 'g'), () => by);
const className = (name: string) => (name.endsWith('班') ? name : `${name} 班`);

/** Rewrites core's id-based message: "12 班" → "一班", "12-g1 组" → "一班第1组", a leading/trailing person or unit id → name. */
export function readable(message: string, labels: Labels, ids: { classId?: string; groupId?: string; personIds?: string[] }, unit?: string): string {
  let out = message;
  if (ids.groupId !== undefined) {
    const g = labels.groups.get(ids.groupId);
    if (g) out = replaceToken(out, `${ids.groupId} 组`, g);
  }
  for (const [id, name] of labels.classes) out = replaceToken(out, `${id} 班`, className(name));
  for (const pid of ids.personIds ?? []) {
    const name = labels.people.get(pid);
    if (!name) continue;
    if (out.startsWith(`${pid} `)) out = `${name}${out.slice(pid.length)}`;
    if (out.endsWith(` ${pid}`)) out = `${out.slice(0, -pid.length)}${name}`;
  }
  if (unit !== undefined && out.endsWith(` ${unit}`)) out = `${out.slice(0, -unit.length)}${labels.units.get(unit) ?? unit}`;
  return out;
}

export function readableViolations(violations: readonly Violation[], labels: Labels, instance: GroupingInstance): FormationViolation[] {
  const unitOf = new Map(instance.people.map((p) => [p.id, p.unit]));
  return violations.map((v) => {
    const unit = v.code === 'SAME_UNIT_PAIR' && v.personIds?.[0] !== undefined ? unitOf.get(v.personIds[0]) : undefined;
    return { ...v, message: readable(v.message, labels, v, unit) };
  });
}

export function readableFeasibility(issues: readonly FeasibilityIssue[], labels: Labels): FormationFeasibilityIssue[] {
  return issues.map((i) => ({ ...i, message: readable(i.message, labels, i) }));
}

/** Problems that keep a roster from forming an instance at all, in the same plain Chinese as the feasibility report. */
export function rosterIssues(roster: Roster): FormationFeasibilityIssue[] {
  const issues: FormationFeasibilityIssue[] = [];
  if (roster.classes.length === 0) issues.push({ code: 'NO_CLASSES', message: '项目还没有班级，请先在「班级与小组」中新建班级' });
  if (roster.people.length === 0) issues.push({ code: 'NO_TRAINEES', message: '项目还没有在册学员' });
  const capacity = roster.classes.reduce((a, c) => a + c.capacity, 0);
  if (roster.classes.length > 0 && capacity < roster.people.length) {
    issues.push({
      code: 'CAPACITY_SHORT',
      needed: roster.people.length,
      available: capacity,
      message: `各班容量合计 ${capacity} 人，少于在册学员 ${roster.people.length} 人`,
    });
  }
  return issues;
}
