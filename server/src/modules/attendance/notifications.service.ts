// A user's own notifications: list with the unread count, mark one or all read. Marking read is not audited: it
// changes nothing but the reader's own inbox.
import type { NotificationList } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { notFound } from '../../http/errors.ts';
import type { Actor } from '../auth/actor.ts';

const LIST_LIMIT = 50;

export function createNotificationService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;
  return {
    async list(actor: Actor): Promise<NotificationList> {
      const [rows, unread] = await Promise.all([
        read
          .selectFrom('notifications')
          .select(['id', 'kind', 'title', 'body', 'link', 'read_at', 'created_at'])
          .where('user_id', '=', actor.userId)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(LIST_LIMIT)
          .execute(),
        read
          .selectFrom('notifications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('user_id', '=', actor.userId)
          .where('read_at', 'is', null)
          .executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, readAt: r.read_at, createdAt: r.created_at })),
        unread: Number(unread.n),
      };
    },

    async markRead(actor: Actor, id: number): Promise<void> {
      const row = await read.selectFrom('notifications').select(['id', 'read_at']).where('id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst();
      if (!row) throw notFound('通知');
      if (row.read_at === null) await db.updateTable('notifications').set({ read_at: nowIso() }).where('id', '=', id).where('read_at', 'is', null).execute();
    },

    async markAllRead(actor: Actor): Promise<void> {
      await db.updateTable('notifications').set({ read_at: nowIso() }).where('user_id', '=', actor.userId).where('read_at', 'is', null).execute();
    },
  };
}
export type NotificationService = ReturnType<typeof createNotificationService>;
