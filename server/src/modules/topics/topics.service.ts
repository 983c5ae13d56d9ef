// Topics service (issue 5): 研究课题：招拍挂投标、课题分配、工作专班. Each part lives in its own file; routes reach
// them as `topics.topics`, `topics.bidding`, `topics.assignment`, `topics.taskForce`, `topics.roster`.
import type { AppContext } from '../../context.ts';
import type { Actor } from '../auth/actor.ts';
import { createAssignmentService } from './assignment.service.ts';
import { createBiddingService } from './bidding.service.ts';
import { topicRosterDocx, topicRosterXlsx } from './roster-export.ts';
import { createTaskForceService } from './task-force.service.ts';
import { createTopicCrudService } from './topic-crud.service.ts';

export function createTopicsService(ctx: AppContext) {
  return {
    topics: createTopicCrudService(ctx),
    bidding: createBiddingService(ctx),
    assignment: createAssignmentService(ctx),
    taskForce: createTaskForceService(ctx),
    roster: (actor: Actor, programId: number, format: 'xlsx' | 'docx') =>
      format === 'xlsx' ? topicRosterXlsx(ctx, actor, programId) : topicRosterDocx(ctx, actor, programId),
  };
}
export type TopicsService = ReturnType<typeof createTopicsService>;
