// S3: Qingdao's 3rd batch of embedded practicum (体悟实训) in Shenzhen — 150 cadres selected under quotas of the city
// organs and four districts, placed at 79 host units by the stable solver, 100 days running around the seed day
// (started 42 days before it), so remote check-ins, weekly logs and mentor comments exist. No timetable: the cadres
// work in their posts. qd_trainee is one of the 150; qd_host is the contact of the unit that hosts them.
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import { begunWeeks, mondayOf } from '../../modules/practicum/practicum.rules.ts';
import { addDays } from '../dates.ts';
import { Rng } from '../prng.ts';
import type { DemoCadre, DemoData } from '../types.ts';
import { SHENZHEN_HOSTS } from './host-units-data.ts';
import type { LoadedProgram } from './load-programs.ts';
import { seedRemoteCheckins, seedWeeklyLogs, type LogPlan } from './placement-followup.ts';
import { seedPlacements, type SeededPlacements } from './placement-seed.ts';
import { seedNominations, type Candidate, type QuotaSpec } from './selection-seed.ts';
import { pickMonitor, taggedCadres } from './trainees.ts';
import type { DemoInstructor, DemoProgram } from './types.ts';

export const S3_CODE = 'S3-QD-SZ-2026';
export const S3_DAYS = 100;
/** The practicum began this many days before the seed day. */
export const S3_STARTED_DAYS_AGO = 42;
export const S3_SEED = 20_260_301;

/** Places per sending unit: 150 in all, roughly in proportion to the candidates each put forward. */
export const S3_QUOTAS: readonly QuotaSpec[] = [
  { orgCode: 'QD-SZ', quota: 85, note: '市直机关、市属企事业单位' },
  { orgCode: 'QD-SN', quota: 19, note: '市南区' },
  { orgCode: 'QD-SB', quota: 15, note: '市北区' },
  { orgCode: 'QD-LS', quota: 15, note: '崂山区' },
  { orgCode: 'QD-HD', quota: 16, note: '西海岸新区' },
];

const TUTOR: DemoInstructor = {
  id: `${S3_CODE}-i1`,
  name: '孙晓峰',
  title: '带队干部、市委组织部干部教育处副处长',
  unit: '青岛市委组织部',
  external: false,
  role: 'tutor',
};

export interface S3Selection {
  approved: DemoCadre[];
  waitlisted: DemoCadre[];
  rejected: DemoCadre[];
}

/** The quota's approved candidates (qd_trainee's cadre first, then by ID number); the rest wait or are turned down. */
export function selectS3(data: DemoData): S3Selection {
  const own = data.users.find((u) => u.username === 'qd_trainee')?.cadreIdNumber;
  const s3 = taggedCadres(data, 'S3');
  const ordered = [...s3.filter((c) => c.idNumber === own), ...s3.filter((c) => c.idNumber !== own)];
  const out: S3Selection = { approved: [], waitlisted: [], rejected: [] };
  for (const q of S3_QUOTAS) {
    const mine = ordered.filter((c) => c.orgCode === q.orgCode || c.orgCode.startsWith(`${q.orgCode}-`));
    out.approved.push(...mine.slice(0, q.quota));
    // Over the quota: the next three of each unit wait for a freed place, the rest are not taken this batch.
    out.waitlisted.push(...mine.slice(q.quota, q.quota + 3));
    out.rejected.push(...mine.slice(q.quota + 3));
  }
  return out;
}

export function buildS3(data: DemoData, today: string): DemoProgram {
  const startDate = addDays(today, -S3_STARTED_DAYS_AGO);
  const { approved } = selectS3(data);
  return {
    code: S3_CODE,
    scenario: 'S3',
    type: 'embedded_practicum',
    name: '青岛市第三批赴深圳体悟实训',
    themes: ['对标深圳', '科技金融', '产业发展', '营商环境'],
    organizerOrgCode: 'QD',
    partner: null,
    startDate,
    endDate: addDays(startDate, S3_DAYS - 1),
    places: ['深圳'],
    budgetYuan: null,
    targets: {},
    classes: [
      {
        id: `${S3_CODE}-c1`,
        name: '第三批体悟实训队（临时党支部）',
        theme: '对标深圳',
        capacity: 150,
        tutor: TUTOR.id,
        place: '深圳',
        traineeIdNumbers: approved.map((c) => c.idNumber),
        groups: [],
        monitorIdNumber: pickMonitor(new Rng(S3_SEED), approved, []),
      },
    ],
    sessions: [],
    instructors: [TUTOR],
    venues: [],
    status: 'running',
    selectionRules: { eligibility: { maxAge: 50 }, capacity: 150 },
  };
}

