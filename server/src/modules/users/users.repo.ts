// User-account queries, scoped by the org path of the account's node.
import type { Kysely } from 'kysely';
import type { Database, NewUserRow, UserRow, UserUpdate } from '../../db/schema.ts';
import { containsText, inSubtree } from '../../db/dialect.ts';

export interface UserWithOrg extends UserRow {
  org_name: string;
  org_path: string;
}

const withOrg = (db: Kysely<Database>, scope: string) =>
  db.selectFrom('users as u').innerJoin('organizations as o', 'o.id', 'u.org_id').where(inSubtree('o.path', scope));

export interface UserFilter {
  orgPath?: string;
  role?: string;
  q?: string;
}

export async function listUsers(db: Kysely<Database>, scope: string, f: UserFilter, page: number, pageSize: number) {
  const base = withOrg(db, scope)
    .$if(!!f.orgPath, (q) => q.where(inSubtree('o.path', f.orgPath!)))
    .$if(!!f.role, (q) => q.where('u.role', '=', f.role!))
    .$if(!!f.q, (q) => q.where((eb) => eb.or([containsText('u.username', f.q!), containsText('u.display_name', f.q!)])));
  const [items, total] = await Promise.all([
    base
      .selectAll('u')
      .select(['o.name as org_name', 'o.path as org_path'])
      .orderBy('o.path')
      .orderBy('u.username')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items as UserWithOrg[], total: Number(total.n) };
}

export function findUserInScope(db: Kysely<Database>, scope: string, id: number): Promise<UserWithOrg | undefined> {
  return withOrg(db, scope).selectAll('u').select(['o.name as org_name', 'o.path as org_path']).where('u.id', '=', id).executeTakeFirst() as Promise<
    UserWithOrg | undefined
  >;
}

export interface NewAccount {
  username: string;
  displayName: string;
  passwordHash: string;
  role: string;
  orgId: number;
  cadreId?: number | null;
}

/** The row of a new, active, unlocked account. */
export function newUserRow(a: NewAccount, at: string): NewUserRow {
  return {
    username: a.username,
    display_name: a.displayName,
    password_hash: a.passwordHash,
    role: a.role,
    org_id: a.orgId,
    cadre_id: a.cadreId ?? null,
    is_active: 1,
    failed_logins: 0,
    locked_until: null,
    last_login_at: null,
    created_at: at,
    updated_at: at,
  };
}

export async function insertUser(db: Kysely<Database>, row: NewUserRow): Promise<number> {
  const { id } = await db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateUser(db: Kysely<Database>, id: number, patch: UserUpdate): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function deleteSessionsOf(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
