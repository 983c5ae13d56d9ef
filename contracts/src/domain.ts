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

export const ROLES = ['sys_admin', 'org_admin', 'program_manager', 'tutor', 'host_contact', 'external_expert', 'trainee'] as const;
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

// ---- Issue 5: problems → topics → reports → recommendations → landed -------------------------------------------

/** Where a question came from (问题来源). */
export const QUESTION_SOURCES = ['trainee', 'unit', 'import'] as const;
export type QuestionSource = (typeof QUESTION_SOURCES)[number];
export const questionSourceSchema = z.enum(QUESTION_SOURCES);

/** Fields (领域) of questions, key problems and topics. */
export const PROBLEM_FIELDS = [
  'investment',
  'industry',
  'innovation',
  'finance',
  'urban',
  'governance',
  'rural',
  'talent',
  'service',
  'party_building',
  'other',
] as const;
export type ProblemField = (typeof PROBLEM_FIELDS)[number];
export const problemFieldSchema = z.enum(PROBLEM_FIELDS);

/** A key problem in list 2.0 is fixed (the "16") or open (the "+N"); null while unclassified. */
export const KEY_PROBLEM_KINDS = ['fixed', 'open'] as const;
export type KeyProblemKind = (typeof KEY_PROBLEM_KINDS)[number];
export const keyProblemKindSchema = z.enum(KEY_PROBLEM_KINDS);
/** active (in the working list) | merged (folded into merged_into_id) | removed. */
export const KEY_PROBLEM_STATUSES = ['active', 'merged', 'removed'] as const;
export type KeyProblemStatus = (typeof KEY_PROBLEM_STATUSES)[number];

/** Research topic lifecycle (课题). */
export const TOPIC_STATUSES = ['draft', 'bidding', 'assigned', 'in_progress', 'completed'] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];
export const topicStatusSchema = z.enum(TOPIC_STATUSES);
export const BID_STATUSES = ['active', 'won', 'lost', 'withdrawn'] as const;
export type BidStatus = (typeof BID_STATUSES)[number];
/** Roles in a task force (工作专班). */
export const TASK_FORCE_ROLES = ['lead', 'member', 'liaison'] as const;
export type TaskForceRole = (typeof TASK_FORCE_ROLES)[number];
export const taskForceRoleSchema = z.enum(TASK_FORCE_ROLES);

