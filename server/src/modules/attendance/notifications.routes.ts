// /api/v1/me/notifications: the signed-in user's own notifications (leave decisions, withdrawal flags…).
import { idParamSchema, notificationListSchema } from '@duibiao/contracts';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hooks.ts';
import type { RoutesPlugin } from '../../http/types.ts';

const tags = ['me'];

export const notificationRoutes: RoutesPlugin = (app, { attendance: { notifications } }) => {
  app.get('/api/v1/me/notifications', { schema: { tags, summary: '我的通知（含未读数）', response: { 200: notificationListSchema } } }, (req) =>
    notifications.list(actorOf(req)),
  );
  app.post('/api/v1/me/notifications/read-all', { schema: { tags, summary: '全部标为已读', response: { 204: z.null() } } }, async (req, reply) => {
    await notifications.markAllRead(actorOf(req));
    return reply.status(204).send(null);
  });
  app.post(
    '/api/v1/me/notifications/:id/read',
    { schema: { tags, summary: '标为已读', params: idParamSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await notifications.markRead(actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
