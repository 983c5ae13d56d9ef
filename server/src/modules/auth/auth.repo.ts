// Account and session queries. The per-request session lookup is a prepared query: it runs on every call.
import type { Db } from '../../db/database.ts';
import { prepared, type PreparedQuery } from '../../db/prepared.ts';
import type { Database, UserRow } from '../../db/schema.ts';

export interface SessionUserRow {
  session_id: string;
  csrf_token: string;
  last_seen_at: string;
  user_id: number;
  username: string;
  display_name: string;
  role: string;
  org_id: number;
  cadre_id: number | null;
  is_active: number;
  org_name: string;
  org_path: string;
}

export function createAuthRepo(handle: Db) {
  const db = handle.kysely;
  const sessionLookup: PreparedQuery<{ id: string }, SessionUserRow> = prepared(handle, (k, p) =>
    k
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .innerJoin('organizations as o', 'o.id', 'u.org_id')
      .select([
        's.id as session_id',
        's.csrf_token',
        's.last_seen_at',
        'u.id as user_id',
        'u.username',
        'u.display_name',
        'u.role',
        'u.org_id',
        'u.cadre_id',
        'u.is_active',
        'o.name as org_name',
        'o.path as org_path',
      ])
      .where('s.id', '=', p('id')),
  );
  const touch = prepared(handle, (k, p) =>
    k
      .updateTable('sessions')
      .set({ last_seen_at: p('at') })
      .where('id', '=', p('id')),
  );

  return {
    findSessionUser: (id: string) => sessionLookup.executeTakeFirst({ id }),
    // A write: goes through the writer connection, not the read-only fast path.
    touchSession: (id: string, at: string) => touch.execute({ id, at }, db),

    findUserByUsername: (username: string): Promise<UserRow | undefined> =>
      db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst(),

    findUserById: (id: number): Promise<UserRow | undefined> => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),

    async createSession(row: Database['sessions']): Promise<void> {
      await db.insertInto('sessions').values(row).execute();
    },
    async deleteSession(id: string): Promise<void> {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    async deleteUserSessions(userId: number, exceptId?: string): Promise<void> {
      await db
        .deleteFrom('sessions')
        .where('user_id', '=', userId)
        .$if(!!exceptId, (q) => q.where('id', '!=', exceptId!))
        .execute();
    },
    async deleteIdleSessions(before: string): Promise<void> {
      await db.deleteFrom('sessions').where('last_seen_at', '<', before).execute();
    },
    async recordFailure(userId: number, failures: number, lockedUntil: string | null): Promise<void> {
      await db.updateTable('users').set({ failed_logins: failures, locked_until: lockedUntil }).where('id', '=', userId).execute();
    },
    async recordSuccess(userId: number, at: string): Promise<void> {
      await db.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: at }).where('id', '=', userId).execute();
    },
    async setPasswordHash(userId: number, hash: string, at: string): Promise<void> {
      await db.updateTable('users').set({ password_hash: hash, updated_at: at }).where('id', '=', userId).execute();
    },
  };
}
export type AuthRepo = ReturnType<typeof createAuthRepo>;
