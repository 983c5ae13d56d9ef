// /api/v1/cadres — the cadre registry.
import {
  cadreDetailSchema,
  cadreFilterSchema,
  cadreInputSchema,
  cadreSensitiveSchema,
  cadrePatchSchema,
  cadreStatsSchema,
  cadreSummarySchema,
  idParamSchema,
  listCadresQuerySchema,
  pageOf,
  trainingFileQuerySchema,
  trainingFileSchema,
} from '@duibiao/contracts';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hooks.ts';
import { datedName, sendDownload, XLSX_TYPE } from '../../http/download.ts';
import type { RoutesPlugin } from '../../http/types.ts';

const tags = ['cadres'];

export const cadreRoutes: RoutesPlugin = (app, { cadres }) => {
  app.get(
    '/api/v1/cadres',
    { schema: { tags, summary: '干部列表（筛选、分页、排序）', querystring: listCadresQuerySchema, response: { 200: pageOf(cadreSummarySchema) } } },
    (req) => cadres.list(actorOf(req), req.query),
  );

  app.get('/api/v1/cadres/export', { schema: { tags, summary: '按当前筛选导出 Excel', querystring: cadreFilterSchema } }, async (req, reply) =>
    sendDownload(reply, datedName('干部名册'), XLSX_TYPE, await cadres.exportXlsx(actorOf(req), req.query)),
  );

  app.get('/api/v1/cadres/stats', { schema: { tags, summary: '干部结构统计', querystring: cadreFilterSchema, response: { 200: cadreStatsSchema } } }, (req) =>
    cadres.stats(actorOf(req), req.query),
  );

  app.get('/api/v1/cadres/:id', { schema: { tags, params: idParamSchema, response: { 200: cadreDetailSchema } } }, (req) =>
    cadres.get(actorOf(req), req.params.id),
  );

  app.get(
    '/api/v1/cadres/:id/sensitive',
    { schema: { tags, summary: '查看完整身份证号和手机号（留痕）', params: idParamSchema, response: { 200: cadreSensitiveSchema } } },
    (req) => cadres.revealSensitive(actorOf(req), req.params.id),
  );

  app.get(
    '/api/v1/cadres/:id/training-file',
    { schema: { tags, summary: '培训档案', params: idParamSchema, querystring: trainingFileQuerySchema, response: { 200: trainingFileSchema } } },
    (req) => cadres.trainingFile(actorOf(req), req.params.id, req.query.year),
  );

  app.post('/api/v1/cadres', { schema: { tags, body: cadreInputSchema, response: { 201: cadreDetailSchema } } }, async (req, reply) =>
    reply.status(201).send(await cadres.create(actorOf(req), req.body)),
  );

  app.patch('/api/v1/cadres/:id', { schema: { tags, params: idParamSchema, body: cadrePatchSchema, response: { 200: cadreDetailSchema } } }, (req) =>
    cadres.update(actorOf(req), req.params.id, req.body),
  );

  app.delete('/api/v1/cadres/:id', { schema: { tags, params: idParamSchema, response: { 204: z.null() } } }, async (req, reply) => {
    await cadres.remove(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
};
