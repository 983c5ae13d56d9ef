// Routes of the results module (issue 5): reports, recommendations and landing. In scope means: a program organised
// at the viewer's level with the level's trainee enrolled; reports are the task force's of a topic holding that trainee
// and attaching the level's external account (who reads, never writes); recommendations come from the trainee's own
// report (the author reads them, never acts) and are owned by the level's node. Tutors read and never write; host
// contacts reach nothing. Out of scope: the same records in a program outside the viewer's subtree.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fixture } from '../fixture.ts';
import { multipart } from '../multipart.ts';
import { PDF_BYTES, freshRecommendation, freshReport, freshResultsProgram, freshTopic } from '../results-helpers.ts';
import type { TestApp } from '../support.ts';
import { ADMINS, READERS, home, ok, outside, outsideCadre, type Level, type Req, type Spec } from './support.ts';

const WRITERS = [...ADMINS, 'program_manager' as const];
const trainee = (fx: Fixture, l: Level) => fx.cadres[l === 'city' ? 'snsw' : 'bdg']!;
const expert = (fx: Fixture, l: Level) => fx.users[l === 'city' ? 'qd_expert' : 'sn_expert']!;

/** Puts a stored file on disk, as an upload would have. */
function storedFile(t: TestApp, folder: 'reports' | 'landing-evidence'): string {
  const dir = join(t.ctx.config.UPLOAD_DIR, folder);
  mkdirSync(dir, { recursive: true });
  const name = `${randomUUID()}.pdf`;
  writeFileSync(join(dir, name), PDF_BYTES);
  return name;
}

const program = (t: TestApp, l: Level, scoped: boolean) =>
  scoped ? freshResultsProgram(t, home(t.fixture, l), [trainee(t.fixture, l)]) : freshResultsProgram(t, outside(t.fixture, l), [outsideCadre(t.fixture, l)]);

async function topicReport(t: TestApp, l: Level, scoped: boolean, o: { status?: 'draft' | 'submitted'; withFile?: boolean } = {}): Promise<number> {
  const programId = await program(t, l, scoped);
  const topicId = scoped
    ? await freshTopic(t, programId, [trainee(t.fixture, l)], expert(t.fixture, l))
    : await freshTopic(t, programId, [outsideCadre(t.fixture, l)]);
  const id = await freshReport(t, { programId, topicId, ...(o.status ? { status: o.status } : {}) });
  if (o.withFile) {
    await t.db.kysely
      .updateTable('research_reports')
      .set({ file_name: '报告.pdf', file_path: storedFile(t, 'reports'), size_bytes: PDF_BYTES.length, mime: 'application/pdf' })
      .where('id', '=', id)
      .execute();
  }
  return id;
}

async function recommendation(t: TestApp, l: Level, scoped: boolean, status: 'proposed' | 'in_progress' = 'proposed'): Promise<number> {
  const programId = await program(t, l, scoped);
  const reportId = await freshReport(t, { programId, cadreId: scoped ? trainee(t.fixture, l) : outsideCadre(t.fixture, l) });
  return freshRecommendation(t, { programId, reportId, ownerOrgId: scoped ? home(t.fixture, l) : outside(t.fixture, l), status });
}

