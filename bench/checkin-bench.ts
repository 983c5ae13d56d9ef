// Check-in burst: N distinct trainees check in to one session through the real HTTP API (QR token, session
// cookie, CSRF header), plus a share of retried duplicates, against the same burst on a bare Fastify route.
// Afterwards the database must hold exactly N attendance rows: 0 lost, 0 duplicated.
import { randomBytes } from 'node:crypto';
import { makeIdNumber } from '@duibiao/core/idcard/index';
import { loadConfig } from '../server/src/config.ts';
import { migrateToLatest, openDatabase } from '../server/src/db/database.ts';
import { nowIso } from '../server/src/db/dialect.ts';
import { createFieldCipher } from '../server/src/lib/field-cipher.ts';
import { hashToken } from '../server/src/modules/auth/auth.service.ts';
import { hashPassword } from '../server/src/modules/auth/password-hasher.ts';
import { toCadreRow } from '../server/src/modules/cadres/cadres.rules.ts';
import { insertOrg } from '../server/src/modules/orgs/orgs.repo.ts';
import { newUserRow } from '../server/src/modules/users/users.repo.ts';
import { newEnrolmentRow } from '../server/src/modules/programs/enrolment-row.ts';
import { newProgramRow } from '../server/src/modules/programs/program-row.ts';

export interface Caller {
  cookie: string;
  csrf: string;
}

export interface CheckinFixture {
  sessionId: number;
  admin: Caller;
  trainees: Caller[];
}

