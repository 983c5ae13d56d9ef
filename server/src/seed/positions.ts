// Posts that fit each kind of unit, with the rank band each post carries and the ages it suits.
// Convention (simplified): city organs have 处 (division heads and deputies are 县处级); district and
// county organs, streets and towns are 正科 units (their leaders are 乡科级); village posts and all
// 主任科员/科员 grades fall in the staff band.
import type { Education, Rank } from '@duibiao/contracts';
import type { OrgNode } from './org-tree.ts';
import type { Rng } from './prng.ts';

export type UnitType = 'city_organ' | 'local_organ' | 'street' | 'town' | 'community' | 'village' | 'city_institution' | 'local_institution' | 'enterprise';

/** What kind of unit a node is, or null for nodes that employ no cadres (regions, grouping nodes). */
export function unitTypeOf(org: OrgNode): UnitType | null {
  if (org.kind === 'region' || org.isGroup) return null;
  const city = org.level === 'city';
  switch (org.kind) {
    case 'party_gov':
      return city ? 'city_organ' : 'local_organ';
    case 'institution':
      return city ? 'city_institution' : 'local_institution';
    case 'enterprise':
      return 'enterprise';
    case 'township':
      return org.name.endsWith('街道') ? 'street' : 'town';
    case 'village':
      return org.name.endsWith('社区') ? 'community' : 'village';
  }
}

interface PostTemplate {
  /** {u} unit word, {d} internal division, {h} head title, {dh} head title of the division, {x} 乡/镇. */
  title: string;
  rank: Rank;
  weight: number;
  minAge: number;
  maxAge?: number;
}

const p = (title: string, rank: Rank, weight: number, minAge: number, maxAge = 99): PostTemplate => ({ title, rank, weight, minAge, maxAge });

const POSTS: Record<UnitType, readonly PostTemplate[]> = {
  city_organ: [
    p('{u}{d}处长', 'county', 1, 42),
    p('{u}{d}副处长', 'county', 3, 34),
    p('{u}四级调研员', 'county', 1, 40),
    p('{u}{d}一级主任科员', 'staff', 4, 31),
    p('{u}{d}二级主任科员', 'staff', 3, 28),
    p('{u}{d}科员', 'staff', 2, 22, 34),
  ],
  local_organ: [
    p('{u}{h}', 'township', 1, 41),
    p('{u}副{h}', 'township', 2, 32),
    p('{u}一级主任科员', 'staff', 2, 35),
    p('{u}二级主任科员', 'staff', 2, 30),
    p('{u}{d}四级主任科员', 'staff', 3, 26),
    p('{u}{d}科员', 'staff', 3, 22, 35),
  ],
  street: [
    p('街道党工委书记', 'township', 1, 40),
    p('街道党工委副书记、办事处主任', 'township', 1, 37),
    p('街道党工委副书记', 'township', 1, 34),
    p('街道办事处副主任', 'township', 3, 30),
    p('街道党工委委员、武装部部长', 'township', 1, 30),
    p('街道{d}主任', 'staff', 2, 30),
    p('街道四级主任科员', 'staff', 2, 28),
    p('街道{d}科员', 'staff', 4, 22, 38),
  ],
  town: [
    p('{x}党委书记', 'township', 1, 38),
    p('{x}党委副书记、{x}长', 'township', 1, 35),
    p('{x}党委副书记', 'township', 1, 33),
    p('副{x}长', 'township', 3, 29),
    p('{x}党委委员、武装部部长', 'township', 1, 30),
    p('{x}{d}主任', 'staff', 2, 30),
    p('{x}{d}科员', 'staff', 4, 22, 38),
  ],
  community: [
    p('社区党委书记、居委会主任', 'staff', 1, 32),
    p('社区党委书记', 'staff', 1, 30),
    p('社区居委会主任', 'staff', 1, 28),
    p('社区党委副书记', 'staff', 2, 26),
    p('社区网格员', 'staff', 2, 22, 40),
    p('社区专职工作者', 'staff', 2, 22),
  ],
  village: [
    p('村党支部书记、村委会主任', 'staff', 2, 30),
    p('村党支部书记', 'staff', 1, 30),
    p('驻村第一书记', 'staff', 2, 26),
    p('村党支部副书记', 'staff', 1, 25),
    p('村党支部书记助理', 'staff', 1, 22, 32),
    p('村委会委员', 'staff', 2, 22),
  ],
  // The last template of each list is the fallback: it must suit every age.
  // Heads of city institutions and SOEs are bureau-level appointments, so the demo starts at division level.
  city_institution: [
    p('{u}{d}{dh}', 'county', 2, 38),
    p('{u}{d}副{dh}', 'county', 2, 33),
    p('{u}{d}{senior}', 'staff', 3, 34),
    p('{u}{d}{staff}', 'staff', 3, 22, 40),
  ],
  enterprise: [
    p('{u}{d}总经理', 'county', 2, 38),
    p('{u}{d}副总经理', 'county', 2, 33),
    p('{u}{d}业务经理', 'staff', 3, 26),
    p('{u}{d}投资经理', 'staff', 2, 24),
  ],
  local_institution: [
    p('{u}{h}', 'township', 1, 40),
    p('{u}副{h}', 'township', 2, 34),
    p('{u}{d}{dh}', 'staff', 2, 30),
    p('{u}{d}{senior}', 'staff', 2, 34),
    p('{u}{d}{staff}', 'staff', 3, 22, 40),
  ],
};

