// QR check-in over HTTP: the screen's code, a trainee's scan (window, expiry, revoke, geofence, idempotency),
// and the concurrency guarantee: 200 parallel scans plus duplicates record each trainee exactly once.
import { createHash, randomBytes } from 'node:crypto';
import { createCheckinToken, deriveCheckinSecret } from '@duibiao/core/checkin/index';
import { CSRF_HEADER } from '@duibiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { nowIso } from '../src/db/dialect.ts';
import { newUserRow } from '../src/modules/users/users.repo.ts';
import { beijingIso } from './program-fixture.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';
import { newEnrolmentRow } from '../src/modules/programs/enrolment-row.ts';

let t: TestApp;
let pm: Session;
let trainee: Session; // qd_trainee = cadre snsw, enrolled in QD
let other: Session; // sn_trainee = cadre bdg, enrolled in SN only
beforeAll(async () => {
  t = await createTestApp();
  pm = await login(t, 'qd_pm');
  trainee = await login(t, 'qd_trainee');
  other = await login(t, 'sn_trainee');
});
afterAll(() => t.close());

const HOUR = 3_600_000;

/** A session of program `key` from `startMs` to `endMs` relative to now (program-wide unless told). */
async function addSession(key: string, startMs: number, endMs: number, extra: Record<string, unknown> = {}): Promise<number> {
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('program_sessions')
    .values({
      program_id: t.fixture.programs[key]!,
      code: null,
      title: `测试课程${randomBytes(2).toString('hex')}`,
      type: 'lecture',
      starts_at: beijingIso(startMs),
      ends_at: beijingIso(endMs),
      venue_id: t.fixture.venues[key]!,
      audience_kind: 'program',
      audience_class_id: null,
      audience_group_id: null,
      credited_hours: 3,
      mode: 'offline',
      checkin_enabled: 1,
      geofence_m: null,
      checkin_generation: 0,
      notes: null,
      created_at: at,
      updated_at: at,
      ...extra,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function codeFor(sessionId: number, stop?: number) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/sessions/${sessionId}/checkin-code${stop ? `?stop=${stop}` : ''}`, headers: pm.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ token: string; url: string; expiresInSeconds: number; state: string; checkedIn: number; expected: number }>();
}

const scan = (s: Session, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/me/checkins', headers: s.headers, payload });

const marks = (sessionId: number) => t.db.kysely.selectFrom('attendance').selectAll().where('session_id', '=', sessionId).execute();

describe('GET /api/v1/sessions/:id/checkin-code', () => {
  it('gives a rotating token, the phone URL, the window and live counts', async () => {
    const sessionId = await addSession('QD', -5 * 60_000, 2 * HOUR);
    const code = await codeFor(sessionId);
    expect(code.url).toBe(`/m/checkin?s=${sessionId}&t=${code.token}`);
    expect(code.expiresInSeconds).toBeGreaterThanOrEqual(1);
    expect(code.expiresInSeconds).toBeLessThanOrEqual(15);
    expect(code).toMatchObject({ state: 'open', checkedIn: 0, expected: 2, stepSeconds: 15, stop: null });
  });

  it('adds the stop to the URL and 404s a stop the session does not have', async () => {
    const sessionId = await addSession('QD', -5 * 60_000, 2 * HOUR, { type: 'site_visit' });
    await t.db.kysely
      .insertInto('session_stops')
      .values({ session_id: sessionId, seq: 1, name: '前海深港青年梦工场', venue_id: null, planned_at: null })
      .execute();
    const code = await codeFor(sessionId, 1);
    expect(code.url).toBe(`/m/checkin?s=${sessionId}&t=${code.token}&stop=1`);
    const missing = await t.app.inject({ method: 'GET', url: `/api/v1/sessions/${sessionId}/checkin-code?stop=2`, headers: pm.headers });
    expect(missing.statusCode).toBe(404);
  });

  it('answers 409 when the session has check-in switched off', async () => {
    const sessionId = await addSession('QD', -5 * 60_000, 2 * HOUR, { checkin_enabled: 0 });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/sessions/${sessionId}/checkin-code`, headers: pm.headers });
    expect(res.statusCode).toBe(409);
  });
});

