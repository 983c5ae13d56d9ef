// Precision and recall of the duplicate suggestions as curators get them: the 135 labelled paraphrase questions
// (core/src/text/fixtures) are stored as a program's questions and scored from GET …/duplicate-suggestions.
import type { DuplicateSuggestions, KeyProblem } from '@duibiao/contracts';
import fixture from '../../core/src/text/fixtures/paraphrase-questions.json' with { type: 'json' };
import { scoreGroups, type LabelledText, type PairwiseScore } from '@duibiao/core/text/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUGGESTION_THRESHOLD } from '../src/modules/problems/problems.rules.ts';
import { freshProblemProgram, insertQuestions } from './problems-helpers.ts';
import { createTestApp, login, type Session, type TestApp } from './support.ts';

const items: LabelledText[] = fixture;
let t: TestApp;
let s: Session;
let programId: number;
const labelOf = new Map<number, string>();

beforeAll(async () => {
  t = await createTestApp();
  s = await login(t, 'qd_pm');
  programId = await freshProblemProgram(t, t.fixture.orgs['QD']!);
  const ids = await insertQuestions(
    t,
    programId,
    items.map((i) => i.text),
  );
  ids.forEach((id, k) => labelOf.set(id, items[k]!.id));
});
afterAll(() => t.close());

async function measure(over: 'questions' | 'items', threshold?: number): Promise<PairwiseScore> {
  const query = threshold === undefined ? `over=${over}` : `over=${over}&threshold=${threshold}`;
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/programs/${programId}/duplicate-suggestions?${query}`, headers: s.headers });
  expect(res.statusCode).toBe(200);
  const body = res.json<DuplicateSuggestions>();
  // Items were promoted one per question, so item ids map back to the fixture through their single source.
  const predicted = body.groups.map((g) => g.members.map((m) => labelOf.get(m.id) ?? ''));
  const score = scoreGroups(items, predicted, body.threshold);
  console.log(`${over}: precision=${score.precision} recall=${score.recall} F1=${score.f1} (threshold ${body.threshold}, ${score.groups} groups)`);
  return score;
}

describe('duplicate suggestions on the labelled paraphrase fixture (135 questions)', () => {
  it('reaches the floors over unpromoted questions at the default threshold', async () => {
    const score = await measure('questions');
    expect(score.threshold).toBe(SUGGESTION_THRESHOLD);
    expect(score.precision).toBeGreaterThanOrEqual(0.65);
    expect(score.recall).toBeGreaterThanOrEqual(0.5);
  });

  it('trades recall for precision as the threshold rises', async () => {
    const scores = [];
    for (const threshold of [0.15, 0.25, 0.3, 0.4]) scores.push(await measure('questions', threshold));
    expect(scores[3]!.precision).toBeGreaterThan(scores[0]!.precision);
    expect(scores[3]!.recall).toBeLessThan(scores[0]!.recall);
  });

  it('gives the same groups over the working list once every question is promoted', async () => {
    const promoted = await t.app.inject({ method: 'POST', url: `/api/v1/programs/${programId}/key-problems/promote`, headers: s.headers });
    for (const k of promoted.json<KeyProblem[]>()) labelOf.set(k.id, labelOf.get(k.questions[0]!.id)!);
    const score = await measure('items');
    expect(score.precision).toBeGreaterThanOrEqual(0.65);
    expect(score.recall).toBeGreaterThanOrEqual(0.5);
    // Nothing left unpromoted: no question suggestions.
    expect((await measure('questions')).groups).toBe(0);
  });
});
