// Pure edits of a formation solution on the board: move a member to another group or class, toggle a lock, and the
// targets a member can be moved to. Group labels the board invents for a new group start with "new-".
import type { FormationLock, FormationSolution } from '@duibiao/contracts';

export interface MoveTarget {
  classId: string;
  /** An existing group label, or null for a new group in that class. */
  groupId: string | null;
}

/** The solution with `person` taken out of wherever it is and put into the target (a new group when groupId is null). */
export function moveMember(solution: FormationSolution, person: string, target: MoveTarget): FormationSolution {
  const newLabel = `new-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  return {
    classes: solution.classes.map((c) => {
      const members = c.members.filter((m) => m !== person);
      let groups = c.groups.map((g) => ({ ...g, members: g.members.filter((m) => m !== person) }));
      if (c.id === target.classId) {
        members.push(person);
        if (target.groupId === null) groups.push({ id: newLabel, members: [person] });
        else groups = groups.map((g) => (g.id === target.groupId ? { ...g, members: [...g.members, person] } : g));
      }
      // A group emptied by the move disappears; apply would delete it anyway.
      return { ...c, members, groups: groups.filter((g) => g.members.length > 0) };
    }),
  };
}

/** Where a person sits now (class and group label), if anywhere. */
export function placeOf(solution: FormationSolution, person: string): MoveTarget | null {
  for (const c of solution.classes) {
    if (!c.members.includes(person)) continue;
    return { classId: c.id, groupId: c.groups.find((g) => g.members.includes(person))?.id ?? null };
  }
  return null;
}

/** Locks the person where they are now (class and group), or unlocks them. */
export function toggleLock(locks: readonly FormationLock[], solution: FormationSolution, person: string): FormationLock[] {
  if (locks.some((l) => l.person === person)) return locks.filter((l) => l.person !== person);
  const at = placeOf(solution, person);
  if (!at) return [...locks];
  return [...locks, at.groupId === null ? { person, class: at.classId } : { person, class: at.classId, group: at.groupId }];
}

/** A lock follows its person when moved by hand (the organizer's move is the new intent). */
export function relock(locks: readonly FormationLock[], solution: FormationSolution, person: string): FormationLock[] {
  if (!locks.some((l) => l.person === person)) return [...locks];
  return toggleLock(
    locks.filter((l) => l.person !== person),
    solution,
    person,
  );
}

/**
 * The solution as the board shows it: a column for every class of the program in its order, and without people who
 * left the roster since the draft was saved (trainees who joined since appear in the 未分班 pool).
 */
export function withAllClasses(solution: FormationSolution, classIds: readonly string[], personIds?: ReadonlySet<string>): FormationSolution {
  const keep = (ids: string[]) => (personIds ? ids.filter((id) => personIds.has(id)) : ids);
  const tidy = (c: FormationSolution['classes'][number]) => ({
    ...c,
    members: keep(c.members),
    groups: c.groups.map((g) => ({ ...g, members: keep(g.members) })).filter((g) => g.members.length > 0),
  });
  const byId = new Map(solution.classes.map((c) => [c.id, tidy(c)]));
  const extra = solution.classes.filter((c) => !classIds.includes(c.id)).map(tidy);
  return { classes: [...classIds.map((id) => byId.get(id) ?? { id, members: [], groups: [] }), ...extra] };
}

/** People of the roster the solution does not place in any class. */
export function unplaced(solution: FormationSolution, personIds: readonly string[]): string[] {
  const placed = new Set(solution.classes.flatMap((c) => c.members));
  return personIds.filter((id) => !placed.has(id));
}
