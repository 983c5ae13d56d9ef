// S4 Shangqiu → Changzhou (closed): ten cadres' individual research reports (one wrote three: 12 in all), submitted
// 2023-01 … 03, each with 1–3 recommendations to Shangqiu units, tracked through 2023 (成果运用/本地化): mostly landed
// with evidence, some still in progress, one rejected; and the ten-member temporary Party branch's monthly meetings.
import type { RecommendationStatus } from '@duibiao/contracts';
import { addDays } from '../dates.ts';
import { Rng } from '../prng.ts';
import { at, insertId, isPartyMember, orgsByCode, searchTerms, traineesOf, type Trx } from './common.ts';
import { COMMITTEE, seedBranch, type MeetingPlan } from './party.ts';
import { seedRecommendation } from './recommendations.ts';
import type { Program } from './s3.ts';

export const S4_RESULTS_SEED = 20_230_115;

interface ReportSpec {
  /** Index into the ten trainees (enrolment order); trainee 0 wrote three. */
  cadre: number;
  title: string;
  summary: string;
  recs: { title: string; owner: string; evidence: [string, number, string] }[];
}

const REPORTS: ReportSpec[] = [
  {
    cadre: 0,
    title: '常州“532”发展战略对商丘产业发展的启示',
    summary: '分析常州以新能源产业为主导的“532”发展战略，提出商丘培育主导产业的路径。',
    recs: [
      { title: '编制商丘市主导产业链培育三年行动方案', owner: 'SQ-SZ-FGW', evidence: ['纳入培育的产业链', 6, '条'] },
      { title: '建立重点产业链“链长制”工作机制', owner: 'SQ-SZ-GXJ', evidence: ['明确链长、链主企业', 12, '家'] },
    ],
  },
  {
    cadre: 0,
    title: '常州武进国家高新区“亩均论英雄”改革调研',
    summary: '研究武进区工业企业亩均效益评价和资源要素差别化配置做法。',
    recs: [{ title: '在永城市开展工业企业亩均效益综合评价试点', owner: 'SQ-YCS', evidence: ['参评规上工业企业', 86, '家'] }],
  },
  {
    cadre: 0,
    title: '常州科教城产学研协同创新模式研究',
    summary: '剖析常州科教城“一城多院”集聚高校院所、服务企业创新的机制。',
    recs: [
      { title: '依托商丘职业技术学院建设产教融合实训基地', owner: 'SQ-SZ-ZYJS', evidence: ['共建企业', 9, '家'] },
      { title: '设立校地合作科技成果转化专项资金', owner: 'SQ-SZ-FGW', evidence: ['专项资金', 500, '万元'] },
      { title: '引进常州高校在商丘设立研究院', owner: 'SQ-SZ-FGW', evidence: ['签约共建研究院', 1, '家'] },
    ],
  },
  {
    cadre: 1,
    title: '常州优化营商环境“常有善商”品牌建设调研',
    summary: '总结常州政务服务“一件事一次办”和企业服务专员制度。',
    recs: [
      { title: '推行企业服务专员制度', owner: 'SQ-SZ-FGW', evidence: ['服务专员联系企业', 320, '家'] },
      { title: '推进“一件事一次办”集成改革', owner: 'SQ-SY', evidence: ['集成办理事项', 25, '项'] },
    ],
  },
  {
    cadre: 2,
    title: '常州乡村振兴中的村级集体经济发展路径',
    summary: '调研常州村级集体经济“强村富民”做法和物业型、服务型增收模式。',
    recs: [{ title: '实施村级集体经济“消薄提质”行动', owner: 'SQ-SZ-XCJ', evidence: ['集体经济收入超 10 万元的村', 45, '个'] }],
  },
  {
    cadre: 3,
    title: '常州新能源汽车产业链招商的经验与借鉴',
    summary: '研究常州围绕动力电池和整车开展产业链招商的方法。',
    recs: [
      { title: '组建新能源产业链招商专班', owner: 'SQ-LY', evidence: ['签约项目', 4, '个'] },
      { title: '建设新能源汽车零部件产业园', owner: 'SQ-LY', evidence: ['入驻企业', 7, '家'] },
    ],
  },
  {
    cadre: 4,
    title: '常州基层社会治理网格化建设调研',
    summary: '总结常州“精网微格”基层治理和矛盾纠纷多元化解做法。',
    recs: [
      { title: '推行“精网微格”基层治理模式', owner: 'SQ-YC', evidence: ['划分微网格', 1200, '个'] },
      { title: '建立矛盾纠纷多元化解中心', owner: 'SQ-SZ-SFJ', evidence: ['调解成功率', 96, '%'] },
    ],
  },
  {
    cadre: 5,
    title: '常州高新区“智改数转”推动制造业转型升级',
    summary: '研究常州制造业智能化改造和数字化转型的政策支持和服务体系。',
    recs: [{ title: '出台制造业“智改数转”三年行动计划', owner: 'SQ-SZ-GXJ', evidence: ['完成智能化改造企业', 38, '家'] }],
  },
  {
    cadre: 6,
    title: '常州文旅融合发展经验对商丘古城的启示',
    summary: '借鉴常州青果巷、天宁寺等文旅融合项目运营经验，研究商丘古城文旅提升。',
    recs: [
      { title: '引入专业运营商统一运营商丘古城文旅项目', owner: 'SQ-SY', evidence: ['古城年接待游客', 420, '万人次'] },
      { title: '将商丘古城整体交由外地企业独家开发', owner: 'SQ-SY', evidence: ['', 0, ''] },
    ],
  },
  {
    cadre: 7,
    title: '常州人才“龙城英才计划”调研',
    summary: '研究常州以项目引才、以产业聚才的“龙城英才计划”。',
    recs: [{ title: '实施商丘“归雁经济”人才回引计划', owner: 'SQ-SZ-FGW', evidence: ['回引创业人才', 156, '人'] }],
  },
  {
    cadre: 8,
    title: '常州农业现代化与高标准农田建设调研',
    summary: '研究常州高标准农田建设和农业社会化服务体系。',
    recs: [
      { title: '推进高标准农田建设与农业社会化服务结合', owner: 'SQ-NL', evidence: ['新建高标准农田', 3.5, '万亩'] },
      { title: '培育农业社会化服务组织', owner: 'SQ-NL', evidence: ['服务组织', 18, '家'] },
    ],
  },
  {
    cadre: 9,
    title: '常州开发区“区政合一”管理体制改革研究',
    summary: '研究常州开发区管理体制改革和“管委会+公司”运营模式。',
    recs: [{ title: '推动商丘经开区“管委会+公司”改革', owner: 'SQ-SZ-FGW', evidence: ['市场化选聘人员', 24, '人'] }],
  },
];

