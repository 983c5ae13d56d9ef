// Rules the demo data must keep: determinism, valid identities, and the scenario figures of DOMAIN.md.
import { EDUCATIONS, RANKS, ROLES, YOUNG_CADRE_MAX_AGE, isGrassrootsLevel } from '@duibiao/contracts';
import { validateIdNumber } from '@duibiao/core/idcard/index';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ageOn } from './dates.ts';
import { DEMO_USERNAMES } from './demo-accounts.ts';
import { buildDemoData, DEFAULT_TODAY, DEMO_ACCOUNTS_MARKDOWN, S2_COUNTIES, S2_THEMES, type DemoCadre } from './demo-data.ts';

const data = buildDemoData();
const today = DEFAULT_TODAY;
const orgByCode = new Map(data.orgs.map((o) => [o.code, o]));
const tagged = (tag: string) => data.cadres.filter((c) => c.scenarioTags.includes(tag));
const under = (c: DemoCadre, code: string) => c.orgCode === code || c.orgCode.startsWith(`${code}-`);
const age = (c: DemoCadre) => ageOn(c.birthDate, today);

describe('determinism', () => {
  afterEach(() => vi.useRealTimers());

  it('gives the same data for the same seed, whatever the clock says', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const a = buildDemoData({ seed: 42 });
    vi.setSystemTime(new Date('2001-06-15T12:00:00Z'));
    const b = buildDemoData({ seed: 42 });
    expect(b).toEqual(a);
  });

  it('gives different cadres for a different seed but the same org tree', () => {
    const a = buildDemoData({ seed: 1 });
    const b = buildDemoData({ seed: 2 });
    expect(b.orgs).toEqual(a.orgs);
    expect(b.cadres.map((c) => c.idNumber)).not.toEqual(a.cadres.map((c) => c.idNumber));
  });

  it('counts ages on the given today', () => {
    const later = buildDemoData({ today: '2030-03-01' });
    expect(later.cadres.filter((c) => c.scenarioTags.includes('S2')).every((c) => ageOn(c.birthDate, '2030-03-01') <= 40)).toBe(true);
    expect(() => buildDemoData({ today: '2026/11/23' })).toThrow(RangeError);
  });

  it('is fast', () => {
    buildDemoData({ seed: 3 });
    const t0 = performance.now();
    buildDemoData({ seed: 4 });
    expect(performance.now() - t0).toBeLessThan(200);
  });
});

describe('org tree', () => {
  it('lists parents before children with unique codes', () => {
    const seen = new Set<string>();
    for (const o of data.orgs) {
      expect(seen.has(o.code)).toBe(false);
      if (o.parentCode !== null) expect(seen.has(o.parentCode)).toBe(true);
      seen.add(o.code);
    }
  });

  it('has provinces on top and consistent levels, kinds and region codes', () => {
    for (const o of data.orgs) {
      expect(o.regionCode).toMatch(/^\d{6}$/);
      const parent = o.parentCode ? orgByCode.get(o.parentCode) : undefined;
      if (!parent) {
        expect([o.kind, o.level]).toEqual(['region', 'province']);
        expect(o.regionCode).toMatch(/0000$/);
        continue;
      }
      expect(o.regionCode.slice(0, 2)).toBe(parent.regionCode.slice(0, 2));
      if (o.kind === 'township') expect(o.level).toBe('township');
      if (o.kind === 'village') expect([o.level, parent.kind]).toEqual(['village', 'township']);
      if (o.kind === 'party_gov' || o.kind === 'institution' || o.kind === 'enterprise') expect(o.level).toBe(parent.level);
    }
  });

  it('uses the real region codes of the source places', () => {
    const expected: Record<string, string> = {
      山东省: '370000',
      青岛市: '370200',
      市南区: '370202',
      市北区: '370203',
      崂山区: '370212',
      '西海岸新区（黄岛区）': '370211',
      河南省: '410000',
      商丘市: '411400',
      辽宁省: '210000',
      大连市: '210200',
      瓦房店市: '210281',
      庄河市: '210283',
      普兰店区: '210214',
      长海县: '210224',
      黑龙江省: '230000',
      哈尔滨市: '230100',
      道里区: '230102',
      浙江省: '330000',
      绍兴市: '330600',
      柯桥区: '330603',
    };
    for (const [name, code] of Object.entries(expected)) {
      expect(data.orgs.find((o) => o.kind === 'region' && o.name === name)?.regionCode, name).toBe(code);
    }
  });

  it('gives each S2 county at least three townships with villages below', () => {
    for (const county of S2_COUNTIES) {
      const townships = data.orgs.filter((o) => o.kind === 'township' && o.code.startsWith(`${county}-`));
      expect(townships.length).toBeGreaterThanOrEqual(3);
      expect(data.orgs.some((o) => o.kind === 'village' && o.code.startsWith(`${county}-`))).toBe(true);
    }
  });
});

