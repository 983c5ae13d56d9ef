// Fresh selection records for tests and the authorization matrix: programs open for nomination with rules,
// quotas, cadres with a chosen birth date and rank, and nominations in any status.
import { makeIdNumber } from '@duibiao/core/idcard/index';
import type { Rank } from '@duibiao/contracts';
import type { SelectionRules } from '@duibiao/core/selection/index';
import { nowIso } from '../src/db/dialect.ts';
import { systemActor } from '../src/modules/auth/actor.ts';
import { newEnrolmentRow } from '../src/modules/programs/enrolment-row.ts';
import type { TestApp } from './support.ts';

let counter = 0;
const next = () => ++counter;
/** Cadre names allow Chinese characters only: the counter written with 〇一二…九. */
const chineseNumber = (n: number) => [...String(n)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('');

/** A program of `orgId` in status enrolling (open for nomination), 2026-05-10 … 2026-05-16 unless told otherwise. */
export async function freshSelectionProgram(
  t: TestApp,
  orgId: number,
  options: { rules?: SelectionRules; status?: string; startDate?: string; endDate?: string } = {},
): Promise<number> {
  const at = nowIso();
  const n = next();
  const { id } = await t.db.kysely
    .insertInto('programs')
    .values({
      code: `SEL-${n}-${Math.random().toString(36).slice(2, 8)}`,
      name: `选调测试班${n}`,
      type: 'centralized_class',
      status: options.status ?? 'enrolling',
      themes: '[]',
      organizer_org_id: orgId,
      partner: null,
      start_date: options.startDate ?? '2026-05-10',
      end_date: options.endDate ?? '2026-05-16',
      places: '[]',
      budget_yuan: null,
      targets: '{}',
      description: null,
      selection_rules: JSON.stringify(options.rules ?? {}),
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A quota for a unit's subtree, or with `category` for a unit category across the organizer's tree. */
export async function freshQuota(t: TestApp, programId: number, target: { orgId: number } | { category: string }, quota = 5): Promise<number> {
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('nomination_quotas')
    .values({
      program_id: programId,
      org_id: 'orgId' in target ? target.orgId : null,
      unit_category: 'category' in target ? target.category : null,
      quota,
      note: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A cadre of `orgId` born on `birthDate` (gender from the ID number: odd sequence = male). */
export async function freshNominee(
  t: TestApp,
  orgId: number,
  options: { birthDate?: string; rank?: Rank; specialties?: string[]; female?: boolean; workStartDate?: string; name?: string } = {},
): Promise<number> {
  const seq = (next() * 2 + (options.female ? 0 : 1)) % 1000;
  const res = await t.services.cadres.create(systemActor(), {
    name: options.name ?? `候选人${chineseNumber(next())}`,
    idNumber: makeIdNumber('370202', options.birthDate ?? '1990-03-03', seq),
    orgId,
    rank: options.rank ?? 'staff',
    specialties: options.specialties ?? [],
    workStartDate: options.workStartDate ?? '2012-07-01',
    experiences: [],
  });
  return res.id;
}

/** A nomination in `status` (approved ones get their enrolment), filed under `nominatingOrgId`. */
export async function freshNomination(
  t: TestApp,
  programId: number,
  quotaId: number,
  cadreId: number,
  nominatingOrgId: number,
  status = 'submitted',
  waitlistPosition: number | null = null,
): Promise<number> {
  const at = nowIso();
  let enrolmentId: number | null = null;
  if (status === 'approved')
    enrolmentId = (await t.db.kysely.insertInto('enrolments').values(newEnrolmentRow({ programId, cadreId }, at)).returning('id').executeTakeFirstOrThrow()).id;
  const { id } = await t.db.kysely
    .insertInto('nominations')
    .values({
      program_id: programId,
      cadre_id: cadreId,
      quota_id: quotaId,
      nominating_org_id: nominatingOrgId,
      status,
      waitlist_position: waitlistPosition,
      statement: null,
      decision_reason: null,
      nominated_by: null,
      unit_approved_by: null,
      unit_approved_at: null,
      decided_by: null,
      decided_at: null,
      enrolment_id: enrolmentId,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
