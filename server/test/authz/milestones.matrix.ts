// Routes of the milestones module (issue 5): topic process control. Every topic route opens through topicAccess:
// organizers of the program's subtree (program:write to manage), the level's trainee as task-force lead, and the
// level's external account attached to the topic; host contacts and everyone else get 404. External accounts and
// tutors reach the topic but may not manage it, upload or export (403); they score only where invited.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nowIso } from '../../src/db/dialect.ts';
import type { Fixture } from '../fixture.ts';
import { attachExternal, freshTopic, fullScores, invite, readyTopic, withHeader } from '../milestones-helpers.ts';
import { multipart } from '../multipart.ts';
import type { TestApp } from '../support.ts';
import { ADMINS, READERS, ok, type Level, type Req, type Spec } from './support.ts';

const WRITERS = [...ADMINS, 'program_manager' as const];
const program = (fx: Fixture, l: Level) => fx.programs[l === 'city' ? 'QD' : 'SN']!;
const outsideProgram = (fx: Fixture, l: Level) => fx.programs[l === 'city' ? 'DL' : 'LS']!;
const lead = (fx: Fixture, l: Level) => fx.cadres[l === 'city' ? 'snsw' : 'bdg']!;
const outsideCadre = (fx: Fixture, l: Level) => fx.cadres[l === 'city' ? 'dl' : 'szk']!;
const expert = (fx: Fixture, l: Level) => fx.users[l === 'city' ? 'qd_expert' : 'sn_expert']!;

/** The level's topic: its trainee leads the task force, its external account is attached, four pending milestones. */
const inScope = (t: TestApp, l: Level) =>
  readyTopic(t, { programId: program(t.fixture, l), leadCadreId: lead(t.fixture, l), expertUserId: expert(t.fixture, l) });
/** A topic of a program outside the level's subtree, with another cadre and no external team. */
const outOfScope = (t: TestApp, l: Level) =>
  readyTopic(t, { programId: outsideProgram(t.fixture, l), leadCadreId: outsideCadre(t.fixture, l), expertUserId: null });

type Ready = Awaited<ReturnType<typeof inScope>>;
/** Status per role on a topic route: organizers, the lead trainee and the attached external account; host contacts 404. */
const topicRoute = (organizer: number, manage: number, member: number, external: number): Pick<Spec, 'expect' | 'otherwise'> => ({
  expect: { ...ok(organizer, READERS), ...ok(manage, WRITERS), trainee: member, external_expert: external },
  otherwise: 404,
});

const spec = (expectation: Pick<Spec, 'expect' | 'otherwise'>, build: (t: TestApp, r: Ready, l: Level) => Promise<Req>): Spec => ({
  ...expectation,
  request: async (t, l) => build(t, await inScope(t, l), l),
  outOfScope: { status: 404, request: async (t, l) => build(t, await outOfScope(t, l), l) },
});

