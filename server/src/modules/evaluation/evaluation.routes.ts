// /api/v1 routes of the evaluation module (issue 5): 综合评价 — weights, scorecard, publishing into the training file,
// xlsx export. Organizers in scope only.
import {
  evaluationOverviewSchema,
  evaluationPublishResultSchema,
  evaluationWeightsInputSchema,
  evaluationWeightsViewSchema,
  idParamSchema,
} from '@duibiao/contracts';
import { datedName, sendDownload, XLSX_TYPE } from '../../http/download.ts';
import { actorOf } from '../../http/auth-hooks.ts';
import type { RoutesPlugin } from '../../http/types.ts';

const tags = ['evaluation'];

export const evaluationRoutes: RoutesPlugin = (app, { evaluation }) => {
  app.get(
    '/api/v1/programs/:id/evaluation/weights',
    { schema: { tags, summary: '综合评价权重', params: idParamSchema, response: { 200: evaluationWeightsViewSchema } } },
    (req) => evaluation.getWeights(actorOf(req), req.params.id),
  );
  app.put(
    '/api/v1/programs/:id/evaluation/weights',
    {
      schema: {
        tags,
        summary: '设置综合评价权重（整数，合计 100）',
        params: idParamSchema,
        body: evaluationWeightsInputSchema,
        response: { 200: evaluationWeightsViewSchema },
      },
    },
    (req) => evaluation.saveWeights(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/programs/:id/evaluation',
    { schema: { tags, summary: '综合评价计分表（学员、课题）', params: idParamSchema, response: { 200: evaluationOverviewSchema } } },
    (req) => evaluation.overview(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/programs/:id/evaluation/publish',
    { schema: { tags, summary: '发布综合评价（写入培训档案，覆盖上次发布）', params: idParamSchema, response: { 200: evaluationPublishResultSchema } } },
    (req) => evaluation.publish(actorOf(req), req.params.id),
  );
  app.get('/api/v1/programs/:id/evaluation/export', { schema: { tags, summary: '导出综合评价计分表（Excel）', params: idParamSchema } }, async (req, reply) => {
    const file = await evaluation.exportXlsx(actorOf(req), req.params.id);
    return sendDownload(reply, datedName(file.name), XLSX_TYPE, file.write);
  });
};
