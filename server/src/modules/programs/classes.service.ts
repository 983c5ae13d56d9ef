// Classes (班级) and groups (小组) of a program: tutors, capacity, CRUD.
import type { ClassInput, ClassPatch, GroupInput, GroupPatch, ProgramClass } from '@duibiao/contracts';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import { inSubtree, nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { programInScope } from './program-access.ts';
import { countInClass, findClass, findGroup, loadClasses } from './classes.repo.ts';
import { lockProgramRoster } from './enrolments.repo.ts';
import { parseRoles } from './programs.rules.ts';

export function createClassService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  async function checkTutorInstructor(actor: Actor, id: number | null | undefined) {
    if (!id) return;
    const found = await read
      .selectFrom('instructors as i')
      .innerJoin('organizations as o', 'o.id', 'i.org_id')
      .select('i.id')
      .where('i.id', '=', id)
      .where(inSubtree('o.path', scopePrefix(actor)))
      .executeTakeFirst();
    if (!found) throw invalid([{ field: 'tutorInstructorId', message: '师资库中没有该带班老师' }]);
  }

  async function checkTutorUsers(actor: Actor, ids: number[] | undefined) {
    if (!ids?.length) return;
    const unique = [...new Set(ids)];
    const found = await read
      .selectFrom('users as u')
      .innerJoin('organizations as o', 'o.id', 'u.org_id')
      .select('u.id')
      .where('u.id', 'in', unique)
      .where('u.role', '=', 'tutor')
      .where(inSubtree('o.path', scopePrefix(actor)))
      .execute();
    const ok = new Set(found.map((f) => f.id));
    const bad = ids.map((id, i) => ({ id, i })).filter((x) => !ok.has(x.id));
    if (bad.length) throw invalid(bad.map((b) => ({ field: `tutorUserIds.${b.i}`, message: '不是管理范围内的带班老师账号' })));
  }

  async function setTutors(trx: Kysely<Database>, classId: number, ids: number[]) {
    await trx.deleteFrom('class_tutors').where('class_id', '=', classId).execute();
    const unique = [...new Set(ids)];
    if (unique.length)
      await trx
        .insertInto('class_tutors')
        .values(unique.map((user_id) => ({ class_id: classId, user_id })))
        .execute();
  }

  const one = async (trx: Kysely<Database>, programId: number, classId: number) => (await loadClasses(trx, programId)).find((c) => c.id === classId)!;

  async function classInProgram(actor: Actor, programId: number, classId: number) {
    const program = await programInScope(read, actor, programId);
    const cls = await findClass(read, programId, classId);
    if (!cls) throw notFound('班级');
    return { program, cls };
  }

  async function groupInProgram(actor: Actor, programId: number, groupId: number) {
    const program = await programInScope(read, actor, programId);
    const group = await findGroup(read, programId, groupId);
    if (!group) throw notFound('小组');
    return { program, group };
  }

  return {
    async list(actor: Actor, programId: number): Promise<ProgramClass[]> {
      requirePermission(actor, 'program:read');
      await programInScope(read, actor, programId);
      return loadClasses(read, programId);
    },

    async create(actor: Actor, programId: number, input: ClassInput): Promise<ProgramClass> {
      requirePermission(actor, 'program:write');
      const program = await programInScope(read, actor, programId);
      await checkTutorInstructor(actor, input.tutorInstructorId);
      await checkTutorUsers(actor, input.tutorUserIds);
      return db.transaction().execute(async (trx) => {
        const at = nowIso();
        const { id } = await trx
          .insertInto('program_classes')
          .values({
            program_id: programId,
            name: input.name,
            theme: input.theme ?? null,
            place: input.place ?? null,
            capacity: input.capacity,
            tutor_instructor_id: input.tutorInstructorId ?? null,
            sort_order: input.sortOrder ?? 0,
            theme_tags: JSON.stringify(input.themeTags),
            min_grassroots_share: input.minGrassrootsShare,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await setTutors(trx, id, input.tutorUserIds);
        const after = await one(trx, programId, id);
        await recordAudit(trx, actor, {
          action: 'class.create',
          entityType: 'program_class',
          entityId: id,
          scopePath: program.organizer_path,
          summary: `${program.name}：新建班级 ${input.name}`,
          after,
        });
        return after;
      });
    },

    async update(actor: Actor, programId: number, classId: number, patch: ClassPatch): Promise<ProgramClass> {
      requirePermission(actor, 'program:write');
      const { program } = await classInProgram(actor, programId, classId);
      await checkTutorInstructor(actor, patch.tutorInstructorId);
      await checkTutorUsers(actor, patch.tutorUserIds);
      return db.transaction().execute(async (trx) => {
        if (patch.capacity !== undefined) {
          await lockProgramRoster(trx, programId);
          const enrolled = await countInClass(trx, classId);
          if (patch.capacity < enrolled) throw invalid([{ field: 'capacity', message: `班级已有 ${enrolled} 名学员，容量不能小于该人数` }]);
        }
        const before = await one(trx, programId, classId);
        await trx
          .updateTable('program_classes')
          .set({
            ...(patch.name !== undefined && { name: patch.name }),
            ...(patch.theme !== undefined && { theme: patch.theme }),
            ...(patch.place !== undefined && { place: patch.place }),
            ...(patch.capacity !== undefined && { capacity: patch.capacity }),
            ...(patch.tutorInstructorId !== undefined && { tutor_instructor_id: patch.tutorInstructorId }),
            ...(patch.sortOrder !== undefined && { sort_order: patch.sortOrder }),
            ...(patch.themeTags !== undefined && { theme_tags: JSON.stringify(patch.themeTags) }),
            ...(patch.minGrassrootsShare !== undefined && { min_grassroots_share: patch.minGrassrootsShare }),
            updated_at: nowIso(),
          })
          .where('id', '=', classId)
          .execute();
        if (patch.tutorUserIds !== undefined) await setTutors(trx, classId, patch.tutorUserIds);
        const after = await one(trx, programId, classId);
        await recordAudit(trx, actor, {
          action: 'class.update',
          entityType: 'program_class',
          entityId: classId,
          scopePath: program.organizer_path,
          summary: `${program.name}：修改班级 ${after.name}`,
          before,
          after,
        });
        return after;
      });
    },

    /** Only an empty class no session is addressed to may go (its timetable and roster would dangle). */
    async remove(actor: Actor, programId: number, classId: number): Promise<void> {
      requirePermission(actor, 'program:write');
      const { program, cls } = await classInProgram(actor, programId, classId);
      await db.transaction().execute(async (trx) => {
        const members = await trx.selectFrom('enrolments').select('id').where('class_id', '=', classId).limit(1).execute();
        if (members.length) throw conflict('班级中还有学员，请先移出或调班', [{ field: 'classId', message: '班级中还有学员' }]);
        const sessions = await trx
          .selectFrom('program_sessions as s')
          .leftJoin('class_groups as g', 'g.id', 's.audience_group_id')
          .select('s.id')
          .where((eb) => eb.or([eb('s.audience_class_id', '=', classId), eb('g.class_id', '=', classId)]))
          .limit(1)
          .execute();
        if (sessions.length) throw conflict('课程表中有面向该班级或其小组的课程，请先调整课程', [{ field: 'classId', message: '课程表仍在使用该班级' }]);
        await trx.deleteFrom('program_classes').where('id', '=', classId).execute();
        await recordAudit(trx, actor, {
          action: 'class.delete',
          entityType: 'program_class',
          entityId: classId,
          scopePath: program.organizer_path,
          summary: `${program.name}：删除班级 ${cls.name}`,
          before: { name: cls.name, capacity: cls.capacity },
        });
      });
    },

    async createGroup(actor: Actor, programId: number, input: GroupInput): Promise<ProgramClass> {
      requirePermission(actor, 'program:write');
      const program = await programInScope(read, actor, programId);
      const cls = await findClass(read, programId, input.classId);
      if (!cls) throw invalid([{ field: 'classId', message: '班级不属于该项目' }]);
      return db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('class_groups')
          .values({ class_id: cls.id, name: input.name, sort_order: input.sortOrder ?? 0, created_at: nowIso() })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'group.create',
          entityType: 'class_group',
          entityId: id,
          scopePath: program.organizer_path,
          summary: `${program.name}·${cls.name}：新建小组 ${input.name}`,
          after: input,
        });
        return one(trx, programId, cls.id);
      });
    },

    async updateGroup(actor: Actor, programId: number, groupId: number, patch: GroupPatch): Promise<ProgramClass> {
      requirePermission(actor, 'program:write');
      const { program, group } = await groupInProgram(actor, programId, groupId);
      return db.transaction().execute(async (trx) => {
        await trx
          .updateTable('class_groups')
          .set({ ...(patch.name !== undefined && { name: patch.name }), ...(patch.sortOrder !== undefined && { sort_order: patch.sortOrder }) })
          .where('id', '=', groupId)
          .execute();
        await recordAudit(trx, actor, {
          action: 'group.update',
          entityType: 'class_group',
          entityId: groupId,
          scopePath: program.organizer_path,
          summary: `${program.name}：修改小组 ${patch.name ?? group.name}`,
          before: { name: group.name, sortOrder: group.sort_order },
          after: patch,
        });
        return one(trx, programId, group.class_id);
      });
    },

    /** Members stay in the class without a group (and lose a group-leader role); sessions for the group block it. */
    async removeGroup(actor: Actor, programId: number, groupId: number): Promise<ProgramClass> {
      requirePermission(actor, 'program:write');
      const { program, group } = await groupInProgram(actor, programId, groupId);
      return db.transaction().execute(async (trx) => {
        const sessions = await trx.selectFrom('program_sessions').select('id').where('audience_group_id', '=', groupId).limit(1).execute();
        if (sessions.length) throw conflict('课程表中有面向该小组的课程，请先调整课程', [{ field: 'groupId', message: '课程表仍在使用该小组' }]);
        const members = await trx.selectFrom('enrolments').select(['id', 'roles']).where('group_id', '=', groupId).execute();
        for (const m of members) {
          const roles = parseRoles(m.roles).filter((r) => r !== 'group_leader');
          await trx
            .updateTable('enrolments')
            .set({ group_id: null, roles: JSON.stringify(roles), updated_at: nowIso() })
            .where('id', '=', m.id)
            .execute();
        }
        await trx.deleteFrom('class_groups').where('id', '=', groupId).execute();
        await recordAudit(trx, actor, {
          action: 'group.delete',
          entityType: 'class_group',
          entityId: groupId,
          scopePath: program.organizer_path,
          summary: `${program.name}：删除小组 ${group.name}（${members.length} 名组员移出小组）`,
          before: { name: group.name, members: members.map((m) => m.id) },
        });
        return one(trx, programId, group.class_id);
      });
    },
  };
}
export type ClassService = ReturnType<typeof createClassService>;
