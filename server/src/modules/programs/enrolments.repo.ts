// Enrolment queries: the roster with cadre and placement, and the program's placement state for the rules.
import type { ClassRole, Enrolment, Rank } from '@duibiao/contracts';
import { sql, type Kysely } from 'kysely';
import { containsText } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { Placement } from './enrolment.rules.ts';
import { parseRoles } from './programs.rules.ts';

export interface RosterFilter {
  classId?: number;
  groupId?: number;
  q?: string;
  ids?: number[];
}

function roster(db: Kysely<Database>, programId: number, f: RosterFilter) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('cadres as c', 'c.id', 'e.cadre_id')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .leftJoin('program_classes as pc', 'pc.id', 'e.class_id')
    .leftJoin('class_groups as g', 'g.id', 'e.group_id')
    .where('e.program_id', '=', programId)
    .$if(f.classId !== undefined, (b) => b.where('e.class_id', '=', f.classId!))
    .$if(f.groupId !== undefined, (b) => b.where('e.group_id', '=', f.groupId!))
    .$if(!!f.ids, (b) => b.where('e.id', 'in', f.ids!.length ? f.ids! : [-1]))
    .$if(!!f.q, (b) => b.where((eb) => eb.or([containsText('c.name', f.q!), containsText('o.name', f.q!), containsText('c.position', f.q!)])));
}

const COLUMNS = [
  'e.id',
  'e.program_id',
  'e.cadre_id',
  'e.class_id',
  'e.group_id',
  'e.roles',
  'e.status',
  'e.withdrawal_flagged_at',
  'e.created_at',
  'c.name',
  'c.id_number_masked',
  'c.position',
  'c.rank',
  'o.name as org_name',
  'pc.name as class_name',
  'g.name as group_name',
] as const;

type RosterRow = {
  id: number;
  program_id: number;
  cadre_id: number;
  class_id: number | null;
  group_id: number | null;
  roles: string;
  status: string;
  withdrawal_flagged_at: string | null;
  created_at: string;
  name: string;
  id_number_masked: string;
  position: string | null;
  rank: string | null;
  org_name: string;
  class_name: string | null;
  group_name: string | null;
};

export const presentEnrolment = (r: RosterRow): Enrolment => ({
  id: r.id,
  programId: r.program_id,
  cadre: { id: r.cadre_id, name: r.name, idNumber: r.id_number_masked, orgName: r.org_name, position: r.position, rank: r.rank as Rank | null },
  classId: r.class_id,
  className: r.class_name,
  groupId: r.group_id,
  groupName: r.group_name,
  roles: parseRoles(r.roles),
  status: r.status,
  withdrawalFlaggedAt: r.withdrawal_flagged_at,
  createdAt: r.created_at,
});

/** Roster order: class, group, then order of enrolment (name order would differ between the databases' collations). */
export async function listRoster(db: Kysely<Database>, programId: number, f: RosterFilter, limit: number, offset: number) {
  const q = roster(db, programId, f);
  const [rows, count] = await Promise.all([
    q
      .select(COLUMNS)
      // Nulls sort differently on the two databases: spell out "unplaced last".
      .orderBy(sql`case when e.class_id is null then 1 else 0 end`)
      .orderBy('pc.sort_order')
      .orderBy('e.class_id')
      .orderBy(sql`case when e.group_id is null then 1 else 0 end`)
      .orderBy('g.sort_order')
      .orderBy('e.group_id')
      .orderBy('e.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: (rows as RosterRow[]).map(presentEnrolment), total: Number(count.n) };
}

export interface PlacementState {
  capacity: Map<number, number>;
  classNames: Map<string, number>;
  /** group id → class id */
  groupClass: Map<number, number>;
  /** `${classId}|${groupName}` → group id */
  groupNames: Map<string, number>;
  /** enrolment id → placement of enrolled trainees; cadre id → enrolment id of every enrolment (any status) */
  members: Map<number, Placement & { cadreId: number }>;
  byCadre: Map<number, number>;
}

/** Everything the placement rules need about a program, read inside the writing transaction. */
export async function loadPlacementState(db: Kysely<Database>, programId: number): Promise<PlacementState> {
  const [classes, groups, members] = await Promise.all([
    db.selectFrom('program_classes').select(['id', 'name', 'capacity']).where('program_id', '=', programId).execute(),
    db
      .selectFrom('class_groups as g')
      .innerJoin('program_classes as c', 'c.id', 'g.class_id')
      .select(['g.id', 'g.name', 'g.class_id'])
      .where('c.program_id', '=', programId)
      .execute(),
    db.selectFrom('enrolments').select(['id', 'cadre_id', 'class_id', 'group_id', 'roles', 'status']).where('program_id', '=', programId).execute(),
  ]);
  const active = members.filter((m) => m.status === 'enrolled');
  return {
    capacity: new Map(classes.map((c) => [c.id, c.capacity])),
    classNames: new Map(classes.map((c) => [c.name.trim(), c.id])),
    groupClass: new Map(groups.map((g) => [g.id, g.class_id])),
    groupNames: new Map(groups.map((g) => [`${g.class_id}|${g.name.trim()}`, g.id])),
    members: new Map(active.map((m) => [m.id, { cadreId: m.cadre_id, classId: m.class_id, groupId: m.group_id, roles: parseRoles(m.roles) as ClassRole[] }])),
    byCadre: new Map(members.map((m) => [m.cadre_id, m.id])),
  };
}

/**
 * Serialises enrolment writes of one program: a no-op update takes the program row's lock on PostgreSQL (held to
 * commit, so the next writer reads this one's rows before checking capacity and roles); SQLite already runs one
 * write transaction at a time. One statement, both databases.
 */
export async function lockProgramRoster(db: Kysely<Database>, programId: number): Promise<void> {
  await db
    .updateTable('programs')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', programId)
    .execute();
}
