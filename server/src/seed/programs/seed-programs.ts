// The demo programs end to end: S1, S2, S6 and the live Qingdao class, with their history (attendance, leave,
// ratings, S6's reflections and good practices) and the hours ledger up to now. Used by `npm start` on an empty database.
import type { AppContext } from '../../context.ts';
import type { DemoData } from '../types.ts';
import { buildDemoPrograms } from './demo-programs.ts';
import { seedProgramActivity } from './demo-activity.ts';
import { buildLiveProgram } from './live-qingdao.ts';
import { recomputeWholeProgram } from '../../modules/hours/ledger.ts';
import { loadDemoProgram } from './load-programs.ts';
import { seedOnlineStudy } from './online-study.ts';
import { seedS6Reflections } from './s6-reflections.ts';

/** Today's date in Beijing. */
export const beijingToday = (now = new Date()): string => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export async function seedDemoPrograms(ctx: AppContext, data: DemoData, now = new Date()): Promise<{ programs: number; attendance: number }> {
  const programs = [...buildDemoPrograms(data), buildLiveProgram(data, beijingToday(now))];
  let attendance = 0;
  for (const [i, program] of programs.entries()) {
    await ctx.db.kysely.transaction().execute(async (trx) => {
      const loaded = await loadDemoProgram(trx, ctx, program);
      attendance += (await seedProgramActivity(trx, loaded.id, 1000 + i, now)).attendance;
      if (program.scenario === 'S6') {
        const row = await trx.selectFrom('programs').select('organizer_org_id').where('id', '=', loaded.id).executeTakeFirstOrThrow();
        await seedS6Reflections(trx, loaded.id, row.organizer_org_id, program.endDate);
      }
      // The ledger is derived from attendance: fill it the way the running system would.
      await recomputeWholeProgram(trx, loaded.id);
    });
  }
  await ctx.db.kysely.transaction().execute((trx) => seedOnlineStudy(trx, Number(beijingToday(now).slice(0, 4))));
  return { programs: programs.length, attendance };
}
