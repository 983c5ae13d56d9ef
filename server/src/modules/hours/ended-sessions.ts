// Sessions end without any write: a QR check-in during a session does not touch the ledger (only ended sessions
// earn hours), so a periodic pass credits every program whose sessions ended since the previous pass.
import type { Db } from '../../db/database.ts';
import { recomputeWholeProgram } from './ledger.ts';

/** An instant as stored for sessions: Beijing wall time with +08:00, so text comparison is time comparison. */
const beijingInstant = (ms: number) => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

/**
 * A refresher that remembers how far it has credited. It starts `catchUpMs` in the past, so sessions that ended
 * while the server was down are credited on the first pass after a restart (recomputing is idempotent).
 */
export function createEndedSessionsRefresher(db: Db, catchUpMs = 7 * 86_400_000) {
  let since = Date.now() - catchUpMs;
  return async function creditEndedSessions(now = Date.now()): Promise<number[]> {
    const rows = await db.read
      .selectFrom('program_sessions')
      .select('program_id')
      .distinct()
      .where('ends_at', '>', beijingInstant(since))
      .where('ends_at', '<=', beijingInstant(now))
      .execute();
    for (const { program_id } of rows) {
      await db.kysely.transaction().execute((trx) => recomputeWholeProgram(trx, program_id));
    }
    since = now;
    return rows.map((r) => r.program_id);
  };
}
