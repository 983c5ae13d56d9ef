// A small vocabulary for declaring the demo org tree, and its flattening into parent-first DemoOrg rows.
import type { OrgKind, OrgLevel } from '@duibiao/contracts';
import type { DemoOrg } from './types.ts';

/** One node as declared; codes are suffixes joined to the parent's code (a city starts a fresh code). */
export interface OrgSpec {
  code: string;
  name: string;
  shortName?: string;
  kind: OrgKind;
  /** Region nodes only: their own GB/T 2260 code. */
  regionCode?: string;
  /** Prefix for unit names inside a region when it differs from the region's name (西海岸新区 → 黄岛区). */
  prefix?: string;
  /** Specialties the unit's work calls for; cadres there lean towards them. */
  tags?: readonly string[];
  /** Internal divisions (处/科/部), used in position titles. */
  depts?: readonly string[];
  /** Title of the unit head, e.g. '局长', '部长', '院长'. */
  head?: string;
  /** An ethnic township (民族乡): more cadres of that minority. */
  minority?: boolean;
  /** A grouping node (市直机关, 区直机关): holds organs, employs nobody. */
  isGroup?: boolean;
  children?: OrgSpec[];
}

/** A flattened node with what the cadre generator needs beside the public fields. */
export interface OrgNode extends DemoOrg {
  tags: readonly string[];
  depts: readonly string[];
  head: string | undefined;
  minority: boolean;
  isGroup: boolean;
  /** Code of the city ancestor (or self), null for provinces. */
  cityCode: string | null;
  /** Code of the district/county ancestor (or self), null above that level. */
  countyCode: string | null;
  /** Name as written in a résumé, e.g. '普兰店区杨树房街道'. */
  fullName: string;
}

function regionLevel(regionCode: string): OrgLevel {
  if (regionCode.endsWith('0000')) return 'province';
  if (regionCode.endsWith('00')) return 'city';
  return 'district';
}

/** Depth-first, so every parent precedes its children. */
export function flattenOrgs(specs: readonly OrgSpec[]): OrgNode[] {
  const out: OrgNode[] = [];
  const visit = (spec: OrgSpec, parent: OrgNode | null, regionPrefix: string, townName: string): void => {
    const isRegion = spec.kind === 'region';
    if (isRegion && !spec.regionCode) throw new Error(`region ${spec.code} needs a regionCode`);
    const regionCode = spec.regionCode ?? parent?.regionCode;
    if (!regionCode) throw new Error(`${spec.code} lies in no region`);
    const level: OrgLevel = isRegion
      ? regionLevel(regionCode)
      : spec.kind === 'township' || spec.kind === 'village'
        ? spec.kind
        : parent!.level === 'township' || parent!.level === 'village'
          ? parent!.level
          : regionLevel(regionCode);
    const code = parent && parent.level !== 'province' ? `${parent.code}-${spec.code}` : spec.code;
    const fullName = spec.kind === 'township' ? `${regionPrefix}${spec.name}` : spec.kind === 'village' ? `${regionPrefix}${townName}${spec.name}` : spec.name;
    const node: OrgNode = {
      code,
      name: spec.name,
      ...(spec.shortName ? { shortName: spec.shortName } : {}),
      level,
      kind: spec.kind,
      parentCode: parent?.code ?? null,
      regionCode,
      tags: spec.tags ?? [],
      depts: spec.depts ?? [],
      head: spec.head,
      minority: spec.minority ?? parent?.minority ?? false,
      isGroup: spec.isGroup ?? false,
      cityCode: isRegion && level === 'city' ? code : (parent?.cityCode ?? null),
      countyCode: isRegion && level === 'district' ? code : (parent?.countyCode ?? null),
      fullName,
    };
    out.push(node);
    const prefix = isRegion ? (spec.prefix ?? spec.name) : regionPrefix;
    for (const child of spec.children ?? []) visit(child, node, prefix, spec.kind === 'township' ? spec.name : townName);
  };
  for (const spec of specs) visit(spec, null, '', '');
  return out;
}

// ── Declaration helpers ────────────────────────────────────────────────────────────────────────────────

export const region = (code: string, name: string, regionCode: string, children: OrgSpec[], extra: Partial<OrgSpec> = {}): OrgSpec => ({
  code,
  name,
  kind: 'region',
  regionCode,
  children,
  ...extra,
});

/** A grouping node such as 市直机关 / 区直机关 that only holds organs. */
export const group = (code: string, name: string, children: OrgSpec[]): OrgSpec => ({ code, name, kind: 'party_gov', isGroup: true, children });

const STREET_DEPTS = ['党政办公室', '经济发展办公室', '社会事务办公室', '城市管理办公室'];
const TOWN_DEPTS = ['党政办公室', '经济发展办公室', '农业农村办公室', '社会事务办公室'];

/** A 街道 (street office) or 乡/镇; `name` decides which. */
export const township = (code: string, name: string, children: OrgSpec[] = [], extra: Partial<OrgSpec> = {}): OrgSpec => {
  const isStreet = name.endsWith('街道');
  return {
    code,
    name,
    kind: 'township',
    children,
    tags: isStreet ? ['社会治理', '党建', '城乡建设'] : ['乡村振兴', '农业农村', '党建'],
    depts: isStreet ? STREET_DEPTS : TOWN_DEPTS,
    ...extra,
  };
};

/** A 村 or 社区 (village / urban community). */
export const village = (code: string, name: string): OrgSpec => ({
  code,
  name,
  kind: 'village',
  tags: name.endsWith('社区') ? ['社会治理', '党建'] : ['乡村振兴', '党建', '精准扶贫'],
});

export const institution = (code: string, name: string, shortName: string, head: string, depts: string[], tags: string[]): OrgSpec => ({
  code,
  name,
  shortName,
  kind: 'institution',
  head,
  depts,
  tags,
});

