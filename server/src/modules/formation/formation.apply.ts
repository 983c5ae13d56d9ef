// Applying a formation draft: one transaction that re-checks the draft against the roster as it is now, moves the
// enrolments, names the groups 第1组, 第2组 … (reusing a class's existing groups, creating the rest, deleting the old
// ones left empty), and records the audit entry.
import type { FormationLock, FormationSolution } from '@duibiao/contracts';
import { evaluate, type GroupingInstance, type GroupSize } from '@duibiao/core/grouping/index';
import type { Kysely } from 'kysely';
import { nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { conflict } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import type { Actor } from '../auth/actor.ts';
import { lockProgramRoster } from '../programs/enrolments.repo.ts';
import type { ScopedProgram } from '../programs/program-access.ts';
import { parseRoles } from '../programs/programs.rules.ts';
import { loadRoster, type Roster } from './formation.instance.ts';
import { findDraft, upsertDraft } from './formation.repo.ts';
import { labelsFor, readableViolations, solutionStats } from './formation.rules.ts';

type InstanceOf = (roster: Roster, groupSize: GroupSize, seed: number, locks: readonly FormationLock[]) => GroupingInstance;

export async function applyDraft(trx: Kysely<Database>, actor: Actor, program: ScopedProgram, instanceOf: InstanceOf) {
  await lockProgramRoster(trx, program.id);
  const draft = await findDraft(trx, program.id);
  if (!draft) throw conflict('还没有分班建组方案，请先生成方案', [{ field: 'draft', message: '还没有分班建组方案' }]);
  const roster = await loadRoster(trx, program.id, program.start_date);
  const instance = instanceOf(roster, draft.groupSize, draft.seed, draft.locks);
  const errors = readableViolations(evaluate(instance, draft.solution), labelsFor(roster, draft.solution), instance).filter((v) => v.severity === 'error');
  if (errors.length) {
    const shown = errors.slice(0, 20);
    throw conflict(
      `方案还有 ${errors.length} 项违规，不能应用：${shown.map((v) => v.message).join('；')}${errors.length > shown.length ? '…' : ''}`,
      shown.map((v) => ({ field: v.classId ? `classes.${v.classId}` : 'solution', message: v.message })),
    );
  }

  const at = nowIso();
  const labelToGroup = new Map<string, number>();
  let groupsCreated = 0;
  for (const cls of draft.solution.classes) {
    const rc = roster.classes.find((c) => c.id === cls.id)!;
    for (const [k, group] of cls.groups.entries()) {
      const name = `第${k + 1}组`;
      const reuse = rc.groups[k];
      if (reuse) {
        await trx.updateTable('class_groups').set({ name, sort_order: k }).where('id', '=', reuse.id).execute();
        labelToGroup.set(group.id, reuse.id);
      } else {
        const { id } = await trx
          .insertInto('class_groups')
          .values({ class_id: rc.dbId, name, sort_order: k, created_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        labelToGroup.set(group.id, id);
        groupsCreated++;
      }
    }
  }

  let moved = 0;
  for (const cls of draft.solution.classes) {
    const classId = Number(cls.id);
    for (const group of cls.groups) {
      const groupId = labelToGroup.get(group.id)!;
      for (const person of group.members) {
        const was = roster.placed.get(person)!;
        if (was.classId === classId && was.groupId === groupId) continue;
        // A monitor keeps the role only in the same class, a group leader only in the same group.
        const roles = parseRoles(was.roles).filter((r) => (r === 'monitor' ? was.classId === classId : r === 'group_leader' ? was.groupId === groupId : true));
        await trx
          .updateTable('enrolments')
          .set({ class_id: classId, group_id: groupId, roles: JSON.stringify(roles), updated_at: at })
          .where('id', '=', was.enrolmentId)
          .execute();
        moved++;
      }
    }
  }

  // Old groups nobody is in any more go, unless a session or a (withdrawn) enrolment still points at them.
  const kept = new Set(labelToGroup.values());
  const stale = roster.classes.flatMap((c) => c.groups.map((g) => g.id)).filter((id) => !kept.has(id));
  let groupsDeleted = 0;
  for (const id of stale) {
    const used = await trx.selectFrom('enrolments').select('id').where('group_id', '=', id).limit(1).executeTakeFirst();
    const session = await trx.selectFrom('program_sessions').select('id').where('audience_group_id', '=', id).limit(1).executeTakeFirst();
    if (used || session) continue;
    await trx.deleteFrom('class_groups').where('id', '=', id).execute();
    groupsDeleted++;
  }

  // The draft now names groups by their class_groups ids, like the arrangement stored on the enrolments.
  const relabel = (label: string) => (labelToGroup.has(label) ? `g${labelToGroup.get(label)}` : label);
  const solution: FormationSolution = {
    classes: draft.solution.classes.map((c) => ({ ...c, groups: c.groups.map((g) => ({ ...g, id: relabel(g.id) })) })),
  };
  const locks = draft.locks.map((l) => (l.group === undefined ? l : { ...l, group: relabel(l.group) }));
  const relabelled = instanceOf(roster, draft.groupSize, draft.seed, locks);
  const stats = solutionStats(relabelled, solution, draft.stats.ms);
  await upsertDraft(trx, program.id, actor.userId, { seed: draft.seed, groupSize: draft.groupSize, solution, locks, stats, appliedAt: at });
  await recordAudit(trx, actor, {
    action: 'formation.apply',
    entityType: 'formation',
    entityId: program.id,
    scopePath: program.organizer_path,
    summary: `${program.name}：应用分班建组方案（${roster.people.length} 人，调整 ${moved} 人，新建 ${groupsCreated} 个小组，删除 ${groupsDeleted} 个空小组）`,
    after: { moved, groupsCreated, groupsDeleted, classes: solution.classes.map((c) => ({ id: c.id, size: c.members.length, groups: c.groups.length })) },
  });
  return { moved, groupsCreated, groupsDeleted };
}