/** 教研部 → 主任, 规划一所 → 所长 … */
function divisionHead(dept: string): string {
  if (dept.endsWith('所')) return '所长';
  if (dept.endsWith('处')) return '处长';
  if (dept.endsWith('科')) return '科长';
  if (dept === '团委') return '书记';
  return '主任';
}

function divisionStaff(dept: string): string {
  if (dept.endsWith('所')) return '工程师';
  if (dept.endsWith('教研部')) return '讲师';
  return '科员';
}

function divisionSenior(dept: string): string {
  if (dept.endsWith('所')) return '高级工程师';
  if (dept.endsWith('教研部')) return '副教授';
  return '一级主任科员';
}

/** 主任科员/调研员 grades (职级) exist since the 2019 reform; earlier posts cannot carry them. */
export const GRADES_SINCE = '2019-06-01';
const GRADE_TITLE = /主任科员|调研员/;
export const isGradeTitle = (position: string): boolean => GRADE_TITLE.test(position);

export interface Post {
  position: string;
  rank: Rank;
  /** Youngest age the post suits; the post cannot have started before then. */
  minAge?: number;
  /** Position in its unit type's list, most senior first; earlier posts in the same kind of unit rank below. */
  tier?: number;
}

export interface PostOptions {
  /** Most senior rank allowed (earlier career steps). */
  maxRank?: Rank;
  /** Date the post starts (YYYY-MM-DD): before 2019 there are no 主任科员/调研员 grades. */
  at: string;
  /** Only posts listed after this tier (more junior than it). */
  belowTier?: number;
}

/** A post in `org` that suits someone of `age`; falls back to the most junior post when none fits. */
export function pickPost(rng: Rng, org: OrgNode, age: number, options: PostOptions): Post {
  const type = unitTypeOf(org);
  if (!type) throw new Error(`${org.code} employs no cadres`);
  const cap = RANK_ORDER.indexOf(options.maxRank ?? 'provincial');
  const all = POSTS[type];
  const below = options.belowTier ?? -1;
  let fitting = all.filter((tpl, i) => i > below && age >= tpl.minAge && age <= (tpl.maxAge ?? 99) && RANK_ORDER.indexOf(tpl.rank) >= cap);
  while (fitting.length > 0) {
    const tpl = rng.weighted(fitting, (x) => x.weight);
    const position = fillTitle(rng, tpl.title, org);
    if (options.at >= GRADES_SINCE || !isGradeTitle(position)) {
      // A district's 组织部/宣传部 head sits on the Party standing committee (县处级).
      const rank = tpl.title === '{u}{h}' && org.head === '部长' ? 'county' : tpl.rank;
      return { position, rank, minAge: tpl.minAge, tier: all.indexOf(tpl) };
    }
    fitting = fitting.filter((x) => x !== tpl);
  }
  const junior = all[all.length - 1]!;
  return { position: fillTitle(rng, junior.title, org), rank: junior.rank, minAge: junior.minAge, tier: all.length - 1 };
}

/** Most senior first. */
export const RANK_ORDER: readonly Rank[] = ['provincial', 'bureau', 'county', 'township', 'staff'];

function fillTitle(rng: Rng, title: string, org: OrgNode): string {
  const dept = org.depts.length > 0 ? rng.pick(org.depts) : '';
  return title
    .replaceAll('{u}', org.shortName ?? org.name)
    .replaceAll('{dh}', divisionHead(dept))
    .replaceAll('{d}', dept)
    .replaceAll('{h}', org.head ?? '主任')
    .replaceAll('{staff}', divisionStaff(dept))
    .replaceAll('{senior}', divisionSenior(dept))
    .replaceAll('{x}', org.name.endsWith('乡') ? '乡' : '镇');
}

const EDUCATION_MIX: Record<'high' | 'mid' | 'low', readonly (readonly [Education, number])[]> = {
  high: [
    ['doctorate', 5],
    ['master', 45],
    ['bachelor', 48],
    ['college', 2],
  ],
  mid: [
    ['master', 22],
    ['bachelor', 68],
    ['college', 10],
  ],
  low: [
    ['master', 3],
    ['bachelor', 42],
    ['college', 40],
    ['secondary', 15],
  ],
};

/** Education fitting the unit: city bodies hire more postgraduates, villages fewer graduates. */
export function pickEducation(rng: Rng, org: OrgNode, position: string): Education {
  const type = unitTypeOf(org);
  // First secretaries and secretary assistants are sent from organs and are graduates.
  const mix =
    type === 'city_organ' || type === 'city_institution' || type === 'enterprise'
      ? 'high'
      : (type === 'village' || type === 'community') && !/第一书记|助理/.test(position)
        ? 'low'
        : 'mid';
  return rng.weighted(EDUCATION_MIX[mix], ([, w]) => w)[0];
}

/** Age at which someone with this education typically starts work. */
export const WORK_START_AGE: Record<Education, number> = { doctorate: 28, master: 25, bachelor: 22, college: 21, secondary: 19 };

const OTHER_PARTIES = ['民盟盟员', '九三学社社员', '民建会员', '农工党党员', '致公党党员'];

/** Party posts are held by Party members; leaders mostly are; elsewhere a realistic mix. */
export function pickPoliticalStatus(rng: Rng, post: Post, age: number): string {
  if (/党|书记/.test(post.position)) return '中共党员';
  if (post.rank !== 'staff') return rng.chance(0.94) ? '中共党员' : rng.pick(OTHER_PARTIES);
  const r = rng.next();
  if (r < 0.84) return '中共党员';
  if (r < 0.87) return '中共预备党员';
  if (r < 0.91 && age <= 28) return '共青团员';
  if (r < 0.95) return rng.pick(OTHER_PARTIES);
  return '群众';
}