export const enterprise = (code: string, name: string, shortName: string, depts: string[], tags: string[]): OrgSpec => ({
  code,
  name,
  shortName,
  kind: 'enterprise',
  head: '总经理',
  depts,
  tags,
});

interface OrganTemplate {
  /** Name after the region name: [city level, district/county level]. */
  name: readonly [string, string];
  short: readonly [string, string];
  tags: readonly string[];
  depts: readonly [readonly string[], readonly string[]];
}

const t = (name: string | [string, string], short: string | [string, string], tags: string[], cityDepts: string[], localDepts: string[]): OrganTemplate => ({
  name: typeof name === 'string' ? [name, name] : name,
  short: typeof short === 'string' ? [short, short] : short,
  tags,
  depts: [cityDepts, localDepts],
});

/** Party and government organs (党政机关) as named at city and at district/county level. */
export const ORGANS = {
  ZZB: t('委组织部', '委组织部', ['党建', '人才工作'], ['干部一处', '干部教育处', '组织一处', '人才工作处'], ['干部科', '组织科', '人才工作科']),
  XCB: t('委宣传部', '委宣传部', ['党建', '文化旅游'], ['理论处', '新闻处'], ['理论科', '新闻科']),
  FGW: t(
    ['发展和改革委员会', '发展和改革局'],
    ['发展改革委', '发改局'],
    ['经济管理', '产业发展'],
    ['综合处', '规划处', '固定资产投资处', '产业发展处'],
    ['综合科', '规划科', '项目科'],
  ),
  KJJ: t('科学技术局', '科技局', ['科技创新', '数字经济'], ['高新技术处', '成果转化处', '科技合作处'], ['综合科', '科技创新科']),
  GXJ: t('工业和信息化局', '工信局', ['产业发展', '数字经济'], ['产业数字化处', '中小企业处', '工业投资处'], ['综合科', '工业科', '信息化科']),
  SWJ: t('商务局', '商务局', ['招商引资', '民营经济'], ['外资处', '对外贸易处', '市场体系建设处'], ['综合科', '招商科', '外经贸科']),
  CZJ: t('财政局', '财政局', ['财政税务', '经济管理'], ['预算处', '国库处', '经济建设处'], ['预算科', '国库科']),
  JRJ: t('地方金融监督管理局', '地方金融监管局', ['金融'], ['银行保险处', '资本市场处', '金融风险处'], ['综合科']),
  GZW: t('人民政府国有资产监督管理委员会', '国资委', ['国资国企', '金融'], ['企业改革处', '产权管理处', '规划发展处'], ['综合科']),
  ZRJ: t('自然资源和规划局', '自然资源规划局', ['城市规划', '生态环保'], ['国土空间规划处', '土地利用处', '详细规划处'], ['规划科', '用地科']),
  ZJJ: t('住房和城乡建设局', '住建局', ['城乡建设', '城市规划'], ['城市更新处', '村镇建设处', '房地产市场处'], ['城建科', '村镇建设科', '房产科']),
  NYJ: t(
    '农业农村局',
    '农业农村局',
    ['农业农村', '乡村振兴'],
    ['乡村产业处', '农村社会事业处', '合作经济指导处'],
    ['乡村产业科', '农村经营管理科', '乡村建设科'],
  ),
  XCJ: t('乡村振兴局', '乡村振兴局', ['乡村振兴', '精准扶贫'], ['政策法规处', '开发指导处'], ['综合科', '开发指导科']),
  MZJ: t('民政局', '民政局', ['社会治理'], ['基层政权建设处', '社会救助处'], ['基层政权科', '社会救助科']),
  SCJ: t('市场监督管理局', '市场监管局', ['市场监管', '营商环境'], ['登记注册处', '信用监督管理处'], ['登记注册科', '信用监管科']),
  SFJ: t('司法局', '司法局', ['法律'], ['立法处', '行政执法协调监督处'], ['法治督察科', '公共法律服务科']),
  YSJ: t('营商环境建设局', '营商局', ['营商环境', '民营经济'], ['政务服务处', '营商环境监督处', '企业服务处'], ['企业服务科', '政务服务科']),
  ZSJ: t('招商局', '招商局', ['招商引资', '产业发展'], ['项目推进处'], ['项目科', '招商一科', '招商二科']),
  GSL: t('工商业联合会', '工商联', ['民营经济', '营商环境'], ['会员服务处', '经济处'], ['会员科', '经济科']),
} as const satisfies Record<string, OrganTemplate>;

export type OrganKey = keyof typeof ORGANS;

/** Head titles that are not 局长 / 主任 (委员会). */
const HEADS: Partial<Record<OrganKey, string>> = { ZZB: '部长', XCB: '部长', GSL: '主席' };

/**
 * An organ of the region named `regionName`; `x` is the one-char level word used in short names
 * ('市' for cities and county-level cities, '区', '县'). Codes are the template keys.
 */
export function organ(key: OrganKey, regionName: string, x: '市' | '区' | '县', cityLevel: boolean): OrgSpec {
  const tpl: OrganTemplate = ORGANS[key];
  const i = cityLevel ? 0 : 1;
  const head = HEADS[key] ?? (tpl.name[i].endsWith('委员会') ? '主任' : '局长');
  return { code: key, name: regionName + tpl.name[i], shortName: x + tpl.short[i], kind: 'party_gov', tags: tpl.tags, depts: tpl.depts[i], head };
}

/** Several organs at once. */
export const organs = (keys: readonly OrganKey[], regionName: string, x: '市' | '区' | '县', cityLevel: boolean): OrgSpec[] =>
  keys.map((k) => organ(k, regionName, x, cityLevel));
