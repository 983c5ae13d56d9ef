// Closeout (issue 3): assessment (结业考核), certificates (结业证书) with public verification, close-out documents and
// the program / organization-department dashboards — request/response schemas and audit actions.
import { z } from 'zod';
import { ASSESSMENTS, PROGRAM_STATUSES, PROGRAM_TYPES, assessmentSchema, type Assessment } from '../domain.ts';

/** Attendance share (by credited hours) below which the suggestion is 不合格: absence beyond 1/7, like the leave rule. */
export const ATTENDANCE_PASS_MIN = 6 / 7;

const certificateBriefSchema = z.object({
  id: z.number().int(),
  serial: z.string(),
  issuedAt: z.string(),
  revoked: z.boolean(),
  verifyPath: z.string(),
});
export type CertificateBrief = z.infer<typeof certificateBriefSchema>;

/** One trainee's close-out standing. Hours are credited hours (学时); rates are 0..1 or null when nothing was due. */
export const assessmentRowSchema = z.object({
  enrolmentId: z.number().int(),
  cadreId: z.number().int(),
  name: z.string(),
  unit: z.string(),
  position: z.string().nullable(),
  className: z.string().nullable(),
  groupName: z.string().nullable(),
  withdrawn: z.boolean(),
  /** Hours of sessions already ended that the trainee had to attend. */
  dueHours: z.number(),
  attendedHours: z.number(),
  attendanceRate: z.number().nullable(),
  absentSessions: z.number().int(),
  creditedHours: z.number(),
  creditedDays: z.number(),
  approvedLeaveHours: z.number(),
  withdrawalFlagged: z.boolean(),
  suggestion: assessmentSchema,
  suggestionReason: z.string().nullable(),
  result: assessmentSchema.nullable(),
  reason: z.string().nullable(),
  assessedAt: z.string().nullable(),
  certificate: certificateBriefSchema.nullable(),
});
export type AssessmentRow = z.infer<typeof assessmentRowSchema>;

export const assessmentListSchema = z.object({
  programId: z.number().int(),
  passThreshold: z.number(),
  items: z.array(assessmentRowSchema),
});
export type AssessmentList = z.infer<typeof assessmentListSchema>;

const assessmentInputSchema = z.object({
  enrolmentId: z.number().int().positive(),
  result: assessmentSchema,
  reason: z.string().trim().max(500, '原因不超过 500 字').optional(),
});
export type AssessmentInput = z.infer<typeof assessmentInputSchema>;

/** PUT body: a list of results; 不合格 needs a reason; each trainee at most once. All or nothing. */
export const saveAssessmentsSchema = z
  .array(assessmentInputSchema)
  .min(1, '至少提交一名学员的结果')
  .max(5000)
  .superRefine((items, ctx) => {
    const seen = new Set<number>();
    items.forEach((item, i) => {
      if (item.result === 'fail' && !item.reason) ctx.addIssue({ code: 'custom', path: [i, 'reason'], message: '不合格须填写原因' });
      if (seen.has(item.enrolmentId)) ctx.addIssue({ code: 'custom', path: [i, 'enrolmentId'], message: '同一学员重复提交' });
      seen.add(item.enrolmentId);
    });
  });
export type SaveAssessments = z.infer<typeof saveAssessmentsSchema>;

export const certificateSchema = z.object({
  id: z.number().int(),
  enrolmentId: z.number().int(),
  programId: z.number().int(),
  programName: z.string(),
  name: z.string(),
  serial: z.string(),
  result: z.enum(ASSESSMENTS),
  issuedAt: z.string(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  /** Path of the public verification page, e.g. /verify/abc… */
  verifyPath: z.string(),
});
export type Certificate = z.infer<typeof certificateSchema>;

export const issueCertificatesResultSchema = z.object({
  issued: z.array(certificateSchema),
  /** Trainees passed or excellent who already hold a certificate (revoked ones included). */
  alreadyIssued: z.number().int(),
  /** Trainees without a pass/excellent result, so no certificate. */
  notEligible: z.number().int(),
});
export type IssueCertificatesResult = z.infer<typeof issueCertificatesResultSchema>;

export const revokeCertificateSchema = z.object({ reason: z.string().trim().min(1, '请填写撤销原因').max(500, '原因不超过 500 字') });
export type RevokeCertificate = z.infer<typeof revokeCertificateSchema>;

export const verifyCodeParamSchema = z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, '验证码格式不正确') });