const SUBMITTED = [
  '2023-01-10',
  '2023-01-16',
  '2023-02-08',
  '2023-01-18',
  '2023-02-14',
  '2023-02-20',
  '2023-02-24',
  '2023-03-01',
  '2023-03-06',
  '2023-03-08',
  '2023-03-10',
  '2023-03-15',
];

/** The rejected one (a sole-developer proposal) and the still-in-progress ones, by recommendation title. */
const REJECTED = '将商丘古城整体交由外地企业独家开发';
const IN_PROGRESS = new Set(['引进常州高校在商丘设立研究院', '建设新能源汽车零部件产业园', '培育农业社会化服务组织']);

export async function seedS4Results(trx: Trx, program: Program, users: Map<string, number>): Promise<void> {
  const rng = new Rng(S4_RESULTS_SEED);
  const trainees = await traineesOf(trx, program.id);
  if (trainees.length !== 10) throw new Error(`demo results: S4 has ${trainees.length} trainees, expected 10`);
  const orgs = await orgsByCode(trx, 'SQ');
  const admin = users.get('sq_admin')!;
  for (const [i, r] of REPORTS.entries()) {
    const cadre = trainees[r.cadre]!;
    const on = SUBMITTED[i]!;
    const body = [r.summary, '一、常州的主要做法', '二、商丘的差距', '三、对策建议', ...r.recs.map((x, k) => `${k + 1}. ${x.title}`)].join('\n');
    const reportId = await insertId(trx, 'research_reports', {
      program_id: program.id,
      topic_id: null,
      group_id: null,
      cadre_id: cadre.cadreId,
      title: r.title,
      summary: r.summary,
      body,
      file_name: null,
      file_path: null,
      size_bytes: null,
      mime: null,
      status: 'submitted',
      author_user_id: admin,
      submitted_at: at(on, 2),
      search_terms: searchTerms(r.title, r.summary, body),
      created_at: at(addDays(on, -5), 2),
      updated_at: at(on, 2),
    });
    for (const rec of r.recs) {
      const created = addDays(on, 7);
      const rejected = rec.title === REJECTED;
      const inProgress = IN_PROGRESS.has(rec.title);
      const landedOn = addDays(created, 90 + rng.int(0, 150));
      const steps: { to: RecommendationStatus; on: string; note: string; by: number | null }[] = rejected
        ? [{ to: 'rejected', on: addDays(created, 12), note: '不予采纳', by: admin }]
        : [
            { to: 'accepted', on: addDays(created, 10), note: '市委组织部转交承接单位，纳入成果运用清单', by: admin },
            { to: 'in_progress', on: addDays(created, 30), note: '承接单位制定落实方案，推进本地化', by: admin },
            ...(inProgress ? [] : [{ to: 'landed' as const, on: landedOn, note: '建议落地见效，成果运用完成', by: admin }]),
          ];
      const [label, value, unit] = rec.evidence;
      await seedRecommendation(trx, {
        programId: program.id,
        source: 'report',
        reportId,
        topicId: null,
        title: rec.title,
        content: `${rec.title}（来源：${cadre.name}《${r.title}》）`,
        ownerOrgId: orgs.get(rec.owner)!.id,
        deadline: inProgress ? '2026-12-31' : '2023-12-31',
        expectedEffect: label ? `${label}达到预期` : null,
        createdOn: created,
        createdBy: admin,
        steps,
        rejectReason: '古城保护开发涉及文物保护和公共利益，不宜由单一企业独家开发；已采纳“引入专业运营商”建议。',
        evidence:
          rejected || inProgress
            ? []
            : [
                { kind: 'figure', label, value, unit },
                { kind: 'document', label: `《${rec.title}》落实情况报告` },
              ],
      });
    }
  }
  await seedS4Branch(trx, program, trainees, admin, rng);
}

