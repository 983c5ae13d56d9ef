// Attendance service: QR check-in, roll call, leave, notifications and the trainee's own views, one use-case
// file each; this bundles them for the routes.
import type { AppContext } from '../../context.ts';
import { createCheckinService } from './checkin.service.ts';
import { createLeaveService } from './leave.service.ts';
import { createMeService } from './me.service.ts';
import { createNotificationService } from './notifications.service.ts';
import { createRollCallService } from './roll-call.service.ts';

export function createAttendanceService(ctx: AppContext) {
  return {
    checkin: createCheckinService(ctx),
    rollCall: createRollCallService(ctx),
    leave: createLeaveService(ctx),
    notifications: createNotificationService(ctx),
    me: createMeService(ctx),
  };
}
export type AttendanceService = ReturnType<typeof createAttendanceService>;
