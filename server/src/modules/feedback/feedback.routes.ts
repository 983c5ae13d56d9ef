// /api/v1 routes of the feedback module: session ratings and evaluations, questionnaires, reflections, good practices.
// Trainees act on themselves through /me/…: the cadre always comes from the session, never from the request.
import {
  actionItemStatusInputSchema,
  feedbackProgramParamSchema,
  idParamSchema,
  myQuestionnaireSchema,
  pendingRatingSchema,
  practiceFacetsSchema,
  practiceInputSchema,
  practicePatchSchema,
  practiceQuerySchema,
  practiceSchema,
  practiceSearchSchema,
  programEvaluationSchema,
  programQuestionnaireInputSchema,
  programQuestionnaireSchema,
  programReflectionsQuerySchema,
  questionnaireAnswersSchema,
  questionnaireResultsSchema,
  questionnaireTemplateInputSchema,
  questionnaireTemplateListSchema,
  questionnaireTemplatePatchSchema,
  questionnaireTemplateSchema,
  reflectionInputSchema,
  reflectionPatchSchema,
  reflectionSchema,
  sessionRatingInputSchema,
  sessionRatingSchema,
} from '@duibiao/contracts';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hooks.ts';
import type { RoutesPlugin } from '../../http/types.ts';

const tags = ['feedback'];

