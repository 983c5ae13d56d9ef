// Session ratings and evaluation reports: who may rate what and when, once; anonymity and the "too few" threshold.
import { MIN_RATINGS_TO_SHOW, type PendingRating, type ProgramEvaluation } from '@duibiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../src/db/dialect.ts';
import { freshSession } from './feedback-helpers.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let trainee: Session; // qd_trainee = cadre snsw, enrolled in program QD
let pm: Session;
beforeAll(async () => {
  t = await createTestApp();
  trainee = await login(t, 'qd_trainee');
  pm = await login(t, 'qd_pm');
});
afterAll(() => t.close());

const rate = (s: Session, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/me/session-ratings', headers: s.headers, payload });

/** Ratings by other cadres, written directly: only two fixture cadres can sign in as trainees. */
async function ratingsBy(sessionId: number, cadreKeys: string[], scores: [number, number, number], comment: string | null = null) {
  for (const key of cadreKeys) {
    await t.db.kysely
      .insertInto('session_ratings')
      .values({
        session_id: sessionId,
        cadre_id: t.fixture.cadres[key]!,
        content: scores[0],
        delivery: scores[1],
        usefulness: scores[2],
        comment,
        created_at: nowIso(),
      })
      .execute();
  }
}

describe('POST /me/session-ratings', () => {
  it('rates an ended session meant for the trainee, once', async () => {
    const sessionId = await freshSession(t, t.fixture.programs['QD']!);
    const first = await rate(trainee, { sessionId, content: 5, delivery: 4, usefulness: 3, comment: '案例很实用' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ sessionId, content: 5, delivery: 4, usefulness: 3, comment: '案例很实用' });
    const again = await rate(trainee, { sessionId, content: 1, delivery: 1, usefulness: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'CONFLICT' } });
    const rows = await t.db.kysely.selectFrom('session_ratings').selectAll().where('session_id', '=', sessionId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ cadre_id: t.fixture.cadres['snsw'], content: 5 });
  });

  it('refuses a session that has not ended yet with 400 and writes nothing', async () => {
    const res = await rate(trainee, { sessionId: t.fixture.sessions['QD-now']!, content: 5, delivery: 5, usefulness: 5 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ field: 'sessionId' }] } });
    const n = await t.db.kysely.selectFrom('session_ratings').select('id').where('session_id', '=', t.fixture.sessions['QD-now']!).execute();
    expect(n).toHaveLength(0);
  });

  it('answers 404 for a program the trainee is not enrolled in, and for a session of another class', async () => {
    const other = await rate(trainee, { sessionId: t.fixture.sessions['SN-past']!, content: 5, delivery: 5, usefulness: 5 });
    expect(other.statusCode).toBe(404);
    // A class-only session of a class the trainee is not in (a second class of program QD).
    const at = nowIso();
    const cls = await t.db.kysely
      .insertInto('program_classes')
      .values({
        program_id: t.fixture.programs['QD']!,
        name: '二班',
        theme: null,
        place: null,
        capacity: 10,
        tutor_instructor_id: null,
        sort_order: 1,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const classSession = await freshSession(t, t.fixture.programs['QD']!, { audience: { kind: 'class', id: cls.id } });
    const notMine = await rate(trainee, { sessionId: classSession, content: 5, delivery: 5, usefulness: 5 });
    expect(notMine.statusCode).toBe(404);
    const mine = await freshSession(t, t.fixture.programs['QD']!, { audience: { kind: 'class', id: t.fixture.classes['QD']! } });
    expect((await rate(trainee, { sessionId: mine, content: 4, delivery: 4, usefulness: 4 })).statusCode).toBe(201);
  });

  it('answers 404 to accounts without a cadre', async () => {
    const res = await rate(pm, { sessionId: t.fixture.sessions['QD-past']!, content: 5, delivery: 5, usefulness: 5 });
    expect(res.statusCode).toBe(404);
  });

  it('validates every score field', async () => {
    const res = await rate(trainee, { sessionId: t.fixture.sessions['QD-past']!, content: 0, delivery: 6, usefulness: 2.5 });
    expect(res.statusCode).toBe(400);
    const fields = (res.json() as { error: { details: { field: string }[] } }).error.details.map((d) => d.field).sort();
    expect(fields).toEqual(['content', 'delivery', 'usefulness']);
  });
});

