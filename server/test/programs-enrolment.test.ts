// Classes, groups, enrolment (manual and imported) and the instructor/venue registries over HTTP.
import ExcelJS from 'exceljs';
import { wgs84ToGcj02 } from '@duibiao/core/checkin/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCadre } from './authz/support.ts';
import { multipart } from './multipart.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
let city: Session;
let district: Session;
let tutor: Session;
beforeAll(async () => {
  t = await createTestApp();
  city = await login(t, 'qd_admin');
  district = await login(t, 'sn_admin');
  tutor = await login(t, 'qd_tutor');
});
afterAll(() => t.close());

type Json = Record<string, unknown>;
const call = async (s: Session, method: string, url: string, payload?: Json) => {
  const res = await t.app.inject({ method: method as 'GET', url, headers: s.headers, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.body ? (res.json() as Json & { error?: { details?: { field: string; message: string }[] } }) : {} };
};

/** A fresh draft program of QD with one class (capacity given) and one group, no trainees. */
async function programWithClass(capacity = 3) {
  const p = await call(city, 'POST', '/api/v1/programs', {
    name: '测试项目',
    type: 'centralized_class',
    organizerOrgId: t.fixture.orgs['QD'],
    startDate: '2026-04-13',
    endDate: '2026-04-17',
  });
  const id = p.body.id as number;
  const c = await call(city, 'POST', `/api/v1/programs/${id}/classes`, { name: '一班', capacity });
  const g = await call(city, 'POST', `/api/v1/programs/${id}/groups`, { classId: c.body.id, name: '第一组' });
  const group = (g.body.groups as { id: number }[])[0]!;
  return { id, classId: c.body.id as number, groupId: group.id };
}
const enrolmentCount = async (programId: number) =>
  (await t.db.kysely.selectFrom('enrolments').select('id').where('program_id', '=', programId).execute()).length;

describe('classes and groups', () => {
  it('creates a class with a registry tutor and tutor accounts, shown with groups and counts', async () => {
    const programId = t.fixture.programs['QD']!;
    const res = await call(city, 'POST', `/api/v1/programs/${programId}/classes`, {
      name: '二班',
      theme: '城镇建设与社会治理',
      place: '大连',
      capacity: 50,
      tutorInstructorId: t.fixture.instructors['QD'],
      tutorUserIds: [t.fixture.users['qd_tutor'], t.fixture.users['sn_tutor']],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      name: '二班',
      capacity: 50,
      enrolledCount: 0,
      tutorInstructor: { id: t.fixture.instructors['QD'] },
      groups: [],
      monitor: null,
    });
    expect((res.body.tutorUsers as { name: string }[]).map((u) => u.name).sort()).toEqual(['qd_tutor', 'sn_tutor']);
    const list = await call(tutor, 'GET', `/api/v1/programs/${programId}/classes`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: '一班',
          enrolledCount: 2,
          monitor: expect.objectContaining({ name: '李晓梅' }),
          groups: [expect.objectContaining({ name: '第一组', memberCount: 2 })],
        }),
      ]),
    );
  });

  it('refuses a tutor account that is not a tutor, or outside the scope, and a zero capacity — writing nothing', async () => {
    const programId = t.fixture.programs['SN']!;
    const before = (await call(district, 'GET', `/api/v1/programs/${programId}/classes`)).body;
    const res = await call(district, 'POST', `/api/v1/programs/${programId}/classes`, {
      name: '三班',
      capacity: 10,
      tutorUserIds: [t.fixture.users['sn_tutor'], t.fixture.users['sn_pm'], t.fixture.users['qd_tutor']],
    });
    expect(res.status).toBe(400);
    expect(res.body.error!.details!.map((d) => d.field)).toEqual(['tutorUserIds.1', 'tutorUserIds.2']);
    const zero = await call(district, 'POST', `/api/v1/programs/${programId}/classes`, { name: '三班', capacity: 0 });
    expect(zero.status).toBe(400);
    expect(zero.body.error!.details![0]!.field).toBe('capacity');
    expect((await call(district, 'GET', `/api/v1/programs/${programId}/classes`)).body).toEqual(before);
  });

  it('keeps capacity at or above the head count, and refuses deleting a class with trainees', async () => {
    const programId = t.fixture.programs['SN']!;
    const classId = t.fixture.classes['SN']!;
    const low = await call(district, 'PATCH', `/api/v1/programs/${programId}/classes/${classId}`, { capacity: 1 });
    expect(low.status).toBe(400);
    expect(low.body.error!.details![0]!.field).toBe('capacity');
    expect((await call(district, 'PATCH', `/api/v1/programs/${programId}/classes/${classId}`, { capacity: 2 })).status).toBe(200);
    expect((await call(district, 'DELETE', `/api/v1/programs/${programId}/classes/${classId}`)).status).toBe(409);
  });

  it('deleting a group keeps its members in the class and drops their leader role', async () => {
    const p = await programWithClass();
    const cadre = await freshCadre(t, t.fixture.orgs['QD-SN']!);
    const [e] = (await call(city, 'POST', `/api/v1/programs/${p.id}/enrolments`, { cadreIds: [cadre], groupId: p.groupId })).body as unknown as {
      id: number;
    }[];
    expect((await call(city, 'PATCH', `/api/v1/programs/${p.id}/enrolments/${e!.id}`, { roles: ['group_leader'] })).status).toBe(200);
    const res = await call(city, 'DELETE', `/api/v1/programs/${p.id}/groups/${p.groupId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ groups: [], enrolledCount: 1 });
    const row = await t.db.kysely.selectFrom('enrolments').select(['class_id', 'group_id', 'roles']).where('id', '=', e!.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ class_id: p.classId, group_id: null, roles: '[]' });
  });

  it('a group must belong to a class of the program', async () => {
    const p = await programWithClass();
    const res = await call(city, 'POST', `/api/v1/programs/${p.id}/groups`, { classId: t.fixture.classes['QD'], name: '外组' });
    expect(res.status).toBe(400);
    expect(res.body.error!.details![0]!.field).toBe('classId');
  });
});

describe('enrolment', () => {
  it('adds cadres into a group (implying its class), and refuses the same cadre twice with 409', async () => {
    const p = await programWithClass();
    const a = await freshCadre(t, t.fixture.orgs['QD-SN-BDG']!);
    const res = await call(city, 'POST', `/api/v1/programs/${p.id}/enrolments`, { cadreIds: [a], groupId: p.groupId });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual([expect.objectContaining({ classId: p.classId, className: '一班', groupId: p.groupId, groupName: '第一组', roles: [] })]);
    const again = await call(city, 'POST', `/api/v1/programs/${p.id}/enrolments`, { cadreIds: [a] });
    expect(again.status).toBe(409);
    expect(again.body.error!.details![0]!.field).toBe('cadreIds.0');
  });

  it('answers 400 for cadres outside the caller’s scope and enrols none of the batch', async () => {
    const programId = t.fixture.programs['SN']!;
    const mine = await freshCadre(t, t.fixture.orgs['QD-SN']!);
    const res = await call(district, 'POST', `/api/v1/programs/${programId}/enrolments`, { cadreIds: [mine, t.fixture.cadres['szk']] });
    expect(res.status).toBe(400);
    expect(res.body.error!.details).toEqual([expect.objectContaining({ field: 'cadreIds.1' })]);
    expect(await t.db.kysely.selectFrom('enrolments').select('id').where('cadre_id', '=', mine).execute()).toEqual([]);
  });

  it('enforces class capacity: the batch that would overfill is refused whole', async () => {
    const p = await programWithClass(2);
    const cadres = [await freshCadre(t, t.fixture.orgs['QD']!), await freshCadre(t, t.fixture.orgs['QD']!), await freshCadre(t, t.fixture.orgs['QD']!)];
    const over = await call(city, 'POST', `/api/v1/programs/${p.id}/enrolments`, { cadreIds: cadres, classId: p.classId });
    expect(over.status).toBe(409);
    expect(over.body.error!.details![0]!.field).toBe('classId');
    expect(await enrolmentCount(p.id)).toBe(0);
    expect((await call(city, 'POST', `/api/v1/programs/${p.id}/enrolments`, { cadreIds: cadres.slice(0, 2), classId: p.classId })).status).toBe(201);
    // Without a class there is no capacity to hit.
    expect((await call(city, 'POST', `/api/v1/programs/${p.id}/enrolments`, { cadreIds: [cadres[2]] })).status).toBe(201);
    const unplaced = ((await call(city, 'GET', `/api/v1/programs/${p.id}/enrolments`)).body.items as { id: number; classId: number | null }[]).find(
      (e) => e.classId === null,
    )!;
    // Moving the third one in would overfill the class too.
    const move = await call(city, 'PATCH', `/api/v1/programs/${p.id}/enrolments/${unplaced.id}`, { classId: p.classId });
    expect(move.status).toBe(409);
    expect(await t.db.kysely.selectFrom('enrolments').select('class_id').where('id', '=', unplaced.id).executeTakeFirstOrThrow()).toEqual({ class_id: null });
  });

  it('never overfills a class under concurrent adds, nor enrols one cadre twice', async () => {
    const p = await programWithClass(2);
    const cadres = await Promise.all([0, 1, 2, 3, 4, 5].map(() => freshCadre(t, t.fixture.orgs['QD']!)));
    const results = await Promise.all(cadres.map((c) => call(city, 'POST', `/api/v1/programs/${p.id}/enrolments`, { cadreIds: [c], classId: p.classId })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 409, 409, 409, 409]);
    const extra = await freshCadre(t, t.fixture.orgs['QD']!);
    const same = await Promise.all([0, 1, 2].map(() => call(city, 'POST', `/api/v1/programs/${p.id}/enrolments`, { cadreIds: [extra] })));
    expect(same.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await enrolmentCount(p.id)).toBe(3);
  });

  it('keeps one monitor per class and one leader per group; a group leader needs a group', async () => {
    const p = await programWithClass(10);
    const [a, b] = [await freshCadre(t, t.fixture.orgs['QD']!), await freshCadre(t, t.fixture.orgs['QD']!)];
    const added = (await call(city, 'POST', `/api/v1/programs/${p.id}/enrolments`, { cadreIds: [a, b], classId: p.classId })).body as unknown as {
      id: number;
    }[];
    const [ea, eb] = added.map((e) => e.id);
    const url = (id: number) => `/api/v1/programs/${p.id}/enrolments/${id}`;
    expect((await call(city, 'PATCH', url(ea!), { roles: ['monitor', 'party_contact'] })).status).toBe(200);
    const second = await call(city, 'PATCH', url(eb!), { roles: ['monitor'] });
    expect(second.status).toBe(409);
    expect(second.body.error!.details![0]).toMatchObject({ field: 'roles', message: '该班级已有班长' });
    const noGroup = await call(city, 'PATCH', url(eb!), { roles: ['group_leader'] });
    expect(noGroup.status).toBe(400);
    expect(noGroup.body.error!.details![0]!.field).toBe('roles');
    expect((await call(city, 'PATCH', url(eb!), { groupId: p.groupId, roles: ['group_leader'] })).status).toBe(200);
    expect((await call(city, 'PATCH', url(ea!), { groupId: p.groupId, roles: ['group_leader'] })).status).toBe(409);
    const classes = (await call(city, 'GET', `/api/v1/programs/${p.id}/classes`)).body as unknown as {
      monitor: { enrolmentId: number };
      groups: { leader: { enrolmentId: number } }[];
    }[];
    expect(classes[0]!.monitor.enrolmentId).toBe(ea);
    expect(classes[0]!.groups[0]!.leader.enrolmentId).toBe(eb);
    const dup = await call(city, 'PATCH', url(ea!), { roles: ['monitor', 'monitor'] });
    expect(dup.status).toBe(400);
  });

  it('moving to another class drops the group and the monitor role; the new class may then elect one', async () => {
    const p = await programWithClass(10);
    const c2 = (await call(city, 'POST', `/api/v1/programs/${p.id}/classes`, { name: '二班', capacity: 10 })).body.id as number;
    const cadre = await freshCadre(t, t.fixture.orgs['QD']!);
    const [e] = (await call(city, 'POST', `/api/v1/programs/${p.id}/enrolments`, { cadreIds: [cadre], groupId: p.groupId })).body as unknown as {
      id: number;
    }[];
    await call(city, 'PATCH', `/api/v1/programs/${p.id}/enrolments/${e!.id}`, { roles: ['monitor', 'group_leader', 'party_contact'] });
    const moved = await call(city, 'PATCH', `/api/v1/programs/${p.id}/enrolments/${e!.id}`, { classId: c2 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ classId: c2, groupId: null, roles: ['party_contact'] });
    const wrongGroup = await call(city, 'PATCH', `/api/v1/programs/${p.id}/enrolments/${e!.id}`, { classId: c2, groupId: p.groupId });
    expect(wrongGroup.status).toBe(400);
    expect(wrongGroup.body.error!.details![0]!.field).toBe('groupId');
  });

  it('lists with class, group and keyword filters, exports xlsx, and removes a trainee', async () => {
    const programId = t.fixture.programs['QD']!;
    const all = await call(tutor, 'GET', `/api/v1/programs/${programId}/enrolments`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    const byName = await call(tutor, 'GET', `/api/v1/programs/${programId}/enrolments?q=王建国`);
    expect((byName.body.items as { cadre: { name: string; idNumber: string } }[]).map((e) => e.cadre.name)).toEqual(['王建国']);
    expect((byName.body.items as { cadre: { idNumber: string } }[])[0]!.cadre.idNumber).toMatch(/\*{10}/);
    const byGroup = await call(tutor, 'GET', `/api/v1/programs/${programId}/enrolments?groupId=${t.fixture.groups['QD']}`);
    expect(byGroup.body.total).toBe(2);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/programs/${programId}/enrolments/export`, headers: tutor.headers });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('姓名');
    expect(sheet.rowCount).toBe(3);
    expect(JSON.stringify(sheet.getSheetValues())).toContain('班长');

    const p = await programWithClass();
    const cadre = await freshCadre(t, t.fixture.orgs['QD']!);
    const [e] = (await call(city, 'POST', `/api/v1/programs/${p.id}/enrolments`, { cadreIds: [cadre] })).body as unknown as { id: number }[];
    expect((await call(tutor, 'DELETE', `/api/v1/programs/${p.id}/enrolments/${e!.id}`)).status).toBe(403);
    expect((await call(city, 'DELETE', `/api/v1/programs/${p.id}/enrolments/${e!.id}`)).status).toBe(204);
    expect(await enrolmentCount(p.id)).toBe(0);
  });
});

