// Health and instance facts (demo mode, version).
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import { DEMO_USERNAMES } from '../../seed/demo-accounts.ts';

export const VERSION = '0.1.0';

export function createSystemService(ctx: AppContext) {
  return {
    async health(): Promise<{ status: 'ok'; database: 'sqlite' | 'postgres' }> {
      await sql`select 1`.execute(ctx.db.read);
      return { status: 'ok', database: ctx.db.kind };
    },

    /** Demo mode: any demo account exists. Production refuses to start in that state. */
    async hasDemoAccounts(): Promise<boolean> {
      const row = await ctx.db.read.selectFrom('users').select('id').where('username', 'in', DEMO_USERNAMES).limit(1).executeTakeFirst();
      return row !== undefined;
    },
  };
}
export type SystemService = ReturnType<typeof createSystemService>;