/**
 * What the public verification page shows. The holder's name is shown with its middle character(s) masked
 * (张*伟): enough to confirm a certificate someone presents, not enough to harvest a class list.
 */
export const certificateVerificationSchema = z.object({
  valid: z.boolean(),
  revoked: z.boolean(),
  revokedAt: z.string().nullable(),
  name: z.string(),
  program: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  hours: z.number(),
  result: z.enum(ASSESSMENTS),
  serial: z.string(),
  issuedAt: z.string(),
  organizer: z.string(),
});
export type CertificateVerification = z.infer<typeof certificateVerificationSchema>;

const countSchema = z.object({ key: z.string(), count: z.number().int() });

export const programDashboardSchema = z.object({
  programId: z.number().int(),
  trainees: z.number().int(),
  sessions: z.number().int(),
  endedSessions: z.number().int(),
  /** Per ended session: expected trainees, attended (present/late/left early), excused, rate 0..1 or null. */
  attendanceBySession: z.array(
    z.object({
      sessionId: z.number().int(),
      title: z.string(),
      startsAt: z.string(),
      expected: z.number().int(),
      attended: z.number().int(),
      excused: z.number().int(),
      rate: z.number().nullable(),
    }),
  ),
  overallAttendanceRate: z.number().nullable(),
  curriculum: z.object({
    totalHours: z.number(),
    onsiteShare: z.number(),
    seminarHours: z.number(),
    hoursByType: z.record(z.string(), z.number()),
    checks: z.array(
      z.object({ key: z.string(), actual: z.number(), target: z.number(), met: z.boolean(), label: z.object({ zh: z.string(), en: z.string() }) }),
    ),
  }),
  /** Averages are null below MIN_RATINGS_TO_SHOW ratings, like every evaluation report (anonymity). */
  evaluations: z.object({
    responses: z.number().int(),
    content: z.number().nullable(),
    delivery: z.number().nullable(),
    usefulness: z.number().nullable(),
    bySession: z.array(z.object({ sessionId: z.number().int(), title: z.string(), responses: z.number().int(), average: z.number().nullable() })),
  }),
  leaveByStatus: z.array(countSchema),
  hours: z.object({
    total: z.number(),
    average: z.number().nullable(),
    /** Trainees per credited-hours band, e.g. "0–10". */
    distribution: z.array(z.object({ band: z.string(), count: z.number().int() })),
  }),
  assessments: z.array(countSchema),
});
export type ProgramDashboard = z.infer<typeof programDashboardSchema>;

export const orgDashboardQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const orgDashboardSchema = z.object({
  year: z.number().int(),
  programs: z.number().int(),
  byType: z.array(z.object({ type: z.enum(PROGRAM_TYPES), count: z.number().int() })),
  byStatus: z.array(z.object({ status: z.enum(PROGRAM_STATUSES), count: z.number().int() })),
  traineesPerProgram: z.array(z.object({ programId: z.number().int(), name: z.string(), trainees: z.number().int(), sessions: z.number().int() })),
  trainees: z.number().int(),
  sessions: z.number().int(),
  compliance: z.object({
    cadres: z.number().int(),
    compliant: z.number().int(),
    nonCompliant: z.number().int(),
    rate: z.number().nullable(),
    rules: z.array(
      z.object({
        ruleId: z.string(),
        name: z.object({ zh: z.string(), en: z.string() }),
        evaluated: z.number().int(),
        compliant: z.number().int(),
        rate: z.number().nullable(),
      }),
    ),
  }),
  upcomingSessions: z.array(
    z.object({
      sessionId: z.number().int(),
      programId: z.number().int(),
      programName: z.string(),
      title: z.string(),
      type: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      venue: z.string().nullable(),
    }),
  ),
});
export type OrgDashboard = z.infer<typeof orgDashboardSchema>;

/** Whether a result earns a certificate. */
export const earnsCertificate = (result: Assessment | null): boolean => result === 'pass' || result === 'excellent';

/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const CLOSEOUT_AUDIT_ACTIONS = {
  'assessment.save': { zh: '评定结业考核', en: 'Record assessments' },
  'certificate.issue': { zh: '颁发结业证书', en: 'Issue certificates' },
  'certificate.revoke': { zh: '撤销结业证书', en: 'Revoke certificate' },
} as const;
