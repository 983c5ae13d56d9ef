// /api/v1 routes of the branch module (issue 5): 临时党支部. Managers under /programs/:id/party-branch (program:read to
// see, program:write to change); members under /me/party-branches (others get 404); the secretary records meetings there.
import {
  addAllMembersResultSchema,
  branchMeetingParamSchema,
  branchMemberInputSchema,
  branchMemberParamSchema,
  branchMemberPatchSchema,
  idParamSchema,
  myBranchSummarySchema,
  partyBranchInputSchema,
  partyBranchSchema,
  partyMeetingInputSchema,
  programBranchSchema,
} from '@duibiao/contracts';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hooks.ts';
import type { RoutesPlugin } from '../../http/types.ts';

const tags = ['branch'];
const base = '/api/v1/programs/:id/party-branch';

export const branchRoutes: RoutesPlugin = (app, { branch }) => {
  // ---- Managers ----
  app.get(
    base,
    { schema: { tags, summary: '临时党支部（支委、党员、组织生活、统计）', params: idParamSchema, response: { 200: programBranchSchema } } },
    (req) => branch.get(actorOf(req), req.params.id),
  );
  app.put(
    base,
    {
      schema: {
        tags,
        summary: '成立或修改临时党支部（出发前成立）',
        params: idParamSchema,
        body: partyBranchInputSchema,
        response: { 200: programBranchSchema },
      },
    },
    (req) => branch.save(actorOf(req), req.params.id, req.body),
  );
  app.post(
    `${base}/members`,
    {
      schema: {
        tags,
        summary: '添加支部党员（仅限本项目中共党员、预备党员）',
        params: idParamSchema,
        body: branchMemberInputSchema,
        response: { 200: programBranchSchema },
      },
    },
    (req) => branch.addMember(actorOf(req), req.params.id, req.body),
  );
  app.post(
    `${base}/members/all`,
    { schema: { tags, summary: '一键添加本项目全部党员', params: idParamSchema, response: { 200: addAllMembersResultSchema } } },
    (req) => branch.addAllPartyMembers(actorOf(req), req.params.id),
  );
  app.patch(
    `${base}/members/:memberId`,
    {
      schema: { tags, summary: '调整党员职务或党小组', params: branchMemberParamSchema, body: branchMemberPatchSchema, response: { 200: programBranchSchema } },
    },
    (req) => branch.updateMember(actorOf(req), req.params.id, req.params.memberId, req.body),
  );
  app.delete(
    `${base}/members/:memberId`,
    { schema: { tags, summary: '移出支部党员', params: branchMemberParamSchema, response: { 200: programBranchSchema } } },
    (req) => branch.removeMember(actorOf(req), req.params.id, req.params.memberId),
  );
  app.post(
    `${base}/meetings`,
    { schema: { tags, summary: '记录组织生活（含出席情况）', params: idParamSchema, body: partyMeetingInputSchema, response: { 200: programBranchSchema } } },
    (req) => branch.saveMeeting(actorOf(req), req.params.id, null, req.body),
  );
  app.put(
    `${base}/meetings/:meetingId`,
    {
      schema: {
        tags,
        summary: '修改组织生活记录、会议记录和出席情况',
        params: branchMeetingParamSchema,
        body: partyMeetingInputSchema,
        response: { 200: programBranchSchema },
      },
    },
    (req) => branch.saveMeeting(actorOf(req), req.params.id, req.params.meetingId, req.body),
  );
  app.delete(
    `${base}/meetings/:meetingId`,
    { schema: { tags, summary: '删除组织生活记录', params: branchMeetingParamSchema, response: { 200: programBranchSchema } } },
    (req) => branch.deleteMeeting(actorOf(req), req.params.id, req.params.meetingId),
  );

  // ---- Members ----
  app.get('/api/v1/me/party-branches', { schema: { tags, summary: '我所在的临时党支部', response: { 200: z.array(myBranchSummarySchema) } } }, (req) =>
    branch.mine(actorOf(req)),
  );
  app.get(
    '/api/v1/me/party-branches/:id',
    { schema: { tags, summary: '我的临时党支部（支委、组织生活、我的出席）', params: idParamSchema, response: { 200: partyBranchSchema } } },
    (req) => branch.myBranch(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/me/party-branches/:id/meetings',
    { schema: { tags, summary: '支部书记记录组织生活', params: idParamSchema, body: partyMeetingInputSchema, response: { 200: partyBranchSchema } } },
    (req) => branch.recordMeetingAsSecretary(actorOf(req), req.params.id, null, req.body),
  );
  app.put(
    '/api/v1/me/party-branches/:id/meetings/:meetingId',
    {
      schema: {
        tags,
        summary: '支部书记修改组织生活记录和出席情况',
        params: branchMeetingParamSchema,
        body: partyMeetingInputSchema,
        response: { 200: partyBranchSchema },
      },
    },
    (req) => branch.recordMeetingAsSecretary(actorOf(req), req.params.id, req.params.meetingId, req.body),
  );
};
