// Programs over HTTP: create/edit/delete, the lifecycle, scope, validation without partial writes, attachments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from './multipart.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let city: Session;
let district: Session;
let pm: Session;
let tutor: Session;
beforeAll(async () => {
  t = await createTestApp();
  city = await login(t, 'qd_admin');
  district = await login(t, 'sn_admin');
  pm = await login(t, 'qd_pm');
  tutor = await login(t, 'qd_tutor');
});
afterAll(() => t.close());

const body = (over: Record<string, unknown> = {}) => ({
  name: '青岛市年轻干部赴深圳对标学习班',
  type: 'centralized_class',
  themes: ['经济高质量发展', '城市治理'],
  organizerOrgId: t.fixture.orgs['QD'],
  partner: '哈尔滨工业大学（深圳）',
  startDate: '2026-04-13',
  endDate: '2026-04-17',
  places: ['深圳'],
  budgetYuan: 380000,
  targets: { onsiteShareMin: 0.7, seminarHoursMin: 20, minimums: [{ sessionType: 'party_spirit', hoursMin: 3 }] },
  description: '干什么培训什么、缺什么补什么',
  ...over,
});

const create = async (s: Session, over: Record<string, unknown> = {}) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/programs', headers: s.headers, payload: body(over) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; code: string; status: string };
};
const countPrograms = async () => (await t.db.kysely.selectFrom('programs').select('id').execute()).length;
const auditCount = async (action: string) => (await t.db.kysely.selectFrom('audit_log').select('id').where('action', '=', action).execute()).length;

describe('POST /api/v1/programs', () => {
  it('creates a draft with a readable code, every field round-tripping, and an audit entry', async () => {
    const before = await auditCount('program.create');
    const created = await create(pm);
    expect(created.code).toMatch(/^P2026-\d{4}$/);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/programs/${created.id}`, headers: tutor.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'draft',
      themes: ['经济高质量发展', '城市治理'],
      organizer: { id: t.fixture.orgs['QD'], name: '青岛市' },
      places: ['深圳'],
      budgetYuan: 380000,
      targets: { onsiteShareMin: 0.7, seminarHoursMin: 20, minimums: [{ sessionType: 'party_spirit', hoursMin: 3 }] },
      classCount: 0,
      traineeCount: 0,
      sessionCount: 0,
    });
    expect(await auditCount('program.create')).toBe(before + 1);
  });

  it('answers 400 with every bad field and writes nothing', async () => {
    const before = await countPrograms();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/programs',
      headers: city.headers,
      payload: body({ name: '', type: 'picnic', targets: { onsiteShareMin: 1.5, seminarHoursMin: -1, minimums: [{ sessionType: 'nap', hoursMin: 1 }] } }),
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().error.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'type', 'targets.onsiteShareMin', 'targets.seminarHoursMin', 'targets.minimums.0.sessionType']));
    expect(await countPrograms()).toBe(before);
  });

  it('refuses an end date before the start date, on endDate', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/programs',
      headers: city.headers,
      payload: body({ startDate: '2026-04-17', endDate: '2026-04-13' }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'endDate' })]);
  });

  it('accepts a one-day program (end = start)', async () => {
    await create(city, { startDate: '2026-04-13', endDate: '2026-04-13' });
  });

  it('refuses an organizer outside the caller’s subtree', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/programs',
      headers: district.headers,
      payload: body({ organizerOrgId: t.fixture.orgs['QD'] }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('organizerOrgId');
  });

  it('is forbidden to tutors', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/programs', headers: tutor.headers, payload: body() });
    expect(res.statusCode).toBe(403);
  });
});

describe('PATCH /api/v1/programs/:id', () => {
  it('edits fields and checks dates against the stored ones', async () => {
    const { id } = await create(city);
    const ok = await t.app.inject({ method: 'PATCH', url: `/api/v1/programs/${id}`, headers: city.headers, payload: { partner: null, endDate: '2026-04-20' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ partner: null, endDate: '2026-04-20' });
    const bad = await t.app.inject({ method: 'PATCH', url: `/api/v1/programs/${id}`, headers: city.headers, payload: { startDate: '2026-05-01' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('startDate');
    const stored = await t.db.kysely.selectFrom('programs').select(['start_date', 'end_date']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ start_date: '2026-04-13', end_date: '2026-04-20' });
  });
});

describe('scope', () => {
  it('shows a district admin its own programs only, and 404 for a city program', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/programs?pageSize=100', headers: district.headers });
    const names = (list.json().items as { id: number }[]).map((p) => p.id);
    expect(names).toContain(t.fixture.programs['SN']);
    expect(names).not.toContain(t.fixture.programs['QD']);
    expect(names).not.toContain(t.fixture.programs['LS']);
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const res = await t.app.inject({
        method,
        url: `/api/v1/programs/${t.fixture.programs['QD']}`,
        headers: district.headers,
        ...(method === 'PATCH' ? { payload: { name: 'x' } } : {}),
      });
      expect(res.statusCode).toBe(404);
    }
  });

  it('filters by type, status, year, organizer subtree and keyword', async () => {
    const q = async (query: string) =>
      (
        (await t.app.inject({ method: 'GET', url: `/api/v1/programs?pageSize=100&${query}`, headers: city.headers })).json().items as {
          id: number;
          name: string;
        }[]
      ).map((p) => p.id);
    const sn = t.fixture.programs['SN']!;
    expect(await q(`orgId=${t.fixture.orgs['QD-SN']}`)).toEqual([sn]);
    expect(await q('status=running')).toEqual(expect.arrayContaining([sn, t.fixture.programs['QD'], t.fixture.programs['LS']]));
    expect(await q('status=draft')).not.toContain(sn);
    expect(await q('q=市南区')).toEqual([sn]);
    expect(await q('type=secondment')).toEqual([]);
    // The fixture programs run around today; this one ran over New Year 2024/25.
    const old = (await create(city, { name: '年度筛选', startDate: '2024-12-30', endDate: '2025-01-02' })).id;
    expect(await q('year=2024')).toEqual([old]);
    expect(await q('year=2025')).toEqual([old]);
    expect(await q('year=2023')).toEqual([]);
    const outside = await t.app.inject({ method: 'GET', url: `/api/v1/programs?orgId=${t.fixture.orgs['DL']}`, headers: city.headers });
    expect(outside.statusCode).toBe(404);
  });

  it('counts classes and trainees in the list', async () => {
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/programs?orgId=${t.fixture.orgs['QD-SN']}`, headers: city.headers });
    expect(list.json().items[0]).toMatchObject({ classCount: 1, traineeCount: 2 });
  });
});

