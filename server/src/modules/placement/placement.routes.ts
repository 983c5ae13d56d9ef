// /api/v1 routes of the placement module (issue 4): host units, posts, bans, preferences, placement runs, explanations,
// publishing. Organizers need program:write (reads: program:read) and the program in scope; trainees act on
// themselves through /me/…, the cadre always taken from the session; host contacts rank their own posts' candidates
// under /host/posts (placement:host, only units whose contact they are).
import {
  banDetectQuerySchema,
  banDetectResultSchema,
  cadrePreferenceInputSchema,
  hostPostInputSchema,
  hostPostParamSchema,
  hostPostPatchSchema,
  hostPostSchema,
  hostPreferenceInputSchema,
  hostRankingInputSchema,
  hostRankingPostSchema,
  hostUnitInputSchema,
  hostUnitPatchSchema,
  hostUnitSchema,
  idParamSchema,
  myPreferencesQuerySchema,
  myPreferencesSchema,
  placementBanInputSchema,
  placementBanSchema,
  placementCadreParamSchema,
  placementOverrideInputSchema,
  placementOverrideResultSchema,
  placementPostParamSchema,
  placementRunDetailSchema,
  placementRunInputSchema,
  placementRunSummarySchema,
  placementSchema,
  preferenceImportQuerySchema,
  preferenceImportResultSchema,
  preferenceOverviewSchema,
  publishResultSchema,
  scoreFormulaInputSchema,
} from '@duibiao/contracts';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hooks.ts';
import { datedName, sendDownload, XLSX_TYPE } from '../../http/download.ts';
import { invalid } from '../../http/errors.ts';
import type { RoutesPlugin } from '../../http/types.ts';

const tags = ['placement'];
const noContent = { 204: z.null() };

