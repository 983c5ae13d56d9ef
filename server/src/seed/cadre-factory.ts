// Builds one consistent demo cadre: identity, ID number, contact, post, rank, education and career.
import type { Gender, Rank } from '@duibiao/contracts';
import { makeIdNumber } from '@duibiao/core/idcard/index';
import { addDays, addYears, ageOn, daysBetween, monthStart } from './dates.ts';
import { pickEthnicity, uniqueName } from './names.ts';
import { CITY_DISTRICT_CODES } from './org-data.ts';
import type { OrgNode } from './org-tree.ts';
import { GRADES_SINCE, isGradeTitle, pickEducation, pickPoliticalStatus, pickPost, unitTypeOf, WORK_START_AGE, type Post } from './positions.ts';
import type { Rng } from './prng.ts';
import { pickSpecialties } from './specialties.ts';
import type { DemoCadre, DemoExperience } from './types.ts';

/** Shared state of one generation run: the random source and what must stay unique. */
export interface GenContext {
  rng: Rng;
  today: string;
  orgs: ReadonlyMap<string, OrgNode>;
  /** Units that employ cadres, by city code: candidates for earlier career steps. */
  unitsByCity: ReadonlyMap<string, readonly OrgNode[]>;
  usedIds: Set<string>;
  usedMobiles: Set<string>;
  usedNames: Set<string>;
}

export interface CadreRequest {
  org: OrgNode;
  /** Age range on `today`, both inclusive. */
  minAge: number;
  maxAge: number;
  scenarioTags: string[];
  /** Specialties of a theme the first specialty must come from (S2). */
  theme?: readonly string[];
  /** A fixed post instead of a random one that fits the unit. */
  post?: Post;
}

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '193',
  '195',
  '198',
  '199',
];

export function makeCadre(ctx: GenContext, req: CadreRequest): DemoCadre {
  const { rng, today } = ctx;
  const org = req.org;
  // Born after (today − maxAge − 1 years), on or before (today − minAge years).
  const earliest = addDays(addYears(today, -(req.maxAge + 1)), 1);
  const birthDate = addDays(earliest, rng.int(0, daysBetween(earliest, addYears(today, -req.minAge))));
  const age = ageOn(birthDate, today);
  const type = unitTypeOf(org);
  const gender: Gender = rng.chance(type === 'community' ? 0.4 : 0.6) ? 'male' : 'female';
  const ethnicity = pickEthnicity(rng, org.regionCode, org.minority);
  const name = uniqueName(rng, gender, ethnicity, Number(birthDate.slice(0, 4)), ctx.usedNames);
  const post = req.post ?? pickPost(rng, org, age, { at: today });
  const education = pickEducation(rng, org, post.position);
  const workStartDate = pickWorkStart(rng, birthDate, WORK_START_AGE[education], today);
  return {
    orgCode: org.code,
    name,
    gender,
    birthDate,
    ethnicity,
    politicalStatus: pickPoliticalStatus(rng, post, age),
    idNumber: uniqueIdNumber(ctx, org, birthDate, gender),
    mobile: uniqueMobile(ctx),
    position: post.position,
    rank: post.rank,
    education,
    specialties: pickSpecialties(rng, org, req.theme),
    workStartDate,
    experiences: career(ctx, org, post, birthDate, workStartDate, education === 'master' || education === 'doctorate'),
    scenarioTags: [...req.scenarioTags],
  };
}

/** July or August of the graduation year, and at least a year before today. */
function pickWorkStart(rng: Rng, birthDate: string, startAge: number, today: string): string {
  const year = Number(birthDate.slice(0, 4)) + startAge + rng.int(0, 1);
  const start = `${year}-0${rng.pick([7, 8])}-01`;
  const latest = monthStart(addYears(today, -1));
  return start < latest ? start : latest;
}

/** Years of work before a post of this rank is plausible. */
const SENIORITY: Partial<Record<Rank, number>> = { township: 4, county: 9 };

/** A month start uniformly between two dates (inclusive). */
function monthBetween(rng: Rng, from: string, to: string): string {
  return monthStart(addDays(from, rng.int(0, Math.max(0, daysBetween(from, to)))));
}

/**
 * 1–3 posts from the first job to the current one. The current post starts late enough for the
 * person's age and seniority (and after the 2019 grade reform for 主任科员/调研员 titles); leaders
 * have held it at most 8 years. The first job is a staff post; a middle step may match the current rank.
 */
