// S4: Shangqiu's ten young cadres in follow-along study (跟班学习) in Changzhou, six months from 2022-09-19 — selected
// under the quotas of the city organs and five counties/districts, placed in posts by the rank-optimal solver, and
// finished: weekly logs, mid-term and final reviews of all, the final review's hours in each training file.
// The research reports (one cadre wrote three) are issue 5's.
import type { ReviewResult } from '@duibiao/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { begunWeeks } from '../../modules/practicum/practicum.rules.ts';
import { addDays } from '../dates.ts';
import { Rng } from '../prng.ts';
import type { DemoData } from '../types.ts';
import { CHANGZHOU_HOSTS } from './host-units-data.ts';
import type { LoadedProgram } from './load-programs.ts';
import { seedRemoteCheckins, seedReviews, seedWeeklyLogs, type ReviewPlan } from './placement-followup.ts';
import { seedPlacements, type SeededPlacements } from './placement-seed.ts';
import { seedNominations, type QuotaSpec } from './selection-seed.ts';
import { pickMonitor, taggedCadres } from './trainees.ts';
import type { DemoInstructor, DemoProgram } from './types.ts';

export const S4_CODE = 'S4-SQ-CZ-2022';
export const S4_START = '2022-09-19';
/** Six months: the day before 2023-03-19. */
export const S4_END = '2023-03-18';
export const S4_SEED = 20_220_919;
const S4_NAME = '商丘市优秀年轻干部赴常州跟班学习';

export const S4_QUOTAS: readonly QuotaSpec[] = [
  { orgCode: 'SQ-SZ', quota: 4, note: '市直单位' },
  { orgCode: 'SQ-YCS', quota: 2, note: '永城市' },
  { orgCode: 'SQ-SY', quota: 1, note: '睢阳区' },
  { orgCode: 'SQ-LY', quota: 1, note: '梁园区' },
  { orgCode: 'SQ-YC', quota: 1, note: '虞城县' },
  { orgCode: 'SQ-NL', quota: 1, note: '宁陵县' },
];

const LEADER: DemoInstructor = {
  id: `${S4_CODE}-i1`,
  name: '郑国华',
  title: '市委组织部干部一科科长（联络员）',
  unit: '商丘市委组织部',
  external: false,
  role: 'tutor',
};

export function buildS4(data: DemoData): DemoProgram {
  const cadres = taggedCadres(data, 'S4');
  return {
    code: S4_CODE,
    scenario: 'S4',
    type: 'follow_along',
    name: S4_NAME,
    themes: ['跟班学习', '产业发展', '科技创新', '乡村振兴'],
    organizerOrgCode: 'SQ',
    partner: '中共常州市委组织部',
    startDate: S4_START,
    endDate: S4_END,
    places: ['常州市武进区', '常州科教城'],
    budgetYuan: null,
    targets: {},
    classes: [
      {
        id: `${S4_CODE}-c1`,
        name: '赴常州跟班学习临时党支部',
        theme: '跟班学习',
        capacity: 10,
        tutor: LEADER.id,
        place: '常州',
        traineeIdNumbers: cadres.map((c) => c.idNumber),
        groups: [],
        monitorIdNumber: pickMonitor(new Rng(S4_SEED), cadres, []),
      },
    ],
    sessions: [],
    instructors: [LEADER],
    venues: [],
    status: 'closed',
    selectionRules: { eligibility: { maxAge: 40, ranks: ['county', 'township'], excludeOverlapping: true }, capacity: 10 },
  };
}

const OUTCOMES: [ReviewResult, number][] = [
  ['excellent', 95],
  ['excellent', 92],
  ['excellent', 91],
  ['good', 88],
  ['good', 86],
  ['good', 85],
  ['good', 84],
  ['good', 82],
  ['pass', 76],
  ['excellent', 93],
];