export const placementRoutes: RoutesPlugin = (app, { placement }) => {
  const { units, posts, bans, preferences, preferencesImport, hostRanking, runs, placements } = placement;

  // ---- Host unit registry ----
  app.get('/api/v1/host-units', { schema: { tags, summary: '实训单位库（本级及下级登记，上级共享）', response: { 200: z.array(hostUnitSchema) } } }, (req) =>
    units.list(actorOf(req)),
  );
  app.post(
    '/api/v1/host-units',
    { schema: { tags, summary: '登记实训单位', body: hostUnitInputSchema, response: { 201: hostUnitSchema } } },
    async (req, reply) => reply.status(201).send(await units.create(actorOf(req), req.body)),
  );
  app.patch(
    '/api/v1/host-units/:id',
    { schema: { tags, summary: '修改实训单位', params: idParamSchema, body: hostUnitPatchSchema, response: { 200: hostUnitSchema } } },
    (req) => units.update(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/host-units/:id',
    { schema: { tags, summary: '删除实训单位（有岗位时不可删除）', params: idParamSchema, response: noContent } },
    async (req, reply) => {
      await units.remove(actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  // ---- Posts ----
  app.get(
    '/api/v1/programs/:id/host-posts',
    { schema: { tags, summary: '项目的实训岗位', params: idParamSchema, response: { 200: z.array(hostPostSchema) } } },
    (req) => posts.list(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/programs/:id/host-posts',
    { schema: { tags, summary: '新增实训岗位', params: idParamSchema, body: hostPostInputSchema, response: { 201: hostPostSchema } } },
    async (req, reply) => reply.status(201).send(await posts.create(actorOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/v1/host-posts/:id',
    { schema: { tags, summary: '修改实训岗位', params: idParamSchema, body: hostPostPatchSchema, response: { 200: hostPostSchema } } },
    (req) => posts.update(actorOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/host-posts/:id', { schema: { tags, summary: '删除实训岗位', params: idParamSchema, response: noContent } }, async (req, reply) => {
    await posts.remove(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  // ---- Bans ----
  app.get(
    '/api/v1/programs/:id/placement-bans',
    { schema: { tags, summary: '本项目学员的回避关系', params: idParamSchema, response: { 200: z.array(placementBanSchema) } } },
    (req) => bans.list(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/placement-bans',
    { schema: { tags, summary: '新增回避关系', body: placementBanInputSchema, response: { 201: placementBanSchema } } },
    async (req, reply) => reply.status(201).send(await bans.create(actorOf(req), req.body)),
  );
  app.delete('/api/v1/placement-bans/:id', { schema: { tags, summary: '删除回避关系', params: idParamSchema, response: noContent } }, async (req, reply) => {
    await bans.remove(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
  app.post(
    '/api/v1/programs/:id/placement-bans/detect',
    {
      schema: {
        tags,
        summary: '按曾任职单位自动识别回避关系（apply=true 时写入）',
        params: idParamSchema,
        querystring: banDetectQuerySchema,
        response: { 200: banDetectResultSchema },
      },
    },
    (req) => bans.detect(actorOf(req), req.params.id, req.query.apply ?? false),
  );

  // ---- Preferences ----
  app.get(
    '/api/v1/programs/:id/preferences',
    { schema: { tags, summary: '志愿与单位评分总览', params: idParamSchema, response: { 200: preferenceOverviewSchema } } },
    (req) => preferences.overview(actorOf(req), req.params.id),
  );
  app.put(
    '/api/v1/programs/:id/preferences/cadres/:cadreId',
    {
      schema: {
        tags,
        summary: '代学员填报志愿（岗位按志愿顺序）',
        params: placementCadreParamSchema,
        body: cadrePreferenceInputSchema,
        response: { 200: z.object({ postIds: z.array(z.number().int()) }) },
      },
    },
    async (req) => ({ postIds: await preferences.setForCadre(actorOf(req), req.params.id, req.params.cadreId, req.body) }),
  );
  app.put(
    '/api/v1/programs/:id/preferences/posts/:postId',
    {
      schema: {
        tags,
        summary: '单位对学员排序或评分',
        params: placementPostParamSchema,
        body: hostPreferenceInputSchema,
        response: { 200: preferenceOverviewSchema },
      },
    },
    (req) => preferences.setForPost(actorOf(req), req.params.id, req.params.postId, req.body),
  );
  app.post(
    '/api/v1/programs/:id/preferences/score-formula',
    {
      schema: {
        tags,
        summary: '按专业匹配和工作年限为各岗位生成评分',
        params: idParamSchema,
        body: scoreFormulaInputSchema,
        response: { 200: preferenceOverviewSchema },
      },
    },
    (req) => preferences.applyFormula(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/programs/:id/preferences/template.xlsx',
    { schema: { tags, summary: '下载志愿模板（学员名单与当前志愿，附岗位清单）', params: idParamSchema } },
    async (req, reply) => {
      const file = await preferencesImport.template(actorOf(req), req.params.id);
      return sendDownload(reply, datedName(file.name), XLSX_TYPE, file.write);
    },
  );
  app.post(
    '/api/v1/programs/:id/preferences/import',
    {
      schema: {
        tags,
        summary: '导入志愿表（multipart 上传 file；dryRun=true 预检列出全部问题，dryRun=false 全部成功或全部不写入）',
        consumes: ['multipart/form-data'],
        params: idParamSchema,
        querystring: preferenceImportQuerySchema,
        response: { 200: preferenceImportResultSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) throw invalid([{ field: 'file', message: '请以 multipart/form-data 上传文件' }]);
      for await (const part of req.parts())
        if (part.type === 'file') return preferencesImport.upload(actor, req.params.id, part.filename, part.file, req.query.dryRun ?? true);
      throw invalid([{ field: 'file', message: '请选择要上传的文件' }]);
    },
  );
  app.get(
    '/api/v1/me/placement-preferences',
    { schema: { tags, summary: '我的实训志愿', querystring: myPreferencesQuerySchema, response: { 200: myPreferencesSchema } } },
    (req) => preferences.mine(actorOf(req), req.query.programId),
  );
  app.put(
    '/api/v1/me/placement-preferences',
    {
      schema: {
        tags,
        summary: '填报实训志愿（发布前）',
        querystring: myPreferencesQuerySchema,
        body: cadrePreferenceInputSchema,
        response: { 200: myPreferencesSchema },
      },
    },
    (req) => preferences.setMine(actorOf(req), req.query.programId, req.body),
  );

  // ---- The host contact's own ranking (placement:host; only units whose contact is the caller) ----
  app.get(
    '/api/v1/host/posts',
    { schema: { tags, summary: '我联系的单位待排序的岗位与候选人（安置发布前）', response: { 200: z.array(hostRankingPostSchema) } } },
    (req) => hostRanking.list(actorOf(req)),
  );
  app.put(
    '/api/v1/host/posts/:postId/ranking',
    {
      schema: {
        tags,
        summary: '单位联系人对岗位候选人排序（未列入者视为不接受）',
        params: hostPostParamSchema,
        body: hostRankingInputSchema,
        response: { 200: hostRankingPostSchema },
      },
    },
    (req) => hostRanking.setRanking(actorOf(req), req.params.postId, req.body),
  );

  // ---- Runs ----
  app.post(
    '/api/v1/programs/:id/placement-runs',
    {
      schema: {
        tags,
        summary: '求解安置方案（稳定匹配或志愿最优）',
        params: idParamSchema,
        body: placementRunInputSchema,
        response: { 201: placementRunDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await runs.solve(actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/programs/:id/placement-runs',
    { schema: { tags, summary: '历次求解', params: idParamSchema, response: { 200: z.array(placementRunSummarySchema) } } },
    (req) => runs.list(actorOf(req), req.params.id),
  );
  app.get(
    '/api/v1/placement-runs/:id',
    { schema: { tags, summary: '求解结果（含每人的原因说明）', params: idParamSchema, response: { 200: placementRunDetailSchema } } },
    (req) => runs.get(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/placement-runs/:id/apply',
    { schema: { tags, summary: '采用此方案（生成待发布的安置记录）', params: idParamSchema, response: { 200: z.array(placementSchema) } } },
    (req) => placements.apply(actorOf(req), req.params.id),
  );

  // ---- Placements ----
  app.get(
    '/api/v1/programs/:id/placements',
    { schema: { tags, summary: '项目的安置记录', params: idParamSchema, response: { 200: z.array(placementSchema) } } },
    (req) => placements.list(actorOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/placements/:id',
    {
      schema: {
        tags,
        summary: '人工调整安置岗位（返回调整后的不稳定对数）',
        params: idParamSchema,
        body: placementOverrideInputSchema,
        response: { 200: placementOverrideResultSchema },
      },
    },
    (req) => placements.override(actorOf(req), req.params.id, req.body.postId),
  );
  app.post(
    '/api/v1/programs/:id/placements/publish',
    { schema: { tags, summary: '发布安置结果（通知学员和单位联系人）', params: idParamSchema, response: { 200: publishResultSchema } } },
    (req) => placements.publish(actorOf(req), req.params.id),
  );
};
