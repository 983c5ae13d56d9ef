// Branch service (issue 5): 临时党支部 — one branch per program, its Party members and committee, and its
// organizational life (组织生活). Visible to managers in scope and to the branch's own members only: everyone else
// gets 404. The secretary (a trainee) records meetings through the /me routes.
import type {
  BranchMemberInput,
  BranchMemberPatch,
  MyBranchSummary,
  PartyBranch,
  PartyBranchInput,
  PartyMeetingInput,
  ProgramBranch,
} from '@duibiao/contracts';
import type { BranchRole } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { hasPermission } from '../auth/permissions.ts';
import { programInScope, type ScopedProgram } from '../programs/program-access.ts';
import {
  findBranchOfProgram,
  findBranchWithProgram,
  findMeeting,
  findMember,
  findMembership,
  findSecretary,
  listBranchesOfCadre,
  listEnrolledCadres,
  listMembers,
} from './branch.repo.ts';
import { isPartyMember } from './branch.rules.ts';
import { presentBranch } from './branch.present.ts';
import { saveMeeting, type BranchRef } from './meetings.ts';

type Db = AppContext['db']['kysely'];

async function addMembers(trx: Db, actor: Actor, ref: BranchRef, rows: { cadreId: number; name: string; role: BranchRole; partyGroup: string | null }[]) {
  const at = nowIso();
  for (const r of rows) {
    await trx
      .insertInto('party_branch_members')
      .values({ branch_id: ref.id, cadre_id: r.cadreId, role: r.role, party_group: r.partyGroup, created_at: at })
      .execute();
  }
  await recordAudit(trx, actor, {
    action: 'party_branch.member_add',
    entityType: 'party_branch',
    entityId: ref.id,
    scopePath: ref.organizer_path,
    summary: `「${ref.name}」添加党员：${rows.map((r) => r.name).join('、')}`,
    after: rows,
  });
}

