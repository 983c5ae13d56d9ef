// S6's written reflections (学习心得体会): every Keqiao trainee writes what they learned in Shenzhen and what they
// will do at home, and the organization department curates good practices from them. Themes follow the source
// article (innovation-driven growth, talent policy, reform, smart communities, the southern towns, M0 land).
import type { Kysely } from 'kysely';
import { nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { toSearchColumn } from '../../modules/feedback/search.rules.ts';
import { Rng } from '../prng.ts';

interface ReflectionTheme {
  title: string;
  learned: string;
  body: string;
  actions: { content: string; owner: string; months: number }[];
}

const THEMES: ReflectionTheme[] = [
  {
    title: '学习深圳创新发展经验，以科技创新引领高质量发展',
    learned: '深圳把创新驱动落到产业上：推动“科技、产业、城市”有机结合，以高新技术产业为特色推进产城融合，天安云谷由劳动密集型厂区改造为创新社区。',
    body: '对标深圳，差距在创新生态。要在目标上放眼全国，开展“对标比拼赶超”，在路径上抓平台、抓企业、抓人才。',
    actions: [
      { content: '梳理全区规上企业研发投入情况，形成科技创新短板清单', owner: '区科技局', months: 2 },
      { content: '谋划一处产城融合的科创园区改造试点', owner: '区发改局', months: 6 },
    ],
  },
  {
    title: '做深人才文章，让人才引得进、留得住、用得好',
    learned: '深圳建设以人才为主题的“人才公园”，做深“吸引人才靠政策、留住人才靠体制、成就人才靠成果”三篇文章。',
    body: '在各地“抢人大战”背景下，我区人才政策要从“给补贴”转向“给舞台”，打造有辨识度的人才服务品牌。',
    actions: [
      { content: '修订区人才新政，增加青年人才安居条款', owner: '区委人才办', months: 3 },
      { content: '建设一处人才主题公园或人才服务驿站', owner: '区住建局', months: 9 },
    ],
  },
  {
    title: '改革创新 求是实干',
    learned: '深圳创造了1000多项“全国第一”，从商事制度改革到行政审批制度改革，改革是这座城市的底色；勤奋是它的自然状态。',
    body: '要有“只做第一”的自信和系统思维，不偏科；抬头看路后要低头拉车，把改革举措落到基层。',
    actions: [{ content: '选取两项审批事项开展“一件事”集成改革试点', owner: '区行政审批局', months: 4 }],
  },
  {
    title: '打造智慧社区，让生活更美好',
    learned: '南岭村社区服务中心面积1万余平方米，功能齐全，“有人为群众提供优质服务”；南坑社区以党建引领群众参与治理。',
    body: '树立“以人民为中心”的理念，确定建设智慧社区的目标，绘好智慧社区建设规划图、服务图和治理图。',
    actions: [
      { content: '编制街道智慧社区建设三年规划', owner: '柯桥街道党工委', months: 3 },
      { content: '在两个社区试点“全科社工”服务模式', owner: '柯桥街道社会事务办', months: 6 },
    ],
  },
  {
    title: '立足南部三镇，谋划山区发展新空间',
    learned: '深圳把城市更新和生态保护统筹考虑，发展空间靠规划和改革“挤”出来。',
    body: '平水、王坛、稽东三镇拥有全区40%以上的面积，是战略纵深和生态文化高地，要讲好兰亭文化故事，引进优质文旅项目。',
    actions: [{ content: '策划兰亭文化旅游度假区文旅招商项目包', owner: '平水镇党委', months: 5 }],
  },
  {
    title: '用好新型产业用地政策，破解产业空间瓶颈',
    learned: '深圳推行M0新型产业用地，允许研发、创意、设计等新产业混合使用，提高容积率，破解“有项目无空间”。',
    body: '我区低效工业用地多，可借鉴M0政策推进“腾笼换鸟”，为数字经济和研发类企业提供成片空间。',
    actions: [{ content: '研究出台我区新型产业用地（M0）管理办法征求意见稿', owner: '区自然资源和规划分局', months: 6 }],
  },
];

const PRACTICES: { title: string; summary: string; fields: string[]; city: string; theme: number }[] = [
  {
    title: '天安云谷：从劳动密集型厂区到产城融合创新社区',
    summary: '以城市更新推动“科技、产业、城市”有机结合，原五金塑料厂区改造为创新型产业社区。',
    fields: ['城市更新', '产业发展'],
    city: '深圳',
    theme: 0,
  },
  {
    title: '深圳人才公园：以人才为主题的城市公园',
    summary: '把尊重人才写进城市空间，配套人才服务，打响“来了就是深圳人”的城市品牌。',
    fields: ['人才工作'],
    city: '深圳',
    theme: 1,
  },
  {
    title: '商事制度改革“破冰”：先照后证与审批集成',
    summary: '率先开展行政审批制度和商事制度改革，以“一件事”集成服务压减环节和时限。',
    fields: ['营商环境', '改革创新'],
    city: '深圳',
    theme: 2,
  },
  {
    title: '南岭村社区服务中心：万平方米一站式为民服务',
    summary: '社区服务中心、居家养老照料中心、文化家园集中布局，党建引领群众参与社区治理。',
    fields: ['社会治理', '党建引领'],
    city: '深圳',
    theme: 3,
  },
  {
    title: 'M0新型产业用地：为研发和创新企业腾出空间',
    summary: '允许研发、创意、设计等新兴产业混合使用并提高容积率，破解“有项目无空间”的难题。',
    fields: ['土地政策', '产业发展'],
    city: '深圳',
    theme: 5,
  },
];

type Trx = Kysely<Database>;

/** One reflection per S6 trainee (themes rotate) with their action items, plus the curated practices. */
export async function seedS6Reflections(
  trx: Trx,
  programId: number,
  organizerOrgId: number,
  endDate: string,
): Promise<{ reflections: number; practices: number }> {
  const rng = new Rng(2026_0823);
  const at = nowIso();
  const written = `${endDate}T12:00:00.000Z`;
  const enrolments = await trx.selectFrom('enrolments').select(['id', 'cadre_id']).where('program_id', '=', programId).orderBy('id').execute();
  const firstReflection = new Map<number, number>();
  for (const [i, e] of enrolments.entries()) {
    const theme = THEMES[i % THEMES.length]!;
    const { id } = await trx
      .insertInto('reflections')
      .values({
        program_id: programId,
        cadre_id: e.cadre_id,
        title: theme.title,
        learned: theme.learned,
        body: theme.body,
        status: 'submitted',
        search_terms: toSearchColumn(theme.title, theme.learned, theme.body, ...theme.actions.map((a) => a.content)),
        created_at: written,
        updated_at: written,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (!firstReflection.has(i % THEMES.length)) firstReflection.set(i % THEMES.length, id);
    await trx
      .insertInto('action_items')
      .values(
        theme.actions.map((a) => {
          const deadline = new Date(Date.parse(`${endDate}T00:00:00Z`) + a.months * 30 * 86_400_000).toISOString().slice(0, 10);
          return {
            reflection_id: id,
            content: a.content,
            owner: a.owner,
            deadline,
            status: rng.pick(['planned', 'in_progress', 'in_progress', 'done']),
            created_at: written,
            updated_at: at,
          };
        }),
      )
      .execute();
  }
  for (const p of PRACTICES) {
    const body = `${THEMES[p.theme]!.learned}\n${THEMES[p.theme]!.body}`;
    await trx
      .insertInto('good_practices')
      .values({
        org_id: organizerOrgId,
        program_id: programId,
        reflection_id: firstReflection.get(p.theme) ?? null,
        title: p.title,
        summary: p.summary,
        body,
        fields: JSON.stringify(p.fields),
        fields_index: `|${p.fields.join('|')}|`,
        source_city: p.city,
        search_terms: toSearchColumn(p.title, p.summary, body, p.fields.join(' '), p.city),
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  return { reflections: enrolments.length, practices: PRACTICES.length };
}
