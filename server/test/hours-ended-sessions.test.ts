// QR check-ins during a session leave the ledger alone; when the session has ended, the housekeeping pass
// credits it — and a pass covering nothing new changes nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEndedSessionsRefresher } from '../src/modules/hours/ended-sessions.ts';
import { createTestApp, type TestApp } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

const ledger = (cadreId: number, programId: number) =>
  t.db.kysely
    .selectFrom('hours_entries')
    .select(['hours'])
    .where('cadre_id', '=', cadreId)
    .where('program_id', '=', programId)
    .where('source', '=', 'program')
    .execute();

describe('crediting sessions when they end', () => {
  it('credits a session attended while running once it has ended', async () => {
    const { programs, sessions, enrolments, cadres } = t.fixture;
    const at = new Date().toISOString();
    // A check-in now, as the QR path records it: no ledger write.
    await t.db.kysely
      .insertInto('attendance')
      .values({
        session_id: sessions['SN-now']!,
        stop_seq: 0,
        cadre_id: cadres['bdg']!,
        enrolment_id: enrolments['bdg']!,
        status: 'present',
        minutes_missed: 0,
        method: 'qr',
        checked_in_at: at,
        lat: null,
        lng: null,
        accuracy_m: null,
        distance_m: null,
        remarks: null,
        recorded_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const refresh = createEndedSessionsRefresher(t.db, 0);
    expect(await refresh(Date.now())).toEqual([]);
    expect(await ledger(cadres['bdg']!, programs['SN']!)).toEqual([]);
    // Three hours later the "now" session (2 h long) has ended: its 3 credited hours land in the ledger.
    const later = Date.now() + 3 * 3_600_000;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(later);
    expect(await refresh(later)).toContain(programs['SN']);
    expect((await ledger(cadres['bdg']!, programs['SN']!)).map((r) => r.hours)).toEqual([3]);
    expect(await refresh(later + 60_000)).toEqual([]);
  });
});
