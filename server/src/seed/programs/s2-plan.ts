// S2 plan data (source 001_…): venues, instructors and the day-by-day route of each Dalian theme class.
import type { Venue } from '@duibiao/core/timetable/index';
import type { S2Theme } from '../specialties.ts';
import type { DemoInstructor } from './types.ts';

export const S2_CODE = 'S2-DL-2026';
/** 25–31 August, as in the source; the demo year keeps it before the demo "today" (2026-11-23). */
export const S2_DAYS = ['2026-08-25', '2026-08-26', '2026-08-27', '2026-08-28', '2026-08-29', '2026-08-30', '2026-08-31'] as const;

const venue = (key: string, name: string, address: string, lat: number, lng: number, offsite = true): Venue => ({
  id: `${S2_CODE}-v-${key}`,
  name,
  address,
  lat,
  lng,
  offsite,
});
const hotel = (key: string, name: string, address: string, lat: number, lng: number) => venue(`hotel-${key}`, `${name}会议室`, address, lat, lng, false);

export const OPENING_HALL = venue('jinpu-hall', '金普新区会议中心', '辽宁省大连市金普新区', 39.052, 121.775, false);

// Teaching points visited by more than one class; findConflicts checks they are never double-booked.
const HENGLI = venue('hengli', '恒力石化（大连长兴岛）产业园', '辽宁省大连市长兴岛经济区', 39.56, 121.37);
const CXD_EXPO = venue('cxd-expo', '长兴岛经济区规划展示馆', '辽宁省大连市长兴岛经济区', 39.58, 121.44);
const AOKE = venue('aoke', '辽宁奥克化学股份有限公司', '辽宁省辽阳市宏伟区', 41.23, 123.17);
const INDUSTRY_MUSEUM = venue('industry-museum', '沈阳工业博物馆', '辽宁省沈阳市铁西区', 41.8, 123.345);
const YUANDA = venue('yuanda', '沈阳远大企业集团', '辽宁省沈阳市浑南区', 41.69, 123.48);
const MUSEUM_918 = venue('museum-918', '“九·一八”历史博物馆', '辽宁省沈阳市大东区', 41.835, 123.47);

const I = (n: number) => `${S2_CODE}-i${String(n).padStart(2, '0')}`;
const PARTY_SCHOOL = '中共大连市委党校';

/** The city leader who gives the program-wide lecture, the ten leader-lecturers of the classes, the four tutors. */
export const S2_INSTRUCTORS: DemoInstructor[] = [
  { id: I(1), name: '许振国', title: '副市长', unit: '大连市人民政府', external: false, role: 'leader' },
  { id: I(2), name: '韩立新', title: '管委会副主任', unit: '大连金普新区管委会', external: false, role: 'leader' },
  { id: I(3), name: '鲍海川', title: '党工委副书记', unit: '大连长兴岛经济区', external: false, role: 'leader' },
  { id: I(4), name: '邵明哲', title: '副主任', unit: '大连市发展和改革委员会', external: false, role: 'leader' },
  { id: I(5), name: '郝德胜', title: '区委副书记', unit: '中共大连市普兰店区委', external: false, role: 'leader' },
  { id: I(6), name: '孔令娟', title: '副区长', unit: '大连市普兰店区人民政府', external: false, role: 'leader' },
  { id: I(7), name: '葛振宇', title: '副市长', unit: '瓦房店市人民政府', external: false, role: 'leader' },
  { id: I(8), name: '贺春雷', title: '副主席', unit: '大连市工商业联合会', external: false, role: 'leader' },
  { id: I(9), name: '苗淑芬', title: '副局长', unit: '大连市商务局', external: false, role: 'leader' },
  { id: I(10), name: '范永刚', title: '市委副书记', unit: '中共庄河市委', external: false, role: 'leader' },
  { id: I(11), name: '尹德福', title: '副局长', unit: '大连市农业农村局', external: false, role: 'leader' },
  { id: I(12), name: '乔慧芳', title: '经济学教研部教授', unit: PARTY_SCHOOL, external: false, role: 'tutor' },
  { id: I(13), name: '魏东明', title: '公共管理教研部教授', unit: PARTY_SCHOOL, external: false, role: 'tutor' },
  { id: I(14), name: '马晓燕', title: '经济学教研部教授', unit: PARTY_SCHOOL, external: false, role: 'tutor' },
  { id: I(15), name: '田宝山', title: '科学社会主义教研部教授', unit: PARTY_SCHOOL, external: false, role: 'tutor' },
  { id: I(16), name: '于海涛', title: '驻村第一书记', unit: '庄河市桂云花满族乡岭东村', external: false, role: 'practitioner' },
  { id: I(17), name: '隋秀梅', title: '村党支部书记', unit: '庄河市荷花山镇万亿村', external: false, role: 'practitioner' },
];
export const S2_CITY_LEADER = I(1);

