// Manual entries with evidence, rule validation, and the training file (培训档案) for managers and trainees.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeProgramHours } from '../src/modules/hours/ledger.ts';
import { approvedLeave, makeProgram, mark, unitWithCadres } from './hours-helpers.ts';
import { multipart } from './multipart.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let pm: Session;
let tutor: Session;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  pm = await login(t, 'sn_pm');
  tutor = await login(t, 'sn_tutor');
  admin = await login(t, 'sn_admin');
});
afterAll(() => t.close());

const body = { category: 'online', title: '中国干部网络学院专题', provider: '中国干部网络学院', date: '2025-06-01', hours: 12.5, days: 0, note: '自学' };

async function create(cadreId: number, payload: Record<string, unknown> = body) {
  return t.app.inject({ method: 'POST', url: `/api/v1/cadres/${cadreId}/hours-entries`, headers: pm.headers, payload });
}

describe('manual hours entries', () => {
  it('creates an entry, audits it, and lists it with the program rows', async () => {
    const { cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff']);
    const res = await create(cadres[0]!);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ source: 'manual', category: 'online', hours: 12.5, evidenceName: null, programId: null });
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/cadres/${cadres[0]}/hours-entries`, headers: tutor.headers });
    expect(list.json()).toHaveLength(1);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'hours.entry_create')
      .where('entity_id', '=', String(res.json().id))
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('rejects bad input field by field and writes nothing', async () => {
    const { cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff']);
    const res = await create(cadres[0]!, { category: 'elsewhere', title: ' ', date: '2025-02-30', hours: 0, days: 1.5 });
    expect(res.statusCode).toBe(400);
    expect((res.json().error.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['category', 'date', 'days', 'hours', 'title']);
    const future = await create(cadres[0]!, { ...body, date: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details).toEqual([{ field: 'date', message: '培训日期不能晚于今天' }]);
    expect(await t.db.kysely.selectFrom('hours_entries').select('id').where('cadre_id', '=', cadres[0]!).execute()).toEqual([]);
  });

  it('uploads evidence, downloads the same bytes, and replaces the file on a second upload', async () => {
    const { cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff']);
    const id = (await create(cadres[0]!)).json().id as number;
    const pdf = Buffer.from('%PDF-1.4\n结业证明\n%%EOF');
    const form = multipart({}, { name: '结业证明.pdf', content: pdf, type: 'application/pdf' });
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/v1/hours-entries/${id}/evidence`,
      headers: { ...pm.headers, ...form.headers },
      payload: form.payload,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().evidenceName).toBe('结业证明.pdf');
    const stored = await t.db.kysely.selectFrom('hours_entries').select('evidence_path').where('id', '=', id).executeTakeFirstOrThrow();
    const down = await t.app.inject({ method: 'GET', url: `/api/v1/hours-entries/${id}/evidence`, headers: tutor.headers });
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toContain(encodeURIComponent('结业证明.pdf'));
    expect(down.rawPayload.equals(pdf)).toBe(true);

    const png = multipart({}, { name: 'photo.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) });
    const replaced = await t.app.inject({
      method: 'POST',
      url: `/api/v1/hours-entries/${id}/evidence`,
      headers: { ...pm.headers, ...png.headers },
      payload: png.payload,
    });
    expect(replaced.json().evidenceName).toBe('photo.png');
    const after = await t.db.kysely.selectFrom('hours_entries').select('evidence_path').where('id', '=', id).executeTakeFirstOrThrow();
    expect(after.evidence_path).not.toBe(stored.evidence_path);
    expect(existsSync(join(t.ctx.config.UPLOAD_DIR, 'hours-evidence', stored.evidence_path!))).toBe(false);
    expect(existsSync(join(t.ctx.config.UPLOAD_DIR, 'hours-evidence', after.evidence_path!))).toBe(true);
  });

  it('refuses an evidence file of the wrong type and keeps the entry unchanged', async () => {
    const { cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff']);
    const id = (await create(cadres[0]!)).json().id as number;
    const exe = multipart({}, { name: 'setup.exe', content: 'MZ' });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/hours-entries/${id}/evidence`,
      headers: { ...pm.headers, ...exe.headers },
      payload: exe.payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('file');
    const none = await t.app.inject({ method: 'GET', url: `/api/v1/hours-entries/${id}/evidence`, headers: pm.headers });
    expect(none.statusCode).toBe(404);
  });

  it('edits and deletes manual entries but never program-derived rows', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff']);
    const c = cadres[0]!;
    const id = (await create(c)).json().id as number;
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/hours-entries/${id}`,
      headers: pm.headers,
      payload: { hours: 8, category: 'offline' },
    });
    expect(patched.json()).toMatchObject({ hours: 8, category: 'offline', title: body.title });
    const badPatch = await t.app.inject({ method: 'PATCH', url: `/api/v1/hours-entries/${id}`, headers: pm.headers, payload: { hours: -1 } });
    expect(badPatch.statusCode).toBe(400);

    const p = await makeProgram(t, orgId, [c], [{ start: '2025-03-03T09:00:00+08:00', end: '2025-03-03T12:00:00+08:00', hours: 3 }]);
    await mark(t, p, p.sessionIds[0]!, c, 'present');
    await t.db.kysely.transaction().execute((trx) => recomputeProgramHours(trx, p.id, [c]));
    const derived = await t.db.kysely.selectFrom('hours_entries').select('id').where('program_id', '=', p.id).executeTakeFirstOrThrow();
    const edit = await t.app.inject({ method: 'PATCH', url: `/api/v1/hours-entries/${derived.id}`, headers: pm.headers, payload: { hours: 30 } });
    expect(edit.statusCode).toBe(409);
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/hours-entries/${derived.id}`, headers: pm.headers });
    expect(del.statusCode).toBe(409);
    expect(Number((await t.db.kysely.selectFrom('hours_entries').select('hours').where('id', '=', derived.id).executeTakeFirstOrThrow()).hours)).toBe(3);

    const gone = await t.app.inject({ method: 'DELETE', url: `/api/v1/hours-entries/${id}`, headers: pm.headers });
    expect(gone.statusCode).toBe(204);
    expect(await t.db.kysely.selectFrom('hours_entries').select('id').where('id', '=', id).execute()).toEqual([]);
  });
});

describe('rule validation', () => {
  it('answers every problem of a rule with a dotted field path and stores nothing', async () => {
    const before = await t.db.kysely.selectFrom('hours_rules').select('id').execute();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/hours/rules',
      headers: admin.headers,
      payload: {
        id: 'bad rule!',
        name: { zh: '', en: 'x' },
        appliesTo: { ranks: ['staff', 'mayor'] },
        window: { kind: 'calendarYears', years: 0, anchorYear: 2023 },
        category: 'all',
      },
    });
    expect(res.statusCode).toBe(400);
    expect((res.json().error.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'appliesTo.ranks[1]',
      'id',
      'minHours',
      'name.zh',
      'window.years',
    ]);
    expect(await t.db.kysely.selectFrom('hours_rules').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses a body id that differs from the code in the address, and an unknown code', async () => {
    const rule = { id: 'other', name: { zh: '甲', en: 'A' }, appliesTo: { ranks: ['staff'] }, window: { kind: 'calendarYear' }, category: 'all', minHours: 1 };
    const mismatch = await t.app.inject({ method: 'PUT', url: '/api/v1/hours/rules/annual-online', headers: admin.headers, payload: rule });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.details).toEqual([{ field: 'id', message: expect.any(String) }]);
    const unknown = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/hours/rules/nobody-made-this',
      headers: admin.headers,
      payload: { ...rule, id: undefined },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('lists the national defaults with their source and says who may edit', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/hours/rules', headers: tutor.headers });
    const view = res.json();
    expect(view.editable).toBe(false);
    expect(view.rules.map((r: { rule: { id: string } }) => r.rule.id)).toEqual(
      expect.arrayContaining(['annual-township-staff', 'five-year-county-above', 'annual-online']),
    );
    expect(view.rules[0]).toMatchObject({ source: 'national', from: null });
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/hours/rules', headers: admin.headers });
    expect(mine.json()).toMatchObject({ editable: true, org: { id: t.fixture.orgs['QD-SN'] } });
  });
});

describe('training file', () => {
  it('lists programs with hours, assessment, absences and leave, manual entries, yearly totals and compliance', async () => {
    const { orgId, cadres } = await unitWithCadres(t, t.fixture.orgs['QD-SN']!, ['staff']);
    const c = cadres[0]!;
    const day = (d: number) => ({ start: `2025-04-0${d}T09:00:00+08:00`, end: `2025-04-0${d}T12:00:00+08:00`, hours: 3 });
    const p = await makeProgram(t, orgId, [c], [day(1), day(2), day(3)], '2025-04-01');
    await mark(t, p, p.sessionIds[0]!, c, 'present');
    await mark(t, p, p.sessionIds[1]!, c, 'excused');
    await approvedLeave(t, p, c, [p.sessionIds[1]!], 3);
    await t.db.kysely.updateTable('enrolments').set({ assessment: 'excellent', assessment_reason: '表现突出' }).where('id', '=', p.enrolments[c]!).execute();
    await t.db.kysely.transaction().execute((trx) => recomputeProgramHours(trx, p.id, [c]));
    await create(c, { ...body, date: '2025-06-01', hours: 50 });
    await create(c, { ...body, category: 'offline', date: '2024-06-01', hours: 20, days: 2 });

    const res = await t.app.inject({ method: 'GET', url: `/api/v1/cadres/${c}/training-file?year=2025`, headers: tutor.headers });
    expect(res.statusCode, res.body).toBe(200);
    const file = res.json();
    expect(file.programs).toEqual([
      expect.objectContaining({
        programId: p.id,
        className: '一班',
        hours: 3,
        days: 1,
        assessment: 'excellent',
        absences: 1,
        leaveHours: 3,
        withdrawalFlagged: false,
      }),
    ]);
    expect(file.manualEntries).toHaveLength(2);
    expect(file.years).toEqual([
      { year: 2025, hours: 53, onlineHours: 50, days: 1 },
      { year: 2024, hours: 20, onlineHours: 0, days: 2 },
    ]);
    expect(file.totalHours).toBe(73);
    expect(file.compliance).toMatchObject({ year: 2025, compliant: false });
    expect(file.compliance.results).toEqual([
      expect.objectContaining({ ruleId: 'annual-township-staff', achievedHours: 53, compliant: false, shortfallHours: 37 }),
      expect.objectContaining({ ruleId: 'annual-online', achievedHours: 50, compliant: true }),
    ]);
  });

  it('gives a trainee their own file from the session, whatever else they ask for', async () => {
    const trainee = await login(t, 'sn_trainee');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me/training-file', headers: trainee.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ cadreId: t.fixture.cadres['bdg'], name: '张伟' });
    expect(res.json().programs.map((p: { programId: number }) => p.programId)).toContain(t.fixture.programs['SN']);
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/cadres/${t.fixture.cadres['tpj']}/training-file`, headers: trainee.headers });
    expect(other.statusCode).toBe(404);
    const entries = await t.app.inject({ method: 'GET', url: `/api/v1/cadres/${t.fixture.cadres['bdg']}/hours-entries`, headers: trainee.headers });
    expect(entries.statusCode).toBe(403);
  });
});
