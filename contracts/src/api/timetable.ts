// Timetable (issue 3): request/response schemas and audit actions of the timetable module.
import { z } from 'zod';
import { sessionTypeSchema } from '../domain.ts';
import { isoDateSchema } from './common.ts';

/** ISO instant with an explicit offset (stored as Beijing time, +08:00): 2026-05-11T09:00:00+08:00. */
export const instantSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/, '时间格式应为 ISO 8601 并带时区，如 2026-05-11T09:00:00+08:00')
  .refine((v) => !Number.isNaN(Date.parse(v)), '不是有效的时间');

export const SESSION_MODES = ['offline', 'online'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];
export const AUDIENCE_KINDS = ['program', 'class', 'group'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

const idSchema = z.number().int().positive();
const endAfterStart = (v: { startsAt?: string; endsAt?: string }, ctx: z.RefinementCtx) => {
  if (v.startsAt && v.endsAt && Date.parse(v.endsAt) <= Date.parse(v.startsAt)) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间必须晚于开始时间' });
  }
};

/** Every editable field of a session; no defaults here so the patch schema stays a true partial. */
const sessionFields = z.object({
  type: sessionTypeSchema,
  title: z.string().trim().min(1, '请输入课程名称').max(100),
  startsAt: instantSchema,
  endsAt: instantSchema,
  venueId: idSchema.nullable().optional(),
  instructorIds: z.array(idSchema).max(20).optional(),
  /** Who attends: the whole program, one class (classId) or one group (groupId; its class is implied). */
  audienceKind: z.enum(AUDIENCE_KINDS).optional(),
  classId: idSchema.nullable().optional(),
  groupId: idSchema.nullable().optional(),
  creditedHours: z.number().min(0, '学时不能为负').max(24, '学时不能超过 24'),
  mode: z.enum(SESSION_MODES).optional(),
  checkinEnabled: z.boolean().optional(),
  geofenceM: z.number().int().min(10).max(50_000).nullable().optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
});

export const sessionInputSchema = sessionFields.superRefine(endAfterStart);
export type SessionInput = z.infer<typeof sessionInputSchema>;
export const sessionPatchSchema = sessionFields.partial().superRefine(endAfterStart);
export type SessionPatch = z.infer<typeof sessionPatchSchema>;

/** Copy a session to another day at the same clock times. */
export const sessionDuplicateSchema = z.object({ date: isoDateSchema });
export type SessionDuplicate = z.infer<typeof sessionDuplicateSchema>;

export const sessionStopInputSchema = z.object({
  seq: z.number().int().min(1).max(50),
  name: z.string().trim().min(1, '请输入站点名称').max(100),
  venueId: idSchema.nullable().optional(),
  plannedAt: instantSchema.nullable().optional(),
});
export const sessionStopsInputSchema = z
  .array(sessionStopInputSchema)
  .max(50)
  .superRefine((stops, ctx) => {
    const seen = new Set<number>();
    stops.forEach((s, i) => {
      if (seen.has(s.seq)) ctx.addIssue({ code: 'custom', path: [i, 'seq'], message: '站点序号重复' });
      seen.add(s.seq);
    });
  });
export type SessionStopInput = z.infer<typeof sessionStopInputSchema>;

export const sessionFilterSchema = z.object({
  classId: z.coerce.number().int().positive().optional(),
  groupId: z.coerce.number().int().positive().optional(),
});
export type SessionFilter = z.infer<typeof sessionFilterSchema>;

const namedSchema = z.object({ id: z.number().int(), name: z.string() });

export const sessionStopSchema = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  name: z.string(),
  venueId: z.number().int().nullable(),
  venueName: z.string().nullable(),
  plannedAt: z.string().nullable(),
});
export type SessionStop = z.infer<typeof sessionStopSchema>;

