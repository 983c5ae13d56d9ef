// Selection history of a demo program (issue 4): quotas per sending unit, nominations through the approval chain
// (nominate → unit_approve → approve | waitlist | reject) with one nomination_events row per step, approved ones linked
// to their enrolment; and, for formed programs, the applied formation draft. Plain inserts: this is history.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { addDays } from '../dates.ts';
import type { LoadedProgram } from './load-programs.ts';
import type { DemoProgram } from './types.ts';

type Trx = Kysely<Database>;

export interface QuotaSpec {
  /** Sending unit whose subtree the quota covers. */
  orgCode: string;
  quota: number;
  note: string;
}

/** A nominated cadre: approved ones carry their enrolment, the others end on the waitlist or rejected. */
export interface Candidate {
  cadreId: number;
  orgCode: string;
  outcome: 'approved' | 'waitlisted' | 'rejected';
  enrolmentId?: number;
  statement?: string;
  reason?: string;
}

export interface NominationHistory {
  programId: number;
  quotas: readonly QuotaSpec[];
  candidates: readonly Candidate[];
  /** Program start (YYYY-MM-DD); the chain ran 30, 26 and 21 days before it. */
  startDate: string;
  /** The program manager who decided (username of a demo account). */
  deciderUsername: string;
}

const APPROVE_REASON = '符合选调条件，经部务会研究同意';
const UNIT_REASON = '经单位党组（党委）研究，同意推荐';

/** Inserts quotas, nominations and their events; returns how many nominations were written. */
export async function seedNominations(trx: Trx, h: NominationHistory): Promise<number> {
  const codes = [...new Set(h.quotas.map((q) => q.orgCode))];
  const orgs = await trx.selectFrom('organizations').select(['id', 'code', 'name']).where('code', 'in', codes).execute();
  const orgByCode = new Map(orgs.map((o) => [o.code, o]));
  const decider = await trx.selectFrom('users').select(['id', 'display_name']).where('username', '=', h.deciderUsername).executeTakeFirstOrThrow();
  const at = (days: number, time: string) => `${addDays(h.startDate, days)}T${time}.000Z`;
  const nominatedAt = at(-30, '01:30:00');
  const unitAt = at(-26, '02:00:00');
  const decidedAt = at(-21, '07:00:00');

  const quotaIds = new Map<string, number>();
  for (const q of h.quotas) {
    const org = orgByCode.get(q.orgCode);
    if (!org) throw new Error(`demo selection: unknown quota org ${q.orgCode}`);
    const row = await trx
      .insertInto('nomination_quotas')
      .values({ program_id: h.programId, org_id: org.id, unit_category: null, quota: q.quota, note: q.note, created_at: nominatedAt, updated_at: nominatedAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    quotaIds.set(q.orgCode, row.id);
  }
  // The quota whose unit is the cadre's unit or its closest ancestor.
  const quotaOf = (orgCode: string) => {
    const code = codes.filter((c) => orgCode === c || orgCode.startsWith(`${c}-`)).sort((a, b) => b.length - a.length)[0];
    if (!code) throw new Error(`demo selection: no quota covers ${orgCode}`);
    return code;
  };

  let waitlist = 0;
  const rows = h.candidates.map((c) => {
    const code = quotaOf(c.orgCode);
    const approved = c.outcome === 'approved';
    return {
      program_id: h.programId,
      cadre_id: c.cadreId,
      quota_id: quotaIds.get(code)!,
      nominating_org_id: orgByCode.get(code)!.id,
      status: c.outcome,
      waitlist_position: c.outcome === 'waitlisted' ? ++waitlist : null,
      statement: c.statement ?? null,
      decision_reason: approved ? APPROVE_REASON : (c.reason ?? null),
      nominated_by: null,
      unit_approved_by: null,
      unit_approved_at: unitAt,
      decided_by: decider.id,
      decided_at: decidedAt,
      enrolment_id: c.enrolmentId ?? null,
      created_at: nominatedAt,
      updated_at: decidedAt,
    };
  });
  const ids = new Map<number, number>();
  for (let i = 0; i < rows.length; i += 200) {
    const inserted = await trx
      .insertInto('nominations')
      .values(rows.slice(i, i + 200))
      .returning(['id', 'cadre_id'])
      .execute();
    for (const r of inserted) ids.set(r.cadre_id, r.id);
  }

  const events = h.candidates.flatMap((c) => {
    const id = ids.get(c.cadreId)!;
    const unit = orgByCode.get(quotaOf(c.orgCode))!.name;
    const action = c.outcome === 'approved' ? 'approve' : c.outcome === 'waitlisted' ? 'waitlist' : 'reject';
    return [
      {
        nomination_id: id,
        action: 'nominate',
        from_status: null,
        to_status: 'submitted',
        reason: c.statement ?? null,
        actor_id: null,
        actor_name: unit,
        at: nominatedAt,
      },
      {
        nomination_id: id,
        action: 'unit_approve',
        from_status: 'submitted',
        to_status: 'unit_approved',
        reason: UNIT_REASON,
        actor_id: null,
        actor_name: unit,
        at: unitAt,
      },
      {
        nomination_id: id,
        action,
        from_status: 'unit_approved',
        to_status: c.outcome,
        reason: c.outcome === 'approved' ? APPROVE_REASON : (c.reason ?? null),
        actor_id: decider.id,
        actor_name: decider.display_name,
        at: decidedAt,
      },
    ];
  });
  for (let i = 0; i < events.length; i += 300)
    await trx
      .insertInto('nomination_events')
      .values(events.slice(i, i + 300))
      .execute();
  return rows.length;
}

/**
 * The applied formation draft of a formed program: its classes and groups in the core GroupingSolution shape with
 * database ids as strings (class = program_classes.id, group = class_groups.id, person = enrolment id).
 */
export async function seedFormationDraft(trx: Trx, program: DemoProgram, loaded: LoadedProgram, appliedAt: string): Promise<void> {
  const formation = program.formation;
  if (!formation) return;
  const person = (idNumber: string) => String(loaded.enrolments.get(idNumber)!.id);
  const solution = {
    classes: program.classes.map((c) => ({
      id: String(loaded.classes.get(c.id)!),
      members: c.traineeIdNumbers.map(person),
      groups: c.groups.map((g) => ({ id: String(loaded.groups.get(g.id)!), members: g.memberIdNumbers.map(person) })),
    })),
  };
  await trx
    .insertInto('formation_drafts')
    .values({
      program_id: loaded.id,
      seed: formation.seed,
      group_min: formation.groupMin,
      group_max: formation.groupMax,
      solution: JSON.stringify(solution),
      locks: '[]',
      stats: JSON.stringify(formation.stats),
      updated_by: null,
      applied_at: appliedAt,
      created_at: appliedAt,
      updated_at: appliedAt,
    })
    .execute();
}
