// Notifications: rows addressed to one user; other modules write them inside their own transaction.
import type { Kysely } from 'kysely';
import { nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';

export interface NewNotification {
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
}

/** Writes one notification per distinct user. */
export async function notifyUsers(trx: Kysely<Database>, userIds: Iterable<number>, n: NewNotification): Promise<void> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  const at = nowIso();
  await trx
    .insertInto('notifications')
    .values(ids.map((user_id) => ({ user_id, kind: n.kind, title: n.title, body: n.body ?? null, link: n.link ?? null, read_at: null, created_at: at })))
    .execute();
}

/** Active accounts that manage a program: admins and program managers at the organizer node, and the class's tutors. */
export async function programManagerIds(db: Kysely<Database>, organizerOrgId: number, classId: number | null): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('is_active', '=', 1)
    .where((eb) =>
      eb.or([
        eb.and([eb('org_id', '=', organizerOrgId), eb('role', 'in', ['org_admin', 'program_manager'])]),
        ...(classId === null ? [] : [eb('id', 'in', eb.selectFrom('class_tutors').select('user_id').where('class_id', '=', classId))]),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

/** Active accounts of a cadre (the trainee's own logins). */
export async function cadreUserIds(db: Kysely<Database>, cadreId: number): Promise<number[]> {
  const rows = await db.selectFrom('users').select('id').where('cadre_id', '=', cadreId).where('is_active', '=', 1).execute();
  return rows.map((r) => r.id);
}
