// Attendance (issue 3): QR check-in, roll call, leave with the 1/7 rule, notifications and the trainee's own views.
import { z } from 'zod';
import { attendanceStatusSchema, LEAVE_STATUSES, programTypeSchema, sessionTypeSchema } from '../domain.ts';
import { isoDateSchema } from './common.ts';

/** Audit actions this module records (merged into AUDIT_ACTIONS). Self check-ins are not audited: the row is the record. */
export const ATTENDANCE_AUDIT_ACTIONS = {
  'attendance.roll_call': { zh: '点名考勤', en: 'Roll call' },
  'attendance.revoke_codes': { zh: '作废签到二维码', en: 'Revoke check-in codes' },
  'leave.request': { zh: '提交请假申请', en: 'Request leave' },
  'leave.cancel': { zh: '撤回请假申请', en: 'Cancel leave request' },
  'leave.attach': { zh: '上传请假证明', en: 'Attach leave evidence' },
  'leave.approve': { zh: '批准请假', en: 'Approve leave' },
  'leave.reject': { zh: '驳回请假', en: 'Reject leave' },
} as const;

export const leaveStatusSchema = z.enum(LEAVE_STATUSES);
export const attendanceMethodSchema = z.enum(['qr', 'manual', 'leave']);
export type AttendanceMethod = z.infer<typeof attendanceMethodSchema>;

/** Where a session's check-in stands right now. */
export const CHECKIN_STATES = ['disabled', 'not_open', 'open', 'late', 'closed'] as const;
export const checkinStateSchema = z.enum(CHECKIN_STATES);
export type CheckinState = z.infer<typeof checkinStateSchema>;

export const checkinWindowSchema = z.object({ opensAt: z.string(), lateAt: z.string(), closesAt: z.string() });
export type CheckinWindowDto = z.infer<typeof checkinWindowSchema>;

const seqSchema = z.coerce.number().int().min(0).max(1000);

// ---------- check-in screen ----------

export const checkinCodeQuerySchema = z.object({ stop: seqSchema.optional() });

export const checkinCodeSchema = z.object({
  sessionId: z.number().int(),
  title: z.string(),
  programName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  stop: z.object({ seq: z.number().int(), name: z.string() }).nullable(),
  token: z.string(),
  /** Relative: `/m/checkin?s=…&t=…[&stop=…]`; the screen prefixes its own origin. */
  url: z.string(),
  /** Seconds until the screen should fetch the next code. */
  expiresInSeconds: z.number().int(),
  stepSeconds: z.number().int(),
  window: checkinWindowSchema,
  state: checkinStateSchema,
  checkedIn: z.number().int(),
  expected: z.number().int(),
});
export type CheckinCode = z.infer<typeof checkinCodeSchema>;

// ---------- trainee check-in ----------

export const checkinBodySchema = z.object({
  sessionId: z.number().int().positive(),
  stopSeq: z.number().int().min(0).max(1000).optional(),
  token: z.string().min(1, '缺少二维码参数').max(512),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  accuracy: z.number().min(0).max(100_000).optional(),
});
export type CheckinBody = z.infer<typeof checkinBodySchema>;

export const checkinResultSchema = z.object({
  sessionId: z.number().int(),
  stopSeq: z.number().int(),
  title: z.string(),
  status: attendanceStatusSchema,
  checkedInAt: z.string().nullable(),
  /** True when this (session, stop, trainee) was already recorded: a retry or a second scan. */
  alreadyCheckedIn: z.boolean(),
  message: z.string(),
  distanceM: z.number().nullable(),
});
export type CheckinResult = z.infer<typeof checkinResultSchema>;

// ---------- roll call ----------

export const attendanceStopSchema = z.object({ seq: z.number().int(), name: z.string() });

export const attendanceMarkSchema = z.object({
  status: attendanceStatusSchema,
  method: attendanceMethodSchema,
  checkedInAt: z.string().nullable(),
  minutesMissed: z.number().int(),
  remarks: z.string().nullable(),
});
export type AttendanceMark = z.infer<typeof attendanceMarkSchema>;

export const rollCallRowSchema = z.object({
  enrolmentId: z.number().int(),
  cadreId: z.number().int(),
  name: z.string(),
  orgName: z.string(),
  className: z.string().nullable(),
  groupName: z.string().nullable(),
  /** The session itself (stop 0); null = not recorded yet. */
  mark: attendanceMarkSchema.nullable(),
  /** Per itinerary stop (site visits), in stop order; empty when the session has no stops. */
  stops: z.array(z.object({ seq: z.number().int(), mark: attendanceMarkSchema.nullable() })),
});
export type RollCallRow = z.infer<typeof rollCallRowSchema>;

