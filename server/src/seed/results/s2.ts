// S2 Dalian (closed): each class's four research topics as claimed in the timetable (topic r by groups 2r and 2r+1;
// group_id = the first, both groups' members the task force), completed, and one group report per topic submitted on
// the last afternoon, each with 1–2 recommendations to Dalian units, mostly proposed or accepted.
import type { RecommendationStatus } from '@duibiao/contracts';
import { S2_CLASS_PLANS, S2_DAYS } from '../programs/s2-plan.ts';
import { at, insertId, insertMany, orgsByCode, searchTerms, traineesOf, type Trx } from './common.ts';
import { seedRecommendation } from './recommendations.ts';
import type { Program } from './s3.ts';

/** Owner units by class (plan key) and the recommendations each topic makes. */
const OWNERS: Record<string, string[]> = {
  jj: ['DL-SZ-FGW', 'DL-SZ-SWJ', 'DL-SZ-YSJ', 'DL-SZ-SWJ'],
  cz: ['DL-SZ-ZJJ', 'DL-SZ-ZJJ', 'DL-SZ-ZJJ', 'DL-PLD'],
  my: ['DL-SZ-GSL', 'DL-SZ-GSL', 'DL-WFD', 'DL-SZ-GXJ'],
  xc: ['DL-SZ-NYJ', 'DL-ZH', 'DL-SZ-ZZB', 'DL-ZH'],
};
const ADVICE = ['建立工作专班和定期调度机制', '制定专项扶持政策', '选取试点先行先试', '总结推广典型经验'];
const LAST_DAY = S2_DAYS[S2_DAYS.length - 1]!;

export async function seedS2Results(trx: Trx, program: Program, users: Map<string, number>): Promise<void> {
  const pm = users.get('dl_pm')!;
  const orgs = await orgsByCode(trx, 'DL');
  const trainees = await traineesOf(trx, program.id);
  const classes = await trx
    .selectFrom('program_classes')
    .select(['id', 'theme'])
    .where('program_id', '=', program.id)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  let n = 0;
  for (const plan of S2_CLASS_PLANS) {
    const cls = classes.find((c) => c.theme === plan.theme);
    if (!cls) throw new Error(`demo results: S2 class ${plan.theme} missing`);
    const groups = await trx.selectFrom('class_groups').select(['id', 'name']).where('class_id', '=', cls.id).orderBy('sort_order').orderBy('id').execute();
    const owners = OWNERS[plan.key] ?? OWNERS.jj!;
    for (const [r, title] of plan.reports.entries()) {
      const pair = groups.slice(2 * r, 2 * r + 2);
      const ownerOrgId = orgs.get(owners[r]!)?.id ?? orgs.get('DL-SZ-FGW')!.id;
      const created = at(S2_DAYS[0], 12);
      const topicId = await insertId(trx, 'research_topics', {
        program_id: program.id,
        key_problem_id: null,
        class_id: cls.id,
        group_id: pair[0]!.id,
        code: `${plan.key.toUpperCase()}-${r + 1}`,
        title,
        goals: `围绕“${title}”开展现场调研和小组研讨，形成调研报告。`,
        expected_outputs: '小组调研报告 1 份，结业前交流展示',
        field: null,
        team_min: 6,
        team_max: 14,
        owner_org_id: ownerOrgId,
        status: 'completed',
        bidding_closes_on: null,
        created_by: pm,
        created_at: created,
        updated_at: at(LAST_DAY, 9),
      });
      const members = trainees.filter((t) => pair.some((g) => g.id === t.groupId));
      const lead = members.find((t) => t.groupId === pair[0]!.id && t.roles.includes('group_leader')) ?? members[0]!;
      await insertMany(
        trx,
        'task_force_members',
        members.map((t) => ({
          topic_id: topicId,
          cadre_id: t.cadreId,
          user_id: null,
          name: t.name,
          org_id: t.orgId,
          role: t === lead ? 'lead' : 'member',
          assigned_rank: null,
          created_at: created,
        })),
      );
      const summary = `${pair.map((g) => g.name).join('、')}结合现场教学和研讨，围绕“${title}”形成调研报告。`;
      const body = [summary, '一、现状与问题', '二、外地经验', '三、对策建议', ...ADVICE.slice(0, 2).map((a, k) => `${k + 1}. ${a}`)].join('\n');
      const submitted = at(LAST_DAY, 8, 40);
      const reportId = await insertId(trx, 'research_reports', {
        program_id: program.id,
        topic_id: topicId,
        group_id: pair[0]!.id,
        cadre_id: null,
        title: `《${title}》调研报告`,
        summary,
        body,
        file_name: null,
        file_path: null,
        size_bytes: null,
        mime: null,
        status: 'submitted',
        author_user_id: pm,
        submitted_at: submitted,
        search_terms: searchTerms(title, summary, body),
        created_at: at(LAST_DAY, 6),
        updated_at: submitted,
      });
      const count = n % 3 === 0 ? 1 : 2;
      for (let k = 0; k < count; k++) {
        const accepted = (n + k) % 3 !== 2;
        const steps: { to: RecommendationStatus; on: string; note: string; by: number | null }[] = accepted
          ? [{ to: 'accepted', on: '2026-09-20', note: '市委组织部转交承接单位研究采纳', by: pm }]
          : [];
        await seedRecommendation(trx, {
          programId: program.id,
          source: 'report',
          reportId,
          topicId,
          title: `${title}：${ADVICE[(r + k) % ADVICE.length]!}`,
          content: `建议承接单位围绕“${title}”${ADVICE[(r + k) % ADVICE.length]!}。`,
          ownerOrgId,
          deadline: '2027-06-30',
          expectedEffect: null,
          createdOn: '2026-09-05',
          createdBy: pm,
          steps,
        });
      }
      n++;
    }
  }
}
