// S3's milestones: plan (start + 7) and opening (start + 21) passed everywhere; the mid-term defence held for four
// topics (seed day − 5: three passed, one sent back to revise) with a panel of qd_pm and qd_expert; two topics
// overdue (mid-term due seed day − 3, nothing submitted); the rest due after the seed day; the final at end − 5.
// External teams on several topics, qd_expert (深圳市创新投资研究院) on the defended ones, and their comments.
import { DEFAULT_DEFENCE_RUBRIC, DEFAULT_MILESTONES, type MilestoneKind } from '@duibiao/contracts';
import { addDays } from '../dates.ts';
import type { Rng } from '../prng.ts';
import { at, insertId, insertMany, type Trx } from './common.ts';
import { S3_THEMES } from './s3-problem-data.ts';
import type { SeededTopic } from './s3-topics.ts';

/** Themes defended at mid-term (the last one must revise) and themes overdue. */
export const DEFENDED_THEMES = [1, 0, 8, 3] as const;
export const REVISE_THEME = 3;
export const OVERDUE_THEMES = [5, 6] as const;

export interface Users {
  pm: number;
  expert: number;
  expertName: string;
  tutor: number;
  own: number;
  admin: number;
  snAdmin: number;
}

export async function seedS3Milestones(
  trx: Trx,
  o: { topics: SeededTopic[]; today: string; startDate: string; endDate: string; users: Users; ownCadre: number; rng: Rng },
): Promise<Map<number, number>> {
  const { pm, expert, tutor } = o.users;
  const midterms = new Map<number, number>();
  const submitterOf = (t: SeededTopic) => (t.members.includes(o.ownCadre) ? o.users.own : tutor);
  for (const t of o.topics) {
    const defended = (DEFENDED_THEMES as readonly number[]).includes(t.theme);
    const overdue = (OVERDUE_THEMES as readonly number[]).includes(t.theme);
    const milestone = async (kind: MilestoneKind, due: string, status: string, decided: { on: string; note: string } | null, updatedOn: string) =>
      insertId(trx, 'topic_milestones', {
        topic_id: t.id,
        kind,
        title: DEFAULT_MILESTONES.find((d) => d.kind === kind)!.title,
        due_date: due,
        status,
        // As the milestones service plans them: the plan is not scored, the three reviews use the defence rubric.
        rubric: JSON.stringify(kind === 'plan' ? [] : DEFAULT_DEFENCE_RUBRIC),
        decision_note: decided?.note ?? null,
        decided_by: decided ? pm : null,
        decided_at: decided ? at(decided.on, 8) : null,
        created_at: at(addDays(o.today, -37), 4),
        updated_at: at(updatedOn, 8),
      });
    const submit = (milestoneId: number, version: number, on: string, note: string) => ({
      milestone_id: milestoneId,
      version,
      file_name: null,
      file_path: null,
      size_bytes: null,
      mime: null,
      note,
      submitted_by: submitterOf(t),
      created_at: at(on, 7),
    });
    const planDue = addDays(o.startDate, 7);
    const plan = await milestone('plan', planDue, 'passed', { on: addDays(planDue, 1), note: '方案可行，同意实施。' }, addDays(planDue, 1));
    const openingDue = addDays(o.startDate, 21);
    const opening = await milestone(
      'opening',
      openingDue,
      'passed',
      { on: addDays(openingDue, 1), note: '选题聚焦，调研提纲清晰，同意开题。' },
      addDays(openingDue, 1),
    );
    const subs = [submit(plan, 1, addDays(planDue, -1), '调研工作方案（线下提交纸质稿）'), submit(opening, 1, addDays(openingDue, -1), '开题报告及调研提纲')];

    const midDue = defended ? addDays(o.today, -5) : overdue ? addDays(o.today, -3) : addDays(o.startDate, 56);
    const revise = t.theme === REVISE_THEME;
    const mid = await milestone(
      'midterm',
      midDue,
      defended ? (revise ? 'revise' : 'passed') : 'pending',
      defended
        ? { on: addDays(midDue, 1), note: revise ? '对策部分针对性不足，请补充青岛现状数据和成本测算后再次提交。' : '调研扎实，同意通过中期答辩。' }
        : null,
      defended ? addDays(midDue, 1) : addDays(o.today, -37),
    );
    midterms.set(t.id, mid);
    await milestone('final', addDays(o.endDate, -5), 'pending', null, addDays(o.today, -37));
    if (defended) {
      subs.push(submit(mid, 1, addDays(midDue, -3), '中期报告初稿'), submit(mid, 2, addDays(midDue, -1), '中期报告修改稿（吸收专家预审意见）'));
      await insertMany(
        trx,
        'milestone_reviewers',
        [pm, expert].map((user_id) => ({ milestone_id: mid, user_id, invited_by: pm, invited_at: at(addDays(midDue, -6), 3) })),
      );
      const band = revise ? [0.55, 0.7] : [0.72, 0.95];
      await insertMany(
        trx,
        'milestone_scores',
        [pm, expert].map((reviewer) => {
          const scores = Object.fromEntries(DEFAULT_DEFENCE_RUBRIC.map((c) => [c.key, Math.round(c.max * (band[0]! + o.rng.next() * (band[1]! - band[0]!)))]));
          const total = Object.values(scores).reduce((s, v) => s + v, 0);
          return {
            milestone_id: mid,
            reviewer_user_id: reviewer,
            scores: JSON.stringify(scores),
            total,
            comment: revise
              ? '问题找得准，但对策偏原则，缺少可操作的路径。'
              : reviewer === expert
                ? '案例选取有代表性，建议结题前补充投入产出测算。'
                : '按计划推进，成果转化路径清楚。',
            created_at: at(midDue, 9),
            updated_at: at(midDue, 9),
          };
        }),
      );
    }
    await insertMany(trx, 'milestone_submissions', subs);
  }
  return midterms;
}

