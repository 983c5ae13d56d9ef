// Builds every module's service from one context; routes receive this bundle.
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { createCadreService } from './modules/cadres/cadres.service.ts';
import { createImportService } from './modules/imports/imports.service.ts';
import { createOrgService } from './modules/orgs/orgs.service.ts';
import { createSystemService } from './modules/system/system.service.ts';
import { createUserService } from './modules/users/users.service.ts';
import { createProgramsService } from './modules/programs/programs.service.ts';
import { createTimetableService } from './modules/timetable/timetable.service.ts';
import { createAttendanceService } from './modules/attendance/attendance.service.ts';
import { createHoursService } from './modules/hours/hours.service.ts';
import { createFeedbackService } from './modules/feedback/feedback.service.ts';
import { createCloseoutService } from './modules/closeout/closeout.service.ts';
import { createSelectionService } from './modules/selection/selection.service.ts';
import { createFormationService } from './modules/formation/formation.service.ts';
import { createPlacementService } from './modules/placement/placement.service.ts';
import { createPracticumService } from './modules/practicum/practicum.service.ts';
import { createProblemsService } from './modules/problems/problems.service.ts';
import { createTopicsService } from './modules/topics/topics.service.ts';
import { createMilestonesService } from './modules/milestones/milestones.service.ts';
import { createResultsService } from './modules/results/results.service.ts';
import { createEvaluationService } from './modules/evaluation/evaluation.service.ts';
import { createBranchService } from './modules/branch/branch.service.ts';
import { createTraceService } from './modules/trace/trace.service.ts';

export function createServices(ctx: AppContext) {
  return {
    config: ctx.config as Config,
    system: createSystemService(ctx),
    auth: createAuthService(ctx),
    orgs: createOrgService(ctx),
    users: createUserService(ctx),
    cadres: createCadreService(ctx),
    imports: createImportService(ctx),
    audit: createAuditService(ctx),
    programs: createProgramsService(ctx),
    timetable: createTimetableService(ctx),
    attendance: createAttendanceService(ctx),
    hours: createHoursService(ctx),
    feedback: createFeedbackService(ctx),
    closeout: createCloseoutService(ctx),
    selection: createSelectionService(ctx),
    formation: createFormationService(ctx),
    placement: createPlacementService(ctx),
    practicum: createPracticumService(ctx),
    problems: createProblemsService(ctx),
    topics: createTopicsService(ctx),
    milestones: createMilestonesService(ctx),
    results: createResultsService(ctx),
    evaluation: createEvaluationService(ctx),
    branch: createBranchService(ctx),
    trace: createTraceService(ctx),
  };
}
export type Services = ReturnType<typeof createServices>;
