// Domain vocabulary shared by core, server and web: codes in English, Chinese/English labels for the UI.
import { z } from 'zod';

/** Administrative level of an org node. Township and village are grassroots (基层). */
export const ORG_LEVELS = ['province', 'city', 'district', 'township', 'village'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];
export const orgLevelSchema = z.enum(ORG_LEVELS);
export const GRASSROOTS_LEVELS: readonly OrgLevel[] = ['township', 'village'];
export const isGrassrootsLevel = (level: OrgLevel): boolean => GRASSROOTS_LEVELS.includes(level);

/** What an org node is: a region (行政区域) or a unit of some kind. */
export const ORG_KINDS = ['region', 'party_gov', 'institution', 'enterprise', 'township', 'village'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const orgKindSchema = z.enum(ORG_KINDS);

export const ROLES = ['sys_admin', 'org_admin', 'program_manager', 'tutor', 'host_contact', 'trainee'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** Rank bands as the 2023 training regulation groups them (职务职级层次). */
export const RANKS = ['provincial', 'bureau', 'county', 'township', 'staff'] as const;
export type Rank = (typeof RANKS)[number];
export const rankSchema = z.enum(RANKS);

export const EDUCATIONS = ['doctorate', 'master', 'bachelor', 'college', 'secondary'] as const;
export type Education = (typeof EDUCATIONS)[number];
export const educationSchema = z.enum(EDUCATIONS);

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const genderSchema = z.enum(GENDERS);

/** Age up to and including which a cadre counts as a young cadre (年轻干部). */
export const YOUNG_CADRE_MAX_AGE = 40;

/** Program types sharing one model (培训项目类型). */
export const PROGRAM_TYPES = ['centralized_class', 'embedded_practicum', 'follow_along', 'secondment'] as const;
export type ProgramType = (typeof PROGRAM_TYPES)[number];
export const programTypeSchema = z.enum(PROGRAM_TYPES);

/** Program lifecycle, in order. */
export const PROGRAM_STATUSES = ['draft', 'enrolling', 'running', 'closed', 'follow_up'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];
export const programStatusSchema = z.enum(PROGRAM_STATUSES);

/** Roles a trainee may hold inside a class. */
export const CLASS_ROLES = ['monitor', 'group_leader', 'party_contact'] as const;
export type ClassRole = (typeof CLASS_ROLES)[number];
export const classRoleSchema = z.enum(CLASS_ROLES);

/** Timetable session types (课程类型); core/src/timetable uses the same codes. */
export const SESSION_TYPES = ['lecture', 'onsite_teaching', 'site_visit', 'seminar', 'exchange', 'party_spirit', 'self_study', 'ceremony'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];
export const sessionTypeSchema = z.enum(SESSION_TYPES);

/** Attendance statuses; core/src/hours credits hours from them. */
export const ATTENDANCE_STATUSES = ['present', 'late', 'left_early', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const attendanceStatusSchema = z.enum(ATTENDANCE_STATUSES);

export const LEAVE_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];

/** Close-out assessment (结业考核). */
export const ASSESSMENTS = ['excellent', 'pass', 'fail'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];
export const assessmentSchema = z.enum(ASSESSMENTS);

/** Nomination (选调/选派) approval chain: the unit nominates and approves, then the organizing department decides. */
export const NOMINATION_STATUSES = ['submitted', 'unit_approved', 'approved', 'waitlisted', 'rejected', 'withdrawn'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

/** Host unit kinds (实训/挂职单位类型). */
export const HOST_UNIT_KINDS = ['enterprise', 'agency', 'institution', 'park'] as const;
export type HostUnitKind = (typeof HOST_UNIT_KINDS)[number];
export const hostUnitKindSchema = z.enum(HOST_UNIT_KINDS);

/** Why a cadre may not be placed with a unit (回避). */
export const BAN_KINDS = ['former_employer', 'relative', 'manual'] as const;
export type BanKind = (typeof BAN_KINDS)[number];
export const banKindSchema = z.enum(BAN_KINDS);

export const PLACEMENT_MODES = ['stable', 'optimal'] as const;
export type PlacementMode = (typeof PLACEMENT_MODES)[number];

/** Placement lifecycle: proposed by a run, published, remote check-in done (已远程报到), completed (期满考核). */
export const PLACEMENT_STATUSES = ['draft', 'published', 'reported', 'completed'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

export const REVIEW_KINDS = ['midterm', 'final'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
export const REVIEW_RESULTS = ['excellent', 'good', 'pass', 'fail'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];
export const reviewResultSchema = z.enum(REVIEW_RESULTS);

export const LABELS = {
  nominationStatus: {
    submitted: { zh: '单位已推荐', en: 'Nominated' },
    unit_approved: { zh: '单位已审核', en: 'Unit approved' },
    approved: { zh: '组织部已批准', en: 'Approved' },
    waitlisted: { zh: '候补', en: 'Waitlisted' },
    rejected: { zh: '未通过', en: 'Rejected' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  },
  hostUnitKind: {
    enterprise: { zh: '企业', en: 'Enterprise' },
    agency: { zh: '党政机关', en: 'Government agency' },
    institution: { zh: '事业单位', en: 'Public institution' },
    park: { zh: '园区', en: 'Industrial park' },
  },
  banKind: {
    former_employer: { zh: '曾任职单位', en: 'Former employer' },
    relative: { zh: '近亲属任职', en: 'Close relative works there' },
    manual: { zh: '人工回避', en: 'Manual ban' },
  },
  placementMode: {
    stable: { zh: '稳定匹配', en: 'Stable' },
    optimal: { zh: '志愿最优', en: 'Rank-optimal' },
  },
  placementStatus: {
    draft: { zh: '待发布', en: 'Draft' },
    published: { zh: '已发布', en: 'Published' },
    reported: { zh: '已远程报到', en: 'Checked in remotely' },
    completed: { zh: '已期满考核', en: 'Completed' },
  },
  reviewKind: { midterm: { zh: '中期评估', en: 'Mid-term review' }, final: { zh: '期满考核', en: 'Final assessment' } },
  reviewResult: {
    excellent: { zh: '优秀', en: 'Excellent' },
    good: { zh: '良好', en: 'Good' },
    pass: { zh: '合格', en: 'Pass' },
    fail: { zh: '不合格', en: 'Fail' },
  },
  orgLevel: {
    province: { zh: '省级', en: 'Province' },
    city: { zh: '市级', en: 'City' },
    district: { zh: '县区级', en: 'District/County' },
    township: { zh: '乡镇街道级', en: 'Township/Street' },
    village: { zh: '村社区级', en: 'Village/Community' },
  },
  orgKind: {
    region: { zh: '行政区域', en: 'Region' },
    party_gov: { zh: '党政机关', en: 'Party/government organ' },
    institution: { zh: '事业单位', en: 'Public institution' },
    enterprise: { zh: '企业', en: 'Enterprise' },
    township: { zh: '乡镇（街道）', en: 'Township/street' },
    village: { zh: '村（社区）', en: 'Village/community' },
  },
  role: {
    sys_admin: { zh: '系统管理员', en: 'System admin' },
    org_admin: { zh: '组织部管理员', en: 'Org-department admin' },
    program_manager: { zh: '项目管理员', en: 'Program manager' },
    tutor: { zh: '带班老师', en: 'Tutor' },
    host_contact: { zh: '实训单位联系人', en: 'Host-unit contact' },
    trainee: { zh: '学员', en: 'Trainee' },
  },
  rank: {
    provincial: { zh: '省部级', en: 'Provincial/ministerial' },
    bureau: { zh: '厅局级', en: 'Bureau/department' },
    county: { zh: '县处级', en: 'County/division' },
    township: { zh: '乡科级', en: 'Township/section' },
    staff: { zh: '一级主任科员及以下', en: 'Principal staff member and below' },
  },
  education: {
    doctorate: { zh: '博士研究生', en: 'Doctorate' },
    master: { zh: '硕士研究生', en: "Master's" },
    bachelor: { zh: '大学本科', en: "Bachelor's" },
    college: { zh: '大学专科', en: 'College' },
    secondary: { zh: '中专及以下', en: 'Secondary or below' },
  },
  gender: { male: { zh: '男', en: 'Male' }, female: { zh: '女', en: 'Female' } },
  programType: {
    centralized_class: { zh: '集中培训班', en: 'Centralized class' },
    embedded_practicum: { zh: '体悟实训', en: 'Embedded practicum' },
    follow_along: { zh: '跟班学习', en: 'Follow-along study' },
    secondment: { zh: '挂职锻炼', en: 'Secondment' },
  },
  programStatus: {
    draft: { zh: '草稿', en: 'Draft' },
    enrolling: { zh: '报名中', en: 'Enrolling' },
    running: { zh: '进行中', en: 'Running' },
    closed: { zh: '已结业', en: 'Closed' },
    follow_up: { zh: '跟踪问效', en: 'Follow-up' },
  },
  classRole: {
    monitor: { zh: '班长', en: 'Class monitor' },
    group_leader: { zh: '组长', en: 'Group leader' },
    party_contact: { zh: '党支部联络员', en: 'Party-branch contact' },
  },
  sessionType: {
    lecture: { zh: '理论讲授', en: 'Lecture' },
    onsite_teaching: { zh: '现场教学', en: 'On-site teaching' },
    site_visit: { zh: '实地考察', en: 'Site visit' },
    seminar: { zh: '研讨', en: 'Seminar' },
    exchange: { zh: '交流展示', en: 'Exchange & presentation' },
    party_spirit: { zh: '党性教育', en: 'Party-spirit education' },
    self_study: { zh: '自学', en: 'Self-study' },
    ceremony: { zh: '开班/结业式', en: 'Opening/closing ceremony' },
  },
  attendanceStatus: {
    present: { zh: '出勤', en: 'Present' },
    late: { zh: '迟到', en: 'Late' },
    left_early: { zh: '早退', en: 'Left early' },
    absent: { zh: '缺勤', en: 'Absent' },
    excused: { zh: '请假', en: 'Excused' },
  },
  leaveStatus: {
    pending: { zh: '待审批', en: 'Pending' },
    approved: { zh: '已批准', en: 'Approved' },
    rejected: { zh: '已驳回', en: 'Rejected' },
    cancelled: { zh: '已撤回', en: 'Cancelled' },
  },
  assessment: {
    excellent: { zh: '优秀', en: 'Excellent' },
    pass: { zh: '合格', en: 'Pass' },
    fail: { zh: '不合格', en: 'Fail' },
  },
} as const;
