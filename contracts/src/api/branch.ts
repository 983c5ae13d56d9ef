// 临时党支部：支委、党员、组织生活 (issue 5). Request/response schemas of the branch module.
import { z } from 'zod';
import { MEETING_ATTENDANCE, branchRoleSchema, partyMeetingKindSchema } from '../domain.ts';
import { isoDateSchema } from './common.ts';

/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const BRANCH_AUDIT_ACTIONS = {
  'party_branch.save': { zh: '保存临时党支部', en: 'Save Party branch' },
  'party_branch.member_add': { zh: '添加支部党员', en: 'Add branch member' },
  'party_branch.member_update': { zh: '修改支部党员职务', en: 'Update branch member' },
  'party_branch.member_remove': { zh: '移出支部党员', en: 'Remove branch member' },
  'party_meeting.save': { zh: '记录组织生活', en: 'Record Party meeting' },
  'party_meeting.delete': { zh: '删除组织生活记录', en: 'Delete Party meeting' },
} as const;

/** Political statuses (政治面貌) that may join a temporary Party branch. */
export const PARTY_MEMBER_STATUSES = ['中共党员', '中共预备党员'] as const;

export const meetingAttendanceSchema = z.enum(MEETING_ATTENDANCE);

const optionalText = (max: number, what: string) => z.string().trim().max(max, `${what}不超过${max}字`).nullable().optional();

export const branchMemberParamSchema = z.object({ id: z.coerce.number().int().positive(), memberId: z.coerce.number().int().positive() });
export const branchMeetingParamSchema = z.object({ id: z.coerce.number().int().positive(), meetingId: z.coerce.number().int().positive() });

export const partyBranchInputSchema = z.object({
  name: z.string().trim().min(2, '支部名称至少2个字').max(200, '支部名称不超过200字'),
  /** Must be on or before the program's start date (成立于出发前); the service checks it. */
  formedOn: isoDateSchema,
  note: optionalText(2000, '备注'),
});
export type PartyBranchInput = z.infer<typeof partyBranchInputSchema>;

export const branchMemberInputSchema = z.object({
  cadreId: z.number().int().positive(),
  role: branchRoleSchema.default('member'),
  partyGroup: optionalText(50, '党小组'),
});
export type BranchMemberInput = z.input<typeof branchMemberInputSchema>;

export const branchMemberPatchSchema = z.object({ role: branchRoleSchema.optional(), partyGroup: optionalText(50, '党小组') });
export type BranchMemberPatch = z.infer<typeof branchMemberPatchSchema>;

export const meetingAttendanceEntrySchema = z.object({
  cadreId: z.number().int().positive(),
  status: meetingAttendanceSchema,
  note: optionalText(200, '说明'),
});

export const partyMeetingInputSchema = z.object({
  kind: partyMeetingKindSchema,
  heldOn: isoDateSchema,
  title: z.string().trim().min(2, '主题至少2个字').max(200, '主题不超过200字'),
  location: optionalText(200, '地点'),
  agenda: optionalText(5000, '议程'),
  minutes: optionalText(20000, '会议记录'),
  /** Replaces the meeting's attendance when given; only branch members may be listed. */
  attendance: z.array(meetingAttendanceEntrySchema).max(500).optional(),
});
export type PartyMeetingInput = z.input<typeof partyMeetingInputSchema>;

export const branchMemberSchema = z.object({
  id: z.number().int(),
  cadreId: z.number().int(),
  name: z.string(),
  orgName: z.string(),
  politicalStatus: z.string().nullable(),
  role: branchRoleSchema,
  partyGroup: z.string().nullable(),
});
export type BranchMember = z.infer<typeof branchMemberSchema>;

export const partyMeetingSchema = z.object({
  id: z.number().int(),
  kind: partyMeetingKindSchema,
  heldOn: z.string(),
  title: z.string(),
  location: z.string().nullable(),
  agenda: z.string().nullable(),
  minutes: z.string().nullable(),
  attendance: z.array(z.object({ cadreId: z.number().int(), status: meetingAttendanceSchema, note: z.string().nullable() })),
});
export type PartyMeeting = z.infer<typeof partyMeetingSchema>;

export const branchStatsSchema = z.object({
  meetings: z.number().int(),
  byKind: z.array(z.object({ kind: partyMeetingKindSchema, count: z.number().int() })),
  byMonth: z.array(z.object({ month: z.string(), count: z.number().int() })),
  /** present / recorded (excused excluded), 0–1; null before any attendance is recorded. */
  attendanceRate: z.number().nullable(),
});
export type BranchStats = z.infer<typeof branchStatsSchema>;

export const partyBranchSchema = z.object({
  id: z.number().int(),
  programId: z.number().int(),
  programName: z.string(),
  programStartDate: z.string(),
  name: z.string(),
  formedOn: z.string(),
  note: z.string().nullable(),
  members: z.array(branchMemberSchema),
  meetings: z.array(partyMeetingSchema),
  stats: branchStatsSchema,
  /** The caller may record meetings (organizer with program:write, or the branch secretary). */
  canRecord: z.boolean(),
  myRole: branchRoleSchema.nullable(),
});
export type PartyBranch = z.infer<typeof partyBranchSchema>;

export const branchCandidateSchema = z.object({
  cadreId: z.number().int(),
  name: z.string(),
  orgName: z.string(),
  politicalStatus: z.string().nullable(),
  isPartyMember: z.boolean(),
  isMember: z.boolean(),
});
export type BranchCandidate = z.infer<typeof branchCandidateSchema>;

export const programBranchSchema = z.object({
  programId: z.number().int(),
  programStartDate: z.string(),
  branch: partyBranchSchema.nullable(),
  /** The program's enrolled cadres, for the member picker. */
  candidates: z.array(branchCandidateSchema),
  canManage: z.boolean(),
});
export type ProgramBranch = z.infer<typeof programBranchSchema>;

export const myBranchSummarySchema = z.object({
  branchId: z.number().int(),
  programId: z.number().int(),
  programName: z.string(),
  name: z.string(),
  myRole: branchRoleSchema,
  meetings: z.number().int(),
});
export type MyBranchSummary = z.infer<typeof myBranchSummarySchema>;

export const addAllMembersResultSchema = z.object({ added: z.number().int(), branch: partyBranchSchema });
