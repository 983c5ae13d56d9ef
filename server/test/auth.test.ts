// Sign-in, lockout, CSRF, idle expiry and the password policy against a real database.
import { CSRF_HEADER } from '@duibiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, PASSWORD, type TestApp } from './support.ts';

describe('POST /api/v1/auth/login', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('sets an httpOnly SameSite=Strict session cookie and returns the user with a CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'qd_admin', password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'duibiao_sid')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(res.json()).toMatchObject({ user: { username: 'qd_admin', role: 'org_admin', org: { name: '青岛市' } }, csrfToken: expect.any(String) });
    expect(res.json().user.permissions).toContain('cadre:import');
  });

  it('stores only a hash of the session token', async () => {
    const s = await login(t, 'qd_pm');
    const token = s.cookie.split('=')[1]!;
    const rows = await t.db.kysely.selectFrom('sessions').select('id').execute();
    expect(rows.map((r) => r.id)).not.toContain(token);
  });

  it('answers 401 with the same message for an unknown user and a wrong password', async () => {
    const a = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'x' } });
    const b = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'qd_tutor', password: 'wrong' } });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().error.message).toBe(b.json().error.message);
  });

  it('locks the account after 5 failures for 15 minutes, even with the right password', async () => {
    for (let i = 0; i < 4; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ls_admin', password: 'wrong' } });
      expect(res.statusCode).toBe(401);
    }
    const fifth = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ls_admin', password: 'wrong' } });
    expect(fifth.statusCode).toBe(423);
    const right = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ls_admin', password: PASSWORD } });
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
    const row = await t.db.kysely.selectFrom('users').select('locked_until').where('username', '=', 'ls_admin').executeTakeFirstOrThrow();
    const minutes = (Date.parse(row.locked_until!) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
  });

  it('lets an admin unlock a locked account', async () => {
    const admin = await login(t, 'qd_admin');
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/users/${t.fixture.users['ls_admin']}/unlock`, headers: admin.headers });
    expect(res.statusCode).toBe(204);
    await expect(login(t, 'ls_admin')).resolves.toBeDefined();
  });

  it('rejects a missing body field with 400 naming it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'qd_admin' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'password' })]);
  });
});

describe('sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses a write without the CSRF header and accepts it with', async () => {
    const s = await login(t, 'qd_admin');
    const payload = { parentId: t.fixture.orgs['QD-SN']!, code: 'CSRF1', name: '测试街道', level: 'township', kind: 'township' };
    const without = await t.app.inject({ method: 'POST', url: '/api/v1/orgs', payload, headers: { cookie: s.cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_FAILED');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/orgs', payload, headers: { cookie: s.cookie, [CSRF_HEADER]: 'x'.repeat(32) } });
    expect(wrong.statusCode).toBe(403);
    const count = await t.db.kysely.selectFrom('organizations').select('id').where('code', '=', 'CSRF1').execute();
    expect(count).toHaveLength(0);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/orgs', payload, headers: s.headers });
    expect(ok.statusCode).toBe(201);
  });

  it('expires a session idle for more than 30 minutes', async () => {
    const s = await login(t, 'qd_tutor');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(200);
    const old = new Date(Date.now() - 31 * 60_000).toISOString();
    await t.db.kysely.updateTable('sessions').set({ last_seen_at: old }).where('user_id', '=', t.fixture.users['qd_tutor']!).execute();
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers });
    expect(res.statusCode).toBe(401);
  });

  it('keeps a session alive that is used within 30 minutes', async () => {
    const s = await login(t, 'qd_pm');
    const recent = new Date(Date.now() - 29 * 60_000).toISOString();
    await t.db.kysely.updateTable('sessions').set({ last_seen_at: recent }).where('user_id', '=', t.fixture.users['qd_pm']!).execute();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(200);
    const row = await t.db.kysely.selectFrom('sessions').select('last_seen_at').where('user_id', '=', t.fixture.users['qd_pm']!).executeTakeFirstOrThrow();
    expect(Date.parse(row.last_seen_at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('logs out', async () => {
    const s = await login(t, 'sn_admin');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(401);
  });

  it('enforces the password policy on change and signs out other sessions', async () => {
    const a = await login(t, 'sn_pm');
    const b = await login(t, 'sn_pm');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: a.headers,
      payload: { currentPassword: PASSWORD, newPassword: 'alllowercase1' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].field).toBe('newPassword');
    const good = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: a.headers,
      payload: { currentPassword: PASSWORD, newPassword: 'Better#Pass2026' },
    });
    expect(good.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: a.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: b.headers })).statusCode).toBe(401);
    await expect(login(t, 'sn_pm', 'Better#Pass2026')).resolves.toBeDefined();
  });

  it('rate-limits login attempts per client', async () => {
    const limited = await createTestApp({ config: { LOGIN_RATE_PER_MINUTE: '3' } });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++)
        codes.push((await limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x', password: 'y' } })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      // A forged X-Forwarded-For does not buy a fresh allowance.
      const spoofed = await limited.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-for': '203.0.113.9' },
        payload: { username: 'x', password: 'y' },
      });
      expect(spoofed.statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
