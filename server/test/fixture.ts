// A small org tree with one account per role at city and district level, and cadres on both sides of
// every scope boundary: 青岛市 → 市直机关/市南区/崂山区; 大连市 is another city nobody in 青岛 may see.
import { newUserRow } from '../src/modules/users/users.repo.ts';
import { makeIdNumber } from '@duibiao/core/idcard/index';
import type { Role } from '@duibiao/contracts';
import type { AppContext } from '../src/context.ts';
import { nowIso } from '../src/db/dialect.ts';
import { hashPassword } from '../src/modules/auth/password-hasher.ts';
import { toCadreRow } from '../src/modules/cadres/cadres.rules.ts';
import { insertOrg } from '../src/modules/orgs/orgs.repo.ts';
import { seedProgramFixture, type ProgramFixture } from './program-fixture.ts';

export interface Fixture extends ProgramFixture {
  orgs: Record<string, number>;
  cadres: Record<string, number>;
  users: Record<string, number>;
  idNumbers: Record<string, string>;
}

const ORGS: [code: string, name: string, level: string, kind: string, parent: string | null][] = [
  ['SD', '山东省', 'province', 'region', null],
  ['QD', '青岛市', 'city', 'region', 'SD'],
  ['QD-SZ', '市直机关', 'city', 'party_gov', 'QD'],
  ['QD-FGW', '青岛市发展和改革委员会', 'city', 'party_gov', 'QD-SZ'],
  ['QD-SN', '市南区', 'district', 'region', 'QD'],
  ['QD-SN-SW', '市南区商务局', 'district', 'party_gov', 'QD-SN'],
  ['QD-SN-BDG', '八大关街道', 'township', 'township', 'QD-SN'],
  ['QD-SN-BDG-1', '太平角社区', 'village', 'village', 'QD-SN-BDG'],
  ['QD-LS', '崂山区', 'district', 'region', 'QD'],
  ['QD-LS-SZK', '沙子口街道', 'township', 'township', 'QD-LS'],
  ['LN', '辽宁省', 'province', 'region', null],
  ['DL', '大连市', 'city', 'region', 'LN'],
  ['DL-WFD', '瓦房店市', 'district', 'region', 'DL'],
];

const CADRES: [key: string, name: string, org: string, birth: string, rank: string, specialties: string[]][] = [
  ['fgw', '王建国', 'QD-FGW', '1978-04-12', 'county', ['经济管理', '金融']],
  ['snsw', '李晓梅', 'QD-SN-SW', '1990-09-01', 'staff', ['招商引资']],
  ['bdg', '张伟', 'QD-SN-BDG', '1992-01-20', 'township', ['社会治理']],
  ['tpj', '刘洋', 'QD-SN-BDG-1', '1995-06-30', 'staff', ['乡村振兴', '党建']],
  ['szk', '陈静', 'QD-LS-SZK', '1985-11-11', 'township', ['城市规划']],
  ['dl', '赵磊', 'DL-WFD', '1989-03-03', 'township', ['乡村振兴']],
];

const USERS: [username: string, role: Role, org: string, cadre?: string][] = [
  ['sysadmin', 'sys_admin', 'SD'],
  ['qd_admin', 'org_admin', 'QD'],
  ['qd_pm', 'program_manager', 'QD'],
  ['qd_tutor', 'tutor', 'QD'],
  ['qd_host', 'host_contact', 'QD'],
  ['qd_trainee', 'trainee', 'QD-SN-SW', 'snsw'],
  ['sn_admin', 'org_admin', 'QD-SN'],
  ['sn_pm', 'program_manager', 'QD-SN'],
  ['sn_tutor', 'tutor', 'QD-SN'],
  ['sn_host', 'host_contact', 'QD-SN'],
  ['qd_expert', 'external_expert', 'QD'],
  ['sn_expert', 'external_expert', 'QD-SN'],
  ['sn_trainee', 'trainee', 'QD-SN-BDG', 'bdg'],
  ['ls_admin', 'org_admin', 'QD-LS'],
  ['dl_admin', 'org_admin', 'DL'],
];

export async function seedFixture(ctx: AppContext, password: string): Promise<Fixture> {
  const at = nowIso();
  const hash = await hashPassword(password);
  const fx: Omit<Fixture, keyof ProgramFixture> = { orgs: {}, cadres: {}, users: {}, idNumbers: {} };
  const paths: Record<string, string> = {};
  const db = ctx.db.kysely;
  for (const [code, name, level, kind, parent] of ORGS) {
    const row = await insertOrg(
      db,
      { parent_id: parent ? fx.orgs[parent]! : null, code, name, level, kind, region_code: '370202', sort_order: 0, created_at: at, updated_at: at },
      parent ? paths[parent]! : '/',
    );
    fx.orgs[code] = row.id;
    paths[code] = row.path;
  }
  for (const [i, [key, name, org, birth, rank, specialties]] of CADRES.entries()) {
    const idNumber = makeIdNumber('370202', birth, 100 + i * 2 + 1);
    fx.idNumbers[key] = idNumber;
    const row = toCadreRow(
      {
        orgId: fx.orgs[org]!,
        name,
        gender: 'male',
        birthDate: birth,
        ethnicity: '汉族',
        politicalStatus: '中共党员',
        idNumber,
        mobile: `1380000${String(1000 + i)}`,
        position: '干部',
        rank: rank as 'staff',
        education: 'bachelor',
        specialties,
        workStartDate: null,
        experiences: [],
      },
      ctx.cipher,
      at,
    );
    const { id } = await db
      .insertInto('cadres')
      .values({ ...row, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    fx.cadres[key] = id;
  }
  for (const [username, role, org, cadre] of USERS) {
    const { id } = await db
      .insertInto('users')
      .values(newUserRow({ username, displayName: username, passwordHash: hash, role, orgId: fx.orgs[org]!, cadreId: cadre ? fx.cadres[cadre]! : null }, at))
      .returning('id')
      .executeTakeFirstOrThrow();
    fx.users[username] = id;
  }
  return { ...fx, ...(await seedProgramFixture(db, fx.orgs, fx.cadres, fx.users)) };
}