const beijing = (offsetMs: number) => `${new Date(Date.now() + offsetMs + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

/** A login session written straight to the table: 10,000 argon2 sign-ins would measure argon2, not check-in. */
function signedIn(userId: number, at: string): Caller & { row: { id: string; user_id: number; csrf_token: string; created_at: string; last_seen_at: string } } {
  const token = randomBytes(24).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  return { cookie: `duibiao_sid=${token}`, csrf, row: { id: hashToken(token), user_id: userId, csrf_token: csrf, created_at: at, last_seen_at: at } };
}

/** A fresh database file with one running session and `n` enrolled, signed-in trainees (sessions written directly). */
export async function prepareCheckinDb(url: string, n: number): Promise<CheckinFixture> {
  const config = loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const db = openDatabase({ url });
  await migrateToLatest(db);
  const cipher = createFieldCipher(config.DATA_KEY);
  const at = nowIso();
  const k = db.kysely;
  const org = await insertOrg(
    k,
    { parent_id: null, code: 'BENCH', name: '压测市', level: 'city', kind: 'region', region_code: '370200', sort_order: 0, created_at: at, updated_at: at },
    '/',
  );
  const hash = await hashPassword(`Bench@${randomBytes(8).toString('hex')}`);
  const admin = await k
    .insertInto('users')
    .values(newUserRow({ username: 'bench_admin', displayName: '压测管理员', passwordHash: hash, role: 'org_admin', orgId: org.id }, at))
    .returning('id')
    .executeTakeFirstOrThrow();
  const program = await k
    .insertInto('programs')
    .values(
      newProgramRow(
        {
          code: 'BENCH',
          name: '签到压测班',
          type: 'centralized_class',
          status: 'running',
          organizerOrgId: org.id,
          startDate: beijing(-86_400_000).slice(0, 10),
          endDate: beijing(86_400_000).slice(0, 10),
        },
        at,
      ),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  const session = await k
    .insertInto('program_sessions')
    .values({
      program_id: program.id,
      code: null,
      title: '万人签到压测',
      type: 'lecture',
      starts_at: beijing(-5 * 60_000),
      ends_at: beijing(3 * 3_600_000),
      venue_id: null,
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const adminCaller = signedIn(admin.id, at);
  await k
    .insertInto('sessions')
    .values({ ...adminCaller.row, ip: null, user_agent: null })
    .execute();

  const trainees: Caller[] = [];
  const BATCH = 500;
  for (let from = 0; from < n; from += BATCH) {
    const size = Math.min(BATCH, n - from);
    await k.transaction().execute(async (trx) => {
      const cadreRows = Array.from({ length: size }, (_, i) => ({
        ...toCadreRow(
          {
            orgId: org.id,
            name: `学员${from + i + 1}`,
            gender: 'male',
            birthDate: '1990-01-01',
            ethnicity: null,
            politicalStatus: null,
            idNumber: makeIdNumber('370202', `19${60 + ((from + i) % 40)}-0${1 + ((from + i) % 9)}-1${(from + i) % 10}`, (from + i) % 999),
            mobile: null,
            position: null,
            rank: 'staff',
            education: null,
            specialties: [],
            workStartDate: null,
            experiences: [],
          },
          cipher,
          at,
        ),
        created_at: at,
      }));
      const cadres = await trx.insertInto('cadres').values(cadreRows).returning('id').execute();
      const users = await trx
        .insertInto('users')
        .values(
          cadres.map((c, i) =>
            newUserRow(
              { username: `bench${from + i + 1}`, displayName: `学员${from + i + 1}`, passwordHash: hash, role: 'trainee', orgId: org.id, cadreId: c.id },
              at,
            ),
          ),
        )
        .returning('id')
        .execute();
      await trx
        .insertInto('enrolments')
        .values(cadres.map((c) => newEnrolmentRow({ programId: program.id, cadreId: c.id, classId: null, groupId: null }, at)))
        .execute();
      const callers = users.map((u) => signedIn(u.id, at));
      await trx
        .insertInto('sessions')
        .values(callers.map((c) => ({ ...c.row, ip: null, user_agent: null })))
        .execute();
      for (const c of callers) trainees.push({ cookie: c.cookie, csrf: c.csrf });
    });
  }
  await db.close();
  return { sessionId: session.id, admin: { cookie: adminCaller.cookie, csrf: adminCaller.csrf }, trainees };
}

/** Runs `requests` with at most `concurrency` in flight; resolves with wall time and status counts. */
export async function burst(
  requests: (() => Promise<Response>)[],
  concurrency: number,
): Promise<{ ms: number; statuses: Record<number, number>; failures: number }> {
  const statuses: Record<number, number> = {};
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < requests.length) {
      const i = next++;
      try {
        const res = await requests[i]!();
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      } catch {
        failures++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ms: performance.now() - started, statuses, failures };
}

export async function countAttendance(url: string, sessionId: number): Promise<{ rows: number; distinctCadres: number }> {
  const db = openDatabase({ url });
  const r = await db.kysely
    .selectFrom('attendance')
    .select((eb) => [eb.fn.countAll<number>().as('rows'), eb.fn.count<number>('cadre_id').distinct().as('cadres')])
    .where('session_id', '=', sessionId)
    .executeTakeFirstOrThrow();
  await db.close();
  return { rows: Number(r.rows), distinctCadres: Number(r.cadres) };
}

export interface CheckinBurstResult {
  trainees: number;
  duplicates: number;
  appMs: number;
  bareMs: number;
  /** Bare time ÷ app time for the same number of requests: the app's share of bare Fastify's speed. */
  ratioToBare: number;
  statuses: Record<number, number>;
  rows: number;
  lost: number;
  duplicated: number;
  targetMs: number;
}

/**
 * Fires the burst at a running app (`appUrl`, serving the database prepared at `dbUrl`) and the same number of
 * JSON POSTs at the bare server, then counts rows. Every tenth trainee also retries once (a flaky connection).
 */
export async function runCheckinBurst(appUrl: string, bareUrl: string, dbUrl: string, fx: CheckinFixture, concurrency = 64): Promise<CheckinBurstResult> {
  let token = '';
  const refresh = async () => {
    const res = await fetch(`${appUrl}/api/v1/sessions/${fx.sessionId}/checkin-code`, { headers: { cookie: fx.admin.cookie } });
    if (!res.ok) throw new Error(`checkin-code answered ${res.status}: ${await res.text()}`);
    token = ((await res.json()) as { token: string }).token;
  };
  await refresh();
  // The code on the screen rotates; refresh it like the screen would, so no request carries a stale code.
  const timer = setInterval(() => void refresh(), 5_000);
  const callers = [...fx.trainees, ...fx.trainees.filter((_, i) => i % 10 === 0)];
  const body = () => JSON.stringify({ sessionId: fx.sessionId, token });
  const app = await burst(
    callers.map(
      (c) => () =>
        fetch(`${appUrl}/api/v1/me/checkins`, {
          method: 'POST',
          headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json' },
          body: body(),
        }),
    ),
    concurrency,
  );
  clearInterval(timer);
  const bare = await burst(
    callers.map(() => () => fetch(`${bareUrl}/checkin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body() })),
    concurrency,
  );
  const counted = await countAttendance(dbUrl, fx.sessionId);
  return {
    trainees: fx.trainees.length,
    duplicates: callers.length - fx.trainees.length,
    appMs: Math.round(app.ms),
    bareMs: Math.round(bare.ms),
    ratioToBare: Number((bare.ms / app.ms).toFixed(3)),
    statuses: app.statuses,
    rows: counted.rows,
    lost: fx.trainees.length - counted.distinctCadres,
    duplicated: counted.rows - counted.distinctCadres,
    targetMs: 10_000,
  };
}
