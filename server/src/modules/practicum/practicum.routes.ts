// /api/v1 routes of the practicum module (issue 4): long placements. Trainees act on their own placements under
// /me/placements (the cadre comes from the session); host contacts under /host/placements (only their units' cadres;
// organizers with program:write may use the same write routes on the host's behalf); organizers read the overview.
import {
  finalReviewInputSchema,
  hostPlacementDetailSchema,
  idParamSchema,
  midtermReviewInputSchema,
  myPlacementSchema,
  placementCommentInputSchema,
  placementLogInputSchema,
  placementLogParamSchema,
  placementWeekParamSchema,
  practicumOverviewSchema,
  practicumRowSchema,
  remoteCheckinInputSchema,
} from '@duibiao/contracts';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hooks.ts';
import type { RoutesPlugin } from '../../http/types.ts';

const tags = ['practicum'];

export const practicumRoutes: RoutesPlugin = (app, { practicum }) => {
  const { trainee, host } = practicum;

  // ---- Trainee ----
  app.get('/api/v1/me/placements', { schema: { tags, summary: '我的实训安置（含周志、评估）', response: { 200: z.array(myPlacementSchema) } } }, (req) =>
    trainee.mine(actorOf(req)),
  );
  app.post(
    '/api/v1/me/placements/:id/remote-checkin',
    {
      schema: {
        tags,
        summary: '远程报到（到岗前与单位确认联系和首批任务）',
        params: idParamSchema,
        body: remoteCheckinInputSchema,
        response: { 200: myPlacementSchema },
      },
    },
    (req) => trainee.remoteCheckin(actorOf(req), req.params.id, req.body),
  );
  app.put(
    '/api/v1/me/placements/:id/logs/:weekStart',
    {
      schema: {
        tags,
        summary: '提交或修改某周工作周志（导师点评后锁定）',
        params: placementWeekParamSchema,
        body: placementLogInputSchema,
        response: { 200: myPlacementSchema },
      },
    },
    (req) => trainee.saveLog(actorOf(req), req.params.id, req.params.weekStart, req.body),
  );

  // ---- Host contact (and organizers on the host's behalf) ----
  app.get('/api/v1/host/placements', { schema: { tags, summary: '我的实训学员（本单位安置的干部）', response: { 200: z.array(practicumRowSchema) } } }, (req) =>
    host.list(actorOf(req)),
  );
  app.get(
    '/api/v1/host/placements/:id',
    { schema: { tags, summary: '实训学员详情（周志、评估）', params: idParamSchema, response: { 200: hostPlacementDetailSchema } } },
    (req) => host.detail(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/host/placements/:id/logs/:logId/comment',
    {
      schema: {
        tags,
        summary: '导师点评工作周志',
        params: placementLogParamSchema,
        body: placementCommentInputSchema,
        response: { 200: hostPlacementDetailSchema },
      },
    },
    (req) => host.comment(actorOf(req), req.params.id, req.params.logId, req.body),
  );
  app.put(
    '/api/v1/host/placements/:id/reviews/midterm',
    { schema: { tags, summary: '中期评估', params: idParamSchema, body: midtermReviewInputSchema, response: { 200: hostPlacementDetailSchema } } },
    (req) => host.saveMidterm(actorOf(req), req.params.id, req.body),
  );
  app.put(
    '/api/v1/host/placements/:id/reviews/final',
    {
      schema: {
        tags,
        summary: '期满考核（计入培训档案学时）',
        params: idParamSchema,
        body: finalReviewInputSchema,
        response: { 200: hostPlacementDetailSchema },
      },
    },
    (req) => host.saveFinal(actorOf(req), req.params.id, req.body),
  );

  // ---- Organizer ----
  app.get(
    '/api/v1/programs/:id/practicum',
    { schema: { tags, summary: '实训跟踪总览（周志、评估、预警）', params: idParamSchema, response: { 200: practicumOverviewSchema } } },
    (req) => practicum.overview(actorOf(req), req.params.id),
  );
};
