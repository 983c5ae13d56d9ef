// /api/v1 routes of the programs module: programs and lifecycle, attachments, classes and groups, enrolment,
// and the instructor/venue registries. Each route: schema → one service call.
import {
  addEnrolmentsSchema,
  attachmentSchema,
  classInputSchema,
  classPatchSchema,
  enrolmentFilterSchema,
  enrolmentImportResultSchema,
  enrolmentPatchSchema,
  enrolmentSchema,
  groupInputSchema,
  groupPatchSchema,
  idParamSchema,
  instructorInputSchema,
  instructorPatchSchema,
  instructorSchema,
  listEnrolmentsQuerySchema,
  listProgramsQuerySchema,
  pageOf,
  programClassSchema,
  programDetailSchema,
  programIdParamSchema,
  programInputSchema,
  programPatchSchema,
  programStatusChangeSchema,
  programSummarySchema,
  registryQuerySchema,
  venueInputSchema,
  venuePatchSchema,
  venueSchema,
} from '@duibiao/contracts';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hooks.ts';
import { datedName, sendDownload, XLSX_TYPE } from '../../http/download.ts';
import { invalid } from '../../http/errors.ts';
import type { RoutesPlugin, ZodApp } from '../../http/types.ts';
import type { ProgramsService } from './programs.service.ts';

const tags = ['programs'];
const id = z.coerce.number().int().positive();
const classParams = z.object({ id, classId: id });
const groupParams = z.object({ id, groupId: id });
const enrolmentParams = z.object({ id, enrolmentId: id });
const attachmentParams = z.object({ id, attachmentId: id });
const noContent = { 204: z.null() };

export const programsRoutes: RoutesPlugin = (app, { programs }) => {
  programRoutes(app, programs);
  classRoutes(app, programs);
  enrolmentRoutes(app, programs);
  registryRoutes(app, programs);
};