describe('POST /api/v1/programs/:id/enrolments/import', () => {
  const send = (programId: number, content: string | Buffer, dryRun: boolean, name = '学员.csv') => {
    const form = multipart({ dryRun: String(dryRun) }, { name, content });
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/programs/${programId}/enrolments/import`,
      headers: { ...city.headers, ...form.headers },
      payload: form.payload,
    });
  };

  it('dry run lists every bad row and writes nothing; the commit of the same file is refused whole', async () => {
    const p = await programWithClass(10);
    const id = t.fixture.idNumbers;
    const csv = [
      '姓名,身份证号,工作单位,班级,小组,班内职务',
      `王建国,${id['fgw']},,一班,第一组,班长`,
      `,${id['dl']},,一班,,`, // outside the scope
      `,370202199001010000,,一班,,`, // bad checksum
      `,${id['snsw']},,九班,,`, // no such class
      `,${id['bdg']},,一班,第九组,`, // no such group
      `,${id['tpj']},,一班,,班长`, // a second monitor
      `陈静,,沙子口街道,一班,,宣传委员`, // unknown role word
      `,${id['fgw']},,一班,,`, // same cadre twice
    ].join('\n');
    const dry = await send(p.id, csv, true);
    expect(dry.statusCode, dry.body).toBe(200);
    const result = dry.json() as { dryRun: boolean; committed: boolean; rows: number; errors: { row: number; column: string }[] };
    expect(result).toMatchObject({ dryRun: true, committed: false, rows: 8 });
    expect(result.errors.map((e) => `${e.row}:${e.column}`)).toEqual([
      '3:身份证号',
      '4:身份证号',
      '5:班级',
      '6:小组',
      '7:班内职务',
      '8:班内职务',
      '9:身份证号',
    ]);
    expect(await enrolmentCount(p.id)).toBe(0);

    const commit = await send(p.id, csv, false);
    expect(commit.statusCode).toBe(400);
    expect(commit.json().error.details).toHaveLength(7);
    expect(await enrolmentCount(p.id)).toBe(0);
  });

  it('commits a clean file: by ID number or by name + unit, with class, group and roles', async () => {
    const p = await programWithClass(10);
    const id = t.fixture.idNumbers;
    const csv = [
      '序号,姓名,身份证号,工作单位,班级,小组,班内职务',
      `1,王建国,${id['fgw']!.toLowerCase()},,一班,第一组,班长、党支部联络员`,
      '2,陈静,,沙子口街道,一班,第一组,组长',
      `3,,${id['snsw']},,,,`,
    ].join('\n');
    const before = (await t.db.kysely.selectFrom('audit_log').select('id').where('action', '=', 'enrolment.import').execute()).length;
    const res = await send(p.id, csv, false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, committed: true, rows: 3, errors: [] });
    const list = (await call(city, 'GET', `/api/v1/programs/${p.id}/enrolments`)).body.items as {
      cadre: { name: string };
      className: string | null;
      groupName: string | null;
      roles: string[];
    }[];
    expect(list.map((e) => [e.cadre.name, e.className, e.groupName, e.roles])).toEqual([
      ['王建国', '一班', '第一组', ['monitor', 'party_contact']],
      ['陈静', '一班', '第一组', ['group_leader']],
      ['李晓梅', null, null, []],
    ]);
    expect((await t.db.kysely.selectFrom('audit_log').select('id').where('action', '=', 'enrolment.import').execute()).length).toBe(before + 1);
  });

  it('reads xlsx, checks capacity across the file, and explains a missing header', async () => {
    const p = await programWithClass(1);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['学员名单']);
    ws.addRow(['身份证号', '班级']);
    ws.addRow([t.fixture.idNumbers['fgw'], '一班']);
    ws.addRow([t.fixture.idNumbers['snsw'], '一班']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await send(p.id, xlsx, true, '名单.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().errors).toEqual([expect.objectContaining({ row: 4, column: '班级', message: expect.stringContaining('已满') })]);
    const noHeader = await send(p.id, '甲,乙\n1,2\n', true);
    expect(noHeader.json().errors[0].message).toContain('表头');
    const wrongType = await send(p.id, 'x', true, '名单.txt');
    expect(wrongType.statusCode).toBe(400);
  });

  it('serves a template whose headers the importer reads', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/programs/enrolment-import-template', headers: city.headers });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, '序号', '姓名', '身份证号', '工作单位', '班级', '小组', '班内职务']);
  });
});

describe('registries', () => {
  it('stores GCJ-02 input as WGS-84 and WGS-84 input unchanged', async () => {
    const wgs = { lat: 22.5431, lng: 114.0579 };
    const gcj = wgs84ToGcj02(wgs);
    const res = await call(city, 'POST', '/api/v1/venues', {
      orgId: t.fixture.orgs['QD'],
      name: '福田区政务服务中心',
      ...gcj,
      coordSystem: 'gcj02',
      offsite: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.lat as number).toBeCloseTo(wgs.lat, 6);
    expect(res.body.lng as number).toBeCloseTo(wgs.lng, 6);
    expect(res.body.offsite).toBe(true);
    const plain = await call(city, 'POST', '/api/v1/venues', { orgId: t.fixture.orgs['QD'], name: '比亚迪', lat: 22.6, lng: 114.3 });
    expect(plain.body).toMatchObject({ lat: 22.6, lng: 114.3, offsite: false });
    const half = await call(city, 'POST', '/api/v1/venues', { orgId: t.fixture.orgs['QD'], name: '半个坐标', lat: 22.6 });
    expect(half.status).toBe(400);
    expect(half.body.error!.details![0]!.field).toBe('lng');
  });

  it('lists the caller’s subtree; with orgId also the ancestors the caller may see', async () => {
    const names = async (s: Session, query = '') =>
      ((await call(s, 'GET', `/api/v1/instructors${query}`)).body as unknown as { name: string }[]).map((i) => i.name);
    expect(await names(city)).toEqual(expect.arrayContaining(['QD讲师', 'SN讲师', 'LS讲师']));
    expect(await names(city)).not.toContain('DL讲师');
    expect(await names(district)).toEqual(['SN讲师']);
    expect(await names(city, `?orgId=${t.fixture.orgs['QD-SN']}`)).toEqual(expect.arrayContaining(['QD讲师', 'SN讲师']));
    expect(await names(city, `?orgId=${t.fixture.orgs['QD-SN']}`)).not.toContain('LS讲师');
    expect((await call(district, 'GET', `/api/v1/instructors?orgId=${t.fixture.orgs['QD']}`)).status).toBe(404);
  });

  it('creates and edits instructors; an instructor in use cannot be deleted', async () => {
    const res = await call(city, 'POST', '/api/v1/instructors', {
      orgId: t.fixture.orgs['QD'],
      name: '刘教授',
      title: '教授',
      unit: '中共大连市委党校',
      external: true,
      role: 'tutor',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '刘教授', external: true, role: 'tutor', org: { name: '青岛市' } });
    const bad = await call(city, 'POST', '/api/v1/instructors', { orgId: t.fixture.orgs['QD'], name: '', role: 'wizard' });
    expect(bad.status).toBe(400);
    expect(bad.body.error!.details!.map((d) => d.field).sort()).toEqual(['name', 'role']);
    const instructorId = res.body.id as number;
    const edit = await call(city, 'PATCH', `/api/v1/instructors/${instructorId}`, { title: '副教授' });
    expect(edit.body).toMatchObject({ title: '副教授', name: '刘教授', external: true, role: 'tutor' });
    const used = await call(city, 'DELETE', `/api/v1/instructors/${t.fixture.instructors['QD']}`);
    expect(used.status).toBe(409);
    expect((await call(city, 'DELETE', `/api/v1/instructors/${instructorId}`)).status).toBe(204);
  });
});
