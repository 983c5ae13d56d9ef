// Demo sign-in accounts, one per role and scope worth trying, and their table for the README.
import { LABELS } from '@duibiao/contracts';
import type { DemoCadre, DemoOrg, DemoUser } from './types.ts';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'Duibiao@2026';

interface AccountSpec {
  username: string;
  displayName: string;
  role: DemoUser['role'];
  /** Fixed org code; trainee accounts take their cadre's org instead. */
  orgCode: string;
  /** Trainee accounts: which cadre to link (see pickTrainees). */
  cadre?: 'qd' | 'dl';
  /** What to try with the account (README column). */
  tryThis: string;
}

/**
 * In README order. `admin` is a sys_admin: the tree has no national root, so it carries the first
 * province's code only because every user needs an org; the server treats sys_admin as global
 * (unscoped) and must not narrow it to that subtree.
 */
export const DEMO_ACCOUNTS: readonly AccountSpec[] = [
  { username: 'admin', displayName: '系统管理员', role: 'sys_admin', orgCode: 'SD', tryThis: 'Global: every province; manage users and the org tree' },
  {
    username: 'qd_admin',
    displayName: '青岛市委组织部管理员',
    role: 'org_admin',
    orgCode: 'QD',
    tryThis: 'S3: cadres of all Qingdao city organs and districts; plan the Shenzhen practicum',
  },
  {
    username: 'qd_pm',
    displayName: '青岛市体悟实训项目管理员',
    role: 'program_manager',
    orgCode: 'QD',
    tryThis: 'S3: select 150 practicum cadres, place them at host enterprises, run topic bidding',
  },
  { username: 'qd_tutor', displayName: '青岛市委党校带班老师', role: 'tutor', orgCode: 'QD', tryThis: 'S3: follow the class, review daily logs and reports' },
  {
    username: 'qd_host',
    displayName: '实训单位联系人（青岛项目）',
    role: 'host_contact',
    orgCode: 'QD',
    tryThis: 'S3: confirm remote check-in, evaluate placed cadres',
  },
  {
    username: 'qd_expert',
    displayName: '深圳市创新投资研究院 专家（外挂团队）',
    role: 'external_expert',
    orgCode: 'QD',
    tryThis: 'S3 external team: only the topics it is attached to; comment and score the mid-term defence',
  },
  {
    username: 'qd_trainee',
    displayName: '',
    role: 'trainee',
    orgCode: '',
    cadre: 'qd',
    tryThis: 'S3 trainee: own training file, daily log, bid for a research topic',
  },
  {
    username: 'sn_admin',
    displayName: '市南区委组织部管理员',
    role: 'org_admin',
    orgCode: 'QD-SN',
    tryThis: 'Delegation (分级负责): only 市南区 units and cadres',
  },
  { username: 'ls_admin', displayName: '崂山区委组织部管理员', role: 'org_admin', orgCode: 'QD-LS', tryThis: 'Delegation: only 崂山区; compare with sn_admin' },
  {
    username: 'dl_admin',
    displayName: '大连市委组织部管理员',
    role: 'org_admin',
    orgCode: 'DL',
    tryThis: 'S2/S5: young cadres of four counties; 鸿雁联盟 workstation',
  },
  {
    username: 'dl_pm',
    displayName: '大连市年轻干部专题培训项目管理员',
    role: 'program_manager',
    orgCode: 'DL',
    tryThis: 'S2: select 200 young cadres (age ≤ 40, ≥ 50 % grassroots) into 4 themed classes',
  },
  { username: 'dl_tutor', displayName: '大连市委党校带班教授', role: 'tutor', orgCode: 'DL', tryThis: 'S2: lead a themed class; groups claim research topics' },
  {
    username: 'dl_trainee',
    displayName: '',
    role: 'trainee',
    orgCode: '',
    cadre: 'dl',
    tryThis: 'S2 trainee from a grassroots unit: timetable, group report, 5-minute presentation',
  },
  { username: 'wfd_admin', displayName: '瓦房店市委组织部管理员', role: 'org_admin', orgCode: 'DL-WFD', tryThis: 'Delegation at county level: only 瓦房店市' },
  { username: 'hrb_admin', displayName: '哈尔滨市委组织部管理员', role: 'org_admin', orgCode: 'HRB', tryThis: 'Sees 道里区 below the city' },
  {
    username: 'daoli_admin',
    displayName: '道里区委组织部管理员',
    role: 'org_admin',
    orgCode: 'HRB-DLQ',
    tryThis: 'S1: 5-day Shenzhen training class for 29 cadres',
  },
  {
    username: 'sq_admin',
    displayName: '商丘市委组织部管理员',
    role: 'org_admin',
    orgCode: 'SQ',
    tryThis: 'S4: 6-month follow-along study of 10 young cadres in Changzhou',
  },
  { username: 'kq_admin', displayName: '柯桥区委组织部管理员', role: 'org_admin', orgCode: 'SX-KQ', tryThis: 'S6: 4-day Shenzhen class; collect reflections' },
];

/** The cadres trainee accounts link to: a Qingdao S3 cadre in a city organ and a Dalian S2 grassroots cadre. */
function pickTrainees(cadres: readonly DemoCadre[], orgs: readonly DemoOrg[]): Record<'qd' | 'dl', DemoCadre> {
  const level = new Map(orgs.map((o) => [o.code, o.level]));
  const qd = cadres.find((c) => c.scenarioTags.includes('S3') && c.orgCode.startsWith('QD-SZ-') && level.get(c.orgCode) === 'city');
  const dl = cadres.find((c) => c.scenarioTags.includes('S2') && (level.get(c.orgCode) === 'township' || level.get(c.orgCode) === 'village'));
  if (!qd || !dl) throw new Error('demo data lacks the cadres trainee accounts link to');
  return { qd, dl };
}

/** All demo accounts; trainees are linked to their cadre by ID number, named after them and placed in their unit. */
export function buildUsers(cadres: readonly DemoCadre[], orgs: readonly DemoOrg[]): DemoUser[] {
  const trainees = pickTrainees(cadres, orgs);
  return DEMO_ACCOUNTS.map((a): DemoUser => {
    if (!a.cadre) return { username: a.username, displayName: a.displayName, role: a.role, orgCode: a.orgCode };
    const cadre = trainees[a.cadre];
    return { username: a.username, displayName: cadre.name, role: a.role, orgCode: cadre.orgCode, cadreIdNumber: cadre.idNumber };
  });
}

/** Markdown table (username, role in Chinese, org, what to try) of `users`, orgs shown as a path below the province. */
export function accountsMarkdown(users: readonly DemoUser[], orgs: readonly DemoOrg[]): string {
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  const path = (code: string): string => {
    const names: string[] = [];
    for (let o = byCode.get(code); o && o.level !== 'province'; o = o.parentCode ? byCode.get(o.parentCode) : undefined) names.unshift(o.shortName ?? o.name);
    return names.join(' / ');
  };
  const hint = new Map(DEMO_ACCOUNTS.map((a) => [a.username, a.tryThis]));
  const cell = (s: string) => s.replaceAll('|', '\\|');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rows = users.map((u) => [
    `\`${u.username}\``,
    LABELS.role[u.role].zh,
    u.role === 'sys_admin' ? '全部（不限范围）' : u.cadreIdNumber ? `${path(u.orgCode)}（${u.displayName}）` : path(u.orgCode),
    hint.get(u.username) ?? '',
  ]);
  return [line(['Username', 'Role', 'Org', 'What to try']), line(['---', '---', '---', '---']), ...rows.map(line)].join('\n');
}
