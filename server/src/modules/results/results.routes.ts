// /api/v1 routes of the results module (issue 5): 调研报告、对策建议与成果落地跟踪. Reports hang below a program (list,
// create) or stand alone by id; trainees list theirs under /me/reports. Recommendations are created from a report or
// a program, tracked by id, and gathered for the owner unit under /landing.
import {
  evidenceFigureInputSchema,
  evidenceParamSchema,
  exportFormatQuerySchema,
  idParamSchema,
  landingExportQuerySchema,
  landingPageSchema,
  landingQuerySchema,
  landingStatsSchema,
  ownerUnitSchema,
  recommendationCandidateSchema,
  recommendationDetailSchema,
  recommendationFilterSchema,
  recommendationInputSchema,
  recommendationPatchSchema,
  recommendationProgressInputSchema,
  recommendationSchema,
  recommendationStatusInputSchema,
  reflectionImportResultSchema,
  remindResultSchema,
  reportCreateSchema,
  reportDetailSchema,
  reportFilterSchema,
  reportPatchSchema,
  reportSchema,
  reportTargetSchema,
} from '@duibiao/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hooks.ts';
import { sendDownload } from '../../http/download.ts';
import { invalid } from '../../http/errors.ts';
import type { RoutesPlugin } from '../../http/types.ts';

const tags = ['results'];
const FILE_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

