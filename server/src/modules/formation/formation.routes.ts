// /api/v1 routes of the formation module (issue 4): class and group formation (分班建组): solver proposal, live violations,
// locks, apply. Organizers (program:write) edit; readers (program:read) see the board.
import {
  formationApplyResultSchema,
  formationDraftInputSchema,
  formationDraftSchema,
  formationEvaluateInputSchema,
  formationEvaluationSchema,
  formationSolveInputSchema,
  formationViewSchema,
  idParamSchema,
} from '@duibiao/contracts';
import { actorOf } from '../../http/auth-hooks.ts';
import type { RoutesPlugin } from '../../http/types.ts';

const tags = ['formation'];

export const formationRoutes: RoutesPlugin = (app, { formation }) => {
  app.get(
    '/api/v1/programs/:id/formation',
    { schema: { tags, summary: '分班建组：学员、班级、可行性检查与当前方案', params: idParamSchema, response: { 200: formationViewSchema } } },
    (req) => formation.view(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/programs/:id/formation/solve',
    {
      schema: {
        tags,
        summary: '生成分班建组方案（不可行时返回 400 并说明原因，不保存）',
        params: idParamSchema,
        body: formationSolveInputSchema,
        response: { 200: formationDraftSchema },
      },
    },
    (req) => formation.solve(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/programs/:id/formation/evaluate',
    {
      schema: {
        tags,
        summary: '检查手工调整后的方案（只返回违规与统计，不保存）',
        params: idParamSchema,
        body: formationEvaluateInputSchema,
        response: { 200: formationEvaluationSchema },
      },
    },
    (req) => formation.evaluate(actorOf(req), req.params.id, req.body),
  );
  app.put(
    '/api/v1/programs/:id/formation/draft',
    { schema: { tags, summary: '保存手工调整的方案与锁定', params: idParamSchema, body: formationDraftInputSchema, response: { 200: formationDraftSchema } } },
    (req) => formation.saveDraft(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/programs/:id/formation/apply',
    { schema: { tags, summary: '把方案应用到班级与小组（仍有违规时 409）', params: idParamSchema, response: { 200: formationApplyResultSchema } } },
    (req) => formation.apply(actorOf(req), req.params.id),
  );
};