describe('GET /me/session-ratings/pending', () => {
  it('lists ended, unrated sessions meant for the trainee and drops them once rated', async () => {
    const sessionId = await freshSession(t, t.fixture.programs['QD']!, { instructorId: t.fixture.instructors['QD']!, venueId: t.fixture.venues['QD']! });
    const list = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/me/session-ratings/pending', headers: trainee.headers })).json<PendingRating[]>();
    const before = await list();
    const entry = before.find((p) => p.sessionId === sessionId);
    expect(entry).toMatchObject({ programId: t.fixture.programs['QD'], instructorNames: ['QD讲师'], venueName: 'QD教学点' });
    expect(before.some((p) => p.sessionId === t.fixture.sessions['QD-now'])).toBe(false);
    expect(before.some((p) => p.sessionId === t.fixture.sessions['SN-past'])).toBe(false);
    await rate(trainee, { sessionId, content: 3, delivery: 3, usefulness: 3 });
    expect((await list()).some((p) => p.sessionId === sessionId)).toBe(false);
  });
});

describe('GET /programs/:id/evaluations', () => {
  it('reports per session, instructor, venue and overall without rater ids or names, hiding groups under the threshold', async () => {
    expect(MIN_RATINGS_TO_SHOW).toBe(3);
    const programId = t.fixture.programs['SN']!;
    const opts = { instructorId: t.fixture.instructors['SN']!, venueId: t.fixture.venues['SN']! };
    const full = await freshSession(t, programId, opts);
    const sparse = await freshSession(t, programId, opts);
    await ratingsBy(full, ['bdg', 'tpj'], [5, 4, 3], '讲得透彻');
    await ratingsBy(full, ['szk'], [2, 2, 2], '希望多些案例');
    await ratingsBy(sparse, ['bdg', 'tpj'], [1, 1, 1], '只有两人评价时不应显示');

    const res = await t.app.inject({ method: 'GET', url: `/api/v1/programs/${programId}/evaluations`, headers: pm.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json<ProgramEvaluation>();
    const fullRow = body.sessions.find((s) => s.sessionId === full)!;
    expect(fullRow).toMatchObject({ n: 3, tooFew: false, averages: { content: 4, delivery: 3.33, usefulness: 2.67, overall: 3.33 } });
    expect(fullRow.comments).toEqual(['希望多些案例', '讲得透彻', '讲得透彻'].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')));
    const sparseRow = body.sessions.find((s) => s.sessionId === sparse)!;
    expect(sparseRow).toMatchObject({ n: 2, tooFew: true, averages: null, comments: [] });
    // The instructor and venue taught both sessions: 5 ratings together.
    expect(body.instructors.find((i) => i.instructorId === t.fixture.instructors['SN'])).toMatchObject({ n: 5, tooFew: false, sessions: 3 });
    expect(body.venues.find((v) => v.venueId === t.fixture.venues['SN'])).toMatchObject({ n: 5, tooFew: false });
    expect(body.overall.n).toBe(5);

    // Anonymity: nothing in the report identifies a rater.
    for (const key of ['bdg', 'tpj', 'szk']) {
      const cadre = await t.db.kysely.selectFrom('cadres').select(['id', 'name']).where('id', '=', t.fixture.cadres[key]!).executeTakeFirstOrThrow();
      expect(res.body).not.toContain(cadre.name);
    }
    expect(res.body).not.toMatch(/cadre/i);
  });

  it('answers 404 outside the caller’s subtree and 403 to trainees', async () => {
    const sn = await login(t, 'sn_pm');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/programs/${t.fixture.programs['QD']}/evaluations`, headers: sn.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/programs/${t.fixture.programs['QD']}/evaluations`, headers: trainee.headers })).statusCode).toBe(
      403,
    );
  });
});