describe('lifecycle', () => {
  const move = (id: number, status: string, reason?: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/programs/${id}/status`, headers: pm.headers, payload: { status, ...(reason ? { reason } : {}) } });

  it('goes forward one step at a time to follow-up', async () => {
    const { id } = await create(pm);
    for (const s of ['enrolling', 'running', 'closed', 'follow_up']) {
      const res = await move(id, s);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe(s);
    }
  });

  it('refuses skipping a stage or staying put', async () => {
    const { id } = await create(pm);
    const skip = await move(id, 'running');
    expect(skip.statusCode).toBe(400);
    expect(skip.json().error.details[0].field).toBe('status');
    expect((await move(id, 'draft')).statusCode).toBe(400);
  });

  it('goes back one step only with a reason, and audits the reason', async () => {
    const { id } = await create(pm);
    await move(id, 'enrolling');
    const noReason = await move(id, 'draft');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].field).toBe('reason');
    const back = await move(id, 'draft', '报名名单需重新审核');
    expect(back.statusCode).toBe(200);
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'program.status')
      .where('entity_id', '=', String(id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.summary).toContain('报名名单需重新审核');
  });
});

describe('DELETE /api/v1/programs/:id', () => {
  it('deletes a draft with its classes, and refuses a program past draft', async () => {
    const { id } = await create(city);
    await t.app.inject({ method: 'POST', url: `/api/v1/programs/${id}/classes`, headers: city.headers, payload: { name: '一班', capacity: 30 } });
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/programs/${id}`, headers: city.headers });
    expect(res.statusCode).toBe(204);
    expect(await t.db.kysely.selectFrom('program_classes').select('id').where('program_id', '=', id).execute()).toEqual([]);
    const running = await t.app.inject({ method: 'DELETE', url: `/api/v1/programs/${t.fixture.programs['QD']}`, headers: city.headers });
    expect(running.statusCode).toBe(409);
  });
});

describe('attachments', () => {
  const upload = (id: number, name: string, content: string | Buffer) => {
    const form = multipart({ kind: 'rules' }, { name, content });
    return t.app.inject({ method: 'POST', url: `/api/v1/programs/${id}/attachments`, headers: { ...pm.headers, ...form.headers }, payload: form.payload });
  };

  it('uploads, lists, downloads and deletes a rules document', async () => {
    const id = t.fixture.programs['QD']!;
    const form = multipart({ kind: 'rules' }, { name: '学员管理办法.pdf', content: '%PDF-1.4 rules' });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/programs/${id}/attachments`,
      headers: { ...pm.headers, ...form.headers },
      payload: form.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    const att = res.json() as { id: number; fileName: string; sizeBytes: number; mime: string };
    expect(att).toMatchObject({ fileName: '学员管理办法.pdf', sizeBytes: 14, mime: 'application/pdf' });
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/programs/${id}/attachments`, headers: tutor.headers });
    expect(list.json()).toEqual([expect.objectContaining({ id: att.id, uploadedBy: 'qd_pm' })]);
    const file = await t.app.inject({ method: 'GET', url: `/api/v1/programs/${id}/attachments/${att.id}`, headers: tutor.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.body).toBe('%PDF-1.4 rules');
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/programs/${id}/attachments/${att.id}`, headers: pm.headers });
    expect(del.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/programs/${id}/attachments/${att.id}`, headers: pm.headers })).statusCode).toBe(404);
  });

  it('refuses other file types and content that does not match the extension', async () => {
    const id = t.fixture.programs['QD']!;
    const exe = await upload(id, 'setup.exe', 'MZ...');
    expect(exe.statusCode).toBe(400);
    const fake = await upload(id, '伪装.pdf', 'MZ not a pdf');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.details[0].message).toContain('不符');
    expect(await t.db.kysely.selectFrom('program_attachments').select('id').where('program_id', '=', id).execute()).toEqual([]);
  });

  it('refuses files over the configured size limit', async () => {
    const small = await createTestApp({ config: { UPLOAD_MAX_MB: '1' } });
    try {
      const s = await login(small, 'qd_pm');
      const big = Buffer.concat([Buffer.from('%PDF-1.4'), Buffer.alloc(1_100_000, 0x20)]);
      const form = multipart({}, { name: 'big.pdf', content: big });
      const res = await small.app.inject({
        method: 'POST',
        url: `/api/v1/programs/${small.fixture.programs['QD']}/attachments`,
        headers: { ...s.headers, ...form.headers },
        payload: form.payload,
      });
      expect(res.statusCode).toBe(413);
      expect(await small.db.kysely.selectFrom('program_attachments').select('id').execute()).toEqual([]);
    } finally {
      await small.close();
    }
  });
});