/** Nominations, host units, the stable run and placements, check-ins and weekly logs of the loaded S3 program. */
export async function seedS3(
  trx: Kysely<Database>,
  ctx: AppContext,
  data: DemoData,
  program: DemoProgram,
  loaded: LoadedProgram,
  today: string,
): Promise<SeededPlacements> {
  const rng = new Rng(S3_SEED);
  const selection = selectS3(data);
  const cadreIds = new Map<string, number>();
  for (const [idNumber, e] of loaded.enrolments) cadreIds.set(idNumber, e.cadreId);
  const others = [...selection.waitlisted, ...selection.rejected];
  const otherIds = await cadreIdsByIdNumber(trx, ctx, others);
  const candidates: Candidate[] = [
    ...selection.approved.map((c) => ({
      cadreId: cadreIds.get(c.idNumber)!,
      orgCode: c.orgCode,
      outcome: 'approved' as const,
      enrolmentId: loaded.enrolments.get(c.idNumber)!.id,
      statement: `${c.position}，专业特长：${c.specialties.join('、')}`,
    })),
    ...selection.waitlisted.map((c) => ({
      cadreId: otherIds.get(c.idNumber)!,
      orgCode: c.orgCode,
      outcome: 'waitlisted' as const,
      reason: '本单位名额已满，列入候补',
    })),
    ...selection.rejected.map((c) => ({
      cadreId: otherIds.get(c.idNumber)!,
      orgCode: c.orgCode,
      outcome: 'rejected' as const,
      reason: '本批次名额已满，建议参加下一批次',
    })),
  ];
  await seedNominations(trx, { programId: loaded.id, quotas: S3_QUOTAS, candidates, startDate: program.startDate, deciderUsername: 'qd_pm' });

  const organizer = await trx.selectFrom('programs').select('organizer_org_id').where('id', '=', loaded.id).executeTakeFirstOrThrow();
  const byIdNumber = new Map(selection.approved.map((c) => [c.idNumber, c]));
  const seeded = await seedPlacements(trx, {
    programId: loaded.id,
    organizerOrgId: organizer.organizer_org_id,
    codePrefix: 'SZ',
    city: '深圳',
    hosts: SHENZHEN_HOSTS,
    cadres: [...loaded.enrolments].map(([idNumber, e]) => {
      const c = byIdNumber.get(idNumber)!;
      return {
        cadreId: e.cadreId,
        enrolmentId: e.id,
        specialties: c.specialties,
        formerUnits: c.experiences.map((x) => x.unitName),
        workStartDate: c.workStartDate,
      };
    }),
    listLength: [8, 12],
    relativeBans: 4,
    manualBans: 1,
    mode: 'stable',
    seed: S3_SEED,
    startDate: program.startDate,
    endDate: program.endDate,
    publisherUsername: 'qd_pm',
    rng,
  });
  if (seeded.placements.length !== 150) throw new Error(`S3 placed ${seeded.placements.length} of 150 cadres`);

  // qd_host looks after the unit hosting qd_trainee.
  const own = data.users.find((u) => u.username === 'qd_trainee')!.cadreIdNumber!;
  const mine = seeded.placements.find((p) => p.cadreId === cadreIds.get(own))!;
  const host = await trx.selectFrom('users').select(['id', 'display_name']).where('username', '=', 'qd_host').executeTakeFirstOrThrow();
  await trx.updateTable('host_units').set({ contact_user_id: host.id, contact_name: host.display_name }).where('id', '=', mine.hostUnitId).execute();

  // Most checked in remotely before leaving; a few still have to (status stays 'published').
  const late = new Set(rng.shuffle(seeded.placements.filter((p) => p !== mine)).slice(0, 8));
  await seedRemoteCheckins(
    trx,
    seeded.placements.filter((p) => !late.has(p)),
    program.startDate,
    rng,
  );
  const weeks = begunWeeks(program, today).filter((w) => w !== mondayOf(today));
  const fieldOf = new Map(SHENZHEN_HOSTS.map((h) => [h.name, h.field]));
  const writers = [mine, ...rng.shuffle(seeded.placements.filter((p) => p !== mine && !late.has(p))).slice(0, 40)];
  const plans: LogPlan[] = writers.map((p) => ({
    placement: p,
    field: fieldOf.get(p.hostUnitName)!,
    home: '青岛',
    weeks,
    logShare: p === mine ? 1 : 0.8,
    commentShare: p.hostUnitId === mine.hostUnitId ? 0.7 : 0.4,
    commentedBy: p.hostUnitId === mine.hostUnitId ? host.id : null,
  }));
  await seedWeeklyLogs(trx, plans, rng);
  return seeded;
}

/** Database ids of cadres by ID number (through the blind index, as the loader finds them). */
export async function cadreIdsByIdNumber(trx: Kysely<Database>, ctx: AppContext, cadres: readonly DemoCadre[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (cadres.length === 0) return out;
  const hashes = new Map(cadres.map((c) => [ctx.cipher.blindIndex(c.idNumber), c.idNumber]));
  const rows = await trx
    .selectFrom('cadres')
    .select(['id', 'id_number_hash'])
    .where('id_number_hash', 'in', [...hashes.keys()])
    .execute();
  for (const r of rows) if (r.id_number_hash) out.set(hashes.get(r.id_number_hash)!, r.id);
  if (out.size !== cadres.length) throw new Error('demo selection: a nominee is missing from the cadres table');
  return out;
}
