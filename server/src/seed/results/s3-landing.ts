// S3's interim reports (one per topic through the mid-term) and their recommendations, tracked by Qingdao owner units:
// two landed with evidence, in progress, accepted, proposed, two overdue (deadline passed, not landed), one rejected.
// Two are owned in 市南区 (QD-SN subtree), so sn_admin has work on /landing.
import type { RecommendationStatus } from '@duibiao/contracts';
import { addDays } from '../dates.ts';
import { at, insertId, searchTerms, type Org, type Trx } from './common.ts';
import { seedRecommendation } from './recommendations.ts';
import { S3_THEMES } from './s3-problem-data.ts';
import { DEFENDED_THEMES, type Users } from './s3-milestones.ts';
import type { SeededTopic } from './s3-topics.ts';

interface RecSpec {
  theme: number;
  title: string;
  content: string;
  owner: string;
  /** Days from the seed day. */
  deadline: number;
  effect: string;
  /** Status changes after 'proposed', days from the seed day. */
  path: [RecommendationStatus, number, string][];
  reject?: string;
  evidence?: { kind: 'figure' | 'document'; label: string; value?: number; unit?: string }[];
}

const RECS: RecSpec[] = [
  {
    theme: 1,
    title: '在深圳设立青岛驻深招商联络站，常态化开展产业链招商',
    content: '依托实训学员和青岛市深圳商会，在南山区设立驻深招商联络站，建立“专班+联络站+商会”工作机制。',
    owner: 'QD-SZ-SWJ',
    deadline: 10,
    effect: '每季度对接深圳重点企业不少于 20 家，年内签约项目 5 个以上',
    path: [
      ['accepted', -5, '市商务局采纳，列入本年度招商重点工作'],
      ['in_progress', -4, '联络站选址完成，抽调 3 名同志驻点'],
      ['landed', -1, '联络站挂牌运行，首批项目签约'],
    ],
    evidence: [
      { kind: 'figure', label: '签约项目', value: 3, unit: '个' },
      { kind: 'figure', label: '到位资金', value: 1.2, unit: '亿元' },
      { kind: 'document', label: '《青岛市驻深圳招商联络站工作方案》' },
    ],
  },
  {
    theme: 1,
    title: '绘制面向深圳企业的产业链招商图谱',
    content: '围绕新能源汽车、集成电路、生物医药三条产业链，梳理深圳链主企业及配套企业，形成招商图谱和目标企业清单。',
    owner: 'QD-SZ-SWJ',
    deadline: 40,
    effect: '形成目标企业清单 100 家',
    path: [
      ['accepted', -4, '同意，由投资促进处牵头'],
      ['in_progress', -2, '已完成新能源汽车产业链图谱初稿'],
    ],
  },
  {
    theme: 0,
    title: '修订市级引导基金管理办法，提高让利和容错比例',
    content: '参照深圳天使母基金做法，对早期项目子基金提高政府让利比例，明确单个项目亏损不作为追责依据。',
    owner: 'QD-SZ-JRJ',
    deadline: 60,
    effect: '引导基金投向早期项目比例提高到 30%',
    path: [['accepted', -3, '市地方金融监管局采纳，纳入管理办法修订计划']],
  },
  {
    theme: 0,
    title: '建立引导基金返投认定“白名单”',
    content: '对深圳等地落户青岛的被投企业，按实际经营和纳税情况认定返投，简化认定材料。',
    owner: 'QD-SZ-JRJ',
    deadline: -1,
    effect: '返投认定办理时间压缩一半',
    path: [
      ['accepted', -5, '采纳'],
      ['in_progress', -4, '正在征求财政、税务部门意见'],
    ],
  },
  {
    theme: 0,
    title: '要求市属国资基金全部投向初创期项目',
    content: '市属国资基金新增投资全部投向成立 3 年以内的初创企业。',
    owner: 'QD-SZ-GZW',
    deadline: 90,
    effect: '',
    path: [['rejected', -2, '不予采纳']],
    reject: '与国资保值增值要求和现有基金协议冲突，改为通过引导基金子基金提高早期投资比例（见上条建议）。',
  },
  {
    theme: 8,
    title: '在市南区推行“民生微实事”项目机制',
    content: '借鉴深圳做法，由居民点单、社区派单、部门接单，小额民生项目由社区按程序自主实施。',
    owner: 'QD-SN',
    deadline: 20,
    effect: '每个社区每年实施民生微实事项目不少于 5 个',
    path: [
      ['accepted', -4, '区委常委会研究同意'],
      ['in_progress', -3, '出台试行办法，确定试点社区'],
      ['landed', -1, '首批项目完成'],
    ],
    evidence: [
      { kind: 'figure', label: '实施民生微实事项目', value: 12, unit: '个' },
      { kind: 'figure', label: '投入资金', value: 300, unit: '万元' },
      { kind: 'document', label: '《市南区民生微实事项目实施办法（试行）》' },
    ],
  },
  {
    theme: 8,
    title: '八大关街道党群服务中心延时错时服务',
    content: '党群服务中心实行延时、错时服务，引入社会组织运营亲子、长者服务项目。',
    owner: 'QD-SN-BDG',
    deadline: 45,
    effect: '服务中心月均服务居民人次翻番',
    path: [],
  },
  {
    theme: 3,
    title: '惠企政策“免申即享”清单化推进',
    content: '梳理可免申即享的惠企政策，依托企业数据自动匹配、直达快享。',
    owner: 'QD-SZ-FGW',
    deadline: 50,
    effect: '首批免申即享政策事项不少于 20 项',
    path: [],
  },
  {
    theme: 3,
    title: '开展商事登记确认制改革试点',
    content: '在自贸片区开展商事登记确认制改革试点，推行住所申报承诺制。',
    owner: 'QD-SZ-FGW',
    deadline: -2,
    effect: '企业开办时间压缩至 0.5 个工作日',
    path: [['accepted', -4, '原则同意，需与市场监管部门会商']],
  },
];