async function evidenceFile(t: TestApp, l: Level, scoped: boolean): Promise<string> {
  const id = await recommendation(t, l, scoped);
  const { id: evidenceId } = await t.db.kysely
    .insertInto('recommendation_evidence')
    .values({
      recommendation_id: id,
      update_id: null,
      kind: 'document',
      label: '批复',
      value: null,
      unit: null,
      file_name: '批复.pdf',
      file_path: storedFile(t, 'landing-evidence'),
      size_bytes: PDF_BYTES.length,
      mime: 'application/pdf',
      created_by: null,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return `/api/v1/recommendations/${id}/evidence/${evidenceId}/file`;
}

type Make = (t: TestApp, l: Level, scoped: boolean) => Promise<Req>;
/** In scope with `expect`, out of scope 404. */
const spec = (expect: Spec['expect'], otherwise: number, make: Make): Spec => ({
  expect,
  otherwise,
  request: (t, l) => make(t, l, true),
  outOfScope: { status: 404, request: (t, l) => make(t, l, false) },
});

const programRoute =
  (method: string, path: string, payload?: object): Make =>
  async (t, l, scoped) => ({
    method,
    url: `/api/v1/programs/${await program(t, l, scoped)}${path}`,
    ...(payload ? { payload } : {}),
  });
const reportRoute =
  (method: string, path: string, o: { status?: 'draft' | 'submitted'; withFile?: boolean; payload?: (t: TestApp, l: Level) => object } = {}): Make =>
  async (t, l, scoped) => ({
    method,
    url: `/api/v1/reports/${await topicReport(t, l, scoped, o)}${path}`,
    ...(o.payload ? { payload: o.payload(t, l) } : {}),
  });
const recRoute =
  (method: string, path: string, payload?: object, status: 'proposed' | 'in_progress' = 'proposed'): Make =>
  async (t, l, scoped) => ({
    method,
    url: `/api/v1/recommendations/${await recommendation(t, l, scoped, status)}${path}`,
    ...(payload ? { payload } : {}),
  });
const pdfUpload = () => multipart({ label: '佐证' }, { name: '材料.pdf', content: PDF_BYTES, type: 'application/pdf' });

const REPORT_READERS = { ...ok(200, READERS), trainee: 200, external_expert: 200 };
const REPORT_WRITERS = (status: number) => ({ ...ok(status, WRITERS), trainee: status, tutor: 403, external_expert: 403 });
const REC_READERS = { ...ok(200, READERS), trainee: 200 };
const REC_ACTORS = { ...ok(200, WRITERS), tutor: 403, trainee: 403 };

export const RESULTS_MATRIX: Record<string, Spec> = {
  // ---- Reports ----
  'GET /api/v1/programs/:id/reports': spec(ok(200, READERS), 403, programRoute('GET', '/reports')),
  'POST /api/v1/programs/:id/reports': spec({ ...ok(201, WRITERS), trainee: 201, tutor: 403 }, 404, programRoute('POST', '/reports', { title: '调研报告' })),
  'GET /api/v1/me/reports': { expect: {}, otherwise: 200, request: () => ({ method: 'GET', url: '/api/v1/me/reports' }) },
  'GET /api/v1/me/report-targets': { expect: {}, otherwise: 200, request: () => ({ method: 'GET', url: '/api/v1/me/report-targets' }) },
  'GET /api/v1/reports/:id': spec(REPORT_READERS, 404, reportRoute('GET', '')),
  'PATCH /api/v1/reports/:id': spec(REPORT_WRITERS(200), 404, reportRoute('PATCH', '', { payload: () => ({ summary: '修改摘要' }) })),
  'POST /api/v1/reports/:id/file': spec(REPORT_WRITERS(200), 404, async (t, l, scoped) => ({
    method: 'POST',
    url: `/api/v1/reports/${await topicReport(t, l, scoped)}/file`,
    ...multipart({}, { name: '报告.pdf', content: PDF_BYTES, type: 'application/pdf' }),
  })),
  'GET /api/v1/reports/:id/file': spec(REPORT_READERS, 404, reportRoute('GET', '/file', { withFile: true })),
  'POST /api/v1/reports/:id/submit': spec(REPORT_WRITERS(200), 404, reportRoute('POST', '/submit')),
  'POST /api/v1/reports/:id/return': spec(
    { ...ok(200, WRITERS), tutor: 403, trainee: 403, external_expert: 403 },
    404,
    reportRoute('POST', '/return', { status: 'submitted' }),
  ),
  'GET /api/v1/reports/:id/recommendations': spec(REPORT_READERS, 404, reportRoute('GET', '/recommendations')),
  'POST /api/v1/reports/:id/recommendations': spec(
    REPORT_WRITERS(201),
    404,
    reportRoute('POST', '/recommendations', { payload: (t, l) => ({ title: '建立产业引导基金', ownerOrgId: home(t.fixture, l) }) }),
  ),
  'POST /api/v1/reports/:id/recommendations/extract': spec(REPORT_READERS, 404, reportRoute('POST', '/recommendations/extract')),

  // ---- Recommendations of a program ----
  'GET /api/v1/programs/:id/recommendations': spec(ok(200, READERS), 403, programRoute('GET', '/recommendations')),
  'POST /api/v1/programs/:id/recommendations': spec(ok(201, WRITERS), 403, async (t, l, scoped) => ({
    method: 'POST',
    url: `/api/v1/programs/${await program(t, l, scoped)}/recommendations`,
    payload: { title: '推行链长制', ownerOrgId: scoped ? home(t.fixture, l) : outside(t.fixture, l) },
  })),
  'POST /api/v1/programs/:id/recommendations/from-reflections': spec(ok(200, WRITERS), 403, programRoute('POST', '/recommendations/from-reflections')),
  'GET /api/v1/programs/:id/owner-units': spec({ ...ok(200, READERS), trainee: 200 }, 404, programRoute('GET', '/owner-units')),
  'GET /api/v1/programs/:id/landing-stats': spec(ok(200, READERS), 403, programRoute('GET', '/landing-stats')),
  'GET /api/v1/programs/:id/landing-ledger': spec(ok(200, READERS), 403, programRoute('GET', '/landing-ledger?format=docx')),

  // ---- One recommendation ----
  'GET /api/v1/recommendations/:id': spec(REC_READERS, 404, recRoute('GET', '')),
  'PATCH /api/v1/recommendations/:id': spec(REC_ACTORS, 404, recRoute('PATCH', '', { deadline: '2027-12-31' })),
  'POST /api/v1/recommendations/:id/status': spec(REC_ACTORS, 404, recRoute('POST', '/status', { status: 'accepted' })),
  'POST /api/v1/recommendations/:id/updates': spec(REC_ACTORS, 404, recRoute('POST', '/updates', { note: '方案已报市政府' }, 'in_progress')),
  'POST /api/v1/recommendations/:id/evidence': spec(REC_ACTORS, 404, recRoute('POST', '/evidence', { label: '签约项目', value: 20, unit: '个' })),
  'POST /api/v1/recommendations/:id/evidence/file': spec(REC_ACTORS, 404, async (t, l, scoped) => ({
    method: 'POST',
    url: `/api/v1/recommendations/${await recommendation(t, l, scoped)}/evidence/file`,
    ...pdfUpload(),
  })),
  'GET /api/v1/recommendations/:id/evidence/:evidenceId/file': spec(REC_READERS, 404, async (t, l, scoped) => ({
    method: 'GET',
    url: await evidenceFile(t, l, scoped),
  })),
  'POST /api/v1/recommendations/remind': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: () => ({ method: 'POST', url: '/api/v1/recommendations/remind' }),
  },

  // ---- Owner unit ----
  'GET /api/v1/landing': { expect: ok(200, WRITERS), otherwise: 403, request: () => ({ method: 'GET', url: '/api/v1/landing' }) },
  'GET /api/v1/landing/ledger': { expect: ok(200, WRITERS), otherwise: 403, request: () => ({ method: 'GET', url: '/api/v1/landing/ledger?format=xlsx' }) },
};
