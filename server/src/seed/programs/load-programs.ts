// Writes the demo programs (S1, S2, S6) into the issue-3 tables: program, registries, classes, groups,
// enrolments with class roles, and the timetable. One transaction per program, so a failure leaves no half program.
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { DemoProgram } from './types.ts';
import { newEnrolmentRow } from '../../modules/programs/enrolment-row.ts';

export interface LoadedProgram {
  code: string;
  id: number;
  /** Natural ids of the demo data → database ids. */
  sessions: Map<string, number>;
  enrolments: Map<string, { id: number; cadreId: number }>;
  /** Demo class id → program_classes.id, demo group id → class_groups.id. */
  classes: Map<string, number>;
  groups: Map<string, number>;
}

type Trx = Kysely<Database>;

async function orgIdByCode(trx: Trx, code: string): Promise<number> {
  const row = await trx.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirst();
  if (!row) throw new Error(`demo programs: unknown org ${code}`);
  return row.id;
}

async function insertRegistries(trx: Trx, program: DemoProgram, orgId: number, at: string) {
  const instructors = new Map<string, number>();
  for (const i of program.instructors) {
    const row = await trx
      .insertInto('instructors')
      .values({
        org_id: orgId,
        code: i.id,
        name: i.name,
        title: i.title,
        unit: i.unit,
        external: i.external ? 1 : 0,
        role: i.role,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    instructors.set(i.id, row.id);
  }
  const venues = new Map<string, number>();
  for (const v of program.venues) {
    const row = await trx
      .insertInto('venues')
      .values({
        org_id: orgId,
        code: v.id,
        name: v.name,
        address: v.address ?? null,
        lat: v.lat ?? null,
        lng: v.lng ?? null,
        offsite: v.offsite ? 1 : 0,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    venues.set(v.id, row.id);
  }
  return { instructors, venues };
}

export async function loadDemoProgram(trx: Trx, ctx: AppContext, program: DemoProgram, at = nowIso()): Promise<LoadedProgram> {
  const orgId = await orgIdByCode(trx, program.organizerOrgCode);
  const { id: programId } = await trx
    .insertInto('programs')
    .values({
      code: program.code,
      name: program.name,
      type: program.type,
      status: program.status,
      themes: JSON.stringify(program.themes),
      organizer_org_id: orgId,
      partner: program.partner,
      start_date: program.startDate,
      end_date: program.endDate,
      places: JSON.stringify(program.places),
      budget_yuan: program.budgetYuan,
      targets: JSON.stringify(program.targets),
      selection_rules: JSON.stringify(program.selectionRules ?? {}),
      description: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { instructors, venues } = await insertRegistries(trx, program, orgId, at);

  const cadreIds = new Map<string, number>();
  const cadreId = async (idNumber: string) => {
    let id = cadreIds.get(idNumber);
    if (id === undefined) {
      const row = await trx.selectFrom('cadres').select('id').where('id_number_hash', '=', ctx.cipher.blindIndex(idNumber)).executeTakeFirst();
      if (!row) throw new Error(`demo programs: no cadre with the ID number of a ${program.code} trainee`);
      id = row.id;
      cadreIds.set(idNumber, id);
    }
    return id;
  };

  const classIds = new Map<string, number>();
  const groupIds = new Map<string, number>();
  const enrolments = new Map<string, { id: number; cadreId: number }>();
  for (const [ci, cls] of program.classes.entries()) {
    const { id: classId } = await trx
      .insertInto('program_classes')
      .values({
        program_id: programId,
        name: cls.name,
        theme: cls.theme,
        place: cls.place,
        capacity: cls.capacity,
        tutor_instructor_id: instructors.get(cls.tutor) ?? null,
        sort_order: ci,
        theme_tags: JSON.stringify(cls.themeTags ?? []),
        min_grassroots_share: cls.minGrassrootsShare ?? 0,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    classIds.set(cls.id, classId);
    const groupOf = new Map<string, { groupId: number; leader: boolean }>();
    for (const [gi, g] of cls.groups.entries()) {
      const { id: groupId } = await trx
        .insertInto('class_groups')
        .values({ class_id: classId, name: g.name, sort_order: gi, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      groupIds.set(g.id, groupId);
      for (const m of g.memberIdNumbers) groupOf.set(m, { groupId, leader: m === g.leaderIdNumber });
    }
    for (const idNumber of cls.traineeIdNumbers) {
      const g = groupOf.get(idNumber);
      const roles = [...(idNumber === cls.monitorIdNumber ? ['monitor'] : []), ...(g?.leader ? ['group_leader'] : [])];
      const cid = await cadreId(idNumber);
      const { id } = await trx
        .insertInto('enrolments')
        .values(newEnrolmentRow({ programId, cadreId: cid, classId, groupId: g?.groupId ?? null, roles }, at))
        .returning('id')
        .executeTakeFirstOrThrow();
      enrolments.set(idNumber, { id, cadreId: cid });
    }
  }

  const sessions = new Map<string, number>();
  for (const s of program.sessions) {
    const audience = s.audience;
    const { id } = await trx
      .insertInto('program_sessions')
      .values({
        program_id: programId,
        code: s.id,
        title: s.title,
        type: s.type,
        starts_at: s.start,
        ends_at: s.end,
        venue_id: s.venue ? (venues.get(s.venue.id) ?? null) : null,
        audience_kind: audience.kind,
        audience_class_id: audience.kind === 'program' ? null : (classIds.get(audience.classId) ?? null),
        audience_group_id: audience.kind === 'group' ? (groupIds.get(audience.groupId) ?? null) : null,
        credited_hours: s.creditedHours,
        mode: 'offline',
        checkin_enabled: 1,
        geofence_m: null,
        checkin_generation: 0,
        notes: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    sessions.set(s.id, id);
    const instructorRows = s.instructorIds.map((iid) => ({ session_id: id, instructor_id: instructors.get(iid)! }));
    if (instructorRows.length > 0) await trx.insertInto('session_instructors').values(instructorRows).execute();
  }
  return { code: program.code, id: programId, sessions, enrolments, classes: classIds, groups: groupIds };
}

export async function loadDemoPrograms(ctx: AppContext, programs: readonly DemoProgram[]): Promise<LoadedProgram[]> {
  const loaded: LoadedProgram[] = [];
  for (const program of programs) {
    loaded.push(await ctx.db.kysely.transaction().execute((trx) => loadDemoProgram(trx, ctx, program)));
  }
  return loaded;
}