/** 外挂团队 and comments: who sits on which topic (by theme), qd_expert on every defended topic. */
const EXTERNALS: { theme: number; kind: string; name: string; organization: string; contact: string | null }[] = [
  { theme: 1, kind: 'chamber', name: '青岛市深圳商会', organization: '青岛市深圳商会', contact: '秘书处 0755-8888 6001' },
  { theme: 12, kind: 'chamber', name: '青岛市深圳商会', organization: '青岛市深圳商会', contact: '秘书处 0755-8888 6001' },
  { theme: 0, kind: 'association', name: '深圳市创业投资同业公会', organization: '深圳市创业投资同业公会', contact: null },
  { theme: 11, kind: 'association', name: '深圳市金融科技协会', organization: '深圳市金融科技协会', contact: null },
  { theme: 3, kind: 'shadow_team', name: '影子团队（市发展改革委营商环境处）', organization: '青岛市发展和改革委员会', contact: null },
  { theme: 8, kind: 'shadow_team', name: '影子团队（市南区委社会工作部）', organization: '市南区', contact: null },
  { theme: 2, kind: 'observer', name: '刘振华（独立观察员）', organization: '中共青岛市委党校', contact: null },
];

export async function seedS3Externals(trx: Trx, o: { topics: SeededTopic[]; today: string; users: Users; midterms: Map<number, number> }): Promise<void> {
  const byTheme = new Map(o.topics.map((t) => [t.theme, t]));
  const created = at(addDays(o.today, -30), 3);
  const rows = [
    ...EXTERNALS.filter((e) => byTheme.has(e.theme)).map((e) => ({
      topic_id: byTheme.get(e.theme)!.id,
      kind: e.kind,
      name: e.name,
      organization: e.organization,
      contact: e.contact,
      user_id: null,
    })),
    ...DEFENDED_THEMES.map((theme) => ({
      topic_id: byTheme.get(theme)!.id,
      kind: 'institute',
      name: o.users.expertName,
      organization: '深圳市创新投资研究院',
      contact: null,
      user_id: o.users.expert,
    })),
  ].map((r) => ({ ...r, created_by: o.users.pm, created_at: created, updated_at: created }));
  await insertMany(trx, 'external_members', rows);

  const comments = DEFENDED_THEMES.flatMap((theme) => {
    const t = byTheme.get(theme)!;
    const mid = o.midterms.get(t.id)!;
    const title = S3_THEMES[theme]!.title;
    return [
      {
        topic_id: t.id,
        milestone_id: null,
        author_user_id: o.users.expert,
        body: `关于“${title}”，建议多访谈两三家一线企业，听听政策落地中的真实感受。`,
        created_at: at(addDays(o.today, -20), 6),
      },
      {
        topic_id: t.id,
        milestone_id: mid,
        author_user_id: o.users.expert,
        body:
          theme === REVISE_THEME
            ? '中期报告问题梳理到位，但对策建议还需结合青岛的财力和部门职责细化。'
            : '中期成果有深度，深圳案例与青岛现状对照清楚，同意进入下一阶段。',
        created_at: at(addDays(o.today, -5), 9),
      },
      {
        topic_id: t.id,
        milestone_id: mid,
        author_user_id: o.users.pm,
        body: '请课题组根据评审意见在结题前完善对策部分。',
        created_at: at(addDays(o.today, -4), 8),
      },
    ];
  });
  await insertMany(trx, 'topic_comments', comments);
}
