// /api/v1 routes of the attendance module: check-in screen and roll call for staff, leave decisions, and the
// trainee's own routes under /me (check-in, leave, programs, today's sessions); notifications in their own file.
import {
  attendanceSummarySchema,
  checkinBodySchema,
  checkinCodeQuerySchema,
  checkinCodeSchema,
  checkinResultSchema,
  idParamSchema,
  leaveDecisionSchema,
  leaveListQuerySchema,
  leaveRequestBodySchema,
  leaveRequestSchema,
  myProgramSchema,
  mySessionsQuerySchema,
  mySessionsSchema,
  rollCallSchema,
  rollCallUpdateSchema,
} from '@duibiao/contracts';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hooks.ts';
import { invalid } from '../../http/errors.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { notificationRoutes } from './notifications.routes.ts';

const tags = ['attendance'];
const meTags = ['me'];

export const attendanceRoutes: RoutesPlugin = (app, services) => {
  const { checkin, rollCall, leave, me } = services.attendance;

  // ---------- check-in screen and roll call (staff) ----------
  app.get(
    '/api/v1/sessions/:id/checkin-code',
    { schema: { tags, summary: '签到屏幕：当前轮换二维码', params: idParamSchema, querystring: checkinCodeQuerySchema, response: { 200: checkinCodeSchema } } },
    (req) => checkin.code(actorOf(req), req.params.id, req.query.stop),
  );
  app.post(
    '/api/v1/sessions/:id/checkin-code/revoke',
    { schema: { tags, summary: '作废本课程已显示的全部签到二维码', params: idParamSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await checkin.revoke(actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get('/api/v1/sessions/:id/attendance', { schema: { tags, summary: '点名表', params: idParamSchema, response: { 200: rollCallSchema } } }, (req) =>
    rollCall.get(actorOf(req), req.params.id),
  );
  app.put(
    '/api/v1/sessions/:id/attendance',
    { schema: { tags, summary: '保存点名结果', params: idParamSchema, body: rollCallUpdateSchema, response: { 200: rollCallSchema } } },
    (req) => rollCall.update(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/programs/:id/attendance/summary',
    { schema: { tags, summary: '各课程出勤统计', params: idParamSchema, response: { 200: attendanceSummarySchema } } },
    (req) => rollCall.summary(actorOf(req), req.params.id),
  );

  // ---------- leave (staff) ----------
  app.get(
    '/api/v1/programs/:id/leave-requests',
    {
      schema: {
        tags,
        summary: '项目请假申请（待审批在前）',
        params: idParamSchema,
        querystring: leaveListQuerySchema,
        response: { 200: z.array(leaveRequestSchema) },
      },
    },
    (req) => leave.listForProgram(actorOf(req), req.params.id, req.query.status),
  );
  app.post(
    '/api/v1/leave-requests/:id/decision',
    {
      schema: {
        tags,
        summary: '审批请假（批准即记为请假并核验七分之一规定）',
        params: idParamSchema,
        body: leaveDecisionSchema,
        response: { 200: leaveRequestSchema },
      },
    },
    (req) => leave.decide(actorOf(req), req.params.id, req.body),
  );
  app.get('/api/v1/leave-requests/:id/attachment', { schema: { tags, summary: '下载请假证明', params: idParamSchema } }, async (req, reply) => {
    const file = await leave.attachment(actorOf(req), req.params.id);
    return reply
      .header('content-type', file.type)
      .header('content-disposition', `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('cache-control', 'no-store')
      .send(file.open());
  });

  // ---------- the trainee's own ----------
  app.post(
    '/api/v1/me/checkins',
    { schema: { tags: meTags, summary: '扫码签到（重复提交返回已签到）', body: checkinBodySchema, response: { 200: checkinResultSchema } } },
    (req) => checkin.checkIn(actorOf(req), req.body),
  );
  app.get('/api/v1/me/programs', { schema: { tags: meTags, summary: '我参加的培训项目', response: { 200: z.array(myProgramSchema) } } }, (req) =>
    me.programs(actorOf(req)),
  );
  app.get(
    '/api/v1/me/sessions',
    { schema: { tags: meTags, summary: '我某天的课程（默认北京时间今天）', querystring: mySessionsQuerySchema, response: { 200: mySessionsSchema } } },
    (req) => me.sessions(actorOf(req), req.query.date),
  );
  app.get('/api/v1/me/leave-requests', { schema: { tags: meTags, summary: '我的请假申请', response: { 200: z.array(leaveRequestSchema) } } }, (req) =>
    leave.listMine(actorOf(req)),
  );
  app.post(
    '/api/v1/me/leave-requests',
    { schema: { tags: meTags, summary: '申请请假（按课程或按日期）', body: leaveRequestBodySchema, response: { 201: leaveRequestSchema } } },
    async (req, reply) => reply.status(201).send(await leave.request(actorOf(req), req.body)),
  );
  app.post(
    '/api/v1/me/leave-requests/:id/cancel',
    { schema: { tags: meTags, summary: '撤回待审批的请假申请', params: idParamSchema, response: { 200: leaveRequestSchema } } },
    (req) => leave.cancel(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/me/leave-requests/:id/attachment',
    {
      schema: {
        tags: meTags,
        summary: '上传请假证明（multipart：file，PDF 或图片，≤ 10 MB）',
        params: idParamSchema,
        consumes: ['multipart/form-data'],
        response: { 200: leaveRequestSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) throw invalid([{ field: 'file', message: '请以 multipart/form-data 上传文件' }]);
      const file = await req.file();
      return leave.attach(actor, req.params.id, file ? { filename: file.filename, file: file.file } : undefined);
    },
  );

  notificationRoutes(app, services);
};
