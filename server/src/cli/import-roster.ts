// `duibiao import-roster`: prints { created, updated, unchanged, errors } as JSON; exits 1 on errors
// without writing anything.
import { resolve } from 'node:path';
import type { AppContext } from '../context.ts';
import { systemActor } from '../modules/auth/actor.ts';
import { analyseRoster, commitRoster, ImportHasErrors } from '../modules/imports/roster-import.ts';
import { findOrgByCode } from '../modules/orgs/orgs.repo.ts';

export async function importRosterCommand(ctx: AppContext, file: string, orgCode: string, dryRun: boolean): Promise<number> {
  const org = await findOrgByCode(ctx.db.kysely, orgCode);
  if (!org) {
    console.log(
      JSON.stringify({ created: 0, updated: 0, unchanged: 0, errors: [{ row: 0, column: '--org', message: `单位编码 ${orgCode} 不存在` }] }, null, 2),
    );
    return 1;
  }
  const actor = { ...systemActor(org.path), username: 'cli', displayName: '命令行导入' };
  const path = resolve(file);
  if (dryRun) {
    const { summary } = await analyseRoster(ctx, actor, org, path);
    console.log(JSON.stringify(summary, null, 2));
    return summary.errors.length ? 1 : 0;
  }
  try {
    const summary = await commitRoster(ctx, actor, org, path, file);
    console.log(JSON.stringify(summary, null, 2));
    return 0;
  } catch (error) {
    if (error instanceof ImportHasErrors) {
      console.log(JSON.stringify(error.summary, null, 2));
      return 1;
    }
    throw error;
  }
}