const base = (r: Ready) => `/api/v1/topics/${r.topicId}`;
const submitted = async (t: TestApp, r: Ready) => {
  await t.db.kysely.updateTable('topic_milestones').set({ status: 'submitted' }).where('id', '=', r.milestones.midterm).execute();
};
const withSubmission = async (t: TestApp, r: Ready) => {
  const dir = join(t.ctx.config.UPLOAD_DIR, 'milestones');
  const stored = `${randomUUID()}.pdf`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, stored), 'plan');
  const { id } = await t.db.kysely
    .insertInto('milestone_submissions')
    .values({
      milestone_id: r.milestones.plan,
      version: 1,
      file_name: '研究计划.pdf',
      file_path: stored,
      size_bytes: 4,
      mime: 'application/pdf',
      note: null,
      submitted_by: null,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
};
const doc = () => multipart({ note: '初稿' }, { name: '研究计划.docx', content: withHeader('研究计划.docx', 'plan') });

export const MILESTONES_MATRIX: Record<string, Spec> = {
  'GET /api/v1/topics/:topicId/milestones': spec(topicRoute(200, 200, 200, 200), async (_t, r) => ({ method: 'GET', url: `${base(r)}/milestones` })),
  'POST /api/v1/topics/:topicId/milestones': {
    ...topicRoute(403, 201, 403, 403),
    request: async (t, l) => {
      const topicId = await freshTopic(t, program(t.fixture, l));
      await t.db.kysely
        .insertInto('task_force_members')
        .values({
          topic_id: topicId,
          cadre_id: lead(t.fixture, l),
          user_id: null,
          name: '组长',
          org_id: null,
          role: 'lead',
          assigned_rank: 1,
          created_at: nowIso(),
        })
        .execute();
      await attachExternal(t, topicId, expert(t.fixture, l));
      return {
        method: 'POST',
        url: `/api/v1/topics/${topicId}/milestones`,
        payload: { milestones: [{ kind: 'plan', title: '研究计划', dueDate: '2099-01-01' }] },
      };
    },
    outOfScope: {
      status: 404,
      request: async (t, l) => ({
        method: 'POST',
        url: `/api/v1/topics/${await freshTopic(t, outsideProgram(t.fixture, l))}/milestones`,
        payload: { milestones: [{ kind: 'plan', title: '研究计划', dueDate: '2099-01-01' }] },
      }),
    },
  },
  'PATCH /api/v1/topics/:topicId/milestones/:milestoneId': spec(topicRoute(403, 200, 403, 403), async (_t, r) => ({
    method: 'PATCH',
    url: `${base(r)}/milestones/${r.milestones.plan}`,
    payload: { title: '研究计划（修订）' },
  })),
  'POST /api/v1/topics/:topicId/milestones/:milestoneId/submissions': spec(topicRoute(403, 201, 201, 403), async (_t, r) => {
    const body = doc();
    return { method: 'POST', url: `${base(r)}/milestones/${r.milestones.plan}/submissions`, payload: body.payload, headers: body.headers };
  }),
  'GET /api/v1/topics/:topicId/milestones/:milestoneId/submissions/:submissionId/file': spec(topicRoute(200, 200, 200, 200), async (t, r) => ({
    method: 'GET',
    url: `${base(r)}/milestones/${r.milestones.plan}/submissions/${await withSubmission(t, r)}/file`,
  })),
  'GET /api/v1/topics/:topicId/reviewer-candidates': spec(topicRoute(403, 200, 403, 403), async (_t, r) => ({
    method: 'GET',
    url: `${base(r)}/reviewer-candidates`,
  })),
  'PUT /api/v1/topics/:topicId/milestones/:milestoneId/reviewers': spec(topicRoute(403, 200, 403, 403), async (_t, r) => ({
    method: 'PUT',
    url: `${base(r)}/milestones/${r.milestones.midterm}/reviewers`,
    payload: { userIds: [] },
  })),
  'PUT /api/v1/topics/:topicId/milestones/:milestoneId/scores/me': spec(topicRoute(200, 200, 403, 200), async (t, r) => {
    // Every staff and external account is invited; trainees are not, so they are refused (403).
    await submitted(t, r);
    const users = await t.db.kysely.selectFrom('users').select('id').where('role', 'not in', ['trainee', 'host_contact']).execute();
    for (const u of users) await invite(t, r.milestones.midterm, u.id);
    return { method: 'PUT', url: `${base(r)}/milestones/${r.milestones.midterm}/scores/me`, payload: { scores: fullScores } };
  }),
  'POST /api/v1/topics/:topicId/milestones/:milestoneId/decision': spec(topicRoute(403, 200, 403, 403), async (t, r) => {
    await submitted(t, r);
    return { method: 'POST', url: `${base(r)}/milestones/${r.milestones.midterm}/decision`, payload: { result: 'revise', note: '补充调研' } };
  }),
  'GET /api/v1/topics/:topicId/milestones/:kind/score-sheet.xlsx': spec(topicRoute(200, 200, 403, 403), async (_t, r) => ({
    method: 'GET',
    url: `${base(r)}/milestones/midterm/score-sheet.xlsx`,
  })),
  'GET /api/v1/topics/:topicId/milestones/:kind/score-sheet.docx': spec(topicRoute(200, 200, 403, 403), async (_t, r) => ({
    method: 'GET',
    url: `${base(r)}/milestones/midterm/score-sheet.docx`,
  })),
  'GET /api/v1/programs/:id/milestones': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${program(t.fixture, l)}/milestones` }),
    outOfScope: { status: 404, request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${outsideProgram(t.fixture, l)}/milestones` }) },
  },
  'GET /api/v1/programs/:id/milestones/:kind/score-sheet.xlsx': {
    expect: ok(200, READERS),
    otherwise: 403,
    request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${program(t.fixture, l)}/milestones/midterm/score-sheet.xlsx` }),
    outOfScope: {
      status: 404,
      request: (t, l) => ({ method: 'GET', url: `/api/v1/programs/${outsideProgram(t.fixture, l)}/milestones/midterm/score-sheet.xlsx` }),
    },
  },
  'GET /api/v1/milestones/overdue': { expect: ok(200, READERS), otherwise: 403, request: () => ({ method: 'GET', url: '/api/v1/milestones/overdue' }) },
  'GET /api/v1/topics/:topicId/external-members': spec(topicRoute(200, 200, 200, 200), async (_t, r) => ({
    method: 'GET',
    url: `${base(r)}/external-members`,
  })),
  'POST /api/v1/topics/:topicId/external-members': spec(topicRoute(403, 201, 403, 403), async (_t, r) => ({
    method: 'POST',
    url: `${base(r)}/external-members`,
    payload: { kind: 'observer', name: '观察员' },
  })),
  'DELETE /api/v1/topics/:topicId/external-members/:id': spec(topicRoute(403, 204, 403, 403), async (t, r) => ({
    method: 'DELETE',
    url: `${base(r)}/external-members/${await attachExternal(t, r.topicId, null, '临时成员')}`,
  })),
  'GET /api/v1/topics/:topicId/external-members/:id/contributions': {
    // The member asked about is the level's own external account: organizers and that account may read it.
    ...topicRoute(200, 200, 403, 200),
    request: async (t, l) => {
      const r = await inScope(t, l);
      return { method: 'GET', url: `${base(r)}/external-members/${r.externalId}/contributions` };
    },
    outOfScope: {
      status: 404,
      request: async (t, l) => {
        const r = await outOfScope(t, l);
        return { method: 'GET', url: `${base(r)}/external-members/${await attachExternal(t, r.topicId, null)}/contributions` };
      },
    },
  },
  'GET /api/v1/me/external-topics': { expect: {}, otherwise: 200, request: () => ({ method: 'GET', url: '/api/v1/me/external-topics' }) },
  'GET /api/v1/topics/:topicId/comments': spec(topicRoute(200, 200, 200, 200), async (_t, r) => ({ method: 'GET', url: `${base(r)}/comments` })),
  'POST /api/v1/topics/:topicId/comments': spec(topicRoute(201, 201, 201, 201), async (_t, r) => ({
    method: 'POST',
    url: `${base(r)}/comments`,
    payload: { body: '建议补充对标城市的做法' },
  })),
};
