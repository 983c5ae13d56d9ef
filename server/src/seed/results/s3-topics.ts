// S3's research topics (课题): the 16 fixed key problems and the first 4 open ones, bid on by all 150 trainees
// (3–5 ranked bids each), assigned by the solver and adopted, with task forces (one lead, members by assigned rank,
// a home-side liaison of the owner unit) — all before the plan milestone (start + 7).
import { addDays } from '../dates.ts';
import type { Rng } from '../prng.ts';
import { assignTopics } from '@duibiao/core/topic-assignment/index';
import { at, insertId, insertMany, type Org, type Trainee, type Trx } from './common.ts';
import { S3_OPEN_TOPIC_COUNT, S3_THEMES } from './s3-problem-data.ts';

export const S3_TEAM = { min: 5, max: 9 } as const;
/** qd_trainee's first choice (产业链招商, owned by their own 市商务局), sought by few, so the solver grants it. */
export const OWN_THEME = 1;

const LIAISONS = [
  '王建军',
  '刘海燕',
  '张立新',
  '陈晓东',
  '李红梅',
  '赵志刚',
  '孙丽娜',
  '周文斌',
  '吴国庆',
  '郑小雨',
  '冯永强',
  '褚雪莲',
  '卫东升',
  '蒋晓峰',
  '沈美玲',
  '韩志勇',
  '杨春华',
  '朱建平',
  '秦晓燕',
  '许文杰',
];

const PROPOSALS = [
  '结合本人在原单位的工作实际，拟重点调研深圳的制度设计和操作流程，形成可在青岛落地的对策建议。',
  '本人长期从事相关工作，希望通过实训岗位接触一线案例，带回可复制的经验做法。',
  '拟以实训单位为切入点，访谈企业和主管部门，对照青岛现状查找差距，提出改进措施。',
];

export interface SeededTopic {
  id: number;
  theme: number;
  ownerOrgId: number;
  /** cadre ids of the task force, lead first. */
  members: number[];
}

/** Themes that became topics: all fixed ones and the first open ones. */
export function topicThemes(): number[] {
  const open = S3_THEMES.map((t, i) => ({ t, i }))
    .filter((x) => x.t.kind === 'open')
    .slice(0, S3_OPEN_TOPIC_COUNT);
  return [...S3_THEMES.flatMap((t, i) => (t.kind === 'fixed' ? [i] : [])), ...open.map((x) => x.i)];
}

/** 3–5 ranked topics per trainee, by popularity; qd_trainee's list is fixed. */
export function buildBids(rng: Rng, topicCount: number, traineeCount: number, ownTrainee: number): number[][] {
  const weight = Array.from({ length: topicCount }, (_, k) => (k === OWN_THEME ? 0.5 : rng.int(1, 5)));
  return Array.from({ length: traineeCount }, (_, i) => {
    if (i === ownTrainee) return [OWN_THEME, 0, 11];
    const k = rng.int(3, 5);
    const picked: number[] = [];
    while (picked.length < k) {
      const t = rng.weighted(
        weight.map((w, idx) => ({ w, idx })).filter((x) => !picked.includes(x.idx)),
        (x) => x.w,
      ).idx;
      picked.push(t);
    }
    return picked;
  });
}

