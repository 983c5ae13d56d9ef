// /api/v1/users — accounts.
import {
  createUserBodySchema,
  idParamSchema,
  listUsersQuerySchema,
  pageOf,
  resetPasswordBodySchema,
  updateUserBodySchema,
  userSchema,
} from '@duibiao/contracts';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hooks.ts';
import type { RoutesPlugin } from '../../http/types.ts';

const tags = ['users'];

export const userRoutes: RoutesPlugin = (app, { users }) => {
  app.get('/api/v1/users', { schema: { tags, querystring: listUsersQuerySchema, response: { 200: pageOf(userSchema) } } }, (req) =>
    users.list(actorOf(req), req.query),
  );

  app.get('/api/v1/users/:id', { schema: { tags, params: idParamSchema, response: { 200: userSchema } } }, (req) => users.get(actorOf(req), req.params.id));

  app.post('/api/v1/users', { schema: { tags, body: createUserBodySchema, response: { 201: userSchema } } }, async (req, reply) =>
    reply.status(201).send(await users.create(actorOf(req), req.body)),
  );

  app.patch('/api/v1/users/:id', { schema: { tags, params: idParamSchema, body: updateUserBodySchema, response: { 200: userSchema } } }, (req) =>
    users.update(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/users/:id/reset-password',
    { schema: { tags, params: idParamSchema, body: resetPasswordBodySchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await users.resetPassword(actorOf(req), req.params.id, req.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  app.post('/api/v1/users/:id/unlock', { schema: { tags, params: idParamSchema, response: { 204: z.null() } } }, async (req, reply) => {
    await users.unlock(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
};