export interface Visit {
  venue: Venue;
  title: string;
  instructorIds?: string[];
}

/** One day of a class: morning and afternoon teaching points, and where the class sleeps (and meets in the evening). */
export interface DayPlan {
  am?: Visit;
  pm?: Visit;
  hotel: Venue;
}

export interface ClassPlan {
  key: string;
  theme: S2Theme;
  place: string;
  tutor: string;
  /** Seven days; day 1 starts after the program-wide opening, day 7 ends with reports and the closing. */
  days: DayPlan[];
  /** The class's four research reports, each claimed by two study groups. */
  reports: [string, string, string, string];
}

const on = (v: Venue, topic: string, ...instructorIds: string[]): Visit => ({ venue: v, title: `现场教学：${topic}`, instructorIds });
const party = (v: Venue, topic: string): Visit => ({ venue: v, title: `党性教育现场教学：${topic}` });

const JINPU = hotel('jinpu', '金普新区驻地宾馆', '辽宁省大连市金普新区', 39.06, 121.77);
const CXD = hotel('cxd', '长兴岛驻地宾馆', '辽宁省大连市长兴岛经济区', 39.585, 121.45);
const SY_JJ = hotel('sy-jj', '沈阳驻地宾馆（经济班）', '辽宁省沈阳市和平区', 41.795, 123.4);
const economy: ClassPlan = {
  key: 'jj',
  theme: '经济高质量发展',
  place: '大连市金普新区',
  tutor: I(12),
  days: [
    { pm: on(venue('guangyang', '大连光洋科技集团', '辽宁省大连市金普新区', 39.08, 121.835), '科技创新支撑高质量发展'), hotel: JINPU },
    {
      am: on(venue('ftz', '中国（辽宁）自由贸易试验区大连片区', '辽宁省大连市金普新区', 39.04, 121.9), '大连片区与自由贸易港建设', I(2)),
      pm: on(venue('dayaowan', '大连港大窑湾港区', '辽宁省大连市金普新区', 38.985, 121.905), '港航物流与开放型经济'),
      hotel: JINPU,
    },
    { am: on(HENGLI, '产业链延伸与重大项目建设'), pm: on(CXD_EXPO, '长兴岛经济区高质量发展规划', I(3)), hotel: CXD },
    { am: on(AOKE, '新材料企业的创新发展'), pm: on(INDUSTRY_MUSEUM, '百年中国工业变迁'), hotel: SY_JJ },
    { am: on(YUANDA, '装配式建筑与制造业转型'), pm: party(MUSEUM_918, '勿忘国耻 砥砺初心'), hotel: SY_JJ },
    {
      am: on(venue('zhongde', '中德（沈阳）高端装备制造产业园', '辽宁省沈阳市铁西区', 41.74, 123.21), '高端装备制造与对外合作'),
      pm: on(venue('siasun', '沈阳新松机器人自动化股份有限公司', '辽宁省沈阳市浑南区', 41.72, 123.45), '机器人产业与科技成果转化'),
      hotel: SY_JJ,
    },
    { am: on(venue('jinpu-expo', '金普新区规划展示馆', '辽宁省大连市金普新区', 39.055, 121.79), '大连经济高质量发展的路径', I(4)), hotel: JINPU },
  ],
  reports: ['大连片区与自由贸易港建设', '金普新区高质量发展对策', '质量强市建设的路径', '深度融入“一带一路”的思考'],
};

