// Routes of the close-out module (issue 3): assessments, certificates, documents, dashboards. The public verification
// route is in the PUBLIC list of authorization.test.ts. Revocation consumes a certificate, so it gets a fresh one.
import { randomBytes } from 'node:crypto';
import { nowIso } from '../../src/db/dialect.ts';
import type { TestApp } from '../support.ts';
import { ADMINS, READERS, freshCadre, next, ok, type Level, type Spec } from './support.ts';

const WRITERS = [...ADMINS, 'program_manager' as const];
const key = (l: Level) => (l === 'city' ? 'QD' : 'SN');
const foreignKey = (l: Level) => (l === 'city' ? 'DL' : 'LS');
const program = (t: TestApp, l: Level) => t.fixture.programs[key(l)]!;
const foreignProgram = (t: TestApp, l: Level) => t.fixture.programs[foreignKey(l)]!;
/** The trainee account of each level is enrolled in that level's program: qd_trainee = snsw (QD), sn_trainee = bdg (SN). */
const traineeCadre = (l: Level) => (l === 'city' ? 'snsw' : 'bdg');
const foreignCadre = (l: Level) => (l === 'city' ? 'dl' : 'szk');

/** The certificate of an enrolment, created on first use (issuing through the API may have made it already). */
async function certificateOf(t: TestApp, enrolmentId: number): Promise<number> {
  const existing = await t.db.kysely.selectFrom('certificates').select('id').where('enrolment_id', '=', enrolmentId).executeTakeFirst();
  if (existing) return existing.id;
  const { id } = await t.db.kysely
    .insertInto('certificates')
    .values({
      enrolment_id: enrolmentId,
      serial: `DB-1999-${String(next()).padStart(6, '0')}`,
      verify_code: randomBytes(18).toString('base64url'),
      issued_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A new trainee with a certificate in the program, for requests that use the certificate up. */
async function freshCertificate(t: TestApp, programId: number): Promise<number> {
  const p = await t.db.kysely.selectFrom('programs').select('organizer_org_id').where('id', '=', programId).executeTakeFirstOrThrow();
  const cadreId = await freshCadre(t, p.organizer_org_id);
  const at = nowIso();
  const e = await t.db.kysely
    .insertInto('enrolments')
    .values({
      program_id: programId,
      cadre_id: cadreId,
      class_id: null,
      group_id: null,
      roles: '[]',
      status: 'enrolled',
      withdrawal_flagged_at: null,
      assessment: 'pass',
      assessment_reason: null,
      assessed_by: null,
      assessed_at: at,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return certificateOf(t, e.id);
}

const ownCertificate = (t: TestApp, l: Level) => certificateOf(t, t.fixture.enrolments[traineeCadre(l)]!);
const foreignCertificate = (t: TestApp, l: Level) => certificateOf(t, t.fixture.enrolments[foreignCadre(l)]!);

export const CLOSEOUT_MATRIX: Record<string, Spec> = {
  'GET /api/v1/programs/:id/assessments': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${program(t, l)}/assessments` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${foreignProgram(t, l)}/assessments` }) },
  },
  'PUT /api/v1/programs/:id/assessments': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: (t, l) => ({
      method: 'PUT',
      url: `/api/v1/programs/${program(t, l)}/assessments`,
      payload: [{ enrolmentId: t.fixture.enrolments[traineeCadre(l)]!, result: 'pass' }],
    }),
    outOfScope: {
      status: 404,
      request: (t, l) => ({
        method: 'PUT',
        url: `/api/v1/programs/${foreignProgram(t, l)}/assessments`,
        payload: [{ enrolmentId: t.fixture.enrolments[foreignCadre(l)]!, result: 'pass' }],
      }),
    },
  },
  'GET /api/v1/programs/:id/certificates': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${program(t, l)}/certificates` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${foreignProgram(t, l)}/certificates` }) },
  },
  // Idempotent: repeated calls issue only to trainees still without a certificate.
  'POST /api/v1/programs/:id/certificates': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'POST', url: `/api/v1/programs/${program(t, l)}/certificates` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'POST', url: `/api/v1/programs/${foreignProgram(t, l)}/certificates` }) },
  },
  'GET /api/v1/certificates/:id.pdf': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: async (t, l) => ({ method: 'GET', url: `/api/v1/certificates/${await ownCertificate(t, l)}.pdf` }),
    outOfScope: { status: 404, request: async (t, l) => ({ method: 'GET', url: `/api/v1/certificates/${await foreignCertificate(t, l)}.pdf` }) },
  },
  'POST /api/v1/certificates/:id/revoke': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: async (t, l) => ({
      method: 'POST',
      url: `/api/v1/certificates/${await freshCertificate(t, program(t, l))}/revoke`,
      payload: { reason: '矩阵测试' },
    }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({
        method: 'POST',
        url: `/api/v1/certificates/${await freshCertificate(t, foreignProgram(t, l))}/revoke`,
        payload: { reason: '矩阵测试' },
      }),
    },
  },
  // Anyone signed in may list their own (accounts without a cadre get an empty list).
  'GET /api/v1/me/certificates': { expect: {}, otherwise: 200, request: () => ({ method: 'GET', url: '/api/v1/me/certificates' }) },
  // Only the holder: the level's trainee owns this certificate; every other account gets 404, like a missing one.
  'GET /api/v1/me/certificates/:id.pdf': {
    expect: { trainee: 200 },
    otherwise: 404,
    request: async (t, l) => ({ method: 'GET', url: `/api/v1/me/certificates/${await ownCertificate(t, l)}.pdf` }),
    outOfScope: { status: 404, request: async (t, l) => ({ method: 'GET', url: `/api/v1/me/certificates/${await foreignCertificate(t, l)}.pdf` }) },
  },
  'GET /api/v1/programs/:id/documents/:file': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${program(t, l)}/documents/roster.xlsx` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${foreignProgram(t, l)}/documents/sign-in.docx` }) },
  },
  'GET /api/v1/programs/:id/dashboard': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${program(t, l)}/dashboard` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${foreignProgram(t, l)}/dashboard` }) },
  },
  'GET /api/v1/dashboard/programs': { expect: ok(200, READERS), otherwise: 403, request: () => ({ method: 'GET', url: '/api/v1/dashboard/programs' }) },
};
