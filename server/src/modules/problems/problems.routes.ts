// /api/v1 routes of the problems module (issue 5): 问题清单 — questions (organizers under /programs/:id, trainees
// under /me/programs/:id), the working key-problem list, duplicate suggestions, published versions and exports.
import {
  duplicateQuerySchema,
  duplicateSuggestionsSchema,
  idParamSchema,
  keyProblemExportQuerySchema,
  keyProblemMergeSchema,
  keyProblemOrderSchema,
  keyProblemSchema,
  keyProblemSplitSchema,
  keyProblemUpdateSchema,
  myQuestionInputSchema,
  problemListDetailSchema,
  problemListDiffQuerySchema,
  problemListDiffSchema,
  problemListPublishSchema,
  problemListVersionSchema,
  problemQuestionSchema,
  programKeyProblemParamSchema,
  programListVersionParamSchema,
  programQuestionParamSchema,
  questionFilterSchema,
  questionImportQuerySchema,
  questionImportResultSchema,
  questionInputSchema,
} from '@duibiao/contracts';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hooks.ts';
import { datedName, sendDownload, XLSX_TYPE } from '../../http/download.ts';
import { invalid } from '../../http/errors.ts';
import type { RoutesPlugin } from '../../http/types.ts';

const tags = ['problems'];
const FILE_TYPES = { xlsx: XLSX_TYPE, docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

export const problemsRoutes: RoutesPlugin = (app, { problems }) => {
  const { questions, questionImport, workingList, versions, duplicates } = problems;

  // ---- Questions (organizers) ----
  app.get(
    '/api/v1/programs/:id/questions',
    {
      schema: {
        tags,
        summary: '原始问题列表（可按领域、来源、提出单位筛选）',
        params: idParamSchema,
        querystring: questionFilterSchema,
        response: { 200: z.array(problemQuestionSchema) },
      },
    },
    (req) => questions.list(actorOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/v1/programs/:id/questions',
    { schema: { tags, summary: '代单位录入问题', params: idParamSchema, body: questionInputSchema, response: { 200: problemQuestionSchema } } },
    (req) => questions.create(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/programs/:id/questions/template.xlsx',
    { schema: { tags, summary: '下载问题征集模板（问题、领域、提出单位、提出人）', params: idParamSchema } },
    async (req, reply) => {
      const file = await questionImport.template(actorOf(req), req.params.id);
      return sendDownload(reply, datedName(file.name), XLSX_TYPE, file.write);
    },
  );
  app.post(
    '/api/v1/programs/:id/questions/import',
    {
      schema: {
        tags,
        summary: '导入问题征集表（multipart 上传 file；dryRun=true 预检列出全部问题，dryRun=false 全部成功或全部不写入）',
        consumes: ['multipart/form-data'],
        params: idParamSchema,
        querystring: questionImportQuerySchema,
        response: { 200: questionImportResultSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) throw invalid([{ field: 'file', message: '请以 multipart/form-data 上传文件' }]);
      for await (const part of req.parts())
        if (part.type === 'file') return questionImport.upload(actor, req.params.id, part.filename, part.file, req.query.dryRun ?? true);
      throw invalid([{ field: 'file', message: '请选择要上传的文件' }]);
    },
  );

  // ---- Questions (the trainee's own) ----
  app.get(
    '/api/v1/me/programs/:id/questions',
    { schema: { tags, summary: '我提交的问题', params: idParamSchema, response: { 200: z.array(problemQuestionSchema) } } },
    (req) => questions.mine(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/me/programs/:id/questions',
    { schema: { tags, summary: '学员提交问题（想着问题去）', params: idParamSchema, body: myQuestionInputSchema, response: { 200: problemQuestionSchema } } },
    (req) => questions.submitMine(actorOf(req), req.params.id, req.body),
  );
  app.put(
    '/api/v1/me/programs/:id/questions/:questionId',
    {
      schema: {
        tags,
        summary: '修改我的问题（合并进清单前）',
        params: programQuestionParamSchema,
        body: myQuestionInputSchema,
        response: { 200: problemQuestionSchema },
      },
    },
    (req) => questions.updateMine(actorOf(req), req.params.id, req.params.questionId, req.body),
  );
  app.delete(
    '/api/v1/me/programs/:id/questions/:questionId',
    { schema: { tags, summary: '删除我的问题（合并进清单前）', params: programQuestionParamSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await questions.deleteMine(actorOf(req), req.params.id, req.params.questionId);
      return reply.status(204).send(null);
    },
  );

  // ---- Working list ----
  app.get(
    '/api/v1/programs/:id/key-problems',
    { schema: { tags, summary: '重点问题工作清单（按优先级，含原始问题）', params: idParamSchema, response: { 200: z.array(keyProblemSchema) } } },
    (req) => workingList.list(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/programs/:id/key-problems/promote',
    { schema: { tags, summary: '未转入的问题逐条转入工作清单', params: idParamSchema, response: { 200: z.array(keyProblemSchema) } } },
    (req) => workingList.promote(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/programs/:id/key-problems/merge',
    {
      schema: {
        tags,
        summary: '合并重点问题（保留一项或新建一项，原始问题取并集）',
        params: idParamSchema,
        body: keyProblemMergeSchema,
        response: { 200: keyProblemSchema },
      },
    },
    (req) => workingList.merge(actorOf(req), req.params.id, req.body),
  );
  app.put(
    '/api/v1/programs/:id/key-problems/order',
    { schema: { tags, summary: '调整重点问题排序', params: idParamSchema, body: keyProblemOrderSchema, response: { 200: z.array(keyProblemSchema) } } },
    (req) => workingList.reorder(actorOf(req), req.params.id, req.body),
  );
  app.patch(
    '/api/v1/programs/:id/key-problems/:itemId',
    {
      schema: {
        tags,
        summary: '修改重点问题（表述、说明、领域、固定题/开放题）',
        params: programKeyProblemParamSchema,
        body: keyProblemUpdateSchema,
        response: { 200: keyProblemSchema },
      },
    },
    (req) => workingList.update(actorOf(req), req.params.id, req.params.itemId, req.body),
  );
  app.post(
    '/api/v1/programs/:id/key-problems/:itemId/split',
    {
      schema: {
        tags,
        summary: '拆分重点问题（每个原始问题都须有去处）',
        params: programKeyProblemParamSchema,
        body: keyProblemSplitSchema,
        response: { 200: z.array(keyProblemSchema) },
      },
    },
    (req) => workingList.split(actorOf(req), req.params.id, req.params.itemId, req.body),
  );
  app.delete(
    '/api/v1/programs/:id/key-problems/:itemId',
    { schema: { tags, summary: '移出工作清单（保留原始问题关联）', params: programKeyProblemParamSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await workingList.remove(actorOf(req), req.params.id, req.params.itemId);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/programs/:id/duplicate-suggestions',
    {
      schema: {
        tags,
        summary: '相似问题建议（分组、相似度、共同词）',
        params: idParamSchema,
        querystring: duplicateQuerySchema,
        response: { 200: duplicateSuggestionsSchema },
      },
    },
    (req) => duplicates.suggestions(actorOf(req), req.params.id, req.query),
  );

  // ---- Published versions ----
  app.get(
    '/api/v1/programs/:id/problem-lists',
    { schema: { tags, summary: '已发布的问题清单版本', params: idParamSchema, response: { 200: z.array(problemListVersionSchema) } } },
    (req) => versions.list(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/programs/:id/problem-lists',
    {
      schema: {
        tags,
        summary: '发布问题清单版本（版本号在项目内唯一）',
        params: idParamSchema,
        body: problemListPublishSchema,
        response: { 200: problemListDetailSchema },
      },
    },
    (req) => versions.publish(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/programs/:id/problem-lists/diff',
    {
      schema: {
        tags,
        summary: '两个版本的差异（新增、移除、修改、合并）',
        params: idParamSchema,
        querystring: problemListDiffQuerySchema,
        response: { 200: problemListDiffSchema },
      },
    },
    (req) => versions.diff(actorOf(req), req.params.id, req.query.from, req.query.to),
  );
  app.get(
    '/api/v1/programs/:id/problem-lists/:versionId',
    { schema: { tags, summary: '问题清单版本详情', params: programListVersionParamSchema, response: { 200: problemListDetailSchema } } },
    (req) => versions.get(actorOf(req), req.params.id, req.params.versionId),
  );
  for (const format of ['xlsx', 'docx'] as const) {
    app.get(
      `/api/v1/programs/:id/key-problems.${format}`,
      {
        schema: {
          tags,
          summary: `导出重点问题清单（${format}；versionId 为空时导出工作清单）`,
          params: idParamSchema,
          querystring: keyProblemExportQuerySchema,
        },
      },
      async (req, reply) => {
        const file = await versions.exportFile(actorOf(req), req.params.id, format, req.query.versionId);
        return sendDownload(reply, datedName(file.name, format), FILE_TYPES[format], async (out) => {
          out.end(file.body);
        });
      },
    );
  }
};
