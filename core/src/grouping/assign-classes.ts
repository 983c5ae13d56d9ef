// Exact class assignment: maximise total specialty/theme fit under class sizes and grassroots minimums (min-cost flow).
import { MinCostFlow } from './min-cost-flow.ts';
import { classSizes, requiredGrassroots } from './plan.ts';
import type { ClassSpec, GroupingInstance, Person } from './types.ts';

/** How many of the person's specialties are among the class's theme tags. */
export function fit(person: Person, cls: ClassSpec): number {
  let n = 0;
  for (const s of new Set(person.specialties)) if (cls.themeTags.includes(s)) n++;
  return n;
}

export interface ClassAssignment {
  /** Person indices per class, in input order. */
  members: number[][];
  sizes: number[];
  totalFit: number;
  /** Grassroots seats short of the minimums (0 when the minimums are met). */
  grassrootsShortfall: number;
}

/**
 * Network: source → person (1) → class k directly for grassroots people, or through the class's "other" node, whose arc
 * to the class holds size − minimum at cost 0 plus the minimum's seats at a penalty larger than any fit gain. Every class
 * sink arc carries exactly its planned size, so a flow of everyone is the best fit that meets the grassroots minimums
 * whenever they can be met, and otherwise the fewest shortfalls. Locked people have an arc to their class only.
 */
export function assignClasses(instance: GroupingInstance): ClassAssignment {
  const { people, classes } = instance;
  const sizes = classSizes(instance);
  const needs = classes.map((c, k) => requiredGrassroots(sizes[k]!, c.minGrassrootsShare));
  const fits = people.map((p) => classes.map((c) => fit(p, c)));
  const maxFit = Math.max(0, ...fits.flat());
  const penalty = (maxFit + 1) * (people.length + 1);
  const lockedClass = new Map(instance.locked.map((l) => [l.person, classes.findIndex((c) => c.id === l.class)]));

  const n = people.length;
  const K = classes.length;
  const source = 0;
  const personNode = (i: number) => 1 + i;
  const classNode = (k: number) => 1 + n + k;
  const otherNode = (k: number) => 1 + n + K + k;
  const sink = 1 + n + 2 * K;
  const flow = new MinCostFlow(sink + 1);
  const arcs: { person: number; cls: number; edge: number }[] = [];
  people.forEach((p, i) => {
    flow.addEdge(source, personNode(i), 1, 0);
    const only = lockedClass.get(p.id);
    for (let k = 0; k < K; k++) {
      if (only !== undefined && only !== k) continue;
      const target = p.level === 'grassroots' ? classNode(k) : otherNode(k);
      arcs.push({ person: i, cls: k, edge: flow.addEdge(personNode(i), target, 1, maxFit - fits[i]![k]!) });
    }
  });
  for (let k = 0; k < K; k++) {
    const freeOther = sizes[k]! - needs[k]!;
    flow.addEdge(otherNode(k), classNode(k), freeOther, 0);
    flow.addEdge(otherNode(k), classNode(k), needs[k]!, penalty);
    flow.addEdge(classNode(k), sink, sizes[k]!, 0);
  }
  const result = flow.run(source, sink);
  if (result.flow !== n) throw new RangeError(`class assignment placed ${result.flow} of ${n} people`);

  const members: number[][] = classes.map(() => []);
  let totalFit = 0;
  for (const a of arcs) {
    if (flow.flowOn(a.edge) > 0) {
      members[a.cls]!.push(a.person);
      totalFit += fits[a.person]![a.cls]!;
    }
  }
  for (const list of members) list.sort((a, b) => a - b);
  const grassrootsShortfall = members.reduce((sum, list, k) => sum + Math.max(0, needs[k]! - list.filter((i) => people[i]!.level === 'grassroots').length), 0);
  return { members, sizes, totalFit, grassrootsShortfall };
}