export const feedbackRoutes: RoutesPlugin = (app, { feedback }) => {
  const { ratings, questionnaires, reflections, practices } = feedback;

  // ---- Session ratings (trainee) and evaluation results (managers) ----
  app.post(
    '/api/v1/me/session-ratings',
    { schema: { tags, summary: '学员评价一次已结束的课程（每课一次）', body: sessionRatingInputSchema, response: { 201: sessionRatingSchema } } },
    async (req, reply) => reply.status(201).send(await ratings.rate(actorOf(req), req.body)),
  );
  app.get('/api/v1/me/session-ratings/pending', { schema: { tags, summary: '待评价的课程', response: { 200: z.array(pendingRatingSchema) } } }, (req) =>
    ratings.pending(actorOf(req)),
  );
  app.get(
    '/api/v1/programs/:id/evaluations',
    { schema: { tags, summary: '课程评价结果（匿名；少于 3 份不显示）', params: idParamSchema, response: { 200: programEvaluationSchema } } },
    (req) => ratings.programEvaluation(actorOf(req), req.params.id),
  );

  // ---- Questionnaire templates and a program's questionnaire ----
  app.get(
    '/api/v1/questionnaire-templates',
    { schema: { tags, summary: '问卷模板（含内置默认结业问卷）', response: { 200: questionnaireTemplateListSchema } } },
    (req) => questionnaires.listTemplates(actorOf(req)),
  );
  app.get('/api/v1/questionnaire-templates/:id', { schema: { tags, params: idParamSchema, response: { 200: questionnaireTemplateSchema } } }, (req) =>
    questionnaires.getTemplate(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/questionnaire-templates',
    { schema: { tags, body: questionnaireTemplateInputSchema, response: { 201: questionnaireTemplateSchema } } },
    async (req, reply) => reply.status(201).send(await questionnaires.createTemplate(actorOf(req), req.body)),
  );
  app.patch(
    '/api/v1/questionnaire-templates/:id',
    { schema: { tags, params: idParamSchema, body: questionnaireTemplatePatchSchema, response: { 200: questionnaireTemplateSchema } } },
    (req) => questionnaires.updateTemplate(actorOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/questionnaire-templates/:id', { schema: { tags, params: idParamSchema, response: { 204: z.null() } } }, async (req, reply) => {
    await questionnaires.deleteTemplate(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
  app.get(
    '/api/v1/programs/:id/questionnaire',
    { schema: { tags, summary: '项目使用的结业问卷', params: idParamSchema, response: { 200: programQuestionnaireSchema } } },
    (req) => questionnaires.getProgramQuestionnaire(actorOf(req), req.params.id),
  );
  app.put(
    '/api/v1/programs/:id/questionnaire',
    {
      schema: {
        tags,
        summary: '选择项目的结业问卷',
        params: idParamSchema,
        body: programQuestionnaireInputSchema,
        response: { 200: programQuestionnaireSchema },
      },
    },
    (req) => questionnaires.setProgramQuestionnaire(actorOf(req), req.params.id, req.body.templateId),
  );
  app.get(
    '/api/v1/programs/:id/questionnaire/results',
    { schema: { tags, summary: '结业问卷统计（匿名）', params: idParamSchema, response: { 200: questionnaireResultsSchema } } },
    (req) => questionnaires.results(actorOf(req), req.params.id),
  );
  app.get('/api/v1/me/questionnaires', { schema: { tags, summary: '我的结业问卷', response: { 200: z.array(myQuestionnaireSchema) } } }, (req) =>
    questionnaires.mine(actorOf(req)),
  );
  app.post(
    '/api/v1/me/questionnaires/:programId',
    {
      schema: {
        tags,
        summary: '提交结业问卷（一次）',
        params: feedbackProgramParamSchema,
        body: questionnaireAnswersSchema,
        response: { 201: myQuestionnaireSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await questionnaires.submit(actorOf(req), req.params.programId, req.body)),
  );

  // ---- Reflections and action items ----
  app.get('/api/v1/me/reflections', { schema: { tags, summary: '我的心得体会', response: { 200: z.array(reflectionSchema) } } }, (req) =>
    reflections.mine(actorOf(req)),
  );
  app.post(
    '/api/v1/me/reflections',
    { schema: { tags, summary: '提交心得体会', body: reflectionInputSchema, response: { 201: reflectionSchema } } },
    async (req, reply) => reply.status(201).send(await reflections.create(actorOf(req), req.body)),
  );
  app.patch(
    '/api/v1/me/reflections/:id',
    { schema: { tags, summary: '修改我的心得体会', params: idParamSchema, body: reflectionPatchSchema, response: { 200: reflectionSchema } } },
    (req) => reflections.update(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/programs/:id/reflections',
    {
      schema: {
        tags,
        summary: '项目学员的心得体会（署名，可按关键词检索）',
        params: idParamSchema,
        querystring: programReflectionsQuerySchema,
        response: { 200: z.array(reflectionSchema) },
      },
    },
    (req) => reflections.listForProgram(actorOf(req), req.params.id, req.query.q),
  );
  app.patch(
    '/api/v1/action-items/:id',
    { schema: { tags, summary: '更新行动事项状态', params: idParamSchema, body: actionItemStatusInputSchema, response: { 200: reflectionSchema } } },
    (req) => reflections.setActionItemStatus(actorOf(req), req.params.id, req.body.status),
  );

  // ---- Good-practice library ----
  app.get(
    '/api/v1/practices',
    { schema: { tags, summary: '经验做法库（中文全文检索）', querystring: practiceQuerySchema, response: { 200: practiceSearchSchema } } },
    (req) => practices.search(actorOf(req), req.query),
  );
  app.get('/api/v1/practices/facets', { schema: { tags, summary: '领域和来源城市（筛选项）', response: { 200: practiceFacetsSchema } } }, (req) =>
    practices.facets(actorOf(req)),
  );
  app.get('/api/v1/practices/:id', { schema: { tags, params: idParamSchema, response: { 200: practiceSchema } } }, (req) =>
    practices.get(actorOf(req), req.params.id),
  );
  app.post('/api/v1/practices', { schema: { tags, body: practiceInputSchema, response: { 201: practiceSchema } } }, async (req, reply) =>
    reply.status(201).send(await practices.create(actorOf(req), req.body)),
  );
  app.patch('/api/v1/practices/:id', { schema: { tags, params: idParamSchema, body: practicePatchSchema, response: { 200: practiceSchema } } }, (req) =>
    practices.update(actorOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/practices/:id', { schema: { tags, params: idParamSchema, response: { 204: z.null() } } }, async (req, reply) => {
    await practices.remove(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
};