function programRoutes(app: ZodApp, { programs, attachments }: ProgramsService) {
  app.get(
    '/api/v1/programs',
    {
      schema: {
        tags,
        summary: '培训项目列表（类型、状态、年度、主办单位、关键词）',
        querystring: listProgramsQuerySchema,
        response: { 200: pageOf(programSummarySchema) },
      },
    },
    (req) => programs.list(actorOf(req), req.query),
  );
  app.post(
    '/api/v1/programs',
    { schema: { tags, summary: '新建培训项目（草稿）', body: programInputSchema, response: { 201: programDetailSchema } } },
    async (req, reply) => reply.status(201).send(await programs.create(actorOf(req), req.body)),
  );
  app.get('/api/v1/programs/:id', { schema: { tags, params: programIdParamSchema, response: { 200: programDetailSchema } } }, (req) =>
    programs.get(actorOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/programs/:id',
    { schema: { tags, params: programIdParamSchema, body: programPatchSchema, response: { 200: programDetailSchema } } },
    (req) => programs.update(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/programs/:id',
    { schema: { tags, summary: '删除项目（仅草稿）', params: programIdParamSchema, response: noContent } },
    async (req, reply) => {
      await programs.remove(actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/programs/:id/status',
    {
      schema: {
        tags,
        summary: '变更项目阶段：前进一步，或填写原因退回一步',
        params: programIdParamSchema,
        body: programStatusChangeSchema,
        response: { 200: programDetailSchema },
      },
    },
    (req) => programs.changeStatus(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/programs/:id/attachments',
    { schema: { tags, summary: '管理制度附件', params: programIdParamSchema, response: { 200: z.array(attachmentSchema) } } },
    (req) => attachments.list(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/programs/:id/attachments',
    {
      schema: {
        tags,
        summary: '上传管理制度（multipart：kind 可选，然后 file；PDF/Word/Excel/JPG/PNG）',
        consumes: ['multipart/form-data'],
        params: programIdParamSchema,
        response: { 201: attachmentSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) throw invalid([{ field: 'file', message: '请以 multipart/form-data 上传文件' }]);
      let kind: string | undefined;
      for await (const part of req.parts()) {
        if (part.type === 'field' && part.fieldname === 'kind') kind = String(part.value);
        else if (part.type === 'file') return reply.status(201).send(await attachments.upload(actor, req.params.id, kind, part.filename, part.file));
      }
      throw invalid([{ field: 'file', message: '请选择要上传的文件' }]);
    },
  );
  app.get('/api/v1/programs/:id/attachments/:attachmentId', { schema: { tags, summary: '下载附件', params: attachmentParams } }, async (req, reply) => {
    const file = await attachments.download(actorOf(req), req.params.id, req.params.attachmentId);
    return sendDownload(reply, file.fileName, file.mime, file.write);
  });
  app.delete('/api/v1/programs/:id/attachments/:attachmentId', { schema: { tags, params: attachmentParams, response: noContent } }, async (req, reply) => {
    await attachments.remove(actorOf(req), req.params.id, req.params.attachmentId);
    return reply.status(204).send(null);
  });
}

function classRoutes(app: ZodApp, { classes }: ProgramsService) {
  app.get(
    '/api/v1/programs/:id/classes',
    { schema: { tags, summary: '班级与分组（含带班老师、班长、组长、人数）', params: programIdParamSchema, response: { 200: z.array(programClassSchema) } } },
    (req) => classes.list(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/programs/:id/classes',
    { schema: { tags, params: programIdParamSchema, body: classInputSchema, response: { 201: programClassSchema } } },
    async (req, reply) => reply.status(201).send(await classes.create(actorOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/v1/programs/:id/classes/:classId',
    { schema: { tags, params: classParams, body: classPatchSchema, response: { 200: programClassSchema } } },
    (req) => classes.update(actorOf(req), req.params.id, req.params.classId, req.body),
  );
  app.delete(
    '/api/v1/programs/:id/classes/:classId',
    { schema: { tags, summary: '删除班级（须无学员、无面向该班的课程）', params: classParams, response: noContent } },
    async (req, reply) => {
      await classes.remove(actorOf(req), req.params.id, req.params.classId);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/programs/:id/groups',
    { schema: { tags, summary: '新建小组；返回所在班级', params: programIdParamSchema, body: groupInputSchema, response: { 201: programClassSchema } } },
    async (req, reply) => reply.status(201).send(await classes.createGroup(actorOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/v1/programs/:id/groups/:groupId',
    { schema: { tags, params: groupParams, body: groupPatchSchema, response: { 200: programClassSchema } } },
    (req) => classes.updateGroup(actorOf(req), req.params.id, req.params.groupId, req.body),
  );
  app.delete(
    '/api/v1/programs/:id/groups/:groupId',
    { schema: { tags, summary: '删除小组（组员留在班内）；返回所在班级', params: groupParams, response: { 200: programClassSchema } } },
    (req) => classes.removeGroup(actorOf(req), req.params.id, req.params.groupId),
  );
}

function enrolmentRoutes(app: ZodApp, { enrolments, enrolmentImport }: ProgramsService) {
  app.get(
    '/api/v1/programs/:id/enrolments',
    {
      schema: {
        tags,
        summary: '学员名单（班级、小组、关键词）',
        params: programIdParamSchema,
        querystring: listEnrolmentsQuerySchema,
        response: { 200: pageOf(enrolmentSchema) },
      },
    },
    (req) => enrolments.list(actorOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/v1/programs/:id/enrolments',
    { schema: { tags, summary: '按干部 id 添加学员', params: programIdParamSchema, body: addEnrolmentsSchema, response: { 201: z.array(enrolmentSchema) } } },
    async (req, reply) => reply.status(201).send(await enrolments.add(actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/programs/:id/enrolments/export',
    { schema: { tags, summary: '导出学员名单（Excel）', params: programIdParamSchema, querystring: enrolmentFilterSchema } },
    async (req, reply) => {
      const file = await enrolments.exportXlsx(actorOf(req), req.params.id, req.query);
      return sendDownload(reply, datedName(file.name), XLSX_TYPE, file.write);
    },
  );
  app.post(
    '/api/v1/programs/:id/enrolments/import',
    {
      schema: {
        tags,
        summary: '导入学员（multipart：dryRun=true|false，然后 file）；预检列出全部问题，提交时全部成功或全部不写入',
        consumes: ['multipart/form-data'],
        params: programIdParamSchema,
        response: { 200: enrolmentImportResultSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) throw invalid([{ field: 'file', message: '请以 multipart/form-data 上传文件' }]);
      let dryRun = true;
      for await (const part of req.parts()) {
        if (part.type === 'field' && part.fieldname === 'dryRun') dryRun = String(part.value) !== 'false';
        else if (part.type === 'file') return enrolmentImport.upload(actor, req.params.id, part.filename, part.file, dryRun);
      }
      throw invalid([{ field: 'file', message: '请选择要上传的文件' }]);
    },
  );
  app.get('/api/v1/programs/enrolment-import-template', { schema: { tags, summary: '下载学员导入模板' } }, (req, reply) =>
    sendDownload(reply, '学员导入模板.xlsx', XLSX_TYPE, enrolmentImport.template(actorOf(req))),
  );
  app.patch(
    '/api/v1/programs/:id/enrolments/:enrolmentId',
    { schema: { tags, summary: '调班、调组、设置班内职务', params: enrolmentParams, body: enrolmentPatchSchema, response: { 200: enrolmentSchema } } },
    (req) => enrolments.update(actorOf(req), req.params.id, req.params.enrolmentId, req.body),
  );
  app.delete('/api/v1/programs/:id/enrolments/:enrolmentId', { schema: { tags, params: enrolmentParams, response: noContent } }, async (req, reply) => {
    await enrolments.remove(actorOf(req), req.params.id, req.params.enrolmentId);
    return reply.status(204).send(null);
  });
}

function registryRoutes(app: ZodApp, { instructors, venues }: ProgramsService) {
  const registryTags = ['registry'];
  app.get(
    '/api/v1/instructors',
    {
      schema: {
        tags: registryTags,
        summary: '师资库（orgId：该单位及其上下级）',
        querystring: registryQuerySchema,
        response: { 200: z.array(instructorSchema) },
      },
    },
    (req) => instructors.list(actorOf(req), req.query),
  );
  app.post('/api/v1/instructors', { schema: { tags: registryTags, body: instructorInputSchema, response: { 201: instructorSchema } } }, async (req, reply) =>
    reply.status(201).send(await instructors.create(actorOf(req), req.body)),
  );
  app.patch(
    '/api/v1/instructors/:id',
    { schema: { tags: registryTags, params: idParamSchema, body: instructorPatchSchema, response: { 200: instructorSchema } } },
    (req) => instructors.update(actorOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/instructors/:id', { schema: { tags: registryTags, params: idParamSchema, response: noContent } }, async (req, reply) => {
    await instructors.remove(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
  app.get(
    '/api/v1/venues',
    { schema: { tags: registryTags, summary: '教学点库（坐标为 WGS-84）', querystring: registryQuerySchema, response: { 200: z.array(venueSchema) } } },
    (req) => venues.list(actorOf(req), req.query),
  );
  app.post(
    '/api/v1/venues',
    { schema: { tags: registryTags, summary: '新增教学点（coordSystem=gcj02 时换算为 WGS-84）', body: venueInputSchema, response: { 201: venueSchema } } },
    async (req, reply) => reply.status(201).send(await venues.create(actorOf(req), req.body)),
  );
  app.patch('/api/v1/venues/:id', { schema: { tags: registryTags, params: idParamSchema, body: venuePatchSchema, response: { 200: venueSchema } } }, (req) =>
    venues.update(actorOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/venues/:id', { schema: { tags: registryTags, params: idParamSchema, response: noContent } }, async (req, reply) => {
    await venues.remove(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}
