// Routes of the hours module (issue 3): credit policies, rules, manual entries and evidence, compliance, program hours.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nowIso } from '../../src/db/dialect.ts';
import { multipart } from '../multipart.ts';
import type { TestApp } from '../support.ts';
import { ADMINS, READERS, below, next, ok, outside, outsideCadre, type Level, type Spec } from './support.ts';

const WRITERS = [...ADMINS, 'program_manager' as const];

const policy = { late: 'proportional', leftEarly: 'none', lateGraceMinutes: 5, onlineFactor: 0.5, roundTo: 0.5 };

const rule = (id: string) => ({
  id,
  name: { zh: '测试规则', en: 'Test rule' },
  appliesTo: { ranks: ['staff'] },
  window: { kind: 'calendarYear' },
  category: 'all',
  minHours: 40,
});

/** A manual entry for a cadre, optionally with an evidence file already stored. */
async function freshEntry(t: TestApp, cadreId: number, withEvidence = false): Promise<number> {
  const at = nowIso();
  let evidencePath: string | null = null;
  if (withEvidence) {
    evidencePath = `matrix-${next()}.pdf`;
    const dir = join(t.ctx.config.UPLOAD_DIR, 'hours-evidence');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, evidencePath), '%PDF-1.4 test');
  }
  const { id } = await t.db.kysely
    .insertInto('hours_entries')
    .values({
      cadre_id: cadreId,
      program_id: null,
      source: 'manual',
      category: 'online',
      title: '网络专题学习',
      provider: '中国干部网络学院',
      date: '2026-03-01',
      hours: 10,
      days: 0,
      evidence_name: withEvidence ? '结业证明.pdf' : null,
      evidence_path: evidencePath,
      note: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A national rule row nobody has touched, so every admin can switch it off on their own node. */
async function freshNationalRule(t: TestApp): Promise<string> {
  const code = `nat-${next()}`;
  const at = nowIso();
  await t.db.kysely
    .insertInto('hours_rules')
    .values({ org_id: null, code, rule: JSON.stringify(rule(code)), active: 1, updated_by: null, created_at: at, updated_at: at })
    .execute();
  return code;
}

const inScopeCadre = (t: TestApp) => t.fixture.cadres['tpj']!;
const outOfScopeProgram = (t: TestApp, l: Level) => t.fixture.programs[l === 'city' ? 'DL' : 'LS']!;

export const HOURS_MATRIX: Record<string, Spec> = {
  'GET /api/v1/orgs/:id/credit-policy': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t) => ({ method: 'GET', url: `/api/v1/orgs/${below(t.fixture)}/credit-policy` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/orgs/${outside(t.fixture, l)}/credit-policy` }) },
  },
  'PUT /api/v1/orgs/:id/credit-policy': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: (t) => ({ method: 'PUT', url: `/api/v1/orgs/${below(t.fixture)}/credit-policy`, payload: policy }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'PUT', url: `/api/v1/orgs/${outside(t.fixture, l)}/credit-policy`, payload: policy }) },
  },
  'DELETE /api/v1/orgs/:id/credit-policy': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: (t) => ({ method: 'DELETE', url: `/api/v1/orgs/${below(t.fixture)}/credit-policy` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'DELETE', url: `/api/v1/orgs/${outside(t.fixture, l)}/credit-policy` }) },
  },

  'GET /api/v1/hours/rules': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t) => ({ method: 'GET', url: `/api/v1/hours/rules?orgId=${below(t.fixture)}` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/hours/rules?orgId=${outside(t.fixture, l)}` }) },
  },
  'POST /api/v1/hours/rules': {
    expect: ok(201, ADMINS),
    otherwise: 403,
    request: () => ({ method: 'POST', url: '/api/v1/hours/rules', payload: rule(`own-${next()}`) }),
  },
  'PUT /api/v1/hours/rules/:code': {
    expect: ok(200, ADMINS),
    otherwise: 403,
    request: () => ({ method: 'PUT', url: '/api/v1/hours/rules/annual-online', payload: { ...rule('annual-online'), category: 'online', minHours: 50 } }),
  },
  'DELETE /api/v1/hours/rules/:code': {
    expect: ok(200, ADMINS),
    otherwise: 403,
    request: async (t) => ({ method: 'DELETE', url: `/api/v1/hours/rules/${await freshNationalRule(t)}` }),
  },
  'POST /api/v1/hours/rules/reset': { expect: ok(200, ADMINS), otherwise: 403, request: () => ({ method: 'POST', url: '/api/v1/hours/rules/reset' }) },

  'GET /api/v1/cadres/:id/hours-entries': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t) => ({ method: 'GET', url: `/api/v1/cadres/${inScopeCadre(t)}/hours-entries` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/cadres/${outsideCadre(t.fixture, l)}/hours-entries` }) },
  },
  'POST /api/v1/cadres/:id/hours-entries': {
    expect: ok(201, WRITERS),
    otherwise: 403,
    request: (t) => ({
      method: 'POST',
      url: `/api/v1/cadres/${inScopeCadre(t)}/hours-entries`,
      payload: { category: 'offline', title: '省委党校专题班', date: '2026-05-10', hours: 24, days: 3 },
    }),
    outOfScope: {
      status: 404,
      request: (t, l) => ({
        method: 'POST',
        url: `/api/v1/cadres/${outsideCadre(t.fixture, l)}/hours-entries`,
        payload: { category: 'offline', title: '省委党校专题班', date: '2026-05-10', hours: 24, days: 3 },
      }),
    },
  },
  'PATCH /api/v1/hours-entries/:id': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: async (t) => ({ method: 'PATCH', url: `/api/v1/hours-entries/${await freshEntry(t, inScopeCadre(t))}`, payload: { hours: 12 } }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({ method: 'PATCH', url: `/api/v1/hours-entries/${await freshEntry(t, outsideCadre(t.fixture, l))}`, payload: { hours: 12 } }),
    },
  },
  'DELETE /api/v1/hours-entries/:id': {
    expect: ok(204, WRITERS),
    otherwise: 403,
    request: async (t) => ({ method: 'DELETE', url: `/api/v1/hours-entries/${await freshEntry(t, inScopeCadre(t))}` }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({ method: 'DELETE', url: `/api/v1/hours-entries/${await freshEntry(t, outsideCadre(t.fixture, l))}` }),
    },
  },
  'POST /api/v1/hours-entries/:id/evidence': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: async (t) => ({
      method: 'POST',
      url: `/api/v1/hours-entries/${await freshEntry(t, inScopeCadre(t))}/evidence`,
      ...multipart({}, { name: '证明.pdf', content: '%PDF-1.4 evidence', type: 'application/pdf' }),
    }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({
        method: 'POST',
        url: `/api/v1/hours-entries/${await freshEntry(t, outsideCadre(t.fixture, l))}/evidence`,
        ...multipart({}, { name: '证明.pdf', content: '%PDF-1.4 evidence', type: 'application/pdf' }),
      }),
    },
  },
  'GET /api/v1/hours-entries/:id/evidence': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: async (t) => ({ method: 'GET', url: `/api/v1/hours-entries/${await freshEntry(t, inScopeCadre(t), true)}/evidence` }),
    outOfScope: {
      status: 404,
      request: async (t, l) => ({ method: 'GET', url: `/api/v1/hours-entries/${await freshEntry(t, outsideCadre(t.fixture, l), true)}/evidence` }),
    },
  },

  'GET /api/v1/hours/compliance': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t) => ({ method: 'GET', url: `/api/v1/hours/compliance?orgId=${below(t.fixture)}` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/hours/compliance?orgId=${outside(t.fixture, l)}` }) },
  },
  'GET /api/v1/hours/compliance/summary': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t) => ({ method: 'GET', url: `/api/v1/hours/compliance/summary?orgId=${below(t.fixture)}` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/hours/compliance/summary?orgId=${outside(t.fixture, l)}` }) },
  },
  'GET /api/v1/hours/compliance/export': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t) => ({ method: 'GET', url: `/api/v1/hours/compliance/export?orgId=${below(t.fixture)}` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/hours/compliance/export?orgId=${outside(t.fixture, l)}` }) },
  },

  'GET /api/v1/programs/:id/hours': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t) => ({ method: 'GET', url: `/api/v1/programs/${t.fixture.programs['SN']}/hours` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${outOfScopeProgram(t, l)}/hours` }) },
  },
  'POST /api/v1/programs/:id/hours/recompute': {
    expect: ok(200, WRITERS),
    otherwise: 403,
    request: (t) => ({ method: 'POST', url: `/api/v1/programs/${t.fixture.programs['SN']}/hours/recompute` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'POST', url: `/api/v1/programs/${outOfScopeProgram(t, l)}/hours/recompute` }) },
  },

  // Only an account linked to a cadre has a file of its own; everyone else gets 404, not someone else's file.
  'GET /api/v1/me/training-file': { expect: ok(200, ['trainee']), otherwise: 404, request: () => ({ method: 'GET', url: '/api/v1/me/training-file' }) },
};
