// Class and group queries: the classes of a program with their groups, tutors, monitor and head counts.
import type { ProgramClass } from '@duibiao/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { parseRoles } from './programs.rules.ts';

/** Every class of a program, in display order, fully assembled (four queries, no N+1). */
export async function loadClasses(db: Kysely<Database>, programId: number): Promise<ProgramClass[]> {
  const [classes, groups, tutors, members] = await Promise.all([
    db
      .selectFrom('program_classes as c')
      .leftJoin('instructors as i', 'i.id', 'c.tutor_instructor_id')
      .selectAll('c')
      .select(['i.name as tutor_name'])
      .where('c.program_id', '=', programId)
      .orderBy('c.sort_order')
      .orderBy('c.id')
      .execute(),
    db
      .selectFrom('class_groups as g')
      .innerJoin('program_classes as c', 'c.id', 'g.class_id')
      .selectAll('g')
      .where('c.program_id', '=', programId)
      .orderBy('g.sort_order')
      .orderBy('g.id')
      .execute(),
    db
      .selectFrom('class_tutors as t')
      .innerJoin('program_classes as c', 'c.id', 't.class_id')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.class_id', 'u.id', 'u.display_name'])
      .where('c.program_id', '=', programId)
      .orderBy('u.display_name')
      .execute(),
    db
      .selectFrom('enrolments as e')
      .innerJoin('cadres as cd', 'cd.id', 'e.cadre_id')
      .select(['e.id', 'e.class_id', 'e.group_id', 'e.roles', 'e.cadre_id', 'cd.name'])
      .where('e.program_id', '=', programId)
      .where('e.status', '=', 'enrolled')
      .where('e.class_id', 'is not', null)
      .execute(),
  ]);
  return classes.map((c) => {
    const inClass = members.filter((m) => m.class_id === c.id);
    const holder = (list: typeof members, role: 'monitor' | 'group_leader') => {
      const m = list.find((x) => parseRoles(x.roles).includes(role));
      return m ? { enrolmentId: m.id, cadreId: m.cadre_id, name: m.name } : null;
    };
    return {
      id: c.id,
      programId: c.program_id,
      name: c.name,
      theme: c.theme,
      place: c.place,
      capacity: c.capacity,
      enrolledCount: inClass.length,
      sortOrder: c.sort_order,
      tutorInstructor: c.tutor_instructor_id !== null && c.tutor_name !== null ? { id: c.tutor_instructor_id, name: c.tutor_name } : null,
      tutorUsers: tutors.filter((t) => t.class_id === c.id).map((t) => ({ id: t.id, name: t.display_name })),
      monitor: holder(inClass, 'monitor'),
      groups: groups
        .filter((g) => g.class_id === c.id)
        .map((g) => {
          const inGroup = inClass.filter((m) => m.group_id === g.id);
          return { id: g.id, classId: g.class_id, name: g.name, sortOrder: g.sort_order, memberCount: inGroup.length, leader: holder(inGroup, 'group_leader') };
        }),
      themeTags: parseTags(c.theme_tags),
      minGrassrootsShare: Number(c.min_grassroots_share),
    };
  });
}

export function countInClass(db: Kysely<Database>, classId: number) {
  return db
    .selectFrom('enrolments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('class_id', '=', classId)
    .where('status', '=', 'enrolled')
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** A class of this program (or undefined). */
export function findClass(db: Kysely<Database>, programId: number, classId: number) {
  return db.selectFrom('program_classes').selectAll().where('id', '=', classId).where('program_id', '=', programId).executeTakeFirst();
}

/** A group of a class of this program (or undefined). */
export function findGroup(db: Kysely<Database>, programId: number, groupId: number) {
  return db
    .selectFrom('class_groups as g')
    .innerJoin('program_classes as c', 'c.id', 'g.class_id')
    .selectAll('g')
    .where('g.id', '=', groupId)
    .where('c.program_id', '=', programId)
    .executeTakeFirst();
}

/** The JSON string[] of a class's theme tags; anything malformed reads as no tags. */
export function parseTags(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
