// /api/v1 routes of the selection module (issue 4): 选调/选派 — rules and quotas (organizer), calls and candidates
// (nominating unit), nominations with the approval chain (unit → organization department), waitlist, live summary.
import {
  bulkDecisionInputSchema,
  candidatePageSchema,
  candidateQuerySchema,
  decisionInputSchema,
  idParamSchema,
  nominationCallSchema,
  nominationChangeSchema,
  nominationInputSchema,
  nominationListQuerySchema,
  nominationSchema,
  quotaInputSchema,
  quotaParamSchema,
  quotaPatchSchema,
  quotaSchema,
  reasonInputSchema,
  requiredReasonSchema,
  selectionRulesSchema,
  selectionRulesViewSchema,
  selectionSummarySchema,
} from '@duibiao/contracts';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hooks.ts';
import type { RoutesPlugin } from '../../http/types.ts';

const tags = ['selection'];

export const selectionRoutes: RoutesPlugin = (app, { selection }) => {
  const { quotas, nominations, decisions, summary } = selection;

  // ---- Organizer: rules and quotas ----
  app.get(
    '/api/v1/programs/:id/selection/rules',
    { schema: { tags, summary: '选调条件（资格规则、计划人数、基层占比目标）', params: idParamSchema, response: { 200: selectionRulesViewSchema } } },
    (req) => quotas.getRules(actorOf(req), req.params.id),
  );
  app.put(
    '/api/v1/programs/:id/selection/rules',
    { schema: { tags, summary: '设置选调条件', params: idParamSchema, body: selectionRulesSchema, response: { 200: selectionRulesViewSchema } } },
    (req) => quotas.setRules(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/programs/:id/selection/quotas',
    { schema: { tags, summary: '推荐名额（含已用/剩余）', params: idParamSchema, response: { 200: z.array(quotaSchema) } } },
    (req) => quotas.list(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/programs/:id/selection/quotas',
    { schema: { tags, summary: '新增推荐名额（单位或单位类别）', params: idParamSchema, body: quotaInputSchema, response: { 201: quotaSchema } } },
    async (req, reply) => reply.status(201).send(await quotas.create(actorOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/v1/selection/quotas/:quotaId',
    { schema: { tags, summary: '修改推荐名额', params: quotaParamSchema, body: quotaPatchSchema, response: { 200: quotaSchema } } },
    (req) => quotas.update(actorOf(req), req.params.quotaId, req.body),
  );
  app.delete(
    '/api/v1/selection/quotas/:quotaId',
    { schema: { tags, summary: '删除推荐名额', params: quotaParamSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await quotas.remove(actorOf(req), req.params.quotaId);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/programs/:id/selection/summary',
    { schema: { tags, summary: '选调进度与结构（基层占比、性别、平均年龄、各单位人数）', params: idParamSchema, response: { 200: selectionSummarySchema } } },
    (req) => summary.summary(actorOf(req), req.params.id),
  );

  // ---- Nominating unit: calls, candidates, nominating ----
  app.get('/api/v1/nomination-calls', { schema: { tags, summary: '向本单位开放推荐的项目及名额', response: { 200: z.array(nominationCallSchema) } } }, (req) =>
    nominations.calls(actorOf(req)),
  );
  app.get(
    '/api/v1/programs/:id/selection/candidates',
    {
      schema: {
        tags,
        summary: '可推荐的干部（含资格核对结果）',
        params: idParamSchema,
        querystring: candidateQuerySchema,
        response: { 200: candidatePageSchema },
      },
    },
    (req) => nominations.candidates(actorOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/v1/programs/:id/nominations',
    {
      schema: {
        tags,
        summary: '推荐人选（全部成功或全部不写入）',
        params: idParamSchema,
        body: nominationInputSchema,
        response: { 201: nominationChangeSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await nominations.nominate(actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/programs/:id/nominations',
    {
      schema: {
        tags,
        summary: '推荐人选（组织部看全部；推荐单位看本单位）',
        params: idParamSchema,
        querystring: nominationListQuerySchema,
        response: { 200: z.array(nominationSchema) },
      },
    },
    (req) => nominations.list(actorOf(req), req.params.id, req.query.status),
  );

  // ---- Approval chain ----
  app.post(
    '/api/v1/nominations/:id/unit-approve',
    { schema: { tags, summary: '推荐单位审核通过', params: idParamSchema, body: reasonInputSchema, response: { 200: nominationChangeSchema } } },
    (req) => decisions.unitApprove(actorOf(req), req.params.id, req.body.reason),
  );
  app.post(
    '/api/v1/nominations/:id/decide',
    {
      schema: {
        tags,
        summary: '组织部审批：批准（满员自动候补）、候补、退回',
        params: idParamSchema,
        body: decisionInputSchema,
        response: { 200: nominationChangeSchema },
      },
    },
    (req) => decisions.decide(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/programs/:id/nominations/decide',
    { schema: { tags, summary: '批量审批', params: idParamSchema, body: bulkDecisionInputSchema, response: { 200: nominationChangeSchema } } },
    (req) => decisions.bulkDecide(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/nominations/:id/withdraw',
    {
      schema: {
        tags,
        summary: '撤回推荐（已批准的释放名额，候补依次递补）',
        params: idParamSchema,
        body: requiredReasonSchema,
        response: { 200: nominationChangeSchema },
      },
    },
    (req) => decisions.withdraw(actorOf(req), req.params.id, req.body.reason),
  );
};