export const rollCallSchema = z.object({
  session: z.object({
    id: z.number().int(),
    programId: z.number().int(),
    title: z.string(),
    type: sessionTypeSchema,
    startsAt: z.string(),
    endsAt: z.string(),
    checkinEnabled: z.boolean(),
    state: checkinStateSchema,
  }),
  stops: z.array(attendanceStopSchema),
  rows: z.array(rollCallRowSchema),
  /** Whether the caller may change these marks (tutors only for their classes). */
  canEdit: z.boolean(),
});
export type RollCall = z.infer<typeof rollCallSchema>;

export const rollCallEntrySchema = z.object({
  enrolmentId: z.number().int().positive(),
  stopSeq: z.number().int().min(0).max(1000).default(0),
  status: attendanceStatusSchema,
  minutesMissed: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(0),
  remarks: z.string().trim().max(200).nullable().optional(),
});
export const rollCallUpdateSchema = z.array(rollCallEntrySchema).min(1, '至少提交一条考勤').max(2000);
export type RollCallEntry = z.input<typeof rollCallEntrySchema>;

export const attendanceSummarySchema = z.object({
  sessions: z.array(
    z.object({
      sessionId: z.number().int(),
      title: z.string(),
      type: sessionTypeSchema,
      startsAt: z.string(),
      endsAt: z.string(),
      expected: z.number().int(),
      present: z.number().int(),
      late: z.number().int(),
      leftEarly: z.number().int(),
      absent: z.number().int(),
      excused: z.number().int(),
      notRecorded: z.number().int(),
      /** (present + late + left early) / expected; null when nobody is expected. */
      rate: z.number().nullable(),
    }),
  ),
});
export type AttendanceSummary = z.infer<typeof attendanceSummarySchema>;

// ---------- leave ----------

export const leaveRequestBodySchema = z
  .object({
    programId: z.number().int().positive(),
    sessionIds: z.array(z.number().int().positive()).max(200).optional(),
    /** Whole days (Beijing dates): every session of this trainee on those days. */
    dates: z.array(isoDateSchema).max(60).optional(),
    reason: z.string().trim().min(2, '请填写请假事由（至少2个字）').max(500),
  })
  .refine((v) => (v.sessionIds?.length ?? 0) + (v.dates?.length ?? 0) > 0, { message: '请选择请假的课程或日期', path: ['sessionIds'] });
export type LeaveRequestBody = z.infer<typeof leaveRequestBodySchema>;

export const leaveDecisionSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(500).optional(),
});
export type LeaveDecision = z.infer<typeof leaveDecisionSchema>;

export const leaveListQuerySchema = z.object({ status: leaveStatusSchema.optional() });

export const leaveRequestSchema = z.object({
  id: z.number().int(),
  programId: z.number().int(),
  programName: z.string(),
  enrolmentId: z.number().int(),
  cadreId: z.number().int(),
  cadreName: z.string(),
  orgName: z.string(),
  className: z.string().nullable(),
  reason: z.string(),
  hours: z.number(),
  status: leaveStatusSchema,
  sessions: z.array(z.object({ id: z.number().int(), title: z.string(), startsAt: z.string(), endsAt: z.string(), hours: z.number() })),
  attachmentName: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  /** The trainee's approved leave so far against the hours they must attend (the 1/7 rule). */
  approvedLeaveHours: z.number(),
  requiredHours: z.number(),
  withdrawalFlagged: z.boolean(),
});
export type LeaveRequestDto = z.infer<typeof leaveRequestSchema>;

// ---------- notifications ----------

export const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationDto = z.infer<typeof notificationSchema>;
export const notificationListSchema = z.object({ items: z.array(notificationSchema), unread: z.number().int() });
export type NotificationList = z.infer<typeof notificationListSchema>;

// ---------- the trainee's own programs and day ----------

export const myProgramSchema = z.object({
  programId: z.number().int(),
  enrolmentId: z.number().int(),
  code: z.string(),
  name: z.string(),
  type: programTypeSchema,
  status: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  className: z.string().nullable(),
  groupName: z.string().nullable(),
  roles: z.array(z.string()),
  withdrawalFlagged: z.boolean(),
});
export type MyProgram = z.infer<typeof myProgramSchema>;

export const mySessionsQuerySchema = z.object({ date: isoDateSchema.optional() });

export const mySessionSchema = z.object({
  id: z.number().int(),
  programId: z.number().int(),
  programName: z.string(),
  title: z.string(),
  type: sessionTypeSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  creditedHours: z.number(),
  venue: z.object({ name: z.string(), address: z.string().nullable() }).nullable(),
  stops: z.array(attendanceStopSchema),
  mark: attendanceMarkSchema.nullable(),
  checkinEnabled: z.boolean(),
  needsLocation: z.boolean(),
  state: checkinStateSchema,
  window: checkinWindowSchema,
});
export type MySession = z.infer<typeof mySessionSchema>;
export const mySessionsSchema = z.object({ date: z.string(), sessions: z.array(mySessionSchema) });
export type MySessions = z.infer<typeof mySessionsSchema>;
