// Seats and the waitlist: approving a nomination takes a seat (an enrolment) or, when the program is full, a place
// on the waitlist; a freed seat goes to the first waitlisted nomination. Runs inside the caller's transaction.
import type { Kysely } from 'kysely';
import { nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import type { Actor } from '../auth/actor.ts';
import { notifyUsers } from '../attendance/notifications.repo.ts';
import { newEnrolmentRow } from '../programs/enrolment-row.ts';
import { lockProgramRoster } from '../programs/enrolments.repo.ts';
import { effectiveCapacity, loadSelectionProgram, type SelectionProgram } from './selection-program.ts';
import { enrolledCount, insertEvent } from './selection.repo.ts';

type Trx = Kysely<Database>;

/** Enrols the cadre (re-activating a withdrawn enrolment of the same program) and returns the enrolment id. */
export async function enrolCadre(trx: Trx, programId: number, cadreId: number, at: string): Promise<number> {
  const existing = await trx
    .selectFrom('enrolments')
    .select(['id', 'status'])
    .where('program_id', '=', programId)
    .where('cadre_id', '=', cadreId)
    .executeTakeFirst();
  if (existing) {
    if (existing.status !== 'enrolled') await trx.updateTable('enrolments').set({ status: 'enrolled', updated_at: at }).where('id', '=', existing.id).execute();
    return existing.id;
  }
  const row = await trx.insertInto('enrolments').values(newEnrolmentRow({ programId, cadreId }, at)).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Whether one more cadre fits (capacity null = no limit). */
export async function hasFreeSeat(trx: Trx, program: SelectionProgram): Promise<boolean> {
  const capacity = await effectiveCapacity(trx, program);
  return capacity === null || (await enrolledCount(trx, program.id)) < capacity;
}

/** Free seats; without a capacity, exactly the seats just freed (the organizer waitlisted those people on purpose). */
async function freeSeats(trx: Trx, program: SelectionProgram, freed: number): Promise<number> {
  const capacity = await effectiveCapacity(trx, program);
  return capacity === null ? freed : Math.max(capacity - (await enrolledCount(trx, program.id)), 0);
}

/** Waitlist positions 1..n in their current order (after someone left or was promoted). */
export async function renumberWaitlist(trx: Trx, programId: number): Promise<void> {
  const rows = await trx
    .selectFrom('nominations')
    .select(['id', 'waitlist_position'])
    .where('program_id', '=', programId)
    .where('status', '=', 'waitlisted')
    .orderBy('waitlist_position')
    .orderBy('id')
    .execute();
  for (const [i, r] of rows.entries())
    if (r.waitlist_position !== i + 1)
      await trx
        .updateTable('nominations')
        .set({ waitlist_position: i + 1 })
        .where('id', '=', r.id)
        .execute();
}

export async function nextWaitlistPosition(trx: Trx, programId: number): Promise<number> {
  const r = await trx
    .selectFrom('nominations')
    .select((eb) => eb.fn.max<number | null>('waitlist_position').as('m'))
    .where('program_id', '=', programId)
    .where('status', '=', 'waitlisted')
    .executeTakeFirstOrThrow();
  return Number(r.m ?? 0) + 1;
}

/** The nominating unit's managers (org admins and program managers at that node). */
async function nominatingUnitUsers(trx: Trx, orgId: number): Promise<number[]> {
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where('is_active', '=', 1)
    .where('role', 'in', ['org_admin', 'program_manager'])
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Fills free seats from the waitlist in order: each promoted nomination gets an enrolment, an event 'promote', an
 * audit entry, and its nominating unit a notification. Returns Chinese messages saying who was promoted.
 */
export async function promoteFromWaitlist(trx: Trx, actor: Actor, programId: number, freed = 1): Promise<{ ids: number[]; messages: string[] }> {
  const program = await loadSelectionProgram(trx, programId);
  const seats = await freeSeats(trx, program, freed);
  const ids: number[] = [];
  const messages: string[] = [];
  while (ids.length < seats) {
    const next = await trx
      .selectFrom('nominations as n')
      .innerJoin('cadres as c', 'c.id', 'n.cadre_id')
      .select(['n.id', 'n.cadre_id', 'n.nominating_org_id', 'n.waitlist_position', 'c.name'])
      .where('n.program_id', '=', programId)
      .where('n.status', '=', 'waitlisted')
      .orderBy('n.waitlist_position')
      .orderBy('n.id')
      .executeTakeFirst();
    if (!next) break;
    const at = nowIso();
    const enrolmentId = await enrolCadre(trx, programId, next.cadre_id, at);
    await trx
      .updateTable('nominations')
      .set({ status: 'approved', waitlist_position: null, enrolment_id: enrolmentId, updated_at: at })
      .where('id', '=', next.id)
      .execute();
    const reason = `名额空出，由候补第 ${next.waitlist_position ?? 1} 位递补`;
    await insertEvent(trx, {
      nominationId: next.id,
      action: 'promote',
      from: 'waitlisted',
      to: 'approved',
      reason,
      actorId: actor.userId || null,
      actorName: actor.displayName,
      at,
    });
    await recordAudit(trx, actor, {
      action: 'nomination.promote',
      entityType: 'nomination',
      entityId: next.id,
      scopePath: program.organizerPath,
      summary: `${program.name}：${next.name} 由候补递补入选`,
      after: { enrolmentId },
    });
    await notifyUsers(trx, await nominatingUnitUsers(trx, next.nominating_org_id), {
      kind: 'nomination.promoted',
      title: `${next.name} 已由候补递补入选`,
      body: `${program.name}：${reason}`,
      link: '/nominations',
    });
    ids.push(next.id);
    messages.push(`${next.name} 由候补递补入选`);
  }
  await renumberWaitlist(trx, programId);
  return { ids, messages };
}

/**
 * An enrolment of the program was removed or withdrawn outside the selection screens: the approved nomination behind
 * it (if any) becomes withdrawn and the first waitlisted nomination takes the seat.
 */
export async function releaseNominatedSeat(trx: Trx, actor: Actor, programId: number, cadreId: number, reason: string): Promise<void> {
  const n = await trx
    .selectFrom('nominations')
    .select(['id', 'status'])
    .where('program_id', '=', programId)
    .where('cadre_id', '=', cadreId)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  if (!n) return;
  await lockProgramRoster(trx, programId);
  const at = nowIso();
  await trx.updateTable('nominations').set({ status: 'withdrawn', updated_at: at }).where('id', '=', n.id).execute();
  await insertEvent(trx, {
    nominationId: n.id,
    action: 'withdraw',
    from: 'approved',
    to: 'withdrawn',
    reason,
    actorId: actor.userId || null,
    actorName: actor.displayName,
    at,
  });
  await promoteFromWaitlist(trx, actor, programId);
}
