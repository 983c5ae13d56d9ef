// /api/v1 routes of the timetable module: sessions, stops, conflicts, metrics, exports and the iCal feed.
import {
  calendarFeedSchema,
  idParamSchema,
  sessionDuplicateSchema,
  sessionFilterSchema,
  sessionInputSchema,
  sessionListSchema,
  sessionPatchSchema,
  sessionStopSchema,
  sessionStopsInputSchema,
  sessionWriteResultSchema,
  timetableConflictsSchema,
  timetableMetricsSchema,
  timetableSessionSchema,
} from '@duibiao/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hooks.ts';
import { AppError } from '../../http/errors.ts';
import type { RoutesPlugin } from '../../http/types.ts';

const tags = ['timetable'];
const FILE_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

function sendFile(reply: FastifyReply, name: string, format: keyof typeof FILE_TYPES, body: Buffer) {
  return reply
    .header('content-type', FILE_TYPES[format])
    .header('content-disposition', `attachment; filename="timetable.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('cache-control', 'no-store')
    .send(body);
}

export const timetableRoutes: RoutesPlugin = (app, { timetable }) => {
  app.get(
    '/api/v1/programs/:id/sessions',
    {
      schema: { tags, summary: '项目课表（可按班级/小组筛选）', params: idParamSchema, querystring: sessionFilterSchema, response: { 200: sessionListSchema } },
    },
    (req) => timetable.list(actorOf(req), req.params.id, req.query),
  );

  app.post(
    '/api/v1/programs/:id/sessions',
    { schema: { tags, summary: '新增课程（返回涉及的冲突）', params: idParamSchema, body: sessionInputSchema, response: { 201: sessionWriteResultSchema } } },
    async (req, reply) => reply.status(201).send(await timetable.create(actorOf(req), req.params.id, req.body)),
  );

  app.get('/api/v1/sessions/:id', { schema: { tags, summary: '课程详情', params: idParamSchema, response: { 200: timetableSessionSchema } } }, (req) =>
    timetable.get(actorOf(req), req.params.id),
  );

  app.patch(
    '/api/v1/sessions/:id',
    {
      schema: {
        tags,
        summary: '修改或移动课程（返回涉及的冲突）',
        params: idParamSchema,
        body: sessionPatchSchema,
        response: { 200: sessionWriteResultSchema },
      },
    },
    (req) => timetable.update(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/sessions/:id/duplicate',
    { schema: { tags, summary: '复制课程到另一天', params: idParamSchema, body: sessionDuplicateSchema, response: { 201: sessionWriteResultSchema } } },
    async (req, reply) => reply.status(201).send(await timetable.duplicate(actorOf(req), req.params.id, req.body)),
  );

  app.delete('/api/v1/sessions/:id', { schema: { tags, summary: '删除课程', params: idParamSchema, response: { 204: z.null() } } }, async (req, reply) => {
    await timetable.remove(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.put(
    '/api/v1/sessions/:id/stops',
    {
      schema: {
        tags,
        summary: '设置实地考察行程站点',
        params: idParamSchema,
        body: sessionStopsInputSchema,
        response: { 200: z.object({ items: z.array(sessionStopSchema) }) },
      },
    },
    (req) => timetable.replaceStops(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/programs/:id/timetable/conflicts',
    { schema: { tags, summary: '课表冲突（教师、场地、学员、路程）', params: idParamSchema, response: { 200: timetableConflictsSchema } } },
    (req) => timetable.conflicts(actorOf(req), req.params.id),
  );

  app.get(
    '/api/v1/programs/:id/timetable/metrics',
    {
      schema: { tags, summary: '课程结构指标与目标对照', params: idParamSchema, querystring: sessionFilterSchema, response: { 200: timetableMetricsSchema } },
    },
    (req) => timetable.metrics(actorOf(req), req.params.id, req.query),
  );

  for (const format of ['xlsx', 'docx'] as const) {
    app.get(
      `/api/v1/programs/:id/timetable.${format}`,
      { schema: { tags, summary: `导出课程表（${format}，可按班级/小组）`, params: idParamSchema, querystring: sessionFilterSchema } },
      async (req, reply) => {
        const file = await timetable.exportFile(actorOf(req), req.params.id, format, req.query);
        return sendFile(reply, file.name, format, file.body);
      },
    );
  }

  app.get('/api/v1/me/calendar', { schema: { tags, summary: '我的课表订阅地址（iCal）', response: { 200: calendarFeedSchema } } }, (req) =>
    timetable.myCalendar(actorOf(req)),
  );

  // Calendar apps cannot sign in: the HMAC in the file name is the credential (see calendar-token.ts).
  app.get(
    '/api/v1/calendar/:file',
    { config: { public: true }, schema: { tags, summary: '个人课表 iCal 订阅', security: [], params: z.object({ file: z.string().max(80) }) } },
    async (req, reply) => {
      const ics = await timetable.calendarFeed(req.params.file);
      if (ics === undefined) throw new AppError('NOT_FOUND', '订阅地址无效');
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(ics);
    },
  );
};
