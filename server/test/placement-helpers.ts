// Fresh placement records for tests and the authorization matrix: practicum programs with enrolled cadres, host units
// (optionally with a host_contact account), posts, and a 12-cadre × 6-post scenario organized by 青岛市 (QD).
import { makeIdNumber } from '@duibiao/core/idcard/index';
import { nowIso } from '../src/db/dialect.ts';
import { systemActor } from '../src/modules/auth/actor.ts';
import { newEnrolmentRow } from '../src/modules/programs/enrolment-row.ts';
import type { TestApp } from './support.ts';
import { newProgramRow } from '../src/modules/programs/program-row.ts';

let counter = 0;
const next = () => ++counter;
export const admin = systemActor();

/** An embedded-practicum program organized by `orgId` with `cadreIds` enrolled. */
export async function practicumProgram(t: TestApp, orgId: number, cadreIds: number[], type = 'embedded_practicum'): Promise<number> {
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('programs')
    .values(
      newProgramRow(
        {
          code: `PL-${next()}`,
          name: `体悟实训项目${counter}`,
          type,
          status: 'planning',
          themes: ['体悟实训'],
          organizerOrgId: orgId,
          startDate: '2027-03-01',
          endDate: '2027-06-08',
          places: ['常州'],
        },
        at,
      ),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const cadreId of cadreIds)
    await t.db.kysely
      .insertInto('enrolments')
      .values(newEnrolmentRow({ programId: id, cadreId }, at))
      .execute();
  return id;
}

export async function hostUnit(t: TestApp, orgId: number, options: { name?: string; contactUserId?: number | null } = {}): Promise<number> {
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('host_units')
    .values({
      org_id: orgId,
      code: null,
      name: options.name ?? `实训单位${next()}`,
      kind: 'enterprise',
      city: '常州',
      field: '智能制造',
      address: null,
      capacity: 5,
      contact_user_id: options.contactUserId ?? null,
      contact_name: '联系人',
      contact_phone: null,
      mentor_name: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function hostPost(t: TestApp, programId: number, unitId: number, seats = 1, tags: string[] = []): Promise<number> {
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('host_posts')
    .values({
      program_id: programId,
      host_unit_id: unitId,
      title: `岗位${next()}`,
      seats,
      specialty_tags: JSON.stringify(tags),
      requirements: null,
      mentor_name: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A ready-to-solve program: the given cadres, one unit at `orgId` with two posts (1 and 2 seats), every cadre ranking both. */
export async function smallProgram(t: TestApp, orgId: number, cadreIds: number[]) {
  const programId = await practicumProgram(t, orgId, cadreIds);
  const unitId = await hostUnit(t, orgId);
  const postIds = [await hostPost(t, programId, unitId, 1), await hostPost(t, programId, unitId, 2)];
  for (const cadreId of cadreIds) await t.services.placement.preferences.setForCadre(admin, programId, cadreId, { postIds });
  return { programId, unitId, postIds };
}

/** A draft placement of the first cadre on the first post (the second post stays free for an override). */
export async function draftPlacement(t: TestApp, orgId: number, cadreIds: number[]) {
  const small = await smallProgram(t, orgId, cadreIds);
  const run = await t.services.placement.runs.solve(admin, small.programId, { mode: 'stable', seed: 1 });
  const placements = await t.services.placement.placements.apply(admin, run.id);
  return { ...small, runId: run.id, placements };
}

export interface Scenario {
  programId: number;
  cadreIds: number[];
  unitIds: number[];
  postIds: number[];
  /** The unit whose contact is qd_host. */
  hostUnitId: number;
  /** Cadre 0 formerly worked at unit 1 (detected ban); cadre 1 has a manual ban with unit 0. */
  formerUnitId: number;
}

const NAMES = ['孙立新', '周海燕', '吴志强', '郑文博', '冯晓丽', '陈建华', '褚明远', '卫国庆', '蒋春梅', '沈浩然', '韩雪松', '杨思远'];
const SPECIALTIES = ['智能制造', '招商引资', '城市规划', '乡村振兴', '金融'];

/**
 * 12 new cadres of 青岛市's subtree plus 李晓梅 (snsw) in a QD program; 5 host units (one whose contact is qd_host, one named like cadre 0's
 * former employer) with 6 posts and 10 seats; every cadre ranks 3–4 posts in a fixed, varied order.
 */
export async function placementScenario(t: TestApp): Promise<Scenario> {
  const fx = t.fixture;
  const orgs = [fx.orgs['QD-FGW']!, fx.orgs['QD-SN-SW']!, fx.orgs['QD-SN-BDG']!, fx.orgs['QD-LS-SZK']!];
  const cadreIds: number[] = [];
  for (let i = 0; i < 12; i++) {
    const n = next();
    const cadre = await t.services.cadres.create(admin, {
      name: NAMES[i]!,
      idNumber: makeIdNumber('370203', `1987-0${1 + (n % 9)}-1${n % 10}`, 500 + n),
      orgId: orgs[i % orgs.length]!,
      specialties: [SPECIALTIES[i % SPECIALTIES.length]!],
      workStartDate: `20${10 + (i % 10)}-07-01`,
      experiences: i === 0 ? [{ startDate: '2010-07-01', endDate: '2015-06-30', unitName: '常州 天合光能 有限公司', position: '技术员' }] : [],
    });
    cadreIds.push(cadre.id);
  }
  // The fixture trainee 李晓梅 (qd_trainee's cadre) takes part too, so publishing has an account to notify.
  cadreIds.push(fx.cadres['snsw']!);
  const programId = await practicumProgram(t, fx.orgs['QD']!, cadreIds);
  const units = t.services.placement.units;
  const unitIds: number[] = [];
  for (const [i, name] of ['常州市武进区发展改革局', '天合光能有限公司', '中车戚墅堰机车有限公司', '常州国家高新区管委会', '江苏常州经济开发区'].entries()) {
    const unit = await units.create(admin, {
      name,
      kind: i === 0 ? 'agency' : i === 3 || i === 4 ? 'park' : 'enterprise',
      city: '常州',
      capacity: 3,
      orgId: fx.orgs['QD']!,
      contactUserId: i === 2 ? fx.users['qd_host']! : null,
    });
    unitIds.push(unit.id);
  }
  const posts = t.services.placement.posts;
  const seats = [2, 2, 1, 2, 1, 2];
  const postUnits = [0, 1, 2, 2, 3, 4];
  const postIds: number[] = [];
  for (let k = 0; k < 6; k++) {
    const post = await posts.create(admin, programId, {
      hostUnitId: unitIds[postUnits[k]!]!,
      title: `实训岗位${k + 1}`,
      seats: seats[k]!,
      specialtyTags: [SPECIALTIES[k % SPECIALTIES.length]!],
    });
    postIds.push(post.id);
  }
  // Popular posts first for most cadres, so seats run short and explanations have something to say.
  for (const [i, cadreId] of cadreIds.entries()) {
    const order = [1, 3, 0, 5, 2, 4].map((k) => postIds[(k + i) % 6]!).slice(0, 3 + (i % 2));
    await t.services.placement.preferences.setForCadre(admin, programId, cadreId, { postIds: order });
  }
  return { programId, cadreIds, unitIds, postIds, hostUnitId: unitIds[2]!, formerUnitId: unitIds[1]! };
}