async function seedS4Branch(trx: Trx, program: Program, trainees: Awaited<ReturnType<typeof traineesOf>>, admin: number, rng: Rng) {
  const party = trainees.filter((t) => isPartyMember(t.politicalStatus));
  const members = party.map((t, i) => ({ cadreId: t.cadreId, role: i < 3 ? COMMITTEE[i]! : ('member' as const), group: null }));
  const months = ['2022-09', '2022-10', '2022-11', '2022-12', '2023-01', '2023-02', '2023-03'];
  const meetings: MeetingPlan[] = months.flatMap((m, i) => {
    const first = i === 0 ? '2022-09-20' : `${m}-05`;
    const monthly: MeetingPlan[] = [
      {
        kind: 'committee',
        on: first,
        title: `支委会：${m.replace('-', '年')}月工作安排`,
        location: '常州市武进区委党校',
        agenda: '通报跟班学习情况；安排本月组织生活',
        minutes: '支委会研究本月学习和组织生活安排。',
        attendees: members.filter((x) => x.role !== 'member').map((x) => x.cadreId),
      },
    ];
    const kinds: MeetingPlan['kind'][] = ['member_assembly', 'party_lecture', 'theme_day'];
    const kind = kinds[i % kinds.length]!;
    const titles: Record<string, string> = {
      member_assembly: '党员大会：交流跟班学习体会',
      party_lecture: '党课：学习常州发展经验，推动商丘高质量发展',
      theme_day: '主题党日：参观瞿秋白纪念馆',
    };
    // March's ends on the 15th: the program closed on 03-18.
    monthly.push({
      kind,
      on: m === '2023-03' ? '2023-03-15' : `${m}-20`,
      title: titles[kind]!,
      location: kind === 'theme_day' ? '常州瞿秋白纪念馆' : '常州市武进区委党校',
      agenda: '学习交流；部署下阶段工作',
      minutes: '全体党员参加，交流跟班学习收获。',
      attendees: null,
    });
    return monthly;
  });
  await seedBranch(
    trx,
    {
      programId: program.id,
      name: '商丘市赴常州跟班学习临时党支部',
      formedOn: '2022-09-16',
      note: '跟班学习期间设立，学习结束后撤销。',
      members,
      meetings,
      createdBy: admin,
    },
    rng,
  );
}
