// The training-hours ledger's write side, called by attendance, leave and close-out in their own transaction.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * Rewrites the program-derived ledger rows (source 'program') of these cadres for one program from their
 * attendance, using the organizer's credit policy. Call it inside the transaction that changed attendance.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- scaffold: the hours module implements it
export async function recomputeProgramHours(db: Q, programId: number, cadreIds: readonly number[]): Promise<void> {
  await Promise.resolve();
}