export async function seedS3Landing(
  trx: Trx,
  o: { programId: number; today: string; topics: SeededTopic[]; orgs: Map<string, Org>; users: Users; ownCadre: number },
): Promise<void> {
  const byTheme = new Map(o.topics.map((t) => [t.theme, t]));
  const reports = new Map<number, number>();
  for (const theme of DEFENDED_THEMES) {
    const t = byTheme.get(theme)!;
    const title = `${S3_THEMES[theme]!.title}——中期调研报告`;
    const summary = `课题组赴深圳相关部门和企业调研，梳理深圳做法，对照青岛现状提出对策建议。${S3_THEMES[theme]!.description}`;
    const body = [
      '一、深圳的主要做法',
      S3_THEMES[theme]!.description,
      '二、青岛的现状与差距',
      '对照深圳做法，青岛在机制设计、政策协同和服务效率方面仍有差距。',
      '三、对策建议',
      ...RECS.filter((r) => r.theme === theme).map((r, i) => `${i + 1}. ${r.title}：${r.content}`),
    ].join('\n');
    const when = at(addDays(o.today, -6), 7);
    reports.set(
      theme,
      await insertId(trx, 'research_reports', {
        program_id: o.programId,
        topic_id: t.id,
        group_id: null,
        cadre_id: null,
        title,
        summary,
        body,
        file_name: null,
        file_path: null,
        size_bytes: null,
        mime: null,
        status: 'submitted',
        author_user_id: t.members.includes(o.ownCadre) ? o.users.own : o.users.tutor,
        submitted_at: when,
        search_terms: searchTerms(title, summary, body),
        created_at: at(addDays(o.today, -8), 7),
        updated_at: when,
      }),
    );
  }
  const ownerUser = (code: string) => (code === 'QD-SN' || code.startsWith('QD-SN-') ? o.users.snAdmin : o.users.admin);
  for (const r of RECS) {
    const ownerOrgId = o.orgs.get(r.owner)!.id;
    await seedRecommendation(trx, {
      programId: o.programId,
      source: 'report',
      reportId: reports.get(r.theme)!,
      topicId: byTheme.get(r.theme)!.id,
      title: r.title,
      content: r.content,
      ownerOrgId,
      deadline: addDays(o.today, r.deadline),
      expectedEffect: r.effect || null,
      createdOn: addDays(o.today, -6),
      createdBy: o.users.pm,
      // The organizer accepts or rejects; the owner unit reports progress and landing.
      steps: r.path.map(([to, d, note]) => ({
        to,
        on: addDays(o.today, d),
        note,
        by: to === 'landed' || to === 'in_progress' ? ownerUser(r.owner) : o.users.pm,
      })),
      rejectReason: r.reject,
      evidence: r.evidence,
    });
  }
}
