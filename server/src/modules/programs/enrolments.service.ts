// Enrolment (报名/学员) of cadres in a program: add, move between class and group, set class roles, remove,
// list and export. Placement rules (capacity, one monitor per class, one leader per group) are checked on the
// state after the change, inside the writing transaction.
import type { AddEnrolments, Enrolment, EnrolmentPatch, ListEnrolmentsQuery, Page } from '@duibiao/contracts';
import { LABELS } from '@duibiao/contracts';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import { inSubtree, isUniqueViolation, nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { writeXlsx, type XlsxColumn } from '../../lib/xlsx-writer.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { recomputeProgramHours } from '../hours/ledger.ts';
import { programInScope } from './program-access.ts';
import { placementProblems, type Placement } from './enrolment.rules.ts';
import { listRoster, loadPlacementState, lockProgramRoster, type PlacementState, type RosterFilter } from './enrolments.repo.ts';
import { roleProblems, rolesAfterMove } from './programs.rules.ts';
import { newEnrolmentRow } from './enrolment-row.ts';
import { releaseNominatedSeat } from '../selection/waitlist.ts';

const EXPORT_COLUMNS: XlsxColumn<Enrolment & { index: number }>[] = [
  { header: '序号', width: 6, value: (e) => e.index },
  { header: '姓名', width: 12, value: (e) => e.cadre.name },
  { header: '身份证号', width: 22, value: (e) => e.cadre.idNumber },
  { header: '工作单位', width: 30, value: (e) => e.cadre.orgName },
  { header: '职务', width: 20, value: (e) => e.cadre.position },
  { header: '职级', width: 18, value: (e) => (e.cadre.rank ? LABELS.rank[e.cadre.rank].zh : '') },
  { header: '班级', width: 16, value: (e) => e.className },
  { header: '小组', width: 12, value: (e) => e.groupName },
  { header: '班内职务', width: 20, value: (e) => e.roles.map((r) => LABELS.classRole[r].zh).join('、') },
];

/** Class and group ids checked against the program; a group alone implies its class. */
export function resolvePlace(state: PlacementState, classId: number | null | undefined, groupId: number | null | undefined) {
  const errors: { field: string; message: string }[] = [];
  let cls = classId ?? null;
  const group = groupId ?? null;
  if (cls !== null && !state.capacity.has(cls)) errors.push({ field: 'classId', message: '班级不属于该项目' });
  if (group !== null) {
    const owner = state.groupClass.get(group);
    if (owner === undefined) errors.push({ field: 'groupId', message: '小组不属于该项目' });
    else if (cls === null) cls = owner;
    else if (owner !== cls) errors.push({ field: 'groupId', message: '小组不属于所选班级' });
  }
  return { classId: cls, groupId: group, errors };
}

export function createEnrolmentService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  async function enrolmentOf(trx: Kysely<Database>, programId: number, enrolmentId: number) {
    const row = await trx.selectFrom('enrolments').selectAll().where('id', '=', enrolmentId).where('program_id', '=', programId).executeTakeFirst();
    if (!row) throw notFound('学员');
    return row;
  }

  const present = async (trx: Kysely<Database>, programId: number, ids: number[]) =>
    (await listRoster(trx, programId, { ids }, Math.max(ids.length, 1), 0)).items;

  return {
    async list(actor: Actor, programId: number, query: ListEnrolmentsQuery): Promise<Page<Enrolment>> {
      requirePermission(actor, 'program:read');
      await programInScope(read, actor, programId);
      const { page, pageSize, ...filter } = query;
      const { items, total } = await listRoster(read, programId, filter, pageSize, (page - 1) * pageSize);
      return { items, total, page, pageSize };
    },

    /** The roster as xlsx (masked ID numbers); the export is audited. */
    async exportXlsx(actor: Actor, programId: number, filter: RosterFilter): Promise<{ name: string; write: (out: NodeJS.WritableStream) => Promise<void> }> {
      requirePermission(actor, 'program:read');
      const program = await programInScope(read, actor, programId);
      const { items } = await listRoster(read, programId, filter, 100_000, 0);
      await db.transaction().execute((trx) =>
        recordAudit(trx, actor, {
          action: 'enrolment.export',
          entityType: 'program',
          entityId: programId,
          scopePath: program.organizer_path,
          summary: `导出 ${program.name} 学员名单（${items.length} 人）`,
          after: { filter },
        }),
      );
      return {
        name: `${program.name}_学员名单`,
        write: (out) =>
          writeXlsx(
            out,
            '学员名单',
            EXPORT_COLUMNS,
            items.map((e, i) => ({ ...e, index: i + 1 })),
          ),
      };
    },

    async add(actor: Actor, programId: number, input: AddEnrolments): Promise<Enrolment[]> {
      requirePermission(actor, 'program:write');
      const program = await programInScope(read, actor, programId);
      const unique = [...new Set(input.cadreIds)];
      const visible = await read
        .selectFrom('cadres as c')
        .innerJoin('organizations as o', 'o.id', 'c.org_id')
        .select(['c.id', 'c.name'])
        .where('c.id', 'in', unique)
        .where(inSubtree('o.path', scopePrefix(actor)))
        .execute();
      const names = new Map(visible.map((c) => [c.id, c.name]));
      const unknown = input.cadreIds.map((id, i) => ({ id, i })).filter((x) => !names.has(x.id));
      if (unknown.length) throw invalid(unknown.map((u) => ({ field: `cadreIds.${u.i}`, message: '干部不存在或不在管理范围内' })));
      try {
        return await db.transaction().execute(async (trx) => {
          await lockProgramRoster(trx, programId);
          const state = await loadPlacementState(trx, programId);
          const place = resolvePlace(state, input.classId, input.groupId);
          if (place.errors.length) throw invalid(place.errors);
          const already = input.cadreIds.map((id, i) => ({ id, i })).filter((x) => state.byCadre.has(x.id));
          if (already.length)
            throw conflict(
              '部分干部已报名该项目',
              already.map((a) => ({ field: `cadreIds.${a.i}`, message: `${names.get(a.id)} 已报名` })),
            );
          const incoming: Placement[] = unique.map(() => ({ classId: place.classId, groupId: place.groupId, roles: [] }));
          const problems = placementProblems([...state.members.values()], incoming, state.capacity);
          if (problems.length) throw conflict(problems[0]!.message, [{ field: problems[0]!.field, message: problems[0]!.message }]);
          const at = nowIso();
          const inserted = await trx
            .insertInto('enrolments')
            .values(unique.map((cadreId) => newEnrolmentRow({ programId, cadreId, classId: place.classId, groupId: place.groupId }, at)))
            .returning('id')
            .execute();
          await recordAudit(trx, actor, {
            action: 'enrolment.add',
            entityType: 'program',
            entityId: programId,
            scopePath: program.organizer_path,
            summary: `${program.name}：添加学员 ${unique.map((id) => names.get(id)).join('、')}`,
            after: { cadreIds: unique, classId: place.classId, groupId: place.groupId },
          });
          return present(
            trx,
            programId,
            inserted.map((r) => r.id),
          );
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('部分干部已报名该项目', [{ field: 'cadreIds', message: '已报名' }]);
        throw error;
      }
    },

    async update(actor: Actor, programId: number, enrolmentId: number, patch: EnrolmentPatch): Promise<Enrolment> {
      requirePermission(actor, 'program:write');
      const program = await programInScope(read, actor, programId);
      return db.transaction().execute(async (trx) => {
        await lockProgramRoster(trx, programId);
        const row = await enrolmentOf(trx, programId, enrolmentId);
        const state = await loadPlacementState(trx, programId);
        // An omitted classId keeps the class unless a group of another class is chosen; a new class drops the group.
        const classGiven = patch.classId !== undefined;
        const groupGiven = patch.groupId !== undefined;
        let classId = classGiven ? patch.classId! : row.class_id;
        let groupId = groupGiven ? patch.groupId! : row.group_id;
        if (!classGiven && groupGiven && groupId !== null) classId = state.groupClass.get(groupId) ?? classId;
        if (classGiven && !groupGiven && classId !== row.class_id) groupId = null;
        if (classId === null) groupId = null;
        const place = resolvePlace(state, classId, groupId);
        if (place.errors.length) throw invalid(place.errors);
        const current = state.members.get(enrolmentId)?.roles ?? [];
        const roles = patch.roles ?? rolesAfterMove(current, place.classId !== row.class_id, place.groupId !== row.group_id);
        const needs = roleProblems(roles, place.classId, place.groupId);
        if (needs.length) throw invalid(needs.map((message) => ({ field: 'roles', message })));
        const others = [...state.members.entries()].filter(([id]) => id !== enrolmentId).map(([, p]) => p);
        // Staying in one's own class takes no new seat.
        const capacity = place.classId === row.class_id ? new Map<number, number>() : state.capacity;
        const problems = placementProblems(others, [{ classId: place.classId, groupId: place.groupId, roles }], capacity);
        if (problems.length)
          throw conflict(
            problems[0]!.message,
            problems.map((p) => ({ field: p.field, message: p.message })),
          );
        await trx
          .updateTable('enrolments')
          .set({ class_id: place.classId, group_id: place.groupId, roles: JSON.stringify(roles), updated_at: nowIso() })
          .where('id', '=', enrolmentId)
          .execute();
        // Which sessions a trainee must attend follows the class and group: the ledger follows the move.
        if (place.classId !== row.class_id || place.groupId !== row.group_id) await recomputeProgramHours(trx, programId, [row.cadre_id]);
        const [after] = await present(trx, programId, [enrolmentId]);
        await recordAudit(trx, actor, {
          action: 'enrolment.update',
          entityType: 'enrolment',
          entityId: enrolmentId,
          scopePath: program.organizer_path,
          summary: `${program.name}：调整学员 ${after!.cadre.name}`,
          before: { classId: row.class_id, groupId: row.group_id, roles: current },
          after: { classId: place.classId, groupId: place.groupId, roles },
        });
        return after!;
      });
    },

    /** Removes the enrolment with its attendance, leave and ledger rows for this program. */
    async remove(actor: Actor, programId: number, enrolmentId: number): Promise<void> {
      requirePermission(actor, 'program:write');
      const program = await programInScope(read, actor, programId);
      await db.transaction().execute(async (trx) => {
        const [before] = await present(trx, programId, [enrolmentId]);
        if (!before) throw notFound('学员');
        await trx.deleteFrom('enrolments').where('id', '=', enrolmentId).execute();
        await recomputeProgramHours(trx, programId, [before.cadre.id]);
        // A seat taken through selection frees up: its nomination is withdrawn and the waitlist moves up (issue 4).
        await releaseNominatedSeat(trx, actor, programId, before.cadre.id, '学员被移出名单');
        await recordAudit(trx, actor, {
          action: 'enrolment.remove',
          entityType: 'enrolment',
          entityId: enrolmentId,
          scopePath: program.organizer_path,
          summary: `${program.name}：移除学员 ${before.cadre.name}`,
          before,
        });
      });
    },
  };
}
export type EnrolmentService = ReturnType<typeof createEnrolmentService>;
