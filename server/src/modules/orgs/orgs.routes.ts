// /api/v1/orgs — the organization tree.
import { createOrgBodySchema, idParamSchema, orgNodeSchema, orgTreeSchema, updateOrgBodySchema } from '@duibiao/contracts';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hooks.ts';
import type { RoutesPlugin } from '../../http/types.ts';

const tags = ['orgs'];

export const orgRoutes: RoutesPlugin = (app, { orgs }) => {
  app.get('/api/v1/orgs/tree', { schema: { tags, summary: '本级及下级单位（扁平列表）', response: { 200: orgTreeSchema } } }, (req) => orgs.tree(actorOf(req)));

  app.get('/api/v1/orgs/:id', { schema: { tags, params: idParamSchema, response: { 200: orgNodeSchema } } }, (req) => orgs.get(actorOf(req), req.params.id));

  app.post('/api/v1/orgs', { schema: { tags, body: createOrgBodySchema, response: { 201: orgNodeSchema } } }, async (req, reply) =>
    reply.status(201).send(await orgs.create(actorOf(req), req.body)),
  );

  app.patch('/api/v1/orgs/:id', { schema: { tags, params: idParamSchema, body: updateOrgBodySchema, response: { 200: orgNodeSchema } } }, (req) =>
    orgs.update(actorOf(req), req.params.id, req.body),
  );

  app.delete('/api/v1/orgs/:id', { schema: { tags, params: idParamSchema, response: { 204: z.null() } } }, async (req, reply) => {
    await orgs.remove(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
};
