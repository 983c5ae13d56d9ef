// /api/v1 routes of the trace module (issue 5): 成果溯源与转化漏斗. Chains read backward from a recommendation or
// forward from a question / key problem; funnels count one program or every program of the caller's subtree.
import {
  funnelDashboardSchema,
  funnelQuerySchema,
  idParamSchema,
  keyProblemTraceSchema,
  programFunnelSchema,
  questionTraceSchema,
  recommendationTraceSchema,
} from '@duibiao/contracts';
import { actorOf } from '../../http/auth-hooks.ts';
import type { RoutesPlugin } from '../../http/types.ts';

const tags = ['trace'];

export const traceRoutes: RoutesPlugin = (app, { trace }) => {
  app.get(
    '/api/v1/recommendations/:id/trace',
    {
      schema: {
        tags,
        summary: '对策建议溯源：建议 → 调研报告 → 课题 → 重点问题 → 原始问题（组织方或承接单位）',
        params: idParamSchema,
        response: { 200: recommendationTraceSchema },
      },
    },
    (req) => trace.recommendation(actorOf(req), req.params.id),
  );
  app.get(
    '/api/v1/key-problems/:id/trace',
    {
      schema: { tags, summary: '重点问题正向追踪：课题 → 报告 → 建议及其落地状态', params: idParamSchema, response: { 200: keyProblemTraceSchema } },
    },
    (req) => trace.keyProblem(actorOf(req), req.params.id),
  );
  app.get(
    '/api/v1/questions/:id/trace',
    {
      schema: { tags, summary: '原始问题正向追踪：重点问题 → 课题 → 报告 → 建议', params: idParamSchema, response: { 200: questionTraceSchema } },
    },
    (req) => trace.question(actorOf(req), req.params.id),
  );
  app.get(
    '/api/v1/programs/:id/funnel',
    { schema: { tags, summary: '项目成果转化漏斗（问题→重点问题→课题→报告→建议→落地）', params: idParamSchema, response: { 200: programFunnelSchema } } },
    (req) => trace.funnel.program(actorOf(req), req.params.id),
  );
  app.get(
    '/api/v1/funnel',
    {
      schema: { tags, summary: '部门成果转化看板：各项目漏斗、合计与月度趋势', querystring: funnelQuerySchema, response: { 200: funnelDashboardSchema } },
    },
    (req) => trace.funnel.dashboard(actorOf(req), req.query),
  );
};