describe('POST /api/v1/me/checkins', () => {
  it('checks in once; a second scan answers alreadyCheckedIn with the original time', async () => {
    const sessionId = await addSession('QD', -5 * 60_000, 2 * HOUR);
    const { token } = await codeFor(sessionId);
    const first = await scan(trainee, { sessionId, token });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'present', alreadyCheckedIn: false, message: '签到成功' });
    const again = await scan(trainee, { sessionId, token });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'present', alreadyCheckedIn: true, checkedInAt: first.json().checkedInAt });
    const rows = await marks(sessionId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      cadre_id: t.fixture.cadres['snsw'],
      stop_seq: 0,
      method: 'qr',
      status: 'present',
      enrolment_id: t.fixture.enrolments['snsw'],
    });
    expect((await codeFor(sessionId)).checkedIn).toBe(1);
    // Self check-ins are not audited one by one: the attendance row is the record.
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('id')
      .where('entity_type', '=', 'session')
      .where('entity_id', '=', String(sessionId))
      .execute();
    expect(audit).toHaveLength(0);
  });

  it('records a scan after the late threshold as late', async () => {
    const sessionId = await addSession('QD', -20 * 60_000, 2 * HOUR);
    const res = await scan(trainee, { sessionId, token: (await codeFor(sessionId)).token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'late', message: expect.stringContaining('迟到') });
  });

  it('refuses a forwarded photo of an old code with a clear message and writes nothing', async () => {
    const sessionId = await addSession('QD', -5 * 60_000, 2 * HOUR);
    const secret = deriveCheckinSecret(t.ctx.config.CHECKIN_SECRET, `session:${sessionId}:gen:0`);
    const old = createCheckinToken(secret, { sessionId: String(sessionId) }, { now: Date.now() - 60_000 });
    const res = await scan(trainee, { sessionId, token: old });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('二维码已过期'), details: [{ field: 'token' }] });
    expect(await marks(sessionId)).toHaveLength(0);
  });

  it('refuses a forged token and a token of another session', async () => {
    const sessionId = await addSession('QD', -5 * 60_000, 2 * HOUR);
    const otherSession = await addSession('QD', -5 * 60_000, 2 * HOUR);
    const forged = await scan(trainee, { sessionId, token: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(forged.statusCode).toBe(400);
    const crossed = await scan(trainee, { sessionId, token: (await codeFor(otherSession)).token });
    expect(crossed.statusCode).toBe(400);
    expect(crossed.json().error.details[0].field).toBe('token');
    expect(await marks(sessionId)).toHaveLength(0);
  });

  it('says when check-in opens, and when it closed', async () => {
    const later = await addSession('QD', 2 * HOUR, 4 * HOUR);
    const early = await scan(trainee, { sessionId: later, token: (await codeFor(later)).token });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/^签到将于 .*开放$/);
    const past = await addSession('QD', -4 * HOUR, -1 * HOUR);
    const closed = await scan(trainee, { sessionId: past, token: (await codeFor(past)).token });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toMatch(/^签到已于 .*截止$/);
    expect(await marks(later)).toHaveLength(0);
    expect(await marks(past)).toHaveLength(0);
  });

  it('revoking the codes makes the shown token fail and a fresh one work', async () => {
    const sessionId = await addSession('QD', -5 * 60_000, 2 * HOUR);
    const before = (await codeFor(sessionId)).token;
    const revoke = await t.app.inject({ method: 'POST', url: `/api/v1/sessions/${sessionId}/checkin-code/revoke`, headers: pm.headers });
    expect(revoke.statusCode).toBe(204);
    const stale = await scan(trainee, { sessionId, token: before });
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.message).toContain('二维码无效');
    const fresh = await scan(trainee, { sessionId, token: (await codeFor(sessionId)).token });
    expect(fresh.statusCode, fresh.body).toBe(200);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'attendance.revoke_codes')
      .where('entity_id', '=', String(sessionId))
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('checks the distance to the venue when the session has a geofence', async () => {
    const sessionId = await addSession('QD', -5 * 60_000, 2 * HOUR, { geofence_m: 300 });
    const { token } = await codeFor(sessionId);
    const noPosition = await scan(trainee, { sessionId, token });
    expect(noPosition.statusCode).toBe(400);
    expect(noPosition.json().error.details[0]).toMatchObject({ field: 'location', message: expect.stringContaining('定位') });
    // Fixture venue: 22.5896, 113.9736. 0.05° of latitude ≈ 5.6 km.
    const far = await scan(trainee, { sessionId, token, lat: 22.6396, lng: 113.9736, accuracy: 20 });
    expect(far.statusCode).toBe(400);
    expect(far.json().error.message).toMatch(/您距签到地点约.*公里/);
    const near = await scan(trainee, { sessionId, token, lat: 22.5906, lng: 113.9736, accuracy: 20 });
    expect(near.statusCode, near.body).toBe(200);
    expect(near.json().distanceM).toBeGreaterThan(100);
    expect(near.json().distanceM).toBeLessThan(120);
    expect(await marks(sessionId)).toMatchObject([{ lat: 22.5906, lng: 113.9736, accuracy_m: 20 }]);
  });

  it('answers 404 to a trainee the session is not for, and to a staff account', async () => {
    const sessionId = await addSession('QD', -5 * 60_000, 2 * HOUR);
    const { token } = await codeFor(sessionId);
    expect((await scan(other, { sessionId, token })).statusCode).toBe(404);
    expect((await scan(pm, { sessionId, token })).statusCode).toBe(404);
    // A class session of another class: the trainee is enrolled in the program but not in that audience.
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
        created_at: nowIso(),
        updated_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const classSession = await addSession('QD', -5 * 60_000, 2 * HOUR, { audience_kind: 'class', audience_class_id: cls.id });
    expect((await scan(trainee, { sessionId: classSession, token: (await codeFor(classSession)).token })).statusCode).toBe(404);
  });

  it('validates the body with field details', async () => {
    const res = await scan(trainee, { sessionId: 'x', token: '', lat: 200 });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['lat', 'sessionId', 'token']);
  });

  it('turns a roll-call "absent" into late when the trainee turns up and scans', async () => {
    const sessionId = await addSession('QD', -20 * 60_000, 2 * HOUR);
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/sessions/${sessionId}/attendance`,
      headers: pm.headers,
      payload: [{ enrolmentId: t.fixture.enrolments['snsw'], status: 'absent' }],
    });
    expect(put.statusCode, put.body).toBe(200);
    const res = await scan(trainee, { sessionId, token: (await codeFor(sessionId)).token });
    expect(res.json()).toMatchObject({ status: 'late', alreadyCheckedIn: false });
    expect(await marks(sessionId)).toMatchObject([{ status: 'late', method: 'qr' }]);
  });

  it('a check-in at a stop also records the session itself', async () => {
    const sessionId = await addSession('QD', -5 * 60_000, 2 * HOUR, { type: 'site_visit' });
    await t.db.kysely.insertInto('session_stops').values({ session_id: sessionId, seq: 1, name: '大疆创新', venue_id: null, planned_at: null }).execute();
    const res = await scan(trainee, { sessionId, stopSeq: 1, token: (await codeFor(sessionId, 1)).token });
    expect(res.statusCode, res.body).toBe(200);
    const rows = (await marks(sessionId)).map((r) => r.stop_seq).sort();
    expect(rows).toEqual([0, 1]);
    // The stop's code does not check in at the session itself (or at another stop).
    const wrong = await scan(trainee, { sessionId, stopSeq: 0, token: (await codeFor(sessionId, 1)).token });
    expect(wrong.json()).toMatchObject({ alreadyCheckedIn: true });
  });
});

describe('200 parallel check-ins for one session', () => {
  it('records each trainee exactly once, duplicates answer alreadyCheckedIn, nothing fails', async () => {
    const N = 200;
    const programId = t.fixture.programs['QD']!;
    const sessionId = await addSession('QD', -5 * 60_000, 2 * HOUR);
    const at = nowIso();
    const orgId = t.fixture.orgs['QD-SN-SW']!;
    const hash = (await t.db.kysely.selectFrom('users').select('password_hash').limit(1).executeTakeFirstOrThrow()).password_hash;
    const sessions: { cookie: string; csrf: string }[] = [];
    for (let i = 0; i < N; i++) {
      const { id: cadreId } = await t.db.kysely
        .insertInto('cadres')
        .values({
          org_id: orgId,
          name: `并发学员${i}`,
          gender: null,
          birth_date: null,
          ethnicity: null,
          political_status: null,
          id_number_enc: 'x',
          id_number_hash: `burst-${i}`,
          id_number_masked: '3702**********000X',
          mobile_enc: null,
          mobile_masked: null,
          position: null,
          rank: 'staff',
          education: null,
          specialties: '[]',
          specialties_index: '|',
          work_start_date: null,
          experiences: '[]',
          content_hash: `burst-${i}`,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.db.kysely
        .insertInto('enrolments')
        .values(newEnrolmentRow({ programId, cadreId, classId: t.fixture.classes['QD']!, groupId: null }, at))
        .execute();
      const { id: userId } = await t.db.kysely
        .insertInto('users')
        .values({ ...newUserRow({ username: `burst${i}`, displayName: `并发学员${i}`, passwordHash: hash, role: 'trainee', orgId }, at), cadre_id: cadreId })
        .returning('id')
        .executeTakeFirstOrThrow();
      // A session row straight into the table: 200 password hashes would only slow the test down.
      const cookie = randomBytes(24).toString('base64url');
      const csrf = randomBytes(16).toString('hex');
      await t.db.kysely
        .insertInto('sessions')
        .values({
          id: createHash('sha256').update(cookie).digest('hex'),
          user_id: userId,
          csrf_token: csrf,
          created_at: at,
          last_seen_at: at,
          ip: null,
          user_agent: null,
        })
        .execute();
      sessions.push({ cookie: `duibiao_sid=${cookie}`, csrf });
    }
    const { token } = await codeFor(sessionId);
    // Every trainee once, and every fourth one three more times, all at once.
    const order = [...sessions, ...sessions.filter((_, i) => i % 4 === 0).flatMap((s) => [s, s, s])];
    const responses = await Promise.all(
      order.map((s) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/me/checkins',
          headers: { cookie: s.cookie, [CSRF_HEADER]: s.csrf },
          payload: { sessionId, token },
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const bodies = responses.map((r) => r.json<{ alreadyCheckedIn: boolean }>());
    expect(bodies.filter((b) => !b.alreadyCheckedIn)).toHaveLength(N);
    expect(bodies.filter((b) => b.alreadyCheckedIn)).toHaveLength(order.length - N);
    const rows = await marks(sessionId);
    expect(rows).toHaveLength(N);
    expect(new Set(rows.map((r) => r.cadre_id)).size).toBe(N);
    expect((await codeFor(sessionId)).checkedIn).toBe(N);
  }, 60_000);
});

describe('CHECKIN_SECRET', () => {
  it('is required in production and at least 32 characters anywhere', () => {
    const production = { NODE_ENV: 'production', DATA_KEY: 'production-data-key-0123456789abcdef' };
    expect(() => loadConfig(production)).toThrow(ConfigError);
    expect(() => loadConfig(production)).toThrow(/CHECKIN_SECRET/);
    expect(loadConfig({ ...production, CHECKIN_SECRET: 'a-real-secret-of-at-least-32-characters' }).CHECKIN_SECRET).toBe(
      'a-real-secret-of-at-least-32-characters',
    );
    expect(() => loadConfig({ CHECKIN_SECRET: 'too-short' })).toThrow(/CHECKIN_SECRET/);
  });
});