describe('cadre identities', () => {
  it('has ID numbers that pass GB 11643 and encode the birth date and gender', () => {
    for (const c of data.cadres) {
      const check = validateIdNumber(c.idNumber, { today });
      expect(check, c.idNumber).toEqual({ ok: true, value: c.idNumber, birthDate: c.birthDate, gender: c.gender });
    }
  });

  it('has unique ID numbers and unique 11-digit mobiles', () => {
    expect(new Set(data.cadres.map((c) => c.idNumber)).size).toBe(data.cadres.length);
    expect(new Set(data.cadres.map((c) => c.mobile)).size).toBe(data.cadres.length);
    for (const c of data.cadres) expect(c.mobile).toMatch(/^1(3\d|5\d|8\d|9\d)\d{8}$/);
  });

  it('places every cadre in an existing unit that employs people', () => {
    for (const c of data.cadres) {
      const org = orgByCode.get(c.orgCode);
      expect(org, c.orgCode).toBeDefined();
      expect(org!.kind).not.toBe('region');
      expect(data.orgs.some((o) => o.parentCode === c.orgCode && o.kind === 'party_gov')).toBe(false);
    }
  });

  it('has valid enums, a post, 1–3 specialties and a name', () => {
    for (const c of data.cadres) {
      expect(RANKS).toContain(c.rank);
      expect(EDUCATIONS).toContain(c.education);
      expect(c.position.length).toBeGreaterThan(1);
      expect(c.specialties.length).toBeGreaterThanOrEqual(1);
      expect(c.specialties.length).toBeLessThanOrEqual(3);
      expect(new Set(c.specialties).size).toBe(c.specialties.length);
      expect(c.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$|^[\u4e00-\u9fa5]{2,5}·[\u4e00-\u9fa5]{2,5}$/);
    }
  });

  it('keeps village posts in the staff band and no one above county level', () => {
    for (const c of data.cadres) {
      expect(['provincial', 'bureau']).not.toContain(c.rank);
      if (orgByCode.get(c.orgCode)!.kind === 'village') expect(c.rank).toBe('staff');
      if (/科员$/.test(c.position)) expect(c.rank).toBe('staff');
      if (/处长$/.test(c.position) && orgByCode.get(c.orgCode)!.level === 'city') expect(c.rank).toBe('county');
    }
  });

  it('has 1–3 experiences from the first job to the current post', () => {
    for (const c of data.cadres) {
      const xs = c.experiences;
      expect(xs.length).toBeGreaterThanOrEqual(1);
      expect(xs.length).toBeLessThanOrEqual(3);
      expect(xs[0]!.startDate).toBe(c.workStartDate);
      expect(c.workStartDate > c.birthDate).toBe(true);
      const last = xs[xs.length - 1]!;
      expect([last.endDate, last.position]).toEqual([null, c.position]);
      for (let i = 0; i < xs.length - 1; i++) {
        expect(xs[i]!.endDate).toBe(xs[i + 1]!.startDate);
        expect(xs[i]!.startDate < xs[i + 1]!.startDate).toBe(true);
      }
      expect(last.startDate <= today).toBe(true);
    }
  });

  it('gives no 主任科员/调研员 grade to posts that began before the 2019 grade reform', () => {
    for (const x of data.cadres.flatMap((c) => c.experiences)) {
      if (/主任科员|调研员/.test(x.position)) expect(x.startDate >= '2019-06-01', `${x.startDate} ${x.position}`).toBe(true);
    }
  });
});

