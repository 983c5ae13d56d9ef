// The demo programs end to end: S1, S2, S6, the live Qingdao class and the placements S3 and S4, with their history
// (attendance, leave, ratings, S6's reflections and good practices; S2's selection and formation; S3/S4's nominations,
// host units, solver runs, placements and follow-up) and the hours ledger up to now. Used by `npm start` on an empty database.
import type { AppContext } from '../../context.ts';
import type { DemoData } from '../types.ts';
import { buildDemoPrograms } from './demo-programs.ts';
import { seedProgramActivity } from './demo-activity.ts';
import { buildLiveProgram } from './live-qingdao.ts';
import { recomputeWholeProgram } from '../../modules/hours/ledger.ts';
import { loadDemoProgram } from './load-programs.ts';
import { seedOnlineStudy } from './online-study.ts';
import { seedS6Reflections } from './s6-reflections.ts';
import { seedFormationDraft, seedNominations } from './selection-seed.ts';
import { buildS3, seedS3 } from './s3-qingdao.ts';
import { buildS4, S4_CODE, seedS4 } from './s4-shangqiu.ts';
import { seedOpenCall } from './open-call.ts';
import { seedDemoResults } from '../results/index.ts';
import { createEvaluationService } from '../../modules/evaluation/evaluation.service.ts';
import { systemActor } from '../../modules/auth/actor.ts';
import { S2_COUNTIES } from '../scenarios.ts';
import { addDays } from '../dates.ts';
import type { DemoProgram } from './types.ts';
import type { LoadedProgram } from './load-programs.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Today's date in Beijing. */
export const beijingToday = (now = new Date()): string => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export async function seedDemoPrograms(ctx: AppContext, data: DemoData, now = new Date()): Promise<{ programs: number; attendance: number }> {
  const today = beijingToday(now);
  const programs = [...buildDemoPrograms(data), buildLiveProgram(data, today), buildS3(data, today), buildS4(data)];
  let attendance = 0;
  for (const [i, program] of programs.entries()) {
    await ctx.db.kysely.transaction().execute(async (trx) => {
      const loaded = await loadDemoProgram(trx, ctx, program);
      attendance += (await seedProgramActivity(trx, loaded.id, 1000 + i, now)).attendance;
      if (program.scenario === 'S6') {
        const row = await trx.selectFrom('programs').select('organizer_org_id').where('id', '=', loaded.id).executeTakeFirstOrThrow();
        await seedS6Reflections(trx, loaded.id, row.organizer_org_id, program.endDate);
      }
      if (program.scenario === 'S2') await seedS2Selection(trx, data, program, loaded);
      if (program.scenario === 'S3') await seedS3(trx, ctx, data, program, loaded, today);
      // The ledger is derived from attendance: fill it the way the running system would.
      await recomputeWholeProgram(trx, loaded.id);
      // After the recompute, though it only rewrites source 'program' rows: S4's final reviews carry 'placement' hours.
      if (program.scenario === 'S4') await seedS4(trx, data, program, loaded);
    });
  }
  await ctx.db.kysely.transaction().execute((trx) => seedOnlineStudy(trx, Number(beijingToday(now).slice(0, 4))));
  await ctx.db.kysely.transaction().execute((trx) => seedOpenCall(trx, today));
  // Issue 5 reads the loaded programs (enrolments, groups, placements), so it runs once they are all in.
  await ctx.db.kysely.transaction().execute((trx) => seedDemoResults(trx, today));
  // S4 is over: its final evaluation is published the way an organizer would, so it shows in the training files.
  const s4 = await ctx.db.kysely.selectFrom('programs').select('id').where('code', '=', S4_CODE).executeTakeFirstOrThrow();
  await createEvaluationService(ctx).publish(systemActor(), s4.id);
  return { programs: programs.length + 1, attendance };
}

/** S2's 200 nominations under four county quotas of 50, all approved, and the applied class-and-group formation. */
async function seedS2Selection(trx: Kysely<Database>, data: DemoData, program: DemoProgram, loaded: LoadedProgram): Promise<void> {
  const orgOf = new Map(data.cadres.map((c) => [c.idNumber, c.orgCode]));
  await seedNominations(trx, {
    programId: loaded.id,
    quotas: S2_COUNTIES.map((orgCode) => ({ orgCode, quota: 50, note: '年轻干部（40 岁以下），乡镇（街道）、村（社区）干部不少于一半' })),
    candidates: [...loaded.enrolments].map(([idNumber, e]) => ({
      cadreId: e.cadreId,
      orgCode: orgOf.get(idNumber)!,
      outcome: 'approved' as const,
      enrolmentId: e.id,
      statement: '政治过硬、实绩突出，符合年轻干部选调条件',
    })),
    startDate: program.startDate,
    deciderUsername: 'dl_pm',
  });
  // Classes and groups were formed and applied three days before the opening.
  await seedFormationDraft(trx, program, loaded, `${addDays(program.startDate, -3)}T09:00:00.000Z`);
}