const PLD = hotel('pld', '普兰店驻地宾馆', '辽宁省大连市普兰店区', 39.395, 121.965);
const SY_CZ = hotel('sy-cz', '沈阳驻地宾馆（城镇班）', '辽宁省沈阳市沈河区', 41.81, 123.43);
const urban: ClassPlan = {
  key: 'cz',
  theme: '城镇建设与社会治理',
  place: '大连市普兰店区',
  tutor: I(13),
  days: [
    { pm: on(venue('huaershan', '铁西街道花儿山社区', '辽宁省大连市普兰店区铁西街道', 39.402, 121.948), '社区带头人与基层治理'), hotel: PLD },
    {
      am: on(venue('lidian', '南山街道李店社区', '辽宁省大连市普兰店区南山街道', 39.38, 121.985), '基层党组织引领社区治理', I(5)),
      pm: on(venue('zhanjia', '杨树房街道战家村', '辽宁省大连市普兰店区杨树房街道', 39.48, 122.05), '村党组织带头人与乡村治理'),
      hotel: PLD,
    },
    {
      am: on(venue('liangdu', '普兰店区“两都一城”建设展示中心', '辽宁省大连市普兰店区', 39.41, 121.975), '“两都一城”与城镇建设', I(6)),
      pm: on(venue('pld-gov', '普兰店区社会治理综合服务中心', '辽宁省大连市普兰店区', 39.398, 121.96), '网格化管理与矛盾纠纷化解'),
      hotel: PLD,
    },
    {
      am: on(venue('qianshe', '辽阳县刘二堡镇前社村', '辽宁省辽阳市辽阳县刘二堡镇', 41.03, 123.05), '美丽乡村与村庄规划'),
      pm: on(YUANDA, '装配式住宅与危房改造'),
      hotel: SY_CZ,
    },
    {
      am: party(venue('leifeng', '抚顺雷锋纪念馆', '辽宁省抚顺市望花区', 41.865, 123.905), '学习雷锋精神'),
      pm: on(venue('duofu', '沈河区多福社区', '辽宁省沈阳市沈河区', 41.78, 123.46), '社区服务与居民自治'),
      hotel: SY_CZ,
    },
    {
      am: party(MUSEUM_918, '勿忘国耻 砥砺初心'),
      pm: on(venue('sy-planning', '沈阳市规划展示馆', '辽宁省沈阳市浑南区', 41.745, 123.45), '城市更新与老旧小区改造'),
      hotel: SY_CZ,
    },
    { am: on(venue('pld-dqzx', '铁西街道党群服务中心', '辽宁省大连市普兰店区铁西街道', 39.404, 121.945), '党群服务中心建设与为民服务'), hotel: PLD },
  ],
  reports: ['基层党组织引领城市社区治理', '老旧小区改造与危房改造', '装配式建筑在城镇建设中的推广', '网格化管理提升社会治理效能'],
};

const WFD = hotel('wfd', '瓦房店驻地宾馆', '辽宁省大连市瓦房店市', 39.625, 122.0);
const BX = hotel('bx', '本溪驻地宾馆', '辽宁省本溪市平山区', 41.29, 123.76);
const SY_MY = hotel('sy-my', '沈阳驻地宾馆（民营班）', '辽宁省沈阳市皇姑区', 41.77, 123.42);
const privateSector: ClassPlan = {
  key: 'my',
  theme: '民营企业发展',
  place: '瓦房店市',
  tutor: I(14),
  days: [
    { pm: on(venue('zwz', '瓦房店轴承集团有限责任公司', '辽宁省大连市瓦房店市', 39.632, 122.01), '轴承产业的转型升级', I(9)), hotel: WFD },
    { am: on(HENGLI, '民营企业的大项目之路'), pm: on(CXD_EXPO, '临港产业集群与招商引资'), hotel: WFD },
    {
      am: on(venue('bearing-park', '瓦房店轴承产业园', '辽宁省大连市瓦房店市', 39.66, 122.03), '民营轴承企业集群发展', I(7)),
      pm: on(venue('wfd-service', '瓦房店市民营企业服务中心', '辽宁省大连市瓦房店市', 39.62, 121.99), '优化营商环境 服务民营企业', I(8)),
      hotel: WFD,
    },
    {
      am: party(venue('kanglian', '东北抗联史实陈列馆', '辽宁省本溪市平山区', 41.29, 123.77), '东北抗联精神'),
      pm: party(venue('guanmenshan', '关门山密营遗址', '辽宁省本溪市本溪满族自治县', 41.12, 124.13), '抗联密营与理想信念'),
      hotel: BX,
    },
    { am: on(AOKE, '民营化工企业的创新之路'), pm: on(YUANDA, '民营企业走向世界'), hotel: SY_MY },
    {
      am: on(venue('neusoft', '东软集团（沈阳浑南）', '辽宁省沈阳市浑南区', 41.71, 123.46), '民营科技企业的创新发展'),
      pm: on(INDUSTRY_MUSEUM, '百年中国工业变迁'),
      hotel: SY_MY,
    },
    { am: on(venue('wfd-yshj', '瓦房店市政务服务中心', '辽宁省大连市瓦房店市', 39.628, 121.985), '“放管服”改革与企业办事'), hotel: WFD },
  ],
  reports: ['破解民营企业发展瓶颈问题', '新时代推动民营中小微企业健康发展', '民营轴承企业转型升级', '创新引领民营企业高质量发展'],
};

