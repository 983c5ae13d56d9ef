// The whole formation: feasibility report, exact class assignment, groups per class, statistics and violations.
import { assignClasses, fit } from './assign-classes.ts';
import { evaluate, type Violation } from './evaluate.ts';
import { formGroups } from './form-groups.ts';
import { feasibilityReport, requiredGrassroots, type FeasibilityIssue } from './plan.ts';
import type { ClassResult, GroupingInstance } from './types.ts';

export interface ClassStats {
  id: string;
  size: number;
  grassroots: number;
  requiredGrassroots: number;
  fit: number;
  groups: number;
  sameUnitPairs: number;
  sameUnitPairsLowerBound: number;
  balanceCost: number;
  balanceLowerBound: number;
}

export interface GroupingResult {
  /** Empty when every hard rule can be met; otherwise the solution is the closest one found and `violations` says where. */
  feasibility: FeasibilityIssue[];
  classes: ClassResult[];
  stats: {
    people: number;
    totalFit: number;
    /** Sum of each person's best class fit: no assignment can exceed it. */
    fitUpperBound: number;
    sameUnitPairs: number;
    sameUnitPairsLowerBound: number;
    balanceCost: number;
    balanceLowerBound: number;
    swaps: number;
    classes: ClassStats[];
    ms: number;
  };
  violations: Violation[];
}

/** Solves `instance` (already validated with parseInstance). Deterministic for `instance.seed`. */
export function solveGrouping(instance: GroupingInstance): GroupingResult {
  const started = performance.now();
  const feasibility = feasibilityReport(instance);
  const assignment = assignClasses(instance);
  const lockedGroup = new Map<string, string>();
  for (const l of instance.locked) if (l.group !== undefined) lockedGroup.set(l.person, l.group);

  const classes: ClassResult[] = [];
  const classStats: ClassStats[] = [];
  let swaps = 0;
  instance.classes.forEach((spec, k) => {
    const members = assignment.members[k]!.map((i) => instance.people[i]!);
    const seed = (instance.seed ^ Math.imul(k + 1, 0x9e3779b9)) >>> 0;
    const formed = formGroups({ classId: spec.id, members, groupSize: instance.groupSize, seed, lockedGroup });
    swaps += formed.swaps;
    classes.push({ id: spec.id, members: members.map((p) => p.id), groups: formed.groups });
    classStats.push({
      id: spec.id,
      size: members.length,
      grassroots: members.filter((p) => p.level === 'grassroots').length,
      requiredGrassroots: requiredGrassroots(members.length, spec.minGrassrootsShare),
      fit: members.reduce((sum, p) => sum + fit(p, spec), 0),
      groups: formed.groups.length,
      sameUnitPairs: formed.sameUnitPairs,
      sameUnitPairsLowerBound: formed.sameUnitPairsLowerBound,
      balanceCost: round(formed.balanceCost),
      balanceLowerBound: round(formed.balanceLowerBound),
    });
  });

  const sum = (pick: (c: ClassStats) => number) => classStats.reduce((a, c) => a + pick(c), 0);
  const fitUpperBound = instance.people.reduce((a, p) => a + Math.max(0, ...instance.classes.map((c) => fit(p, c))), 0);
  const violations = evaluate(instance, { classes });
  return {
    feasibility,
    classes,
    stats: {
      people: instance.people.length,
      totalFit: assignment.totalFit,
      fitUpperBound,
      sameUnitPairs: sum((c) => c.sameUnitPairs),
      sameUnitPairsLowerBound: sum((c) => c.sameUnitPairsLowerBound),
      balanceCost: round(sum((c) => c.balanceCost)),
      balanceLowerBound: round(sum((c) => c.balanceLowerBound)),
      swaps,
      classes: classStats,
      ms: round(performance.now() - started),
    },
    violations,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
