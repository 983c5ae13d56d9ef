// Routes of the programs module (issue 3): programs and lifecycle, attachments, classes and groups, enrolment,
// and the instructor/venue registries. Writes that consume their target use a fresh record per request.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nowIso } from '../../src/db/dialect.ts';
import { multipart } from '../multipart.ts';
import type { TestApp } from '../support.ts';
import { ADMINS, READERS, freshCadre, home, next, ok, outside, type Level, type Spec } from './support.ts';
import { newEnrolmentRow } from '../../src/modules/programs/enrolment-row.ts';
import { newProgramRow } from '../../src/modules/programs/program-row.ts';

const WRITERS = [...ADMINS, 'program_manager' as const];
const key = (l: Level) => (l === 'city' ? 'QD' : 'SN');
const foreignKey = (l: Level) => (l === 'city' ? 'DL' : 'LS');
const program = (t: TestApp, l: Level) => t.fixture.programs[key(l)]!;
const foreignProgram = (t: TestApp, l: Level) => t.fixture.programs[foreignKey(l)]!;

export async function freshProgram(t: TestApp, orgId: number, status = 'draft'): Promise<number> {
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('programs')
    .values(
      newProgramRow(
        {
          code: `MX-${next()}-${Math.random().toString(36).slice(2, 8)}`,
          name: '矩阵测试项目',
          type: 'centralized_class',
          status,
          organizerOrgId: orgId,
          startDate: '2026-05-01',
          endDate: '2026-05-05',
        },
        at,
      ),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function freshClass(t: TestApp, programId: number): Promise<number> {
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('program_classes')
    .values({
      program_id: programId,
      name: `临时班${next()}`,
      theme: null,
      place: null,
      capacity: 10,
      tutor_instructor_id: null,
      sort_order: 9,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function freshGroup(t: TestApp, classId: number): Promise<number> {
  const { id } = await t.db.kysely
    .insertInto('class_groups')
    .values({ class_id: classId, name: `临时组${next()}`, sort_order: 9, created_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function freshEnrolment(t: TestApp, programId: number, orgId: number): Promise<number> {
  const cadreId = await freshCadre(t, orgId);
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('enrolments')
    .values(newEnrolmentRow({ programId, cadreId, classId: null, groupId: null }, at))
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function freshAttachment(t: TestApp, programId: number): Promise<number> {
  const path = join(t.ctx.config.UPLOAD_DIR, `att-${next()}.pdf`);
  writeFileSync(path, '%PDF-1.4 matrix');
  const { id } = await t.db.kysely
    .insertInto('program_attachments')
    .values({
      program_id: programId,
      kind: 'rules',
      file_name: '管理办法.pdf',
      file_path: path,
      size_bytes: 15,
      mime: 'application/pdf',
      uploaded_by: null,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function freshRegistry(t: TestApp, table: 'instructors' | 'venues', orgId: number): Promise<number> {
  const at = nowIso();
  if (table === 'instructors') {
    const row = { org_id: orgId, code: null, name: '临时讲师', title: null, unit: null, external: 0, role: 'professor', created_at: at, updated_at: at };
    return (await t.db.kysely.insertInto('instructors').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }
  const row = { org_id: orgId, code: null, name: '临时教学点', address: null, lat: null, lng: null, offsite: 0, created_at: at, updated_at: at };
  return (await t.db.kysely.insertInto('venues').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

const pdf = () => multipart({ kind: 'rules' }, { name: '学员管理办法.pdf', content: '%PDF-1.4 test', type: 'application/pdf' });
const importCsv = (t: TestApp) => multipart({ dryRun: 'true' }, { name: '学员.csv', content: `身份证号,班级\n${t.fixture.idNumbers['szk']},一班\n` });

const programBody = (t: TestApp, l: Level) => ({
  name: '矩阵项目',
  type: 'centralized_class',
  organizerOrgId: home(t.fixture, l),
  startDate: '2026-06-01',
  endDate: '2026-06-05',
});

/** A read of something under the viewer's program. */
const programRead = (path: string): Spec => ({
  expect: ok(200, READERS),
  otherwise: 403,
  request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${program(t, l)}${path}` }),
  outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${foreignProgram(t, l)}${path}` }) },
});

/** A write under a program; `target` builds the path below /programs/:id from a program id. */
const programWrite = (
  method: string,
  status: number,
  target: (t: TestApp, programId: number, l: Level) => Promise<string> | string,
  payload?: (t: TestApp, l: Level) => object,
): Spec => ({
  expect: ok(status, WRITERS),
  otherwise: 403,
  request: async (t, l) => ({
    method,
    url: `/api/v1/programs/${program(t, l)}${await target(t, program(t, l), l)}`,
    ...(payload ? { payload: payload(t, l) } : {}),
  }),
  outOfScope: {
    status: 404,
    request: async (t, l) => ({
      method,
      url: `/api/v1/programs/${foreignProgram(t, l)}${await target(t, foreignProgram(t, l), l)}`,
      ...(payload ? { payload: payload(t, l) } : {}),
    }),
  },
});

const registryRead = (path: string): Spec => ({ expect: ok(200, READERS), otherwise: 403, request: () => ({ method: 'GET', url: `/api/v1/${path}` }) });

const registryCreate = (path: string, body: (orgId: number) => object): Spec => ({
  expect: ok(201, WRITERS),
  otherwise: 403,
  request: (t, l) => ({ method: 'POST', url: `/api/v1/${path}`, payload: body(home(t.fixture, l)) }),
  outOfScope: { status: 400, request: (t, l) => ({ method: 'POST', url: `/api/v1/${path}`, payload: body(outside(t.fixture, l)) }) },
});

const registryEdit = (table: 'instructors' | 'venues', method: 'PATCH' | 'DELETE', status: number): Spec => ({
  expect: ok(status, WRITERS),
  otherwise: 403,
  request: async (t, l) => ({
    method,
    url: `/api/v1/${table}/${await freshRegistry(t, table, home(t.fixture, l))}`,
    ...(method === 'PATCH' ? { payload: { name: '改名' } } : {}),
  }),
  outOfScope: {
    status: 404,
    request: async (t, l) => ({
      method,
      url: `/api/v1/${table}/${await freshRegistry(t, table, outside(t.fixture, l))}`,
      ...(method === 'PATCH' ? { payload: { name: '改名' } } : {}),
    }),
  },
});

export const PROGRAMS_MATRIX: Record<string, Spec> = {
  'GET /api/v1/programs': { expect: ok(200, READERS), otherwise: 403, request: () => ({ method: 'GET', url: '/api/v1/programs' }) },
  'POST /api/v1/programs': {
    expect: ok(201, WRITERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'POST', url: '/api/v1/programs', payload: programBody(t, l) }),
    outOfScope: {
      status: 400,
      request: (t, l) => ({ method: 'POST', url: '/api/v1/programs', payload: { ...programBody(t, l), organizerOrgId: outside(t.fixture, l) } }),
    },
  },
  'GET /api/v1/programs/:id': programRead(''),
  'PATCH /api/v1/programs/:id': programWrite(
    'PATCH',
    200,
    () => '',
    () => ({ partner: '哈尔滨工业大学（深圳）' }),
  ),
  'DELETE /api/v1/programs/:id': {
    expect: ok(204, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({ method: 'DELETE', url: `/api/v1/programs/${await freshProgram(t, home(t.fixture, l))}` }),
    outOfScope: { status: 404, request: async (t, l) => ({ method: 'DELETE', url: `/api/v1/programs/${await freshProgram(t, outside(t.fixture, l))}` }) },
  },
  'POST /api/v1/programs/:id/status': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({
      method: 'POST',
      url: `/api/v1/programs/${await freshProgram(t, home(t.fixture, l))}/status`,
      payload: { status: 'enrolling' },
    }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({
        method: 'POST',
        url: `/api/v1/programs/${await freshProgram(t, outside(t.fixture, l))}/status`,
        payload: { status: 'enrolling' },
      }),
    },
  },

  'GET /api/v1/programs/:id/attachments': programRead('/attachments'),
  'POST /api/v1/programs/:id/attachments': {
    expect: ok(201, WRITERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'POST', url: `/api/v1/programs/${program(t, l)}/attachments`, ...pdf() }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'POST', url: `/api/v1/programs/${foreignProgram(t, l)}/attachments`, ...pdf() }) },
  },
  'GET /api/v1/programs/:id/attachments/:attachmentId': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: async (t, l) => ({ method: 'GET', url: `/api/v1/programs/${program(t, l)}/attachments/${await freshAttachment(t, program(t, l))}` }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({
        method: 'GET',
        url: `/api/v1/programs/${foreignProgram(t, l)}/attachments/${await freshAttachment(t, foreignProgram(t, l))}`,
      }),
    },
  },
  'DELETE /api/v1/programs/:id/attachments/:attachmentId': programWrite('DELETE', 204, async (t, p) => `/attachments/${await freshAttachment(t, p)}`),

  'GET /api/v1/programs/:id/classes': programRead('/classes'),
  'POST /api/v1/programs/:id/classes': programWrite(
    'POST',
    201,
    () => '/classes',
    () => ({ name: `新班${next()}`, capacity: 30 }),
  ),
  'PATCH /api/v1/programs/:id/classes/:classId': programWrite(
    'PATCH',
    200,
    async (t, p) => `/classes/${await freshClass(t, p)}`,
    () => ({ theme: '乡村振兴' }),
  ),
  'DELETE /api/v1/programs/:id/classes/:classId': programWrite('DELETE', 204, async (t, p) => `/classes/${await freshClass(t, p)}`),
  'POST /api/v1/programs/:id/groups': {
    ...programWrite('POST', 201, () => '/groups'),
    request: async (t, l) => ({
      method: 'POST',
      url: `/api/v1/programs/${program(t, l)}/groups`,
      payload: { classId: await freshClass(t, program(t, l)), name: '新组' },
    }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({
        method: 'POST',
        url: `/api/v1/programs/${foreignProgram(t, l)}/groups`,
        payload: { classId: await freshClass(t, foreignProgram(t, l)), name: '新组' },
      }),
    },
  },
  'PATCH /api/v1/programs/:id/groups/:groupId': programWrite(
    'PATCH',
    200,
    async (t, p) => `/groups/${await freshGroup(t, await freshClass(t, p))}`,
    () => ({ name: '改名组' }),
  ),
  'DELETE /api/v1/programs/:id/groups/:groupId': programWrite('DELETE', 200, async (t, p) => `/groups/${await freshGroup(t, await freshClass(t, p))}`),

  'GET /api/v1/programs/:id/enrolments': programRead('/enrolments'),
  'GET /api/v1/programs/:id/enrolments/export': programRead('/enrolments/export'),
  'POST /api/v1/programs/:id/enrolments': {
    expect: ok(201, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({
      method: 'POST',
      url: `/api/v1/programs/${program(t, l)}/enrolments`,
      payload: { cadreIds: [await freshCadre(t, home(t.fixture, l))] },
    }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({
        method: 'POST',
        url: `/api/v1/programs/${foreignProgram(t, l)}/enrolments`,
        payload: { cadreIds: [await freshCadre(t, outside(t.fixture, l))] },
      }),
    },
  },
  'POST /api/v1/programs/:id/enrolments/import': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'POST', url: `/api/v1/programs/${program(t, l)}/enrolments/import`, ...importCsv(t) }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'POST', url: `/api/v1/programs/${foreignProgram(t, l)}/enrolments/import`, ...importCsv(t) }) },
  },
  'GET /api/v1/programs/enrolment-import-template': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: () => ({ method: 'GET', url: '/api/v1/programs/enrolment-import-template' }),
  },
  'PATCH /api/v1/programs/:id/enrolments/:enrolmentId': programWrite(
    'PATCH',
    200,
    async (t, p, l) => `/enrolments/${await freshEnrolment(t, p, p === program(t, l) ? home(t.fixture, l) : outside(t.fixture, l))}`,
    () => ({ roles: ['party_contact'] }),
  ),
  'DELETE /api/v1/programs/:id/enrolments/:enrolmentId': programWrite(
    'DELETE',
    204,
    async (t, p, l) => `/enrolments/${await freshEnrolment(t, p, p === program(t, l) ? home(t.fixture, l) : outside(t.fixture, l))}`,
  ),

  'GET /api/v1/instructors': registryRead('instructors'),
  'POST /api/v1/instructors': registryCreate('instructors', (orgId) => ({
    orgId,
    name: '王教授',
    title: '教授',
    unit: '中共青岛市委党校',
    external: false,
    role: 'professor',
  })),
  'PATCH /api/v1/instructors/:id': registryEdit('instructors', 'PATCH', 200),
  'DELETE /api/v1/instructors/:id': registryEdit('instructors', 'DELETE', 204),
  'GET /api/v1/venues': registryRead('venues'),
  'POST /api/v1/venues': registryCreate('venues', (orgId) => ({
    orgId,
    name: '前海深港青年梦工场',
    lat: 22.5196,
    lng: 113.8985,
    coordSystem: 'gcj02',
    offsite: true,
  })),
  'PATCH /api/v1/venues/:id': registryEdit('venues', 'PATCH', 200),
  'DELETE /api/v1/venues/:id': registryEdit('venues', 'DELETE', 204),
};