/** Milestones of a topic, in order (过程管控). */
export const MILESTONE_KINDS = ['plan', 'opening', 'midterm', 'final'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export const milestoneKindSchema = z.enum(MILESTONE_KINDS);
export const MILESTONE_STATUSES = ['pending', 'submitted', 'passed', 'revise'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** External teams (外挂团队). */
export const EXTERNAL_KINDS = ['association', 'chamber', 'society', 'institute', 'expert', 'shadow_team', 'observer'] as const;
export type ExternalKind = (typeof EXTERNAL_KINDS)[number];
export const externalKindSchema = z.enum(EXTERNAL_KINDS);

export const REPORT_STATUSES = ['draft', 'submitted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Recommendation landing (成果转化/落地): proposed → accepted → in_progress → landed, or rejected with a reason. */
export const RECOMMENDATION_STATUSES = ['proposed', 'accepted', 'in_progress', 'landed', 'rejected'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export const recommendationStatusSchema = z.enum(RECOMMENDATION_STATUSES);
export const RECOMMENDATION_SOURCES = ['report', 'topic', 'reflection', 'manual'] as const;
export type RecommendationSource = (typeof RECOMMENDATION_SOURCES)[number];

/** Temporary Party branch (临时党支部) roles and organizational-life meetings (三会一课 and more). */
export const BRANCH_ROLES = ['secretary', 'deputy_secretary', 'organization_member', 'propaganda_member', 'discipline_member', 'member'] as const;
export type BranchRole = (typeof BRANCH_ROLES)[number];
export const branchRoleSchema = z.enum(BRANCH_ROLES);
export const PARTY_MEETING_KINDS = ['member_assembly', 'committee', 'group', 'party_lecture', 'theme_day', 'democratic_life'] as const;
export type PartyMeetingKind = (typeof PARTY_MEETING_KINDS)[number];
export const partyMeetingKindSchema = z.enum(PARTY_MEETING_KINDS);
export const MEETING_ATTENDANCE = ['present', 'absent', 'excused'] as const;
export type MeetingAttendance = (typeof MEETING_ATTENDANCE)[number];

/** Components of the final comprehensive evaluation (综合评价) and their default weights (sum 100). */
export const EVALUATION_COMPONENTS = ['defence', 'host', 'attendance', 'reflection', 'landing'] as const;
export type EvaluationComponent = (typeof EVALUATION_COMPONENTS)[number];
export const DEFAULT_EVALUATION_WEIGHTS: Record<EvaluationComponent, number> = { defence: 35, host: 25, attendance: 15, reflection: 10, landing: 15 };

export const LABELS = {
  questionSource: { trainee: { zh: '学员提交', en: 'Trainee' }, unit: { zh: '单位提交', en: 'Home unit' }, import: { zh: '表格导入', en: 'Imported' } },
  problemField: {
    investment: { zh: '招商引资', en: 'Investment promotion' },
    industry: { zh: '产业发展', en: 'Industry' },
    innovation: { zh: '科技创新', en: 'Innovation' },
    finance: { zh: '金融服务', en: 'Finance' },
    urban: { zh: '城市建设', en: 'Urban development' },
    governance: { zh: '社会治理', en: 'Governance' },
    rural: { zh: '乡村振兴', en: 'Rural revitalisation' },
    talent: { zh: '人才工作', en: 'Talent' },
    service: { zh: '营商环境', en: 'Business environment' },
    party_building: { zh: '党的建设', en: 'Party building' },
    other: { zh: '其他', en: 'Other' },
  },
  keyProblemKind: { fixed: { zh: '固定题', en: 'Fixed' }, open: { zh: '开放题', en: 'Open' } },
  keyProblemStatus: { active: { zh: '在列', en: 'Active' }, merged: { zh: '已合并', en: 'Merged' }, removed: { zh: '已移出', en: 'Removed' } },
  topicStatus: {
    draft: { zh: '草拟', en: 'Draft' },
    bidding: { zh: '招标中', en: 'Open for bids' },
    assigned: { zh: '已揭榜', en: 'Assigned' },
    in_progress: { zh: '攻关中', en: 'In progress' },
    completed: { zh: '已结题', en: 'Completed' },
  },
  bidStatus: {
    active: { zh: '已投标', en: 'Bid' },
    won: { zh: '中标', en: 'Won' },
    lost: { zh: '未中标', en: 'Not chosen' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  },
  taskForceRole: { lead: { zh: '牵头人', en: 'Lead' }, member: { zh: '成员', en: 'Member' }, liaison: { zh: '家乡联络人', en: 'Home-side liaison' } },
  milestoneKind: {
    plan: { zh: '研究计划', en: 'Plan' },
    opening: { zh: '开题评审', en: 'Opening review' },
    midterm: { zh: '中期答辩', en: 'Mid-term defence' },
    final: { zh: '结题答辩', en: 'Final defence' },
  },
  milestoneStatus: {
    pending: { zh: '待提交', en: 'Pending' },
    submitted: { zh: '待评审', en: 'Submitted' },
    passed: { zh: '通过', en: 'Passed' },
    revise: { zh: '修改后再审', en: 'Revise' },
  },
  externalKind: {
    association: { zh: '行业协会', en: 'Association' },
    chamber: { zh: '商会', en: 'Chamber of commerce' },
    society: { zh: '学会', en: 'Learned society' },
    institute: { zh: '研究机构', en: 'Research institute' },
    expert: { zh: '专家', en: 'Expert' },
    shadow_team: { zh: '影子团队', en: 'Shadow team' },
    observer: { zh: '独立观察员', en: 'Independent observer' },
  },
  reportStatus: { draft: { zh: '草稿', en: 'Draft' }, submitted: { zh: '已提交', en: 'Submitted' } },
  recommendationStatus: {
    proposed: { zh: '已提出', en: 'Proposed' },
    accepted: { zh: '已采纳', en: 'Accepted' },
    in_progress: { zh: '推进中', en: 'In progress' },
    landed: { zh: '已落地', en: 'Landed' },
    rejected: { zh: '未采纳', en: 'Rejected' },
  },
  recommendationSource: {
    report: { zh: '调研报告', en: 'Research report' },
    topic: { zh: '课题成果', en: 'Topic' },
    reflection: { zh: '心得行动项', en: 'Reflection action' },
    manual: { zh: '直接录入', en: 'Entered directly' },
  },
  branchRole: {
    secretary: { zh: '书记', en: 'Secretary' },
    deputy_secretary: { zh: '副书记', en: 'Deputy secretary' },
    organization_member: { zh: '组织委员', en: 'Organization member' },
    propaganda_member: { zh: '宣传委员', en: 'Propaganda member' },
    discipline_member: { zh: '纪检委员', en: 'Discipline member' },
    member: { zh: '党员', en: 'Member' },
  },
  partyMeetingKind: {
    member_assembly: { zh: '支部党员大会', en: 'Branch members\u2019 assembly' },
    committee: { zh: '支委会', en: 'Branch committee meeting' },
    group: { zh: '党小组会', en: 'Party group meeting' },
    party_lecture: { zh: '党课', en: 'Party lecture' },
    theme_day: { zh: '主题党日', en: 'Party theme day' },
    democratic_life: { zh: '组织生活会', en: 'Organizational life meeting' },
  },
  meetingAttendance: { present: { zh: '出席', en: 'Present' }, absent: { zh: '缺席', en: 'Absent' }, excused: { zh: '请假', en: 'Excused' } },
  evaluationComponent: {
    defence: { zh: '课题答辩', en: 'Defences' },
    host: { zh: '单位评价', en: 'Host assessment' },
    attendance: { zh: '出勤', en: 'Attendance' },
    reflection: { zh: '心得体会', en: 'Reflections' },
    landing: { zh: '成果落地', en: 'Landing' },
  },
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
    external_expert: { zh: '外挂团队成员', en: 'External team member' },
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