const ZH = hotel('zh', '庄河驻地宾馆', '辽宁省大连市庄河市', 39.685, 122.965);
const JZ = hotel('jz', '锦州驻地宾馆', '辽宁省锦州市古塔区', 41.11, 121.13);
const JP = hotel('jp', '建平驻地宾馆', '辽宁省朝阳市建平县', 41.4, 119.64);
const PJ = hotel('pj', '盘锦驻地宾馆', '辽宁省盘锦市兴隆台区', 41.12, 122.07);
const rural: ClassPlan = {
  key: 'xc',
  theme: '乡村振兴与精准扶贫',
  place: '庄河市',
  tutor: I(15),
  days: [
    { pm: on(venue('shanhaifeng', '鞍子山乡山海丰村', '辽宁省大连市庄河市鞍子山乡', 39.85, 122.62), '党建引领乡村振兴'), hotel: ZH },
    {
      am: on(venue('lingdong', '桂云花满族乡岭东村', '辽宁省大连市庄河市桂云花满族乡', 40.0, 123.02), '群众恳谈会制度', I(10)),
      pm: on(venue('wanyi', '荷花山镇万亿村', '辽宁省大连市庄河市荷花山镇', 39.8, 122.78), '食用菌加工销售一体化项目'),
      hotel: ZH,
    },
    {
      am: on(venue('qingdui', '青堆镇青堆村', '辽宁省大连市庄河市青堆镇', 39.75, 123.2), '特色农业与产业扶贫'),
      pm: on(venue('daying', '大营镇大营村', '辽宁省大连市庄河市大营镇', 39.72, 122.85), '农村人居环境整治与美丽乡村建设', I(11)),
      hotel: ZH,
    },
    {
      am: party(venue('liaoshen', '辽沈战役纪念馆', '辽宁省锦州市凌河区', 41.125, 121.115), '辽沈战役与人民立场'),
      pm: party(venue('mangniutun', '东北野战军锦州前线指挥所旧址', '辽宁省锦州市太和区', 41.23, 121.28), '坚定理想信念'),
      hotel: JZ,
    },
    {
      am: on(venue('xiaopingfang', '建平县小平房村', '辽宁省朝阳市建平县', 41.45, 119.7), '脱贫攻坚与村集体经济'),
      pm: on(venue('jianping-agri', '建平县特色农业产业园', '辽宁省朝阳市建平县', 41.4, 119.65), '特色农业产业化'),
      hotel: JP,
    },
    {
      am: on(venue('shimiaozi', '大洼区石庙子村', '辽宁省盘锦市大洼区', 41.0, 122.08), '乡村治理与农村党建'),
      pm: on(venue('daocan', '大洼区稻蟹共生种养基地', '辽宁省盘锦市大洼区', 40.99, 122.12), '稻蟹共生与农民增收'),
      hotel: PJ,
    },
    { am: on(venue('zh-dqzx', '庄河市党群服务中心', '辽宁省大连市庄河市', 39.688, 122.955), '驻村第一书记与村党支部书记实践分享', I(16), I(17)), hotel: ZH },
  ],
  reports: ['农村人居环境整治的庄河实践', '食用菌产业加工销售一体化发展', '党建引领乡村振兴的路径', '群众恳谈会制度与乡村治理'],
};

export const S2_CLASS_PLANS: readonly ClassPlan[] = [economy, urban, privateSector, rural];
