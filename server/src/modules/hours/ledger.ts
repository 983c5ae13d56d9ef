// The training-hours ledger's write side, called by attendance, leave and close-out in their own transaction.
//
// Each enrolled cadre gets at most two 'program' rows per program — offline and online — rewritten from scratch
// on every call, so the ledger can never drift from the attendance sheet. Decisions (see README.md):
// - only sessions that have ended count (a session in progress earns nothing yet);
// - a session without an attendance mark (stop 0) counts as absent, i.e. 0;
// - the days of the whole program go on one row only (offline if any, else online), as core/src/hours asks;
// - the rows are dated on the program's first day, so a program running over New Year counts in the year it began.
import { creditHours, parseInstant, type AttendanceStatus, type CreditPolicy, type CreditSession } from '@duibiao/core/hours/index';
import type { Kysely, Transaction } from 'kysely';
import { nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { sessionIsFor } from '../programs/audience.ts';
import { parsePolicy } from './credit-policy.rules.ts';
import {
  deleteProgramRows,
  insertProgramRow,
  loadEnrolmentMarks,
  loadProgramForLedger,
  loadProgramRows,
  lockEnrolment,
  type LedgerProgram,
  type LedgerRow,
  type LedgerSession,
} from './ledger.repo.ts';

type Q = Kysely<Database> | Transaction<Database>;

const toCreditSession = (s: LedgerSession): CreditSession => ({
  id: String(s.id),
  start: s.starts_at,
  end: s.ends_at,
  creditedHours: Number(s.credited_hours),
  mode: s.mode === 'online' ? 'online' : 'offline',
});

/**
 * Rewrites the program-derived ledger rows (source 'program') of these cadres for one program from their
 * attendance, using the organizer's credit policy. Call it inside the transaction that changed attendance.
 * One query for the program and its sessions, then per cadre one for the enrolment with its marks and one for the
 * current rows; writes only when the rows change. Every query is compiled once (see ledger.repo.ts).
 */
export async function recomputeProgramHours(db: Q, programId: number, cadreIds: readonly number[]): Promise<void> {
  if (cadreIds.length === 0) return;
  const loaded = await loadProgramForLedger(db, programId);
  const now = Date.now();
  const ended = loaded ? loaded.sessions.filter((s) => parseInstant(s.ends_at) <= now) : [];
  const policy = parsePolicy(loaded?.program.policy);
  const at = nowIso();
  for (const cadreId of new Set(cadreIds)) {
    const wanted = loaded && ended.length > 0 ? await rowsFor(db, programId, loaded.program, ended, policy, cadreId) : [];
    const current = await loadProgramRows(db, programId, cadreId);
    // A check-in during a session changes nothing yet: skip the writes when the rows would come out the same.
    if (sameRows(current, wanted)) continue;
    await lockEnrolment(db, programId, cadreId);
    await deleteProgramRows(db, programId, cadreId);
    for (const row of wanted) await insertProgramRow(db, { ...row, at });
  }
}

type WantedRow = Omit<LedgerRow, 'at'>;

/** The rows one cadre should have: offline and/or online, by which kinds of sessions they had. */
async function rowsFor(db: Q, programId: number, program: LedgerProgram, ended: LedgerSession[], policy: CreditPolicy, cadreId: number): Promise<WantedRow[]> {
  const loaded = await loadEnrolmentMarks(db, programId, cadreId);
  if (!loaded) return [];
  const mine = ended.filter((s) => sessionIsFor(s, loaded.enrolment));
  if (mine.length === 0) return [];
  const marks = loaded.marks.map((m) => ({ sessionId: String(m.session_id), status: m.status as AttendanceStatus, minutesMissed: Number(m.minutes_missed) }));
  const credit = creditHours(mine.map(toCreditSession), marks, policy);
  const hasOffline = mine.some((s) => s.mode !== 'online');
  const hasOnline = mine.some((s) => s.mode === 'online');
  const row = (category: 'offline' | 'online', hours: number, days: number): WantedRow => ({
    cadre_id: cadreId,
    program_id: programId,
    category,
    title: program.name,
    provider: program.organizer_name,
    date: program.start_date,
    hours,
    days,
  });
  return [
    ...(hasOffline ? [row('offline', credit.offlineHours, credit.days)] : []),
    ...(hasOnline ? [row('online', credit.onlineHours, hasOffline ? 0 : credit.days)] : []),
  ];
}

/** Current rows (ordered by category) equal the wanted ones; hours compared in thousandths (PostgreSQL stores real). */
function sameRows(
  current: readonly { category: string; hours: number; days: number; title: string; provider: string | null; date: string }[],
  wanted: readonly WantedRow[],
): boolean {
  return (
    current.length === wanted.length &&
    current.every((c, i) => {
      const w = wanted[i]!;
      return (
        c.category === w.category &&
        Math.round(Number(c.hours) * 1000) === Math.round(w.hours * 1000) &&
        Number(c.days) === w.days &&
        c.title === w.title &&
        c.provider === w.provider &&
        c.date === w.date
      );
    })
  );
}

/** Rewrites every cadre's program rows for one program: the enrolled ones, and any left over from removed enrolments. */
export async function recomputeWholeProgram(db: Q, programId: number): Promise<void> {
  const enrolled = await db.selectFrom('enrolments').select('cadre_id').where('program_id', '=', programId).execute();
  const existing = await db.selectFrom('hours_entries').select('cadre_id').where('program_id', '=', programId).where('source', '=', 'program').execute();
  await recomputeProgramHours(
    db,
    programId,
    [...enrolled, ...existing].map((r) => r.cadre_id),
  );
}
