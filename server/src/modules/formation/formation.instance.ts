// Reads a program's classes and enrolled trainees and turns them into a core grouping instance, the people lookup the
// board renders and the arrangement currently stored on the enrolments.
import { GRASSROOTS_LEVELS, type FormationClass, type FormationLock, type FormationPerson, type FormationSolution, type OrgLevel } from '@duibiao/contracts';
import type { ClassSpec, GroupSize, Lock, Person } from '@duibiao/core/grouping/index';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { parseTags } from '../programs/classes.repo.ts';

export interface RosterClass extends FormationClass {
  dbId: number;
  /** Existing class_groups of the class in display order. */
  groups: { id: number; name: string }[];
}

export interface Roster {
  classes: RosterClass[];
  people: FormationPerson[];
  /** Core persons in roster order (same ids as `people`). */
  persons: Person[];
  current: FormationSolution;
  /** Enrolment id → its stored class and group (for apply). */
  placed: Map<string, { enrolmentId: number; classId: number | null; groupId: number | null; roles: string }>;
}

/** Whole years between a birth date and a reference date (both YYYY-MM-DD…), or null when unknown. */
export function ageOn(birth: string | null, on: string): number | null {
  if (!birth || birth.length < 10) return null;
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  const beforeBirthday = on.slice(5, 10) < birth.slice(5, 10);
  const age = years - (beforeBirthday ? 1 : 0);
  return Number.isFinite(age) && age >= 0 ? age : null;
}

function parseList(json: string): string[] {
  return parseTags(json);
}

export async function loadRoster(db: Kysely<Database>, programId: number, referenceDate: string): Promise<Roster> {
  const [classRows, groupRows, enrolRows] = await Promise.all([
    db.selectFrom('program_classes').selectAll().where('program_id', '=', programId).orderBy('sort_order').orderBy('id').execute(),
    db
      .selectFrom('class_groups as g')
      .innerJoin('program_classes as c', 'c.id', 'g.class_id')
      .select(['g.id', 'g.class_id', 'g.name'])
      .where('c.program_id', '=', programId)
      .orderBy('g.sort_order')
      .orderBy('g.id')
      .execute(),
    db
      .selectFrom('enrolments as e')
      .innerJoin('cadres as cd', 'cd.id', 'e.cadre_id')
      .innerJoin('organizations as o', 'o.id', 'cd.org_id')
      .select(['e.id', 'e.class_id', 'e.group_id', 'e.roles', 'e.cadre_id', 'cd.name', 'cd.gender', 'cd.birth_date', 'cd.rank', 'cd.specialties', 'cd.org_id'])
      .select(['o.name as org_name', 'o.level as org_level'])
      .where('e.program_id', '=', programId)
      .where('e.status', '=', 'enrolled')
      .orderBy('e.id')
      .execute(),
  ]);

  const classes: RosterClass[] = classRows.map((c) => ({
    id: String(c.id),
    dbId: c.id,
    name: c.name,
    capacity: c.capacity,
    themeTags: parseTags(c.theme_tags),
    minGrassrootsShare: Number(c.min_grassroots_share),
    groups: groupRows.filter((g) => g.class_id === c.id).map((g) => ({ id: g.id, name: g.name })),
  }));

  const people: FormationPerson[] = [];
  const persons: Person[] = [];
  const placed: Roster['placed'] = new Map();
  for (const e of enrolRows) {
    const id = String(e.id);
    const grassroots = GRASSROOTS_LEVELS.includes(e.org_level as OrgLevel);
    const specialties = parseList(e.specialties);
    const age = ageOn(e.birth_date, referenceDate);
    people.push({ id, cadreId: e.cadre_id, name: e.name, unitName: e.org_name, grassroots, gender: e.gender, age, rank: e.rank, specialties });
    persons.push({
      id,
      unit: String(e.org_id),
      level: grassroots ? 'grassroots' : 'other',
      specialties,
      attributes: { ...(e.gender ? { gender: e.gender } : {}), ...(e.rank ? { rank: e.rank } : {}), ...(age !== null ? { age } : {}) },
    });
    placed.set(id, { enrolmentId: e.id, classId: e.class_id, groupId: e.group_id, roles: e.roles });
  }

  const current: FormationSolution = {
    classes: classes.map((c) => {
      const members = enrolRows.filter((e) => e.class_id === c.dbId);
      return {
        id: c.id,
        members: members.map((e) => String(e.id)),
        groups: c.groups.map((g) => ({ id: `g${g.id}`, members: members.filter((e) => e.group_id === g.id).map((e) => String(e.id)) })),
      };
    }),
  };
  return { classes, people, persons, current, placed };
}

export const classSpecs = (roster: Roster): ClassSpec[] =>
  roster.classes.map((c) => ({ id: c.id, capacity: c.capacity, themeTags: c.themeTags, minGrassrootsShare: c.minGrassrootsShare }));

/** The raw (unvalidated) instance for core's parseInstance. Locks naming people or classes no longer there are dropped. */
export function rawInstance(roster: Roster, groupSize: GroupSize, seed: number, locks: readonly FormationLock[]) {
  const personIds = new Set(roster.persons.map((p) => p.id));
  const classIds = new Set(roster.classes.map((c) => c.id));
  const seen = new Set<string>();
  const locked: Lock[] = [];
  for (const l of locks) {
    if (!personIds.has(l.person) || !classIds.has(l.class) || seen.has(l.person)) continue;
    seen.add(l.person);
    locked.push(l.group === undefined ? { person: l.person, class: l.class } : { person: l.person, class: l.class, group: l.group });
  }
  return { people: roster.persons, classes: classSpecs(roster), groupSize, seed, locked };
}