function career(ctx: GenContext, org: OrgNode, post: Post, birthDate: string, workStart: string, postgraduate: boolean): DemoExperience[] {
  const { rng, today } = ctx;
  const latest = monthStart(addDays(today, -60));
  const bounds = [workStart, monthStart(addYears(today, post.rank === 'staff' ? -12 : -8))];
  if (post.minAge !== undefined) bounds.push(monthStart(addYears(birthDate, post.minAge)));
  const seniority = SENIORITY[post.rank];
  if (seniority !== undefined) bounds.push(addYears(workStart, seniority));
  if (isGradeTitle(post.position)) bounds.push(GRADES_SINCE);
  const earliest = bounds.reduce((a, b) => (a > b ? a : b));
  const currentStart = earliest >= latest ? latest : earliest === workStart && rng.chance(0.4) ? workStart : monthBetween(rng, earliest, latest);
  const current: DemoExperience = { startDate: currentStart, endDate: null, unitName: org.fullName, position: post.position };
  // Staff who changed post within their first year are shown in one post from the start.
  if (currentStart <= workStart || (post.rank === 'staff' && daysBetween(workStart, currentStart) < 365)) {
    return [{ ...current, startDate: workStart }];
  }

  // One earlier post, or two when there were years enough to change twice.
  const starts = [workStart];
  const cutFrom = addYears(workStart, 1);
  const cutTo = addYears(currentStart, -1);
  const gapYears = daysBetween(workStart, currentStart) / 365.25;
  if (gapYears > 12 || (gapYears > 6 && rng.chance(0.6))) starts.push(monthBetween(rng, cutFrom, cutTo));
  const out: DemoExperience[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = starts[i + 1] ?? currentStart;
    const maxRank: Rank = i === 0 || post.rank === 'staff' ? 'staff' : post.rank === 'county' ? 'township' : post.rank;
    const age = ageOn(birthDate, start);
    // Retry a few times so no two consecutive posts read the same.
    let step = { unitName: org.fullName, position: post.position };
    for (let attempt = 0; attempt < 6; attempt++) {
      const earlier = pickEarlierUnit(ctx, org, i === 0 && !postgraduate);
      const sameKind = unitTypeOf(earlier) === unitTypeOf(org) && !rng.chance(0.1);
      const options = { maxRank, at: start, ...(sameKind && post.tier !== undefined ? { belowTier: post.tier } : {}) };
      step = { unitName: earlier.fullName, position: pickPost(rng, earlier, age, options).position };
      const previous = out.length > 0 ? out[out.length - 1]! : undefined;
      if (!sameAs(step, current) && !(previous && sameAs(step, previous))) break;
    }
    out.push({ startDate: start, endDate: end, ...step });
  }
  out.push(current);
  // Should retries have failed, fold a repeated post into one period.
  for (let i = out.length - 1; i > 0; i--) {
    if (sameAs(out[i]!, out[i - 1]!)) out.splice(i - 1, 2, { ...out[i - 1]!, endDate: out[i]!.endDate });
  }
  return out;
}

const sameAs = (a: { unitName: string; position: string }, b: { unitName: string; position: string }): boolean =>
  a.unitName === b.unitName && a.position === b.position;

/** Units someone joins only at the start of a career, unless they work at that level now. */
const ENTRY_ONLY: ReadonlySet<string | null> = new Set(['village', 'community', 'enterprise']);

/**
 * Where an earlier post was: often the same unit (promotion) or the same county, else the same city.
 * Villages, communities and SOEs appear only as an entry job (`entryJob`), unless the current unit is one.
 */
function pickEarlierUnit(ctx: GenContext, org: OrgNode, entryJob: boolean): OrgNode {
  const { rng } = ctx;
  if (rng.chance(0.25)) return org;
  const allowAll = entryJob || ENTRY_ONLY.has(unitTypeOf(org));
  const inCity = ((org.cityCode ? ctx.unitsByCity.get(org.cityCode) : undefined) ?? []).filter(
    (u) => u !== org && (allowAll || !ENTRY_ONLY.has(unitTypeOf(u))),
  );
  const sameCounty = org.countyCode ? inCity.filter((u) => u.countyCode === org.countyCode) : [];
  if (sameCounty.length > 0 && rng.chance(0.6)) return rng.pick(sameCounty);
  return inCity.length > 0 ? rng.pick(inCity) : org;
}

/** Regional part of the ID: the unit's district, or for city-level units one of the city's districts. */
function idRegion(rng: Rng, org: OrgNode): string {
  if (!org.regionCode.endsWith('00')) return org.regionCode;
  const districts = org.cityCode ? CITY_DISTRICT_CODES[org.cityCode] : undefined;
  return districts && districts.length > 0 ? rng.pick(districts) : org.regionCode;
}

function uniqueIdNumber(ctx: GenContext, org: OrgNode, birthDate: string, gender: Gender): string {
  const region = idRegion(ctx.rng, org);
  for (;;) {
    // The 17th digit (last of the sequence) is odd for men and even for women.
    const seq = ctx.rng.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
    const id = makeIdNumber(region, birthDate, seq);
    if (!ctx.usedIds.has(id)) {
      ctx.usedIds.add(id);
      return id;
    }
  }
}

function uniqueMobile(ctx: GenContext): string {
  for (;;) {
    const mobile = ctx.rng.pick(MOBILE_PREFIXES) + String(ctx.rng.int(0, 99_999_999)).padStart(8, '0');
    if (!ctx.usedMobiles.has(mobile)) {
      ctx.usedMobiles.add(mobile);
      return mobile;
    }
  }
}
