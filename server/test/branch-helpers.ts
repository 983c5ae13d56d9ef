// Test records for the Party branch, inserted directly: a program with enrolled cadres, its branch and members.
import { nowIso } from '../src/db/dialect.ts';
import { enrol, freshProgram } from './evaluation-helpers.ts';
import type { TestApp } from './support.ts';

export interface FreshBranch {
  programId: number;
  branchId: number;
  /** Member row id per cadre id. */
  memberIds: Map<number, number>;
}

/**
 * A program of `orgId` with `cadreIds` enrolled and a branch whose members are `members` (cadre id → role);
 * the first cadre of `members` is the secretary unless another role is given.
 */
export async function freshBranch(t: TestApp, orgId: number, cadreIds: number[], members: [number, string][]): Promise<FreshBranch> {
  const programId = await freshProgram(t, orgId);
  for (const c of cadreIds) await enrol(t, programId, c);
  const at = nowIso();
  const { id: branchId } = await t.db.kysely
    .insertInto('party_branches')
    .values({ program_id: programId, name: '青岛市第三批赴深圳体悟实训临时党支部', formed_on: '2026-08-25', note: null, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const memberIds = new Map<number, number>();
  for (const [cadreId, role] of members) {
    const { id } = await t.db.kysely
      .insertInto('party_branch_members')
      .values({ branch_id: branchId, cadre_id: cadreId, role, party_group: null, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    memberIds.set(cadreId, id);
  }
  return { programId, branchId, memberIds };
}

export async function freshMeeting(t: TestApp, branchId: number): Promise<number> {
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('party_meetings')
    .values({
      branch_id: branchId,
      kind: 'theme_day',
      held_on: '2026-09-15',
      title: '重温入党誓词',
      location: '深圳',
      agenda: null,
      minutes: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