export const timetableSessionSchema = z.object({
  id: z.number().int(),
  programId: z.number().int(),
  type: sessionTypeSchema,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  venue: namedSchema.extend({ address: z.string().nullable(), offsite: z.boolean(), lat: z.number().nullable(), lng: z.number().nullable() }).nullable(),
  instructors: z.array(namedSchema.extend({ title: z.string().nullable(), unit: z.string().nullable() })),
  audienceKind: z.enum(AUDIENCE_KINDS),
  classId: z.number().int().nullable(),
  groupId: z.number().int().nullable(),
  /** 全体学员 / 一班 / 一班·第一组 */
  audienceLabel: z.string(),
  creditedHours: z.number(),
  mode: z.enum(SESSION_MODES),
  checkinEnabled: z.boolean(),
  geofenceM: z.number().int().nullable(),
  notes: z.string().nullable(),
  stops: z.array(sessionStopSchema),
  updatedAt: z.string(),
});
export type TimetableSession = z.infer<typeof timetableSessionSchema>;

export const CONFLICT_KINDS = ['instructor', 'venue', 'audience', 'travel'] as const;
export type TimetableConflictKind = (typeof CONFLICT_KINDS)[number];

const bilingualSchema = z.object({ zh: z.string(), en: z.string() });

export const timetableConflictSchema = z.object({
  kind: z.enum(CONFLICT_KINDS),
  /** The two sessions, in timetable order (travel: from, to). */
  sessionIds: z.tuple([z.number().int(), z.number().int()]),
  message: bilingualSchema,
  /** Set when the second party is a session of another program (same instructor or venue booked elsewhere). */
  otherProgram: z.object({ id: z.number().int(), name: z.string(), sessionId: z.number().int() }).nullable(),
});
export type TimetableConflict = z.infer<typeof timetableConflictSchema>;

export const timetableConflictsSchema = z.object({ items: z.array(timetableConflictSchema) });

/** A write's result: the session and the conflicts it takes part in (warnings, never a block). */
export const sessionWriteResultSchema = z.object({ session: timetableSessionSchema, conflicts: z.array(timetableConflictSchema) });
export type SessionWriteResult = z.infer<typeof sessionWriteResultSchema>;

export const sessionListSchema = z.object({ items: z.array(timetableSessionSchema) });

export const curriculumCheckSchema = z.object({ key: z.string(), label: bilingualSchema, actual: z.number(), target: z.number(), met: z.boolean() });
export type TimetableCheck = z.infer<typeof curriculumCheckSchema>;

const pathMetricsSchema = z.object({
  totalHours: z.number(),
  hoursByType: z.array(z.object({ type: sessionTypeSchema, hours: z.number(), share: z.number() })),
  onsiteShare: z.number(),
  seminarHours: z.number(),
  checks: z.array(curriculumCheckSchema),
});

export const timetableMetricsSchema = pathMetricsSchema.extend({
  /**
   * Each "path" is what one trainee attends: a group of a class, a class without groups, or the whole program.
   * The top-level checks are the weakest path's (met only when every trainee's timetable meets the target);
   * the top-level hours are the mean over paths.
   */
  paths: z.array(pathMetricsSchema.extend({ classId: z.number().int().nullable(), groupId: z.number().int().nullable(), label: z.string() })),
  targets: z.object({
    onsiteShareMin: z.number().nullable(),
    seminarHoursMin: z.number().nullable(),
    minimums: z.array(z.object({ sessionType: sessionTypeSchema, hoursMin: z.number() })),
  }),
});
export type TimetableMetrics = z.infer<typeof timetableMetricsSchema>;

export const calendarFeedSchema = z.object({ url: z.string(), sessions: z.number().int() });
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const TIMETABLE_AUDIT_ACTIONS = {
  'session.create': { zh: '新增课程', en: 'Create session' },
  'session.update': { zh: '修改课程', en: 'Edit session' },
  'session.move': { zh: '调整课程时间', en: 'Move session' },
  'session.delete': { zh: '删除课程', en: 'Delete session' },
  'session.stops': { zh: '修改考察站点', en: 'Edit itinerary stops' },
} as const;
