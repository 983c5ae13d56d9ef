// /api/v1 routes of the topics module (issue 5): 研究课题：招拍挂投标、课题分配、工作专班. Organizers manage topics of
// programs in their subtree; trainees bid under /me; topic-scoped reads go through topicAccess (organizer, task-force
// member, attached external account).
import {
  idParamSchema,
  myBidsInputSchema,
  myProgramTopicsSchema,
  taskForceMemberInputSchema,
  taskForceMemberParamSchema,
  taskForceMemberSchema,
  taskForceRoleInputSchema,
  topicBidSchema,
  topicDetailSchema,
  topicInputSchema,
  topicListQuerySchema,
  topicParamSchema,
  topicPatchSchema,
  topicRunDetailSchema,
  topicRunSummarySchema,
  topicSchema,
  topicSolveInputSchema,
  topicStatusInputSchema,
  topicWinnersInputSchema,
} from '@duibiao/contracts';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hooks.ts';
import { datedName } from '../../http/download.ts';
import type { RoutesPlugin } from '../../http/types.ts';

const tags = ['topics'];
const FILE_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
const members = z.array(taskForceMemberSchema);

export const topicsRoutes: RoutesPlugin = (app, { topics: service }) => {
  const { topics, bidding, assignment, taskForce } = service;

  // ---- Topics ----
  app.get(
    '/api/v1/topics',
    { schema: { tags, summary: '课题总览（本辖区全部项目）', querystring: topicListQuerySchema, response: { 200: z.array(topicSchema) } } },
    (req) => topics.overview(actorOf(req), req.query),
  );
  app.get(
    '/api/v1/programs/:id/topics',
    { schema: { tags, summary: '项目研究课题列表', params: idParamSchema, response: { 200: z.array(topicSchema) } } },
    (req) => topics.listProgram(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/programs/:id/topics',
    { schema: { tags, summary: '新建研究课题（可由重点问题生成）', params: idParamSchema, body: topicInputSchema, response: { 201: topicSchema } } },
    async (req, reply) => reply.status(201).send(await topics.create(actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/topics/:topicId',
    { schema: { tags, summary: '课题详情（含工作专班）', params: topicParamSchema, response: { 200: topicDetailSchema } } },
    (req) => topics.detail(actorOf(req), req.params.topicId),
  );
  app.patch(
    '/api/v1/topics/:topicId',
    { schema: { tags, summary: '修改研究课题', params: topicParamSchema, body: topicPatchSchema, response: { 200: topicSchema } } },
    (req) => topics.update(actorOf(req), req.params.topicId, req.body),
  );
  app.delete('/api/v1/topics/:topicId', { schema: { tags, summary: '删除草拟课题', params: topicParamSchema } }, async (req, reply) => {
    await topics.remove(actorOf(req), req.params.topicId);
    return reply.status(204).send(null);
  });
  app.post(
    '/api/v1/topics/:topicId/status',
    {
      schema: {
        tags,
        summary: '变更课题状态（开放投标、揭榜、攻关、结题）',
        params: topicParamSchema,
        body: topicStatusInputSchema,
        response: { 200: topicSchema },
      },
    },
    (req) => topics.setStatus(actorOf(req), req.params.topicId, req.body),
  );

  // ---- Bidding ----
  app.get('/api/v1/me/topics', { schema: { tags, summary: '我的课题投标（全部项目）', response: { 200: z.array(myProgramTopicsSchema) } } }, (req) =>
    bidding.myPrograms(actorOf(req)),
  );
  app.get(
    '/api/v1/me/programs/:id/topics',
    { schema: { tags, summary: '可投标课题与我的志愿', params: idParamSchema, response: { 200: myProgramTopicsSchema } } },
    (req) => bidding.myProgram(actorOf(req), req.params.id),
  );
  app.put(
    '/api/v1/me/programs/:id/bids',
    {
      schema: {
        tags,
        summary: '提交课题投标志愿（按顺序，替换原志愿）',
        params: idParamSchema,
        body: myBidsInputSchema,
        response: { 200: myProgramTopicsSchema },
      },
    },
    (req) => bidding.saveMine(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/topics/:topicId/bids',
    { schema: { tags, summary: '课题投标情况', params: topicParamSchema, response: { 200: z.array(topicBidSchema) } } },
    (req) => bidding.listForTopic(actorOf(req), req.params.topicId),
  );
  app.put(
    '/api/v1/topics/:topicId/winners',
    { schema: { tags, summary: '人工选定揭榜人（组成工作专班）', params: topicParamSchema, body: topicWinnersInputSchema, response: { 200: members } } },
    (req) => bidding.pickWinners(actorOf(req), req.params.topicId, req.body),
  );

  // ---- Assignment runs ----
  app.post(
    '/api/v1/programs/:id/topic-assignment-runs',
    {
      schema: {
        tags,
        summary: '智能分配课题（最差志愿最小，再多满足高志愿）',
        params: idParamSchema,
        body: topicSolveInputSchema,
        response: { 201: topicRunDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await assignment.solve(actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/programs/:id/topic-assignment-runs',
    { schema: { tags, summary: '课题分配方案列表', params: idParamSchema, response: { 200: z.array(topicRunSummarySchema) } } },
    (req) => assignment.list(actorOf(req), req.params.id),
  );
  app.get(
    '/api/v1/topic-assignment-runs/:id',
    { schema: { tags, summary: '课题分配方案详情', params: idParamSchema, response: { 200: topicRunDetailSchema } } },
    (req) => assignment.get(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/topic-assignment-runs/:id/adopt',
    { schema: { tags, summary: '采用课题分配方案（组建专班、确定中标）', params: idParamSchema, response: { 200: topicRunDetailSchema } } },
    (req) => assignment.adopt(actorOf(req), req.params.id),
  );

  // ---- Task force ----
  app.get('/api/v1/topics/:topicId/members', { schema: { tags, summary: '工作专班成员', params: topicParamSchema, response: { 200: members } } }, (req) =>
    taskForce.list(actorOf(req), req.params.topicId),
  );
  app.post(
    '/api/v1/topics/:topicId/members',
    { schema: { tags, summary: '添加专班成员或联络人', params: topicParamSchema, body: taskForceMemberInputSchema, response: { 200: members } } },
    (req) => taskForce.add(actorOf(req), req.params.topicId, req.body),
  );
  app.patch(
    '/api/v1/topics/:topicId/members/:memberId',
    {
      schema: {
        tags,
        summary: '调整专班角色（指定负责人时原负责人改为成员）',
        params: taskForceMemberParamSchema,
        body: taskForceRoleInputSchema,
        response: { 200: members },
      },
    },
    (req) => taskForce.setRole(actorOf(req), req.params.topicId, req.params.memberId, req.body),
  );
  app.delete(
    '/api/v1/topics/:topicId/members/:memberId',
    { schema: { tags, summary: '移除专班成员', params: taskForceMemberParamSchema } },
    async (req, reply) => {
      await taskForce.remove(actorOf(req), req.params.topicId, req.params.memberId);
      return reply.status(204).send(null);
    },
  );

  // ---- Roster export ----
  for (const format of ['xlsx', 'docx'] as const) {
    app.get(
      `/api/v1/programs/:id/topic-roster.${format}`,
      { schema: { tags, summary: `导出课题专班名单（${format}）`, params: idParamSchema } },
      async (req, reply) => {
        const file = await service.roster(actorOf(req), req.params.id, format);
        return reply
          .header('content-type', FILE_TYPES[format])
          .header('content-disposition', `attachment; filename="topic-roster.${format}"; filename*=UTF-8''${encodeURIComponent(datedName(file.name, format))}`)
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
  }
};
