// Close-out over HTTP on a real database: assessments (suggestions, validation, all-or-nothing), certificates
// (eligibility, idempotence, PDF with the embedded font, revocation), public verification and trainee isolation.
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../src/db/dialect.ts';
import { addAttendance, addLeave } from './closeout-support.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let pm: Session;
let snPm: Session;
const url = (programId: number, rest = '') => `/api/v1/programs/${programId}/assessments${rest}`;

beforeAll(async () => {
  t = await createTestApp();
  pm = await login(t, 'qd_pm');
  snPm = await login(t, 'sn_pm');
  const fx = t.fixture;
  // QD: snsw attended the ended session; fgw has no mark (missed it). SN: bdg present, tpj on approved leave.
  await addAttendance(t, fx.sessions['QD-past']!, 'snsw', 'present');
  await addAttendance(t, fx.sessions['SN-past']!, 'bdg', 'present');
  await addAttendance(t, fx.sessions['SN-past']!, 'tpj', 'excused');
  await addLeave(t, 'SN', 'tpj', 3, 'approved');
  await t.db.kysely.updateTable('enrolments').set({ withdrawal_flagged_at: nowIso() }).where('id', '=', fx.enrolments['tpj']!).execute();
});
afterAll(() => t.close());

const auditCount = async (action: string) =>
  Number(
    (
      await t.db.kysely
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('GET /programs/:id/assessments', () => {
  it('computes attendance over ended sessions and suggests a result with a reason', async () => {
    const res = await t.app.inject({ method: 'GET', url: url(t.fixture.programs['QD']!), headers: pm.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const byName = Object.fromEntries(body.items.map((r: { name: string }) => [r.name, r]));
    // Only the session that ended counts: 3 h due, the running one is not due yet.
    expect(byName['李晓梅']).toMatchObject({ dueHours: 3, attendedHours: 3, attendanceRate: 1, absentSessions: 0, suggestion: 'pass', suggestionReason: null });
    expect(byName['王建国']).toMatchObject({ dueHours: 3, attendedHours: 0, attendanceRate: 0, absentSessions: 1, suggestion: 'fail' });
    expect(byName['王建国'].suggestionReason).toContain('出勤率');
    expect(byName['李晓梅']).toMatchObject({ unit: expect.any(String), className: '一班', groupName: '第一组', result: null, certificate: null });
  });

  it('suggests 不合格 for a trainee flagged under the 1/7 leave rule and reports approved leave hours', async () => {
    const res = await t.app.inject({ method: 'GET', url: url(t.fixture.programs['SN']!), headers: snPm.headers });
    const tpj = res.json().items.find((r: { name: string }) => r.name === '刘洋');
    expect(tpj).toMatchObject({ approvedLeaveHours: 3, withdrawalFlagged: true, suggestion: 'fail', absentSessions: 0 });
    expect(tpj.suggestionReason).toContain('1/7');
  });

  it('leaves out an ended session whose attendance nobody recorded', async () => {
    const admin = await login(t, 'qd_admin');
    const res = await t.app.inject({ method: 'GET', url: url(t.fixture.programs['LS']!), headers: admin.headers });
    expect(res.json().items[0]).toMatchObject({ name: '陈静', dueHours: 0, attendanceRate: null, absentSessions: 0, suggestion: 'pass' });
  });
});

describe('PUT /programs/:id/assessments', () => {
  it('refuses 不合格 without a reason, with the field named, and writes nothing', async () => {
    const fx = t.fixture;
    const res = await t.app.inject({
      method: 'PUT',
      url: url(fx.programs['QD']!),
      headers: pm.headers,
      payload: [
        { enrolmentId: fx.enrolments['snsw'], result: 'pass' },
        { enrolmentId: fx.enrolments['fgw'], result: 'fail' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: '1.reason' }] });
    const rows = await t.db.kysely.selectFrom('enrolments').select('assessment').where('program_id', '=', fx.programs['QD']!).execute();
    expect(rows.every((r) => r.assessment === null)).toBe(true);
  });

  it('refuses an enrolment of another program as a whole: the valid items are not written either', async () => {
    const fx = t.fixture;
    const res = await t.app.inject({
      method: 'PUT',
      url: url(fx.programs['QD']!),
      headers: pm.headers,
      payload: [
        { enrolmentId: fx.enrolments['snsw'], result: 'pass' },
        { enrolmentId: fx.enrolments['bdg'], result: 'pass' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: '1.enrolmentId', message: expect.any(String) }]);
    const snsw = await t.db.kysely.selectFrom('enrolments').select('assessment').where('id', '=', fx.enrolments['snsw']!).executeTakeFirstOrThrow();
    expect(snsw.assessment).toBeNull();
  });

  it('rejects an unknown result value and a duplicate trainee', async () => {
    const fx = t.fixture;
    const bad = await t.app.inject({
      method: 'PUT',
      url: url(fx.programs['QD']!),
      headers: pm.headers,
      payload: [{ enrolmentId: fx.enrolments['snsw'], result: 'great' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('0.result');
    const dup = await t.app.inject({
      method: 'PUT',
      url: url(fx.programs['QD']!),
      headers: pm.headers,
      payload: [
        { enrolmentId: fx.enrolments['snsw'], result: 'pass' },
        { enrolmentId: fx.enrolments['snsw'], result: 'excellent' },
      ],
    });
    expect(dup.statusCode).toBe(400);
  });

  it('saves results with reasons and audits them in one entry', async () => {
    const fx = t.fixture;
    const before = await auditCount('assessment.save');
    const res = await t.app.inject({
      method: 'PUT',
      url: url(fx.programs['QD']!),
      headers: pm.headers,
      payload: [
        { enrolmentId: fx.enrolments['snsw'], result: 'excellent' },
        { enrolmentId: fx.enrolments['fgw'], result: 'fail', reason: '缺课' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const byName = Object.fromEntries(res.json().items.map((r: { name: string }) => [r.name, r]));
    expect(byName['李晓梅']).toMatchObject({ result: 'excellent', reason: null, assessedAt: expect.any(String) });
    expect(byName['王建国']).toMatchObject({ result: 'fail', reason: '缺课' });
    expect(await auditCount('assessment.save')).toBe(before + 1);
  });
});

describe('certificates', () => {
  let qdCertId: number;
  let verifyPath: string;

  it('issues only to trainees assessed pass or excellent, with a serial and an unguessable code', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/programs/${t.fixture.programs['QD']!}/certificates`, headers: pm.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ alreadyIssued: 0, notEligible: 1 });
    expect(body.issued).toHaveLength(1);
    expect(body.issued[0]).toMatchObject({ name: '李晓梅', result: 'excellent', serial: expect.stringMatching(/^DB-\d{4}-\d{6}$/), revokedAt: null });
    expect(body.issued[0].verifyPath).toMatch(/^\/verify\/[A-Za-z0-9_-]{24}$/);
    qdCertId = body.issued[0].id;
    verifyPath = body.issued[0].verifyPath;
  });

  it('is idempotent: a second call issues nothing and keeps the serials', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/programs/${t.fixture.programs['QD']!}/certificates`, headers: pm.headers });
    expect(res.json()).toMatchObject({ issued: [], alreadyIssued: 1, notEligible: 1 });
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/programs/${t.fixture.programs['QD']!}/certificates`, headers: pm.headers });
    expect(list.json()).toHaveLength(1);
  });

  it('numbers serials in sequence across programs', async () => {
    const fx = t.fixture;
    await t.app.inject({
      method: 'PUT',
      url: url(fx.programs['SN']!),
      headers: snPm.headers,
      payload: [
        { enrolmentId: fx.enrolments['bdg'], result: 'pass' },
        { enrolmentId: fx.enrolments['tpj'], result: 'pass' },
      ],
    });
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/programs/${fx.programs['SN']!}/certificates`, headers: snPm.headers });
    const serials = res.json().issued.map((c: { serial: string }) => Number(c.serial.slice(-6)));
    const first = (await t.db.kysely.selectFrom('certificates').select('serial').where('id', '=', qdCertId).executeTakeFirstOrThrow()).serial;
    expect(serials).toEqual([Number(first.slice(-6)) + 1, Number(first.slice(-6)) + 2]);
  });

  it('renders an A4-landscape PDF with the embedded Chinese font and the holder name in its ToUnicode map', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/certificates/${qdCertId}.pdf`, headers: pm.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    expect(text).toContain('/FontFile2');
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DroidSansFallback/);
    // The ToUnicode CMap of the embedded font maps glyphs back to 李 (674e), 晓 (6653), 梅 (6885).
    const streams = [...text.matchAll(/stream\r?\n/g)].map((m) => {
      const start = m.index! + m[0].length;
      return pdf.subarray(start, text.indexOf('endstream', start));
    });
    const inflated = streams.map((s) => {
      try {
        return inflateSync(s).toString('latin1');
      } catch {
        return '';
      }
    });
    const cmap = inflated.find((s) => s.includes('begincmap'));
    expect(cmap).toBeDefined();
    for (const hex of ['674e', '6653', '6885']) expect(cmap!.toLowerCase()).toContain(hex);
  });

  it('verifies publicly without a session, masking the name', async () => {
    const code = verifyPath.split('/').pop()!;
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/certificates/${code}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      valid: true,
      revoked: false,
      name: '李*梅',
      program: '青岛市年轻干部对标学习班',
      result: 'excellent',
      organizer: expect.any(String),
    });
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/certificates/AAAAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/certificates/short' })).statusCode).toBe(400);
  });

  it('revokes with a reason once; verification then says revoked', async () => {
    const noReason = await t.app.inject({ method: 'POST', url: `/api/v1/certificates/${qdCertId}/revoke`, headers: pm.headers, payload: { reason: ' ' } });
    expect(noReason.statusCode).toBe(400);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/certificates/${qdCertId}/revoke`, headers: pm.headers, payload: { reason: '材料不实' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ revokedAt: expect.any(String), revokedReason: '材料不实' });
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/certificates/${qdCertId}/revoke`, headers: pm.headers, payload: { reason: '再次' } });
    expect(again.statusCode).toBe(409);
    const verify = await t.app.inject({ method: 'GET', url: `/api/v1/public/certificates/${verifyPath.split('/').pop()!}` });
    expect(verify.json()).toMatchObject({ valid: false, revoked: true, revokedAt: expect.any(String) });
    expect(await auditCount('certificate.revoke')).toBe(1);
  });

  it('lets a trainee list and download their own certificate only', async () => {
    const trainee = await login(t, 'sn_trainee'); // cadre bdg
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/me/certificates', headers: trainee.headers });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().map((c: { name: string }) => c.name)).toEqual(['张伟']);
    const own = await t.app.inject({ method: 'GET', url: `/api/v1/me/certificates/${mine.json()[0].id}.pdf`, headers: trainee.headers });
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const other = await t.db.kysely.selectFrom('certificates').select('id').where('enrolment_id', '=', t.fixture.enrolments['tpj']!).executeTakeFirstOrThrow();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/me/certificates/${other.id}.pdf`, headers: trainee.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/certificates/${other.id}.pdf`, headers: trainee.headers })).statusCode).toBe(403);
  });

  it('stops verifying a certificate whose holder was reassessed as 不合格', async () => {
    const fx = t.fixture;
    const cert = await t.db.kysely.selectFrom('certificates').select('verify_code').where('enrolment_id', '=', fx.enrolments['tpj']!).executeTakeFirstOrThrow();
    const put = await t.app.inject({
      method: 'PUT',
      url: url(fx.programs['SN']!),
      headers: snPm.headers,
      payload: [{ enrolmentId: fx.enrolments['tpj'], result: 'fail', reason: '请假超过 1/7' }],
    });
    expect(put.statusCode).toBe(200);
    const verify = await t.app.inject({ method: 'GET', url: `/api/v1/public/certificates/${cert.verify_code}` });
    expect(verify.json()).toMatchObject({ valid: false, revoked: false, result: 'fail' });
  });

  it('issues each certificate once under concurrent requests, with distinct serials', async () => {
    const fx = t.fixture;
    const programId = fx.programs['LS']!;
    await t.db.kysely.updateTable('enrolments').set({ assessment: 'pass' }).where('program_id', '=', programId).execute();
    const admin = await login(t, 'qd_admin');
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => t.app.inject({ method: 'POST', url: `/api/v1/programs/${programId}/certificates`, headers: admin.headers })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(responses.reduce((n, r) => n + r.json<{ issued: unknown[] }>().issued.length, 0)).toBe(1);
    const all = await t.db.kysely.selectFrom('certificates').select('serial').execute();
    expect(new Set(all.map((c) => c.serial)).size).toBe(all.length);
  });

  it('hides certificates of programs outside the caller subtree', async () => {
    const sn = await login(t, 'sn_admin');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/certificates/${qdCertId}.pdf`, headers: sn.headers })).statusCode).toBe(404);
  });
});