describe('scenario figures', () => {
  it('S1: exactly 29 cadres, all in 道里区 units', () => {
    expect(tagged('S1')).toHaveLength(29);
    expect(tagged('S1').every((c) => under(c, 'HRB-DLQ'))).toBe(true);
    expect(data.cadres.filter((c) => under(c, 'HRB-DLQ'))).toHaveLength(29);
  });

  it('S2: exactly 200 young cadres, ≥ 50 % grassroots, ≥ 40 per county', () => {
    const s2 = tagged('S2');
    expect(s2).toHaveLength(200);
    expect(s2.every((c) => age(c) <= YOUNG_CADRE_MAX_AGE && age(c) >= 26)).toBe(true);
    const grassroots = s2.filter((c) => isGrassrootsLevel(orgByCode.get(c.orgCode)!.level));
    expect(grassroots.length / s2.length).toBeGreaterThanOrEqual(0.5);
    for (const county of S2_COUNTIES) expect(s2.filter((c) => under(c, county)).length).toBeGreaterThanOrEqual(40);
  });

  it('S2: each theme has at least 50 cadres with a fitting specialty', () => {
    for (const [theme, fits] of Object.entries(S2_THEMES)) {
      const n = tagged('S2').filter((c) => c.specialties.some((s) => (fits as readonly string[]).includes(s))).length;
      expect(n, theme).toBeGreaterThanOrEqual(50);
    }
  });

  it('Dalian also has older cadres, so an age filter excludes someone', () => {
    const older = data.cadres.filter((c) => under(c, 'DL') && age(c) > YOUNG_CADRE_MAX_AGE);
    expect(older.length).toBeGreaterThanOrEqual(15);
    expect(older.some((c) => c.scenarioTags.includes('S2'))).toBe(false);
  });

  it('S3: at least 150 Qingdao cadres aged 28–50 across city organs, SOEs/institutions and districts', () => {
    const s3 = tagged('S3');
    expect(s3.length).toBeGreaterThanOrEqual(150);
    expect(s3.every((c) => under(c, 'QD') && age(c) >= 28 && age(c) <= 50)).toBe(true);
    const kinds = new Set(s3.map((c) => orgByCode.get(c.orgCode)!.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(['party_gov', 'enterprise', 'institution', 'township']));
    expect(s3.filter((c) => orgByCode.get(c.orgCode)!.level === 'district').length).toBeGreaterThan(30);
  });

  it('S4: exactly 10 young Shangqiu cadres', () => {
    expect(tagged('S4')).toHaveLength(10);
    expect(tagged('S4').every((c) => under(c, 'SQ') && age(c) <= YOUNG_CADRE_MAX_AGE)).toBe(true);
  });

  it('S6: about 25 Keqiao cadres', () => {
    expect(tagged('S6').length).toBeGreaterThanOrEqual(20);
    expect(tagged('S6').every((c) => under(c, 'SX-KQ'))).toBe(true);
  });
});

describe('users', () => {
  it('share one password and have unique usernames, valid roles and existing orgs', () => {
    expect(data.password).toBe('Duibiao@2026');
    expect(new Set(data.users.map((u) => u.username)).size).toBe(data.users.length);
    for (const u of data.users) {
      expect(ROLES).toContain(u.role);
      expect(orgByCode.has(u.orgCode), u.orgCode).toBe(true);
      expect(u.displayName.length).toBeGreaterThan(0);
    }
  });

  it('has the accounts the README promises', () => {
    const byName = new Map(data.users.map((u) => [u.username, u]));
    const expected: [string, string, string][] = [
      ['admin', 'sys_admin', 'SD'],
      ['qd_admin', 'org_admin', 'QD'],
      ['qd_pm', 'program_manager', 'QD'],
      ['qd_tutor', 'tutor', 'QD'],
      ['qd_host', 'host_contact', 'QD'],
      ['qd_expert', 'external_expert', 'QD'],
      ['sn_admin', 'org_admin', 'QD-SN'],
      ['ls_admin', 'org_admin', 'QD-LS'],
      ['dl_admin', 'org_admin', 'DL'],
      ['dl_pm', 'program_manager', 'DL'],
      ['dl_tutor', 'tutor', 'DL'],
      ['wfd_admin', 'org_admin', 'DL-WFD'],
      ['hrb_admin', 'org_admin', 'HRB'],
      ['daoli_admin', 'org_admin', 'HRB-DLQ'],
      ['sq_admin', 'org_admin', 'SQ'],
      ['kq_admin', 'org_admin', 'SX-KQ'],
    ];
    for (const [username, role, orgCode] of expected) expect(byName.get(username), username).toMatchObject({ role, orgCode });
  });

  it('links trainees to a cadre of the right scenario in their own unit', () => {
    for (const [username, tag] of [
      ['qd_trainee', 'S3'],
      ['dl_trainee', 'S2'],
    ] as const) {
      const user = data.users.find((u) => u.username === username)!;
      const cadre = data.cadres.find((c) => c.idNumber === user.cadreIdNumber)!;
      expect(user.role).toBe('trainee');
      expect(cadre.scenarioTags).toContain(tag);
      expect([user.orgCode, user.displayName]).toEqual([cadre.orgCode, cadre.name]);
    }
  });

  it('matches the usernames production refuses to start with', () => {
    expect(data.users.map((u) => u.username).sort()).toEqual([...DEMO_USERNAMES].sort());
  });

  it('renders a markdown table with a row per account', () => {
    const md = DEMO_ACCOUNTS_MARKDOWN();
    const lines = md.split('\n');
    expect(lines[0]).toMatch(/^\| Username \| Role \| Org \| What to try \|$/);
    expect(lines).toHaveLength(data.users.length + 2);
    expect(md).toContain('| `qd_admin` | 组织部管理员 | 青岛市 |');
  });
});
