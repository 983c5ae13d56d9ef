// Builds one consistent demo cadre: identity, ID number, contact, post, rank, education and career.
import type { Gender } from '@duibiao/contracts';
import { makeIdNumber } from '@duibiao/core/idcard/index';
import { addDays, addYears, ageOn, daysBetween, monthStart } from './dates.ts';
import { pickEthnicity, uniqueName } from './names.ts';
import { CITY_DISTRICT_CODES } from './org-data.ts';
import type { OrgNode } from './org-tree.ts';
import { pickEducation, pickPoliticalStatus, pickPost, unitTypeOf, WORK_START_AGE, type Post } from './positions.ts';
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

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156',
  '157', '158', '159', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '193', '195', '198', '199'];

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
  const post = req.post ?? pickPost(rng, org, age);
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
    experiences: career(ctx, org, post, birthDate, workStartDate),
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

/** 1–3 posts from the first job to the current one; earlier posts are no more senior than the current. */
function career(ctx: GenContext, org: OrgNode, post: Post, birthDate: string, workStart: string): DemoExperience[] {
  const { rng, today } = ctx;
  const years = daysBetween(workStart, today) / 365.25;
  const want = years < 3 ? 1 : years < 8 ? rng.int(1, 2) : rng.int(1, 3);
  // Moves happen between one year after starting and one year before today, on month starts.
  const from = addYears(workStart, 1);
  const span = daysBetween(from, addYears(today, -1));
  const cuts = new Set<string>();
  for (let i = 0; i < want - 1 && span > 0; i++) cuts.add(monthStart(addDays(from, rng.int(0, span))));
  const starts = [workStart, ...[...cuts].sort()];
  const out: DemoExperience[] = [];
  for (let i = 0; i < starts.length - 1; i++) {
    const start = starts[i]!;
    const age = ageOn(birthDate, start);
    // Retry a few times so no two consecutive posts read the same.
    let step = { unitName: org.fullName, position: post.position };
    for (let attempt = 0; attempt < 6; attempt++) {
      const earlier = pickEarlierUnit(ctx, org);
      step = { unitName: earlier.fullName, position: pickPost(rng, earlier, age, post.rank).position };
      if (!sameAs(step, { unitName: org.fullName, position: post.position }) && !(out.length > 0 && sameAs(step, out[out.length - 1]!))) break;
    }
    out.push({ startDate: start, endDate: starts[i + 1]!, ...step });
  }
  out.push({ startDate: starts[starts.length - 1]!, endDate: null, unitName: org.fullName, position: post.position });
  // Should retries have failed, fold a repeated post into one period.
  for (let i = out.length - 1; i > 0; i--) {
    if (sameAs(out[i]!, out[i - 1]!)) out.splice(i - 1, 2, { ...out[i - 1]!, endDate: out[i]!.endDate });
  }
  return out;
}

const sameAs = (a: { unitName: string; position: string }, b: { unitName: string; position: string }): boolean =>
  a.unitName === b.unitName && a.position === b.position;

function pickEarlierUnit(ctx: GenContext, org: OrgNode): OrgNode {
  const { rng } = ctx;
  const inCity = (org.cityCode ? ctx.unitsByCity.get(org.cityCode) : undefined) ?? [];
  const sameCounty = org.countyCode ? inCity.filter((u) => u.countyCode === org.countyCode && u !== org) : [];
  if (rng.chance(0.25)) return org; // promoted within the same unit
  if (sameCounty.length > 0 && rng.chance(0.6)) return rng.pick(sameCounty);
  const others = inCity.filter((u) => u !== org);
  return others.length > 0 ? rng.pick(others) : org;
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
