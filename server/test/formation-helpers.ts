// Programs for formation tests and the authorization matrix: a themed program with its own sending units (grassroots
// townships and city/district bureaus), cadres enrolled in it and classes with theme tags and grassroots floors.
import { makeIdNumber } from '@duibiao/core/idcard/index';
import { nowIso } from '../src/db/dialect.ts';
import { systemActor } from '../src/modules/auth/actor.ts';
import { toCadreRow } from '../src/modules/cadres/cadres.rules.ts';
import { insertOrg } from '../src/modules/orgs/orgs.repo.ts';
import { newEnrolmentRow } from '../src/modules/programs/enrolment-row.ts';
import type { TestApp } from './support.ts';
import { newProgramRow } from '../src/modules/programs/program-row.ts';

let counter = 0;
const next = () => ++counter;

export interface ClassDef {
  name: string;
  capacity: number;
  tags?: string[];
  share?: number;
}

/** A centralized-class program of `orgId` with the given classes and the given cadres enrolled (no class yet). */
export async function formationProgram(t: TestApp, orgId: number, cadreIds: number[], classes: ClassDef[]): Promise<{ programId: number; classIds: number[] }> {
  const at = nowIso();
  const n = next();
  const { id: programId } = await t.db.kysely
    .insertInto('programs')
    .values(
      newProgramRow(
        {
          code: `FM-${n}-${Math.random().toString(36).slice(2, 8)}`,
          name: `分班测试班${n}`,
          type: 'centralized_class',
          status: 'planning',
          organizerOrgId: orgId,
          startDate: '2026-09-01',
          endDate: '2026-09-10',
        },
        at,
      ),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  const classIds: number[] = [];
  for (const [k, c] of classes.entries()) {
    const { id } = await t.db.kysely
      .insertInto('program_classes')
      .values({
        program_id: programId,
        name: c.name,
        theme: null,
        place: null,
        capacity: c.capacity,
        tutor_instructor_id: null,
        sort_order: k,
        theme_tags: JSON.stringify(c.tags ?? []),
        min_grassroots_share: c.share ?? 0,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    classIds.push(id);
  }
  for (const cadreId of cadreIds) await t.db.kysely.insertInto('enrolments').values(newEnrolmentRow({ programId, cadreId }, at)).execute();
  return { programId, classIds };
}

const THEMES = ['乡村振兴', '党建', '社会治理', '城市规划', '招商引资', '金融'];

/**
 * `total` cadres under `parentOrgId`, spread over `units` sending units: the first half of the units are townships
 * (grassroots), the rest bureaus; `grassroots` of the cadres sit in the townships.
 */
export async function formationCadres(t: TestApp, parentOrgId: number, total: number, grassroots: number, units = 8): Promise<number[]> {
  const at = nowIso();
  const parent = await t.db.kysely.selectFrom('organizations').select('path').where('id', '=', parentOrgId).executeTakeFirstOrThrow();
  const townships: number[] = [];
  const bureaus: number[] = [];
  for (let u = 0; u < units; u++) {
    const grassrootsUnit = u < units / 2;
    const n = next();
    const org = await insertOrg(
      t.db.kysely,
      {
        parent_id: parentOrgId,
        code: `FMU${n}`,
        name: grassrootsUnit ? `测试街道${n}` : `测试局${n}`,
        level: grassrootsUnit ? 'township' : 'district',
        kind: grassrootsUnit ? 'township' : 'party_gov',
        region_code: '370202',
        sort_order: 0,
        created_at: at,
        updated_at: at,
      },
      parent.path,
    );
    (grassrootsUnit ? townships : bureaus).push(org.id);
  }
  const ids: number[] = [];
  for (let i = 0; i < total; i++) {
    const isGrassroots = i < grassroots;
    const pool = isGrassroots ? townships : bureaus;
    const n = next();
    const birth = `${1985 + (n % 12)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
    const row = toCadreRow(
      {
        orgId: pool[i % pool.length]!,
        name: `学员${String(n).padStart(3, '0')}`,
        gender: i % 3 === 0 ? 'female' : 'male',
        birthDate: birth,
        ethnicity: '汉族',
        politicalStatus: '中共党员',
        idNumber: makeIdNumber('370203', birth, n % 1000),
        mobile: null,
        position: '干部',
        rank: i % 4 === 0 ? 'township' : 'staff',
        education: 'bachelor',
        specialties: [THEMES[i % THEMES.length]!],
        workStartDate: null,
        experiences: [],
      },
      t.ctx.cipher,
      at,
    );
    const { id } = await t.db.kysely
      .insertInto('cadres')
      .values({ ...row, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(id);
  }
  return ids;
}

/** A small program of `orgId` (its fixture-free cadres) whose solved draft can be applied: for the authorization matrix. */
export async function formationProgramWithDraft(t: TestApp, orgId: number): Promise<number> {
  const cadres = await formationCadres(t, orgId, 4, 2, 2);
  const { programId } = await formationProgram(t, orgId, cadres, [{ name: '一班', capacity: 10, share: 0.5 }]);
  await t.services.formation.solve(systemActor(), programId, { groupSize: { min: 2, max: 4 }, keepLocks: true });
  return programId;
}
