// /api/v1 routes of the hours module: credit policies, compliance rules, manual entries with evidence, the
// compliance report, a program's hours and the trainee's own training file.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import {
  complianceFilterSchema,
  complianceQuerySchema,
  complianceReportSchema,
  complianceSummaryQuerySchema,
  complianceSummarySchema,
  creditPolicySchema,
  effectiveCreditPolicySchema,
  hoursEntryInputSchema,
  hoursEntryPatchSchema,
  hoursEntrySchema,
  hoursRuleInputSchema,
  hoursRulesQuerySchema,
  hoursRulesViewSchema,
  idParamSchema,
  programHoursSchema,
  ruleCodeParamSchema,
  trainingFileQuerySchema,
  trainingFileSchema,
} from '@duibiao/contracts';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hooks.ts';
import { datedName, sendDownload, XLSX_TYPE } from '../../http/download.ts';
import { invalid, notFound } from '../../http/errors.ts';
import type { RoutesPlugin } from '../../http/types.ts';

const tags = ['hours'];

export const hoursRoutes: RoutesPlugin = (app, { hours }) => {
  // ---- credit policy per organizer node
  app.get(
    '/api/v1/orgs/:id/credit-policy',
    { schema: { tags, summary: '学时折算办法（本级或继承）', params: idParamSchema, response: { 200: effectiveCreditPolicySchema } } },
    (req) => hours.policy.get(actorOf(req), req.params.id),
  );
  app.put(
    '/api/v1/orgs/:id/credit-policy',
    { schema: { tags, summary: '设置本级学时折算办法', params: idParamSchema, body: creditPolicySchema, response: { 200: effectiveCreditPolicySchema } } },
    (req) => hours.policy.put(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/orgs/:id/credit-policy',
    { schema: { tags, summary: '取消本级设置，恢复继承上级', params: idParamSchema, response: { 200: effectiveCreditPolicySchema } } },
    (req) => hours.policy.reset(actorOf(req), req.params.id),
  );

  // ---- compliance rules as data
  app.get(
    '/api/v1/hours/rules',
    { schema: { tags, summary: '现行学时达标规则', querystring: hoursRulesQuerySchema, response: { 200: hoursRulesViewSchema } } },
    (req) => hours.rules.get(actorOf(req), req.query.orgId),
  );
  app.post(
    '/api/v1/hours/rules',
    { schema: { tags, summary: '本级新增规则', body: hoursRuleInputSchema, response: { 201: hoursRulesViewSchema } } },
    async (req, reply) => reply.status(201).send(await hours.rules.create(actorOf(req), req.body)),
  );
  app.put(
    '/api/v1/hours/rules/:code',
    { schema: { tags, summary: '本级修改规则', params: ruleCodeParamSchema, body: hoursRuleInputSchema, response: { 200: hoursRulesViewSchema } } },
    (req) => hours.rules.update(actorOf(req), req.params.code, req.body),
  );
  app.delete(
    '/api/v1/hours/rules/:code',
    { schema: { tags, summary: '撤销本级修改或停用规则', params: ruleCodeParamSchema, response: { 200: hoursRulesViewSchema } } },
    (req) => hours.rules.remove(actorOf(req), req.params.code),
  );
  app.post('/api/v1/hours/rules/reset', { schema: { tags, summary: '恢复默认规则（删除本级全部设置）', response: { 200: hoursRulesViewSchema } } }, (req) =>
    hours.rules.reset(actorOf(req)),
  );

  // ---- manual entries
  app.get(
    '/api/v1/cadres/:id/hours-entries',
    { schema: { tags, summary: '干部的学时记录', params: idParamSchema, response: { 200: z.array(hoursEntrySchema) } } },
    (req) => hours.entries.list(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/cadres/:id/hours-entries',
    { schema: { tags, summary: '登记外部培训学时', params: idParamSchema, body: hoursEntryInputSchema, response: { 201: hoursEntrySchema } } },
    async (req, reply) => reply.status(201).send(await hours.entries.create(actorOf(req), req.params.id, req.body)),
  );
  app.patch('/api/v1/hours-entries/:id', { schema: { tags, params: idParamSchema, body: hoursEntryPatchSchema, response: { 200: hoursEntrySchema } } }, (req) =>
    hours.entries.update(actorOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/hours-entries/:id', { schema: { tags, params: idParamSchema, response: { 204: z.null() } } }, async (req, reply) => {
    await hours.entries.remove(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
  app.post(
    '/api/v1/hours-entries/:id/evidence',
    {
      schema: {
        tags,
        summary: '上传证明材料（multipart：file）',
        consumes: ['multipart/form-data'],
        params: idParamSchema,
        response: { 200: hoursEntrySchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) throw invalid([{ field: 'file', message: '请以 multipart/form-data 上传文件' }]);
      for await (const part of req.parts()) {
        if (part.type === 'file') return hours.entries.uploadEvidence(actor, req.params.id, part.filename, part.file);
      }
      throw invalid([{ field: 'file', message: '请选择要上传的文件' }]);
    },
  );
  app.get('/api/v1/hours-entries/:id/evidence', { schema: { tags, summary: '下载证明材料', params: idParamSchema } }, async (req, reply) => {
    const file = await hours.entries.evidenceFile(actorOf(req), req.params.id);
    const size = await stat(file.path).then(
      (s) => s.size,
      () => null,
    );
    if (size === null) throw notFound('证明材料');
    return reply
      .header('content-type', file.contentType)
      .header('content-length', size)
      .header('content-disposition', `attachment; filename="evidence"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('cache-control', 'no-store')
      .send(createReadStream(file.path));
  });

  // ---- compliance report
  app.get(
    '/api/v1/hours/compliance',
    { schema: { tags, summary: '学时达标情况（按干部）', querystring: complianceQuerySchema, response: { 200: complianceReportSchema } } },
    (req) => hours.compliance.report(actorOf(req), req.query),
  );
  app.get(
    '/api/v1/hours/compliance/summary',
    { schema: { tags, summary: '学时达标汇总（总体与下级单位）', querystring: complianceSummaryQuerySchema, response: { 200: complianceSummarySchema } } },
    (req) => hours.compliance.summary(actorOf(req), req.query),
  );
  app.get('/api/v1/hours/compliance/export', { schema: { tags, summary: '导出学时达标情况', querystring: complianceFilterSchema } }, async (req, reply) =>
    sendDownload(reply, datedName('学时达标情况'), XLSX_TYPE, await hours.compliance.exportXlsx(actorOf(req), req.query)),
  );

  // ---- a program's hours
  app.get(
    '/api/v1/programs/:id/hours',
    { schema: { tags, summary: '项目学员学时（学时、天数、请假、缺勤、1/7 标记）', params: idParamSchema, response: { 200: programHoursSchema } } },
    (req) => hours.programHours.get(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/programs/:id/hours/recompute',
    { schema: { tags, summary: '按考勤重算项目学时', params: idParamSchema, response: { 200: programHoursSchema } } },
    (req) => hours.programHours.recompute(actorOf(req), req.params.id),
  );

  // ---- the trainee's own file
  app.get(
    '/api/v1/me/training-file',
    { schema: { tags, summary: '我的培训档案与学时达标', querystring: trainingFileQuerySchema, response: { 200: trainingFileSchema } } },
    (req) => hours.myTrainingFile(actorOf(req), req.query.year),
  );
};