export function createBranchService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  /** The program (in scope, with the permission) and its branch, or 404 when no branch has been formed. */
  async function managed(actor: Actor, programId: number, permission: 'program:read' | 'program:write') {
    requirePermission(actor, permission);
    const program = await programInScope(read, actor, programId);
    const branch = await findBranchOfProgram(read, programId);
    if (!branch) throw notFound('临时党支部');
    return { program, branch, ref: { id: branch.id, name: branch.name, organizer_path: program.organizer_path } };
  }

  const head = (program: ScopedProgram, branch: { id: number; program_id: number; name: string; formed_on: string; note: string | null }) => ({
    ...branch,
    program_name: program.name,
    program_start_date: program.start_date,
  });

  async function managerView(actor: Actor, program: ScopedProgram): Promise<ProgramBranch> {
    const branch = await findBranchOfProgram(read, program.id);
    const canManage = hasPermission(actor.role, 'program:write');
    const [cadres, members] = await Promise.all([listEnrolledCadres(read, program.id), branch ? listMembers(read, branch.id) : []]);
    const memberIds = new Set(members.map((m) => m.cadre_id));
    return {
      programId: program.id,
      programStartDate: program.start_date,
      branch: branch ? await presentBranch(read, head(program, branch), { canRecord: canManage, cadreId: actor.cadreId }) : null,
      candidates: cadres.map((c) => ({
        cadreId: c.id,
        name: c.name,
        orgName: c.org_name,
        politicalStatus: c.political_status,
        isPartyMember: isPartyMember(c.political_status),
        isMember: memberIds.has(c.id),
      })),
      canManage,
    };
  }

  /** The branch as seen by one of its members (404 for anyone else). */
  async function asMember(actor: Actor, branchId: number) {
    const branch = actor.cadreId === null ? undefined : await findBranchWithProgram(read, branchId);
    const membership = branch && actor.cadreId !== null ? await findMembership(read, branch.id, actor.cadreId) : undefined;
    if (!branch || !membership) throw notFound('临时党支部');
    return { branch, membership, ref: { id: branch.id, name: branch.name, organizer_path: branch.organizer_path } };
  }

  async function asSecretary(actor: Actor, branchId: number) {
    const m = await asMember(actor, branchId);
    if (m.membership.role !== 'secretary') throw forbidden('只有支部书记可以记录组织生活');
    return m;
  }

  const memberView = async (actor: Actor, branchId: number): Promise<PartyBranch> => {
    const { branch, membership } = await asMember(actor, branchId);
    return presentBranch(read, branch, { canRecord: membership.role === 'secretary', cadreId: actor.cadreId });
  };

  return {
    // ---- Managers ----
    async get(actor: Actor, programId: number): Promise<ProgramBranch> {
      requirePermission(actor, 'program:read');
      return managerView(actor, await programInScope(read, actor, programId));
    },

    /** Forms the branch or edits it; it must be formed on or before the program's start (成立于出发前). */
    async save(actor: Actor, programId: number, input: PartyBranchInput): Promise<ProgramBranch> {
      requirePermission(actor, 'program:write');
      const program = await programInScope(read, actor, programId);
      if (input.formedOn > program.start_date)
        throw invalid([{ field: 'formedOn', message: `临时党支部应在出发前成立（不晚于开班日期 ${program.start_date}）` }]);
      const before = await findBranchOfProgram(read, programId);
      await db.transaction().execute(async (trx) => {
        const at = nowIso();
        const values = { name: input.name, formed_on: input.formedOn, note: input.note ?? null, updated_at: at };
        let id: number;
        if (before) {
          await trx.updateTable('party_branches').set(values).where('id', '=', before.id).execute();
          id = before.id;
        } else {
          id = (
            await trx
              .insertInto('party_branches')
              .values({ ...values, program_id: programId, created_at: at })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
        }
        await recordAudit(trx, actor, {
          action: 'party_branch.save',
          entityType: 'party_branch',
          entityId: id,
          scopePath: program.organizer_path,
          summary: `${before ? '修改' : '成立'}临时党支部「${input.name}」`,
          before: before ? { name: before.name, formedOn: before.formed_on, note: before.note } : undefined,
          after: input,
        });
      });
      return managerView(actor, program);
    },

    async addMember(actor: Actor, programId: number, input: BranchMemberInput): Promise<ProgramBranch> {
      const { program, branch, ref } = await managed(actor, programId, 'program:write');
      const cadre = (await listEnrolledCadres(read, programId)).find((c) => c.id === input.cadreId);
      if (!cadre) throw invalid([{ field: 'cadreId', message: '该干部不是本项目的在训学员' }]);
      if (!isPartyMember(cadre.political_status)) {
        throw invalid([
          { field: 'cadreId', message: `${cadre.name}（${cadre.political_status ?? '政治面貌未填写'}）不是中共党员或预备党员，不能加入临时党支部` },
        ]);
      }
      if (await findMembership(read, branch.id, cadre.id)) throw conflict(`${cadre.name} 已是本支部党员`);
      const role = input.role ?? 'member';
      if (role === 'secretary' && (await findSecretary(read, branch.id))) throw conflict('支部已有书记，请先调整现任书记的职务');
      await db
        .transaction()
        .execute((trx) => addMembers(trx, actor, ref, [{ cadreId: cadre.id, name: cadre.name, role, partyGroup: input.partyGroup ?? null }]));
      return managerView(actor, program);
    },

    /** 一键添加: every enrolled Party member not yet in the branch joins as an ordinary member. */
    async addAllPartyMembers(actor: Actor, programId: number): Promise<{ added: number; branch: PartyBranch }> {
      const { program, branch, ref } = await managed(actor, programId, 'program:write');
      const existing = new Set((await listMembers(read, branch.id)).map((m) => m.cadre_id));
      const toAdd = (await listEnrolledCadres(read, programId)).filter((c) => isPartyMember(c.political_status) && !existing.has(c.id));
      if (toAdd.length > 0) {
        await db.transaction().execute((trx) =>
          addMembers(
            trx,
            actor,
            ref,
            toAdd.map((c) => ({ cadreId: c.id, name: c.name, role: 'member' as const, partyGroup: null })),
          ),
        );
      }
      return { added: toAdd.length, branch: await presentBranch(read, head(program, branch), { canRecord: true, cadreId: actor.cadreId }) };
    },

    async updateMember(actor: Actor, programId: number, memberId: number, patch: BranchMemberPatch): Promise<ProgramBranch> {
      const { program, branch, ref } = await managed(actor, programId, 'program:write');
      const member = await findMember(read, branch.id, memberId);
      if (!member) throw notFound('支部党员');
      if (patch.role === 'secretary') {
        const secretary = await findSecretary(read, branch.id);
        if (secretary && secretary.id !== member.id) throw conflict('支部已有书记，请先调整现任书记的职务');
      }
      const values = { role: patch.role ?? member.role, party_group: patch.partyGroup === undefined ? member.party_group : patch.partyGroup };
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('party_branch_members').set(values).where('id', '=', member.id).execute();
        await recordAudit(trx, actor, {
          action: 'party_branch.member_update',
          entityType: 'party_branch_member',
          entityId: member.id,
          scopePath: ref.organizer_path,
          summary: `「${ref.name}」调整党员职务/党小组`,
          before: { role: member.role, partyGroup: member.party_group },
          after: values,
        });
      });
      return managerView(actor, program);
    },

    async removeMember(actor: Actor, programId: number, memberId: number): Promise<ProgramBranch> {
      const { program, branch, ref } = await managed(actor, programId, 'program:write');
      const member = await findMember(read, branch.id, memberId);
      if (!member) throw notFound('支部党员');
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('party_meeting_attendance')
          .where('cadre_id', '=', member.cadre_id)
          .where('meeting_id', 'in', trx.selectFrom('party_meetings').select('id').where('branch_id', '=', branch.id))
          .execute();
        await trx.deleteFrom('party_branch_members').where('id', '=', member.id).execute();
        await recordAudit(trx, actor, {
          action: 'party_branch.member_remove',
          entityType: 'party_branch_member',
          entityId: member.id,
          scopePath: ref.organizer_path,
          summary: `「${ref.name}」移出党员`,
          before: { cadreId: member.cadre_id, role: member.role },
        });
      });
      return managerView(actor, program);
    },

    async saveMeeting(actor: Actor, programId: number, meetingId: number | null, input: PartyMeetingInput): Promise<ProgramBranch> {
      const { program, ref } = await managed(actor, programId, 'program:write');
      await saveMeeting(db, actor, ref, meetingId, input);
      return managerView(actor, program);
    },

    async deleteMeeting(actor: Actor, programId: number, meetingId: number): Promise<ProgramBranch> {
      const { program, branch, ref } = await managed(actor, programId, 'program:write');
      const meeting = await findMeeting(read, branch.id, meetingId);
      if (!meeting) throw notFound('组织生活记录');
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('party_meeting_attendance').where('meeting_id', '=', meeting.id).execute();
        await trx.deleteFrom('party_meetings').where('id', '=', meeting.id).execute();
        await recordAudit(trx, actor, {
          action: 'party_meeting.delete',
          entityType: 'party_meeting',
          entityId: meeting.id,
          scopePath: ref.organizer_path,
          summary: `删除「${ref.name}」组织生活记录：${meeting.held_on} ${meeting.title}`,
          before: { kind: meeting.kind, heldOn: meeting.held_on, title: meeting.title },
        });
      });
      return managerView(actor, program);
    },

    // ---- Members (/me) ----
    async mine(actor: Actor): Promise<MyBranchSummary[]> {
      if (actor.cadreId === null) return [];
      const rows = await listBranchesOfCadre(read, actor.cadreId);
      return rows.map((r) => ({
        branchId: r.id,
        programId: r.program_id,
        programName: r.program_name,
        name: r.name,
        myRole: r.role as BranchRole,
        meetings: Number(r.meetings ?? 0),
      }));
    },

    myBranch: memberView,

    async recordMeetingAsSecretary(actor: Actor, branchId: number, meetingId: number | null, input: PartyMeetingInput): Promise<PartyBranch> {
      const { ref } = await asSecretary(actor, branchId);
      await saveMeeting(db, actor, ref, meetingId, input);
      return memberView(actor, branchId);
    },
  };
}
export type BranchService = ReturnType<typeof createBranchService>;