export async function seedS3Topics(
  trx: Trx,
  o: {
    programId: number;
    today: string;
    startDate: string;
    trainees: Trainee[];
    ownTrainee: number;
    orgs: Map<string, Org>;
    keyProblems: number[];
    pmId: number;
    rng: Rng;
  },
): Promise<SeededTopic[]> {
  const created = at(addDays(o.today, -40), 5);
  const themes = topicThemes();
  const topics: { id: number; theme: number; ownerOrgId: number }[] = [];
  for (const [k, theme] of themes.entries()) {
    const t = S3_THEMES[theme]!;
    const ownerOrgId = o.orgs.get(t.ownerCode)!.id;
    const id = await insertId(trx, 'research_topics', {
      program_id: o.programId,
      key_problem_id: o.keyProblems[theme]!,
      class_id: null,
      group_id: null,
      code: `KT-${String(k + 1).padStart(2, '0')}`,
      title: t.title,
      goals: t.goals,
      expected_outputs: t.outputs,
      field: t.field,
      team_min: S3_TEAM.min,
      team_max: S3_TEAM.max,
      owner_org_id: ownerOrgId,
      status: 'in_progress',
      bidding_closes_on: addDays(o.today, -38),
      created_by: o.pmId,
      created_at: created,
      updated_at: at(addDays(o.today, -37), 3),
    });
    topics.push({ id, theme, ownerOrgId });
  }

  const bids = buildBids(o.rng, topics.length, o.trainees.length, o.ownTrainee);
  const instance = {
    topics: topics.map((t) => ({ id: t.id, min: S3_TEAM.min, max: S3_TEAM.max })),
    trainees: o.trainees.map((tr, i) => ({ id: tr.cadreId, ranks: bids[i]!.map((k) => topics[k]!.id) })),
    allowUnranked: true as const,
  };
  const result = assignTopics(instance);
  if (result.status !== 'ok') throw new Error(`S3 topic assignment: ${result.reasons.join('；')}`);
  const won = new Map(result.assignments.map((a) => [a.traineeId, a]));

  const bidRows = o.trainees.flatMap((tr, i) =>
    bids[i]!.map((k, r) => {
      const when = at(addDays(o.today, -o.rng.int(38, 39)), o.rng.int(0, 9), o.rng.int(0, 59));
      return {
        program_id: o.programId,
        topic_id: topics[k]!.id,
        cadre_id: tr.cadreId,
        rank: r + 1,
        proposal: r === 0 ? PROPOSALS[i % PROPOSALS.length]! : null,
        status: won.get(tr.cadreId)!.topicId === topics[k]!.id ? 'won' : 'lost',
        created_at: when,
        updated_at: at(addDays(o.today, -37), 3),
      };
    }),
  );
  await insertMany(trx, 'topic_bids', bidRows);
  const adopted = at(addDays(o.today, -37), 3);
  const orgName = new Map([...o.orgs.values()].map((g) => [g.id, g.name]));
  const labels = {
    topics: Object.fromEntries(topics.map((t) => [t.id, { title: S3_THEMES[t.theme]!.title, min: S3_TEAM.min, max: S3_TEAM.max }])),
    cadres: Object.fromEntries(o.trainees.map((t) => [t.cadreId, { name: t.name, orgName: orgName.get(t.orgId) ?? '' }])),
  };
  await insertId(trx, 'topic_assignment_runs', {
    program_id: o.programId,
    instance: JSON.stringify(instance),
    // The shapes the topics service stores: the core result with labels at solve time, and its summary.
    result: JSON.stringify({ ...result, labels, allowUnranked: true }),
    summary: JSON.stringify({
      worstRank: result.worstRank,
      profile: result.profile,
      placed: result.assignments.length,
      unranked: result.assignments.filter((a) => !instance.trainees.find((t) => t.id === a.traineeId)!.ranks.includes(a.topicId)).length,
    }),
    adopted_at: adopted,
    created_by: o.pmId,
    created_at: at(addDays(o.today, -37), 2),
  });

  const byCadre = new Map(o.trainees.map((t) => [t.cadreId, t]));
  const out: SeededTopic[] = [];
  const rows = [];
  for (const [k, topic] of topics.entries()) {
    const mine = result.assignments.filter((a) => a.topicId === topic.id).sort((a, b) => a.rank - b.rank || a.traineeId - b.traineeId);
    for (const [j, a] of mine.entries()) {
      const cadre = byCadre.get(a.traineeId)!;
      rows.push({
        topic_id: topic.id,
        cadre_id: a.traineeId,
        user_id: null,
        name: cadre.name,
        org_id: cadre.orgId,
        role: j === 0 ? 'lead' : 'member',
        assigned_rank: a.rank,
        created_at: adopted,
      });
    }
    rows.push({
      topic_id: topic.id,
      cadre_id: null,
      user_id: null,
      name: LIAISONS[k % LIAISONS.length]!,
      org_id: topic.ownerOrgId,
      role: 'liaison',
      assigned_rank: null,
      created_at: adopted,
    });
    out.push({ ...topic, members: mine.map((a) => a.traineeId) });
  }
  await insertMany(trx, 'task_force_members', rows);
  return out;
}
