// What Qingdao's units and trainees want to learn in Shenzhen: 22 themes (the 2.0 list's 16 fixed and 6 open key
// problems), each with a few core asks that questions rephrase, so true paraphrase clusters exist in the 223 questions.
import type { ProblemField } from '@duibiao/contracts';

export interface ProblemTheme {
  /** The curated 2.0 title. */
  title: string;
  description: string;
  field: ProblemField;
  kind: 'fixed' | 'open';
  /** The Qingdao unit that takes the results home (承接单位), by org code. */
  ownerCode: string;
  /** Core asks; every question of the cluster is one of them in other words. */
  asks: string[];
  /** Topics only: goals and expected outputs. */
  goals: string;
  outputs: string;
}

export const S3_THEMES: readonly ProblemTheme[] = [
  {
    title: '如何发挥政府引导基金作用撬动社会资本投向战略性新兴产业',
    description: '梳理深圳市引导基金、天使母基金的设立、让利和容错机制，研究青岛市级引导基金提质增效路径。',
    field: 'finance',
    kind: 'fixed',
    ownerCode: 'QD-SZ-JRJ',
    asks: [
      '深圳政府引导基金是怎样撬动社会资本投向战略性新兴产业的',
      '深圳天使母基金的让利和容错机制是如何设计的',
      '政府产业基金如何避免“只投国企、不敢投早投小”',
      '引导基金的返投比例和考核办法在深圳是怎么定的',
      '怎样让国资基金敢于投向早期科技项目',
    ],
    goals: '摸清深圳引导基金“募投管退”全流程做法，提出青岛市级引导基金改革的具体措施。',
    outputs: '调研报告 1 份；《青岛市政府引导基金管理办法》修订建议稿',
  },
  {
    title: '产业链招商与以商招商的深圳做法',
    description: '研究深圳围绕“20+8”产业集群开展产业链招商、以商招商和驻点招商的组织方式与激励办法。',
    field: 'investment',
    kind: 'fixed',
    ownerCode: 'QD-SZ-SWJ',
    asks: [
      '深圳是怎样围绕产业链开展精准招商的',
      '以商招商在深圳有哪些激励办法',
      '深圳的驻点招商队伍是如何组建和考核的',
      '招商引资中如何做好项目落地后的跟踪服务',
      '怎样从深圳引进总部或区域总部项目到青岛',
    ],
    goals: '形成面向深圳企业的产业链招商图谱和项目清单，建立驻深招商联络机制。',
    outputs: '深圳重点企业招商图谱；招商项目清单；驻深招商工作方案',
  },
  {
    title: '科技成果转化与新型研发机构建设',
    description: '对标深圳新型研发机构“四不像”体制，研究成果转化收益分配、概念验证中心和中试平台建设。',
    field: 'innovation',
    kind: 'fixed',
    ownerCode: 'QD-SZ-KJJ',
    asks: [
      '深圳新型研发机构是如何运行和考核的',
      '科技成果转化收益如何分配才能调动科研人员积极性',
      '深圳的概念验证中心和中试平台是怎么建设运营的',
      '高校院所的科研成果怎样更快在本地转化落地',
      '如何建设像深圳那样的“基础研究+技术攻关+成果产业化”全过程创新生态链',
    ],
    goals: '提出青岛新型研发机构认定、绩效评价和中试平台建设的政策建议。',
    outputs: '调研报告；新型研发机构绩效评价办法建议稿',
  },
  {
    title: '打造市场化法治化国际化一流营商环境',
    description: '研究深圳商事登记确认制、“秒报秒批”、惠企政策“免申即享”等改革，查找青岛营商环境短板。',
    field: 'service',
    kind: 'fixed',
    ownerCode: 'QD-SZ-FGW',
    asks: [
      '深圳商事登记确认制改革是怎么推开的',
      '惠企政策“免申即享”在深圳是如何实现的',
      '深圳如何做到政务服务“秒报秒批”',
      '营商环境评价中深圳有哪些可复制的改革举措',
      '怎样减少企业办事来回跑、多头跑',
    ],
    goals: '对照深圳营商环境改革清单，形成青岛可复制推广事项清单。',
    outputs: '营商环境对标清单；调研报告',
  },
  {
    title: '城市更新与片区统筹规划实施',
    description: '学习深圳城市更新单元、片区统筹和利益共享机制，研究青岛老城区有机更新路径。',
    field: 'urban',
    kind: 'fixed',
    ownerCode: 'QD-SZ-ZRJ',
    asks: [
      '深圳城市更新单元计划是如何审批和实施的',
      '城市更新中原业主、开发主体和政府的利益如何平衡',
      '深圳片区统筹规划怎样破解土地碎片化',
      '旧工业区改造为产业空间有哪些政策工具',
      '城市更新项目如何保障公共配套和保障性住房',
    ],
    goals: '研究城市更新利益共享机制，选择青岛一处片区开展模拟测算。',
    outputs: '调研报告；片区城市更新试点方案',
  },
  {
    title: '人才引进培育与安居保障',
    description: '研究深圳人才分类认定、人才安居房、青年人才驿站等政策，提出青岛人才政策优化建议。',
    field: 'talent',
    kind: 'fixed',
    ownerCode: 'QD-SZ-ZZB',
    asks: [
      '深圳是如何吸引和留住青年人才的',
      '深圳人才安居房的供给和分配方式是怎样的',
      '高层次人才分类认定在深圳怎么操作',
      '企业引才的奖补政策如何兑现得更快',
      '青年人才驿站在深圳是怎么运营的',
    ],
    goals: '形成青岛青年人才安居和引才奖补政策优化建议。',
    outputs: '调研报告；人才政策优化建议清单',
  },
  {
    title: '数字政府与“一网统管”建设',
    description: '学习深圳数字政府、城市运行管理中心和数据共享机制，研究青岛数字政府建设重点。',
    field: 'service',
    kind: 'fixed',
    ownerCode: 'QD-SZ-GXJ',
    asks: [
      '深圳数字政府建设的统筹机制是怎样的',
      '“一网统管”城市运行管理中心在深圳是如何运转的',
      '部门之间的数据共享壁垒深圳是怎么打通的',
      '政务数据如何在保障安全的前提下开放利用',
    ],
    goals: '梳理深圳数字政府管理架构和数据共享规则，提出青岛推进方案。',
    outputs: '调研报告；数据共享责任清单建议',
  },
  {
    title: '海洋经济高质量发展',
    description: '研究深圳建设全球海洋中心城市的产业布局、海洋科技平台和海洋金融，结合青岛海洋优势提出对策。',
    field: 'industry',
    kind: 'fixed',
    ownerCode: 'QD-HD',
    asks: [
      '深圳建设全球海洋中心城市有哪些重点举措',
      '海洋高端装备产业在深圳是如何集聚的',
      '海洋科技创新平台怎样与企业协同',
      '海洋金融和航运服务深圳是怎么发展的',
    ],
    goals: '找准青岛与深圳海洋经济合作切入点，形成合作项目建议。',
    outputs: '调研报告；深青海洋经济合作项目清单',
  },
  {
    title: '党建引领基层社会治理创新',
    description: '学习深圳党群服务中心、“民生微实事”和社区网格化治理，研究青岛街道社区治理提升路径。',
    field: 'governance',
    kind: 'fixed',
    ownerCode: 'QD-SN',
    asks: [
      '深圳党群服务中心是如何运营和发挥作用的',
      '“民生微实事”项目在深圳是怎么征集和实施的',
      '超大城市社区网格化治理深圳有哪些经验',
      '如何发动居民和社会组织参与社区治理',
    ],
    goals: '提出市南区社区党群服务阵地和民生微实事机制的改进方案。',
    outputs: '调研报告；民生微实事实施办法建议稿',
  },
  {
    title: '深化国资国企改革，打造市场化投资平台',
    description: '研究深圳国资“基金群”、混合所有制改革和市属国企市场化选人用人机制。',
    field: 'finance',
    kind: 'fixed',
    ownerCode: 'QD-SZ-GZW',
    asks: [
      '深圳国资是如何通过基金群服务产业发展的',
      '市属国企混合所有制改革在深圳有哪些成功案例',
      '国企职业经理人制度在深圳怎么推行',
      '国有资本投资运营公司如何提高市场化水平',
    ],
    goals: '提出青岛市属国企资本运作和市场化机制改革建议。',
    outputs: '调研报告；国企改革案例汇编',
  },
  {
    title: '专精特新企业梯度培育',
    description: '研究深圳专精特新企业培育库、“小升规”奖励和产业空间保障措施。',
    field: 'industry',
    kind: 'fixed',
    ownerCode: 'QD-SZ-GXJ',
    asks: [
      '深圳是怎样梯度培育专精特新企业的',
      '中小企业“小升规”在深圳有什么奖励和服务',
      '如何帮助专精特新企业解决融资和空间难题',
      '深圳对制造业中小企业数字化转型有哪些支持',
    ],
    goals: '形成青岛专精特新企业培育库建设方案。',
    outputs: '调研报告；专精特新培育政策建议',
  },
  {
    title: '科技金融与知识产权质押融资',
    description: '研究深圳科技信贷风险补偿、知识产权证券化和投贷联动模式。',
    field: 'finance',
    kind: 'fixed',
    ownerCode: 'QD-SZ-CZJ',
    asks: [
      '深圳知识产权证券化是怎么做起来的',
      '科技型中小企业贷款风险补偿资金池如何运作',
      '投贷联动在深圳银行中是怎样开展的',
      '轻资产科技企业如何获得银行信贷支持',
    ],
    goals: '提出青岛科技信贷风险补偿和知识产权融资的改进措施。',
    outputs: '调研报告；科技金融政策建议',
  },
  {
    title: '总部经济与楼宇经济发展',
    description: '研究深圳福田、南山发展总部经济和楼宇经济的政策、服务和统计方法。',
    field: 'investment',
    kind: 'fixed',
    ownerCode: 'QD-SN',
    asks: ['深圳是如何发展总部经济的', '楼宇经济的招商和服务在深圳各区怎么做', '“亿元楼”培育有哪些政策工具', '如何提高商务楼宇的税收产出和入驻率'],
    goals: '提出市南区总部经济和楼宇经济提升方案。',
    outputs: '调研报告；楼宇经济服务专员制度建议',
  },
  {
    title: '新型产业用地与“工业上楼”',
    description: '研究深圳新型产业用地（M0）政策、“工业上楼”和产业空间供给，破解“有项目无空间”。',
    field: 'urban',
    kind: 'fixed',
    ownerCode: 'QD-LS',
    asks: [
      '深圳新型产业用地M0政策是怎么管理的',
      '“工业上楼”在深圳如何解决承重、环保和消防问题',
      '如何防止新型产业用地变相搞房地产',
      '低效工业用地怎样盘活再利用',
    ],
    goals: '形成崂山区新型产业用地管理办法建议和“工业上楼”试点方案。',
    outputs: '调研报告；新型产业用地管理办法建议稿',
  },
  {
    title: '高水平对外开放与开放平台建设',
    description: '学习前海深港现代服务业合作区的制度创新和外贸新业态，研究青岛自贸片区和上合示范区建设。',
    field: 'investment',
    kind: 'fixed',
    ownerCode: 'QD-HD',
    asks: ['前海在制度创新方面有哪些可复制的经验', '深圳外贸新业态是如何培育的', '开放平台如何吸引境外企业和机构落户', '深港规则衔接有哪些做法值得青岛借鉴'],
    goals: '提出青岛自贸片区制度创新项目建议。',
    outputs: '调研报告；制度创新案例建议清单',
  },
  {
    title: '“两新”组织党建与企业党建服务发展',
    description: '研究深圳非公企业和社会组织党建、园区党建和“党建+”服务企业发展的做法。',
    field: 'party_building',
    kind: 'fixed',
    ownerCode: 'QD-SB',
    asks: [
      '深圳非公企业党建是怎样做到有形覆盖和有效覆盖的',
      '园区党建如何服务企业发展',
      '社会组织党建在深圳有哪些创新做法',
      '如何让互联网企业党建工作有特色有成效',
    ],
    goals: '提出市北区园区和楼宇党建工作提升方案。',
    outputs: '调研报告；园区党建工作指引',
  },
  {
    title: '低空经济产业培育',
    description: '研究深圳低空经济的空域协调、应用场景开放和产业链布局。',
    field: 'industry',
    kind: 'open',
    ownerCode: 'QD-LS',
    asks: ['深圳低空经济是怎么起步和发展的', '无人机物流等低空应用场景如何开放', '低空经济的空域协调和安全监管怎么做'],
    goals: '评估青岛发展低空经济的条件，提出应用场景清单。',
    outputs: '专题报告；低空应用场景清单',
  },
  {
    title: '人工智能产业生态与场景开放',
    description: '研究深圳人工智能先锋城市建设、算力基础设施和应用场景开放机制。',
    field: 'innovation',
    kind: 'open',
    ownerCode: 'QD-SZ-KJJ',
    asks: ['深圳是如何建设人工智能产业生态的', '政府怎样向人工智能企业开放应用场景', '公共算力平台在深圳如何建设和收费'],
    goals: '提出青岛人工智能应用场景开放和算力券政策建议。',
    outputs: '专题报告；场景开放清单',
  },
  {
    title: '跨境电商与平台经济发展',
    description: '研究深圳跨境电商综合试验区、海外仓和平台企业培育。',
    field: 'investment',
    kind: 'open',
    ownerCode: 'QD-SB',
    asks: ['深圳跨境电商是怎么发展壮大的', '海外仓建设有哪些支持政策', '怎样培育本地的平台型企业'],
    goals: '形成市北区跨境电商产业园招商和服务方案。',
    outputs: '专题报告；跨境电商招商清单',
  },
  {
    title: '智慧城市与城市运行精细化管理',
    description: '研究深圳智慧城市和城市运行精细化管理，包括城市体征监测和应急联动。',
    field: 'governance',
    kind: 'open',
    ownerCode: 'QD-SZ-GXJ',
    asks: ['深圳智慧城市建设有哪些典型应用', '城市运行体征监测是如何做的', '突发事件应急联动在深圳怎么指挥调度'],
    goals: '提出青岛城市运行管理平台建设的重点任务。',
    outputs: '专题报告',
  },
  {
    title: '老旧小区改造与完整社区建设',
    description: '研究深圳老旧小区改造的资金筹措、居民参与和长效管理。',
    field: 'urban',
    kind: 'open',
    ownerCode: 'QD-SB',
    asks: ['深圳老旧小区改造的资金怎么筹措', '老旧小区改造中如何调动居民参与', '改造后的小区如何建立长效管理机制'],
    goals: '',
    outputs: '',
  },
  {
    title: '城中村规模化租赁与治理',
    description: '研究深圳城中村综合治理和规模化租赁改造，作为西海岸新区城中村治理参考。',
    field: 'rural',
    kind: 'open',
    ownerCode: 'QD-HD',
    asks: ['深圳城中村综合治理有哪些做法', '城中村规模化租赁改造如何平衡村集体和租户利益', '城中村改造后怎样保障租金稳定'],
    goals: '',
    outputs: '',
  },
];

/** Open key problems that became topics (the other open ones stay on the list for later batches). */
export const S3_OPEN_TOPIC_COUNT = 4;

/** Ways of putting an ask: a lead-in and an ending; combined with an ask they give distinct, natural questions. */
export const LEAD_INS = ['', '请问', '想请深圳同志介绍一下：', '结合青岛实际，', '我们单位比较关心：', '希望了解', '向深圳学习：'] as const;
export const ENDINGS = ['？', '，有哪些可复制的经验？', '，青岛可以借鉴哪些做法？', '，具体是怎么操作的？', '，遇到过哪些难点、怎么解决的？'] as const;