function sendFile(reply: FastifyReply, name: string, format: keyof typeof FILE_TYPES, body: Buffer) {
  return reply
    .header('content-type', FILE_TYPES[format])
    .header('content-disposition', `attachment; filename="ledger.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('cache-control', 'no-store')
    .send(body);
}

/** The multipart file (and text fields sent before it) of an upload; 400 naming `file` when there is none. */
async function withUpload<T>(
  req: FastifyRequest,
  use: (fields: Record<string, string>, fileName: string, file: NodeJS.ReadableStream) => Promise<T>,
): Promise<T> {
  if (!req.isMultipart()) throw invalid([{ field: 'file', message: '请以 multipart/form-data 上传文件' }]);
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'field') fields[part.fieldname] = String(part.value);
    else return use(fields, part.filename, part.file);
  }
  throw invalid([{ field: 'file', message: '请选择要上传的文件' }]);
}

export const resultsRoutes: RoutesPlugin = (app, { results }) => {
  const { reports, recommendations, landing } = results;

  // ---- Reports ----
  app.get(
    '/api/v1/programs/:id/reports',
    {
      schema: {
        tags,
        summary: '项目调研报告（可按课题、小组、个人、状态筛选）',
        params: idParamSchema,
        querystring: reportFilterSchema,
        response: { 200: z.array(reportSchema) },
      },
    },
    (req) => reports.list(actorOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/v1/programs/:id/reports',
    {
      schema: {
        tags,
        summary: '新建调研报告（课题专班、学习小组或个人）',
        params: idParamSchema,
        body: reportCreateSchema,
        response: { 201: reportDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await reports.create(actorOf(req), req.params.id, req.body)),
  );
  app.get('/api/v1/me/reports', { schema: { tags, summary: '我的调研报告（个人、小组、课题专班）', response: { 200: z.array(reportSchema) } } }, (req) =>
    reports.mine(actorOf(req)),
  );
  app.get(
    '/api/v1/me/report-targets',
    { schema: { tags, summary: '我可撰写报告的项目、小组与课题专班', response: { 200: z.array(reportTargetSchema) } } },
    (req) => reports.myTargets(actorOf(req)),
  );
  app.get('/api/v1/reports/:id', { schema: { tags, summary: '调研报告详情（含正文）', params: idParamSchema, response: { 200: reportDetailSchema } } }, (req) =>
    reports.detail(actorOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/reports/:id',
    { schema: { tags, summary: '在线编辑调研报告（草稿）', params: idParamSchema, body: reportPatchSchema, response: { 200: reportDetailSchema } } },
    (req) => reports.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/reports/:id/file',
    {
      schema: {
        tags,
        summary: '上传调研报告文件（multipart：file；Word .docx 或 PDF，不超过 20 MB）',
        consumes: ['multipart/form-data'],
        params: idParamSchema,
        response: { 200: reportDetailSchema },
      },
    },
    (req) => withUpload(req, (_fields, name, file) => reports.upload(actorOf(req), req.params.id, name, file)),
  );
  app.get('/api/v1/reports/:id/file', { schema: { tags, summary: '下载调研报告文件', params: idParamSchema } }, async (req, reply) => {
    const file = await reports.download(actorOf(req), req.params.id);
    return sendDownload(reply, file.fileName, file.mime, file.write);
  });
  app.post(
    '/api/v1/reports/:id/submit',
    { schema: { tags, summary: '提交调研报告（提交后作者不能再修改）', params: idParamSchema, response: { 200: reportDetailSchema } } },
    (req) => reports.submit(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/reports/:id/return',
    { schema: { tags, summary: '退回调研报告修改（组织方）', params: idParamSchema, response: { 200: reportDetailSchema } } },
    (req) => reports.returnToDraft(actorOf(req), req.params.id),
  );
  app.get(
    '/api/v1/reports/:id/recommendations',
    { schema: { tags, summary: '报告提出的对策建议', params: idParamSchema, response: { 200: z.array(recommendationSchema) } } },
    (req) => recommendations.listReport(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/reports/:id/recommendations',
    { schema: { tags, summary: '从报告提出对策建议', params: idParamSchema, body: recommendationInputSchema, response: { 201: recommendationDetailSchema } } },
    async (req, reply) => reply.status(201).send(await recommendations.createForReport(actorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/reports/:id/recommendations/extract',
    {
      schema: { tags, summary: '从报告正文识别候选建议（仅供确认，不保存）', params: idParamSchema, response: { 200: z.array(recommendationCandidateSchema) } },
    },
    (req) => reports.extract(actorOf(req), req.params.id),
  );

  // ---- Recommendations of a program ----
  app.get(
    '/api/v1/programs/:id/recommendations',
    {
      schema: {
        tags,
        summary: '项目对策建议与落地跟踪',
        params: idParamSchema,
        querystring: recommendationFilterSchema,
        response: { 200: z.array(recommendationSchema) },
      },
    },
    (req) => recommendations.listProgram(actorOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/v1/programs/:id/recommendations',
    {
      schema: {
        tags,
        summary: '新增对策建议（课题成果或直接录入）',
        params: idParamSchema,
        body: recommendationInputSchema,
        response: { 201: recommendationDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await recommendations.createForProgram(actorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/programs/:id/recommendations/from-reflections',
    { schema: { tags, summary: '从学习心得行动项导入落地跟踪（可重复执行）', params: idParamSchema, response: { 200: reflectionImportResultSchema } } },
    (req) => landing.fromReflections(actorOf(req), req.params.id),
  );
  app.get(
    '/api/v1/programs/:id/owner-units',
    { schema: { tags, summary: '可承办对策建议的单位（组织单位及下属单位）', params: idParamSchema, response: { 200: z.array(ownerUnitSchema) } } },
    (req) => recommendations.ownerUnits(actorOf(req), req.params.id),
  );
  app.get(
    '/api/v1/programs/:id/landing-stats',
    { schema: { tags, summary: '项目成果落地率', params: idParamSchema, response: { 200: landingStatsSchema } } },
    (req) => landing.stats(actorOf(req), req.params.id),
  );
  app.get(
    '/api/v1/programs/:id/landing-ledger',
    { schema: { tags, summary: '导出成果转化台账（xlsx 或 docx）', params: idParamSchema, querystring: exportFormatQuerySchema } },
    async (req, reply) => {
      const file = await landing.exportProgram(actorOf(req), req.params.id, req.query.format);
      return sendFile(reply, file.name, req.query.format, file.body);
    },
  );

  // ---- One recommendation ----
  app.get(
    '/api/v1/recommendations/:id',
    { schema: { tags, summary: '对策建议详情（进展时间线、佐证）', params: idParamSchema, response: { 200: recommendationDetailSchema } } },
    (req) => recommendations.detail(actorOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/recommendations/:id',
    {
      schema: {
        tags,
        summary: '修改对策建议（组织方）',
        params: idParamSchema,
        body: recommendationPatchSchema,
        response: { 200: recommendationDetailSchema },
      },
    },
    (req) => recommendations.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/recommendations/:id/status',
    {
      schema: {
        tags,
        summary: '变更落地状态（采纳、推进、落地须有佐证、不予采纳须说明理由）',
        params: idParamSchema,
        body: recommendationStatusInputSchema,
        response: { 200: recommendationDetailSchema },
      },
    },
    (req) => recommendations.changeStatus(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/recommendations/:id/updates',
    {
      schema: {
        tags,
        summary: '报送落地进展（不改变状态）',
        params: idParamSchema,
        body: recommendationProgressInputSchema,
        response: { 200: recommendationDetailSchema },
      },
    },
    (req) => recommendations.addProgress(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/recommendations/:id/evidence',
    {
      schema: {
        tags,
        summary: '添加落地佐证数据（如 签约项目 20 个）',
        params: idParamSchema,
        body: evidenceFigureInputSchema,
        response: { 200: recommendationDetailSchema },
      },
    },
    (req) => recommendations.addFigure(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/recommendations/:id/evidence/file',
    {
      schema: {
        tags,
        summary: '上传落地佐证文件（multipart：label 可选，然后 file）',
        consumes: ['multipart/form-data'],
        params: idParamSchema,
        response: { 200: recommendationDetailSchema },
      },
    },
    (req) => withUpload(req, (fields, name, file) => recommendations.addDocument(actorOf(req), req.params.id, fields['label'], name, file)),
  );
  app.get(
    '/api/v1/recommendations/:id/evidence/:evidenceId/file',
    { schema: { tags, summary: '下载落地佐证文件', params: evidenceParamSchema } },
    async (req, reply) => {
      const file = await recommendations.downloadEvidence(actorOf(req), req.params.id, req.params.evidenceId);
      return sendDownload(reply, file.fileName, file.mime, file.write);
    },
  );
  app.post(
    '/api/v1/recommendations/remind',
    { schema: { tags, summary: '发送落地到期提醒（7 天内到期或已逾期，每个时限提醒一次）', response: { 200: remindResultSchema } } },
    (req) => landing.remind(actorOf(req)),
  );

  // ---- Owner unit ----
  app.get(
    '/api/v1/landing',
    { schema: { tags, summary: '本单位承办的对策建议落地跟踪', querystring: landingQuerySchema, response: { 200: landingPageSchema } } },
    (req) => landing.landingView(actorOf(req), req.query),
  );
  app.get(
    '/api/v1/landing/ledger',
    { schema: { tags, summary: '导出本单位成果转化台账（xlsx 或 docx）', querystring: landingExportQuerySchema } },
    async (req, reply) => {
      const { format, ...q } = req.query;
      const file = await landing.exportLanding(actorOf(req), q, format);
      return sendFile(reply, file.name, format, file.body);
    },
  );
};
