// /api/v1 routes of the milestones module (issue 5): 课题过程管控：节点、提交版本、评审打分、外挂团队. Every topic route
// opens the topic through topicAccess: organizers in scope, the task force, and the topic's external team; anyone
// else gets 404. External accounts may read, download and comment, and score only where invited (else 403).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import {
  topicCommentInputSchema,
  topicCommentSchema,
  externalContributionsSchema,
  milestoneDecisionSchema,
  externalMemberInputSchema,
  externalMemberParamSchema,
  externalMemberViewSchema,
  externalTopicSchema,
  idParamSchema,
  milestoneOverviewRowSchema,
  milestoneParamSchema,
  milestonePatchSchema,
  milestonePlanInputSchema,
  programMilestonesSchema,
  programScoreSheetParamSchema,
  reviewerCandidateSchema,
  milestoneReviewersInputSchema,
  milestoneScoreInputSchema,
  milestoneScoreSheetParamSchema,
  milestoneSubmissionParamSchema,
  topicProcessParamSchema,
  topicProcessSchema,
} from '@duibiao/contracts';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hooks.ts';
import { invalid, notFound } from '../../http/errors.ts';
import type { RoutesPlugin } from '../../http/types.ts';

const tags = ['milestones'];
const FILE_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export const milestonesRoutes: RoutesPlugin = (app, { milestones }) => {
  const { plan, review, external } = milestones;
  const base = '/api/v1/topics/:topicId';

  // ---- Plan and process view
  app.get(
    `${base}/milestones`,
    { schema: { tags, summary: '课题过程：概况、节点、提交版本、评审', params: topicProcessParamSchema, response: { 200: topicProcessSchema } } },
    (req) => plan.view(actorOf(req), req.params.topicId),
  );
  app.post(
    `${base}/milestones`,
    {
      schema: {
        tags,
        summary: '制定课题过程节点（一次提交，截止日期须按顺序）',
        params: topicProcessParamSchema,
        body: milestonePlanInputSchema,
        response: { 201: topicProcessSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await plan.plan(actorOf(req), req.params.topicId, req.body)),
  );
  app.patch(
    `${base}/milestones/:milestoneId`,
    {
      schema: {
        tags,
        summary: '修改节点（名称、截止日期、评分表）',
        params: milestoneParamSchema,
        body: milestonePatchSchema,
        response: { 200: topicProcessSchema },
      },
    },
    (req) => plan.update(actorOf(req), req.params.topicId, req.params.milestoneId, req.body),
  );

  // ---- Submissions
  app.post(
    `${base}/milestones/:milestoneId/submissions`,
    {
      schema: {
        tags,
        summary: '提交节点材料新版本（multipart：file，可附 note；docx/pdf/xlsx/pptx，≤20MB）',
        consumes: ['multipart/form-data'],
        params: milestoneParamSchema,
        response: { 201: topicProcessSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) throw invalid([{ field: 'file', message: '请以 multipart/form-data 上传文件' }]);
      let note: string | null = null;
      for await (const part of req.parts()) {
        if (part.type === 'field' && part.fieldname === 'note') note = String(part.value).trim() || null;
        if (part.type === 'file') {
          const view = await review.submit(actor, req.params.topicId, req.params.milestoneId, { fileName: part.filename, file: part.file, note });
          return reply.status(201).send(view);
        }
      }
      throw invalid([{ field: 'file', message: '请选择要上传的文件' }]);
    },
  );
  app.get(
    `${base}/milestones/:milestoneId/submissions/:submissionId/file`,
    { schema: { tags, summary: '下载某一版本的节点材料', params: milestoneSubmissionParamSchema } },
    async (req, reply) => {
      const file = await review.file(actorOf(req), req.params.topicId, req.params.milestoneId, req.params.submissionId);
      const size = await stat(file.path).then(
        (s) => s.size,
        () => null,
      );
      if (size === null) throw notFound('提交材料');
      return reply
        .header('content-type', file.contentType)
        .header('content-length', size)
        .header('content-disposition', `attachment; filename="submission"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('cache-control', 'no-store')
        .send(createReadStream(file.path));
    },
  );

  // ---- Review panel, scores, decision
  app.get(
    `${base}/reviewer-candidates`,
    {
      schema: {
        tags,
        summary: '可邀请的评审专家（本级及下级工作人员、本课题外挂团队账号）',
        params: topicProcessParamSchema,
        response: { 200: z.array(reviewerCandidateSchema) },
      },
    },
    (req) => review.candidates(actorOf(req), req.params.topicId),
  );
  app.put(
    `${base}/milestones/:milestoneId/reviewers`,
    { schema: { tags, summary: '设置节点评审专家', params: milestoneParamSchema, body: milestoneReviewersInputSchema, response: { 200: topicProcessSchema } } },
    (req) => review.setReviewers(actorOf(req), req.params.topicId, req.params.milestoneId, req.body),
  );
  app.put(
    `${base}/milestones/:milestoneId/scores/me`,
    {
      schema: {
        tags,
        summary: '评审专家按评分表打分（重复提交覆盖）',
        params: milestoneParamSchema,
        body: milestoneScoreInputSchema,
        response: { 200: topicProcessSchema },
      },
    },
    (req) => review.score(actorOf(req), req.params.topicId, req.params.milestoneId, req.body),
  );
  app.post(
    `${base}/milestones/:milestoneId/decision`,
    {
      schema: {
        tags,
        summary: '评审结论：通过或退回修改（结题答辩通过即结题）',
        params: milestoneParamSchema,
        body: milestoneDecisionSchema,
        response: { 200: topicProcessSchema },
      },
    },
    (req) => review.decide(actorOf(req), req.params.topicId, req.params.milestoneId, req.body),
  );
  for (const format of ['xlsx', 'docx'] as const) {
    app.get(
      `${base}/milestones/:kind/score-sheet.${format}`,
      { schema: { tags, summary: `导出答辩评分表（${format}）`, params: milestoneScoreSheetParamSchema } },
      async (req, reply) => {
        const file = await milestones.scoreSheet(actorOf(req), req.params.topicId, req.params.kind, format);
        return reply
          .header('content-type', FILE_TYPES[format])
          .header('content-disposition', `attachment; filename="score-sheet.${format}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
  }

  // ---- Dashboards
  app.get(
    '/api/v1/programs/:id/milestones',
    { schema: { tags, summary: '项目各课题节点进度与逾期', params: idParamSchema, response: { 200: programMilestonesSchema } } },
    (req) => plan.ofProgram(actorOf(req), req.params.id),
  );
  app.get(
    '/api/v1/programs/:id/milestones/:kind/score-sheet.xlsx',
    { schema: { tags, summary: '导出项目各课题某节点（如中期答辩）评分汇总', params: programScoreSheetParamSchema } },
    async (req, reply) => {
      const file = await milestones.programScoreSheet(actorOf(req), req.params.id, req.params.kind);
      return reply
        .header('content-type', FILE_TYPES.xlsx)
        .header('content-disposition', `attachment; filename="score-summary.xlsx"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
  app.get(
    '/api/v1/milestones/overdue',
    { schema: { tags, summary: '管理范围内逾期的课题节点', response: { 200: z.array(milestoneOverviewRowSchema) } } },
    (req) => plan.overdue(actorOf(req)),
  );

  // ---- External team (外挂团队)
  app.get(
    `${base}/external-members`,
    { schema: { tags, summary: '课题外挂团队', params: topicProcessParamSchema, response: { 200: z.array(externalMemberViewSchema) } } },
    (req) => external.list(actorOf(req), req.params.topicId),
  );
  app.post(
    `${base}/external-members`,
    {
      schema: {
        tags,
        summary: '添加外挂团队成员（可关联或新建账号）',
        params: topicProcessParamSchema,
        body: externalMemberInputSchema,
        response: { 201: externalMemberViewSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await external.attach(actorOf(req), req.params.topicId, req.body)),
  );
  app.delete(
    `${base}/external-members/:id`,
    { schema: { tags, summary: '移除外挂团队成员', params: externalMemberParamSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await external.detach(actorOf(req), req.params.topicId, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    `${base}/external-members/:id/contributions`,
    { schema: { tags, summary: '外挂团队成员的意见与评分', params: externalMemberParamSchema, response: { 200: externalContributionsSchema } } },
    (req) => external.contributions(actorOf(req), req.params.topicId, req.params.id),
  );
  app.get('/api/v1/me/external-topics', { schema: { tags, summary: '我参与的课题（外挂团队账号）', response: { 200: z.array(externalTopicSchema) } } }, (req) =>
    external.myTopics(actorOf(req)),
  );

  // ---- Comments
  app.get(
    `${base}/comments`,
    { schema: { tags, summary: '课题讨论', params: topicProcessParamSchema, response: { 200: z.array(topicCommentSchema) } } },
    (req) => external.comments(actorOf(req), req.params.topicId),
  );
  app.post(
    `${base}/comments`,
    { schema: { tags, summary: '发表意见', params: topicProcessParamSchema, body: topicCommentInputSchema, response: { 201: topicCommentSchema } } },
    async (req, reply) => reply.status(201).send(await external.comment(actorOf(req), req.params.topicId, req.body)),
  );
};
