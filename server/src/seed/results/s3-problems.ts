// S3's problem list: 223 questions collected before departure (seed day − 60 … − 46, so all are in list 1.0),
// list 1.0 (seed day − 45: one item per question), then list 2.0 (seed day − 40): every 1.0 item merged into one of
// 16 fixed + 6 open key problems, each linked to all the questions it merged. No question is removed.
import { addDays } from '../dates.ts';
import type { Rng } from '../prng.ts';
import { at, insertId, insertMany, searchTerms, type Org, type Trainee, type Trx } from './common.ts';
import { ENDINGS, LEAD_INS, S3_THEMES } from './s3-problem-data.ts';

export const S3_QUESTION_COUNT = 223;

export interface QuestionSpec {
  theme: number;
  text: string;
  date: string;
  /** A trainee's question (cadre index into the trainee list) or a unit's (org code). */
  cadre: number | null;
  unitCode: string | null;
}

/** Distinct phrasings per theme (10, the first three 11: 223 in all), dated and attributed; sorted by date. */
export function buildS3Questions(rng: Rng, today: string, traineeCount: number, ownTrainee: number, unitCodes: readonly string[]): QuestionSpec[] {
  const out: QuestionSpec[] = [];
  S3_THEMES.forEach((theme, t) => {
    const n = 10 + (t < S3_QUESTION_COUNT - 10 * S3_THEMES.length ? 1 : 0);
    const texts = new Set<string>();
    while (texts.size < n) {
      const lead = rng.pick(LEAD_INS);
      const ask = rng.pick(theme.asks);
      texts.add(`${lead}${ask}${rng.pick(ENDINGS)}`);
    }
    for (const text of texts) {
      const fromUnit = rng.chance(0.4);
      out.push({
        theme: t,
        text,
        date: addDays(today, -rng.int(46, 60)),
        cadre: fromUnit ? null : rng.int(0, traineeCount - 1),
        unitCode: fromUnit ? (rng.chance(0.5) ? theme.ownerCode : rng.pick(unitCodes)) : null,
      });
    }
  });
  // qd_trainee asked two of them.
  const own = out.filter((q) => q.cadre !== null);
  for (const q of [own[3]!, own[40]!]) q.cadre = ownTrainee;
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.theme - b.theme));
}

export interface SeededProblems {
  /** 2.0 key problem ids by theme index. */
  keyProblems: number[];
  questionIds: number[];
}

export async function seedS3Problems(
  trx: Trx,
  o: { programId: number; today: string; trainees: Trainee[]; ownTrainee: number; ownUserId: number; orgs: Map<string, Org>; pmId: number; rng: Rng },
): Promise<SeededProblems> {
  const unitCodes = [...o.orgs.keys()].filter((c) => /^QD-(SZ-[A-Z]+|SN|SB|LS|HD)$/.test(c));
  const specs = buildS3Questions(o.rng, o.today, o.trainees.length, o.ownTrainee, unitCodes);
  const questionIds: number[] = [];
  for (const q of specs) {
    const cadre = q.cadre === null ? null : o.trainees[q.cadre]!;
    const unit = q.unitCode ? o.orgs.get(q.unitCode)! : null;
    const created = at(q.date, o.rng.int(0, 9), o.rng.int(0, 59));
    questionIds.push(
      await insertId(trx, 'problem_questions', {
        program_id: o.programId,
        text: q.text,
        field: S3_THEMES[q.theme]!.field,
        source: cadre ? 'trainee' : 'unit',
        submitter_cadre_id: cadre?.cadreId ?? null,
        submitter_user_id: q.cadre === o.ownTrainee ? o.ownUserId : null,
        submitter_name: unit ? unit.name : null,
        home_org_id: cadre ? cadre.orgId : unit!.id,
        search_terms: searchTerms(q.text),
        created_at: created,
        updated_at: created,
      }),
    );
  }

  // 1.0: every question as it came, in arrival order.
  const v1At = at(addDays(o.today, -45), 2);
  const v1Ids: number[] = [];
  for (const [i, q] of specs.entries()) {
    v1Ids.push(
      await insertId(trx, 'key_problems', {
        program_id: o.programId,
        title: q.text,
        description: null,
        field: S3_THEMES[q.theme]!.field,
        kind: null,
        priority: i + 1,
        status: 'active',
        merged_into_id: null,
        search_terms: searchTerms(q.text),
        created_at: v1At,
        updated_at: v1At,
      }),
    );
  }
  await insertMany(
    trx,
    'key_problem_sources',
    v1Ids.map((id, i) => ({ key_problem_id: id, question_id: questionIds[i]! })),
  );
  await publish(
    trx,
    o.programId,
    '1.0',
    '问题清单 1.0（原始问题汇总）',
    '汇总各单位和学员提交的问题，未作合并。',
    specs.map((q, i) => ({
      id: v1Ids[i]!,
      title: q.text,
      description: null,
      field: S3_THEMES[q.theme]!.field,
      kind: null,
      priority: i + 1,
      questionIds: [questionIds[i]!],
    })),
    o.pmId,
    v1At,
  );

  // 2.0: fixed before open, in theme order; 1.0 items merged into their theme's key problem.
  const v2At = at(addDays(o.today, -40), 3);
  const ordered = S3_THEMES.map((t, i) => ({ t, i })).sort((a, b) => (a.t.kind === b.t.kind ? a.i - b.i : a.t.kind === 'fixed' ? -1 : 1));
  const keyProblems: number[] = [];
  const items = [];
  for (const [p, { t, i }] of ordered.entries()) {
    const id = await insertId(trx, 'key_problems', {
      program_id: o.programId,
      title: t.title,
      description: t.description,
      field: t.field,
      kind: t.kind,
      priority: p + 1,
      status: 'active',
      merged_into_id: null,
      search_terms: searchTerms(t.title, t.description),
      created_at: v2At,
      updated_at: v2At,
    });
    keyProblems[i] = id;
    const members = specs.flatMap((q, k) => (q.theme === i ? [k] : []));
    await trx
      .updateTable('key_problems')
      .set({ status: 'merged', merged_into_id: id, updated_at: v2At })
      .where(
        'id',
        'in',
        members.map((k) => v1Ids[k]!),
      )
      .execute();
    const qIds = members.map((k) => questionIds[k]!);
    await insertMany(
      trx,
      'key_problem_sources',
      qIds.map((question_id) => ({ key_problem_id: id, question_id })),
    );
    items.push({ id, title: t.title, description: t.description, field: t.field, kind: t.kind, priority: p + 1, questionIds: qIds });
  }
  const fixed = S3_THEMES.filter((t) => t.kind === 'fixed').length;
  await publish(
    trx,
    o.programId,
    '2.0',
    '问题清单 2.0（重点问题）',
    `合并同类问题后形成固定课题 ${fixed} 个、开放课题 ${S3_THEMES.length - fixed} 个。`,
    items,
    o.pmId,
    v2At,
  );
  return { keyProblems, questionIds };
}

interface SnapshotItem {
  id: number;
  title: string;
  description: string | null;
  field: string | null;
  kind: string | null;
  priority: number;
  questionIds: number[];
}

async function publish(trx: Trx, programId: number, version: string, title: string, note: string, items: SnapshotItem[], by: number, when: string) {
  await insertId(trx, 'problem_list_versions', {
    program_id: programId,
    version,
    title,
    note,
    snapshot: JSON.stringify({ items }),
    published_by: by,
    published_at: when,
  });
}
