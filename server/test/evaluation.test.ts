// The final evaluation over HTTP: weights (400s, defaults), the scorecard computed from hand-built rows (defence %,
// host, attendance, reflection, landing, renormalisation), publishing into evaluation_results and the training file.
import type { EvaluationOverview, EvaluationPublishResult, EvaluationWeightsView, TrainingFile } from '@duibiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defence, enrol, freshProgram, freshTopic, hostFinal, marks, recommendation, reflection } from './evaluation-helpers.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

let t: TestApp;
const s: Record<string, Session> = {};
const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: s[who]!.headers, ...(payload ? { payload } : {}) });

const fx = () => t.fixture;
const DEFAULTS = { defence: 35, host: 25, attendance: 15, reflection: 10, landing: 15 };

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['qd_admin', 'qd_pm', 'qd_tutor', 'sn_pm', 'qd_trainee', 'qd_host', 'qd_expert']) s[u] = await login(t, u);
});
afterAll(() => t.close());

describe('weights', () => {
  it('start at the defaults and save integers summing to 100', async () => {
    const id = await freshProgram(t, fx().orgs['QD']!);
    const first = await call('qd_tutor', 'GET', `/programs/${id}/evaluation/weights`);
    expect(first.statusCode).toBe(200);
    expect(first.json<EvaluationWeightsView>()).toMatchObject({ weights: DEFAULTS, isDefault: true, updatedAt: null });
    const weights = { defence: 40, host: 20, attendance: 20, reflection: 10, landing: 10 };
    const res = await call('qd_pm', 'PUT', `/programs/${id}/evaluation/weights`, { weights });
    expect(res.statusCode).toBe(200);
    expect(res.json<EvaluationWeightsView>()).toMatchObject({ weights, isDefault: false });
    const row = await t.db.kysely.selectFrom('evaluation_schemes').select('weights').where('program_id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.weights)).toEqual(weights);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'evaluation.weights')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('reject a sum other than 100 naming weights, and bad components naming weights.<component>; nothing is written', async () => {
    const id = await freshProgram(t, fx().orgs['QD']!);
    const sum = await call('qd_pm', 'PUT', `/programs/${id}/evaluation/weights`, { weights: { ...DEFAULTS, landing: 16 } });
    expect(sum.statusCode).toBe(400);
    expect(sum.json().error.details).toEqual([{ field: 'weights', message: expect.stringContaining('101') }]);
    for (const [bad, value] of [
      ['defence', -1],
      ['host', 101],
      ['attendance', 1.5],
    ] as const) {
      const res = await call('qd_pm', 'PUT', `/programs/${id}/evaluation/weights`, { weights: { ...DEFAULTS, [bad]: value } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(`weights.${bad}`);
    }
    const { landing: _omit, ...missing } = DEFAULTS;
    expect((await call('qd_pm', 'PUT', `/programs/${id}/evaluation/weights`, { weights: missing })).statusCode).toBe(400);
    expect(await t.db.kysely.selectFrom('evaluation_schemes').select('program_id').where('program_id', '=', id).execute()).toEqual([]);
  });

  it('need program:write to change and scope to see', async () => {
    const id = await freshProgram(t, fx().orgs['QD']!);
    expect((await call('qd_tutor', 'PUT', `/programs/${id}/evaluation/weights`, { weights: DEFAULTS })).statusCode).toBe(403);
    expect((await call('sn_pm', 'GET', `/programs/${id}/evaluation/weights`)).statusCode).toBe(404);
    expect((await call('qd_trainee', 'GET', `/programs/${id}/evaluation`)).statusCode).toBe(403);
    expect((await call('qd_host', 'GET', `/programs/${id}/evaluation`)).statusCode).toBe(403);
  });
});

/** 李晓梅 (snsw) and 王建国 (fgw) on one topic, 张伟 (bdg) on none. */
async function scenario(type: 'embedded_practicum' | 'centralized_class' = 'embedded_practicum') {
  const org = fx().orgs['QD']!;
  const { snsw, fgw, bdg } = fx().cadres as Record<string, number>;
  const id = await freshProgram(t, org, { type });
  for (const c of [snsw!, fgw!, bdg!]) await enrol(t, id, c);
  const topicId = await freshTopic(t, id, [snsw!, fgw!]);
  const reviewers = [fx().users['qd_pm']!, fx().users['qd_tutor']!];
  // Mid-term out of 100: 80 and 90; final out of 50: 45 (90 %). Average 86.67 %.
  await defence(t, topicId, 'midterm', 100, [80, 90], reviewers);
  await defence(t, topicId, 'final', 50, [45], reviewers);
  await hostFinal(t, org, id, snsw!, 88, 'good');
  await hostFinal(t, org, id, fgw!, null, 'good');
  await marks(t, id, snsw!, ['present', 'late', 'absent', 'excused']);
  await reflection(t, id, snsw!, 2);
  await reflection(t, id, fgw!, 3, 'draft');
  await recommendation(t, id, topicId, 'landed');
  await recommendation(t, id, topicId, 'in_progress');
  await recommendation(t, id, topicId, 'rejected');
  return { id, topicId, snsw: snsw!, fgw: fgw!, bdg: bdg! };
}

describe('scorecard', () => {
  it('computes every component and the renormalised weighted score', async () => {
    const sc = await scenario();
    const res = await call('qd_tutor', 'GET', `/programs/${sc.id}/evaluation`);
    expect(res.statusCode).toBe(200);
    const body = res.json<EvaluationOverview>();
    const row = (cadreId: number) => body.trainees.find((r) => r.cadreId === cadreId)!;
    expect(row(sc.snsw)).toMatchObject({
      topicId: sc.topicId,
      components: { defence: 86.67, host: 88, attendance: 66.67, reflection: 90, landing: 50 },
      // (35·86.67 + 25·88 + 15·66.67 + 10·90 + 15·50) / 100
      score: 78.84,
      grade: 'pass',
      published: null,
    });
    // No attendance marks: its 15 % is shared out; a draft reflection scores 0 but still counts.
    expect(row(sc.fgw)).toMatchObject({ components: { defence: 86.67, host: 85, attendance: null, reflection: 0, landing: 50 }, score: 69.51, grade: 'pass' });
    // Only the reflection applies (0), so 0 and 不合格.
    expect(row(sc.bdg)).toMatchObject({
      topicId: null,
      components: { defence: null, host: null, attendance: null, reflection: 0, landing: null },
      score: 0,
      grade: 'fail',
    });
    expect(body.topics).toEqual([
      { topicId: sc.topicId, title: '深圳营商环境改革经验借鉴', memberCount: 2, averageScore: 74.18, defence: 86.67, landingRate: 50 },
    ]);
  });

  it('leaves reflections out until the program collects them', async () => {
    const id = await freshProgram(t, fx().orgs['QD']!);
    await enrol(t, id, fx().cadres['snsw']!);
    await marks(t, id, fx().cadres['snsw']!, ['present', 'absent']);
    const body = (await call('qd_pm', 'GET', `/programs/${id}/evaluation`)).json<EvaluationOverview>();
    // Nobody has written a reflection: the component does not apply and attendance alone decides (50).
    expect(body.trainees[0]).toMatchObject({ components: { reflection: null, attendance: 50 }, score: 50, grade: 'fail' });
  });

  it('follows the saved weights and leaves the host out of class programs', async () => {
    const sc = await scenario('centralized_class');
    await call('qd_pm', 'PUT', `/programs/${sc.id}/evaluation/weights`, { weights: { defence: 100, host: 0, attendance: 0, reflection: 0, landing: 0 } });
    const body = (await call('qd_pm', 'GET', `/programs/${sc.id}/evaluation`)).json<EvaluationOverview>();
    const snsw = body.trainees.find((r) => r.cadreId === sc.snsw)!;
    expect(snsw.components.host).toBeNull();
    expect(snsw).toMatchObject({ score: 86.67, grade: 'good' });
    // Nothing with a weight applies to 张伟: no score, no grade.
    expect(body.trainees.find((r) => r.cadreId === sc.bdg)).toMatchObject({ score: null, grade: null });
  });
});

describe('publish', () => {
  it('writes the results in one go, replaces earlier ones, and shows them in the training file', async () => {
    const sc = await scenario();
    expect((await call('qd_tutor', 'POST', `/programs/${sc.id}/evaluation/publish`)).statusCode).toBe(403);
    expect((await call('sn_pm', 'POST', `/programs/${sc.id}/evaluation/publish`)).statusCode).toBe(404);
    expect(await t.db.kysely.selectFrom('evaluation_results').select('id').where('program_id', '=', sc.id).execute()).toEqual([]);

    const res = await call('qd_pm', 'POST', `/programs/${sc.id}/evaluation/publish`);
    expect(res.statusCode).toBe(200);
    expect(res.json<EvaluationPublishResult>()).toMatchObject({ published: 3, skipped: 0 });
    const rows = await t.db.kysely.selectFrom('evaluation_results').selectAll().where('program_id', '=', sc.id).orderBy('cadre_id').execute();
    expect(rows).toHaveLength(3);
    const mine = rows.find((r) => r.cadre_id === sc.snsw)!;
    expect(mine).toMatchObject({ topic_id: sc.topicId, grade: 'pass', published_by: s['qd_pm']!.me.id });
    expect(Number(mine.score)).toBeCloseTo(78.84, 2);
    expect(JSON.parse(mine.components)).toMatchObject({ defence: 86.67, host: 88 });

    // Re-publishing after a new landing replaces the rows instead of adding to them.
    await recommendation(t, sc.id, sc.topicId, 'landed');
    expect((await call('qd_pm', 'POST', `/programs/${sc.id}/evaluation/publish`)).statusCode).toBe(200);
    expect(await t.db.kysely.selectFrom('evaluation_results').select('id').where('program_id', '=', sc.id).execute()).toHaveLength(3);
    const audits = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'evaluation.publish')
      .where('entity_id', '=', String(sc.id))
      .execute();
    expect(audits).toHaveLength(2);

    const card = (await call('qd_pm', 'GET', `/programs/${sc.id}/evaluation`)).json<EvaluationOverview>();
    const snswCard = card.trainees.find((r) => r.cadreId === sc.snsw)!;
    expect(snswCard.published).toMatchObject({ score: snswCard.score, grade: snswCard.grade });
    expect(card.publishedAt).not.toBeNull();

    const file = await call('qd_trainee', 'GET', '/me/training-file');
    expect(file.statusCode).toBe(200);
    const program = file.json<TrainingFile>().programs.find((p) => p.programId === sc.id)!;
    expect(program.evaluation).toMatchObject({ score: snswCard.score, grade: snswCard.grade });
    // A program without a published evaluation shows none.
    const other = await freshProgram(t, fx().orgs['QD']!);
    await enrol(t, other, sc.snsw);
    const again = (await call('qd_trainee', 'GET', '/me/training-file')).json<TrainingFile>();
    expect(again.programs.find((p) => p.programId === other)!.evaluation).toBeNull();
  });

  it('exports the scorecard as xlsx', async () => {
    const sc = await scenario();
    const res = await call('qd_tutor', 'GET', `/programs/${sc.id}/evaluation/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