/** Nominations, Changzhou host units and posts, the optimal run, and the placements' whole follow-up. */
export async function seedS4(trx: Kysely<Database>, data: DemoData, program: DemoProgram, loaded: LoadedProgram): Promise<SeededPlacements> {
  const rng = new Rng(S4_SEED);
  const cadres = taggedCadres(data, 'S4');
  await seedNominations(trx, {
    programId: loaded.id,
    quotas: S4_QUOTAS,
    candidates: cadres.map((c) => ({
      cadreId: loaded.enrolments.get(c.idNumber)!.cadreId,
      orgCode: c.orgCode,
      outcome: 'approved',
      enrolmentId: loaded.enrolments.get(c.idNumber)!.id,
      statement: `${c.position}，年富力强，经单位推荐参加跟班学习`,
    })),
    startDate: S4_START,
    deciderUsername: 'sq_admin',
  });
  const organizer = await trx.selectFrom('programs').select('organizer_org_id').where('id', '=', loaded.id).executeTakeFirstOrThrow();
  const seeded = await seedPlacements(trx, {
    programId: loaded.id,
    organizerOrgId: organizer.organizer_org_id,
    codePrefix: 'CZ',
    city: '常州',
    hosts: CHANGZHOU_HOSTS,
    cadres: cadres.map((c) => {
      const e = loaded.enrolments.get(c.idNumber)!;
      return {
        cadreId: e.cadreId,
        enrolmentId: e.id,
        specialties: c.specialties,
        formerUnits: c.experiences.map((x) => x.unitName),
        workStartDate: c.workStartDate,
      };
    }),
    listLength: [4, 6],
    relativeBans: 1,
    manualBans: 0,
    mode: 'optimal',
    seed: S4_SEED,
    startDate: S4_START,
    endDate: S4_END,
    publisherUsername: 'sq_admin',
    rng,
  });
  if (seeded.placements.length !== cadres.length) throw new Error(`S4 placed ${seeded.placements.length} of ${cadres.length} cadres`);

  await seedRemoteCheckins(trx, seeded.placements, S4_START, rng);
  const weeks = begunWeeks(program, S4_END);
  const fieldOf = new Map(CHANGZHOU_HOSTS.map((h) => [h.name, h.field]));
  // Most weeks logged by everyone, about half commented by the host's mentor.
  await seedWeeklyLogs(
    trx,
    seeded.placements.map((p) => ({
      placement: p,
      field: fieldOf.get(p.hostUnitName)!,
      home: '商丘',
      weeks,
      logShare: 0.85,
      commentShare: 0.5,
      commentedBy: null,
    })),
    rng,
  );
  const reviews: ReviewPlan[] = seeded.placements.flatMap((p, i) => {
    const [result, score] = OUTCOMES[i % OUTCOMES.length]!;
    const base = { placement: p, programName: S4_NAME, startDate: S4_START, endDate: S4_END };
    return [
      {
        ...base,
        kind: 'midterm' as const,
        result: result === 'pass' ? 'pass' : 'good',
        score: score - 3,
        selfSummary: '跟班三个月，全程参与单位重点工作，对常州在产业招引和营商环境方面的做法有了系统认识。',
        hostFeedback: '工作积极主动，融入快，能够独立承担具体任务。',
        at: `${addDays(S4_START, 91)}T06:00:00.000Z`,
      },
      {
        ...base,
        kind: 'final' as const,
        result,
        score,
        selfSummary: '六个月跟班学习期满，形成调研报告并梳理可在商丘推广的经验做法，回去后推动成果转化运用。',
        hostFeedback:
          result === 'excellent' ? '表现突出，工作成效明显，考核为优秀。' : result === 'good' ? '表现良好，较好完成跟班任务。' : '完成跟班学习任务，考核合格。',
        at: `${addDays(S4_END, -1)}T06:00:00.000Z`,
      },
    ];
  });
  await seedReviews(trx, reviews);
  return seeded;
}
