// Audit trail.
import { z } from 'zod';
import { pageQuerySchema } from './common.ts';
import { PROGRAMS_AUDIT_ACTIONS } from './programs.ts';
import { TIMETABLE_AUDIT_ACTIONS } from './timetable.ts';
import { ATTENDANCE_AUDIT_ACTIONS } from './attendance.ts';
import { HOURS_AUDIT_ACTIONS } from './hours.ts';
import { FEEDBACK_AUDIT_ACTIONS } from './feedback.ts';
import { CLOSEOUT_AUDIT_ACTIONS } from './closeout.ts';
import { SELECTION_AUDIT_ACTIONS } from './selection.ts';
import { FORMATION_AUDIT_ACTIONS } from './formation.ts';
import { PLACEMENT_AUDIT_ACTIONS } from './placement.ts';
import { PRACTICUM_AUDIT_ACTIONS } from './practicum.ts';
import { PROBLEMS_AUDIT_ACTIONS } from './problems.ts';
import { TOPICS_AUDIT_ACTIONS } from './topics.ts';
import { MILESTONES_AUDIT_ACTIONS } from './milestones.ts';
import { RESULTS_AUDIT_ACTIONS } from './results.ts';
import { EVALUATION_AUDIT_ACTIONS } from './evaluation.ts';
import { BRANCH_AUDIT_ACTIONS } from './branch.ts';
import { TRACE_AUDIT_ACTIONS } from './trace.ts';

/** Every action the server records, with its labels; later modules add theirs here. */
export const AUDIT_ACTIONS = {
  'auth.login': { zh: '登录', en: 'Sign in' },
  'auth.password_changed': { zh: '修改密码', en: 'Change password' },
  'org.create': { zh: '新增单位', en: 'Create unit' },
  'org.update': { zh: '修改单位', en: 'Edit unit' },
  'org.delete': { zh: '删除单位', en: 'Delete unit' },
  'user.create': { zh: '新增账号', en: 'Create account' },
  'user.update': { zh: '修改账号', en: 'Edit account' },
  'user.reset_password': { zh: '重置密码', en: 'Reset password' },
  'user.unlock': { zh: '解锁账号', en: 'Unlock account' },
  'cadre.create': { zh: '新增干部', en: 'Create cadre' },
  'cadre.update': { zh: '修改干部', en: 'Edit cadre' },
  'cadre.delete': { zh: '删除干部', en: 'Delete cadre' },
  'cadre.import': { zh: '导入干部名册', en: 'Import roster' },
  'cadre.export': { zh: '导出干部名册', en: 'Export roster' },
  'cadre.view_sensitive': { zh: '查看身份证号和手机号', en: 'View ID number and mobile' },
  ...PROGRAMS_AUDIT_ACTIONS,
  ...TIMETABLE_AUDIT_ACTIONS,
  ...ATTENDANCE_AUDIT_ACTIONS,
  ...HOURS_AUDIT_ACTIONS,
  ...FEEDBACK_AUDIT_ACTIONS,
  ...CLOSEOUT_AUDIT_ACTIONS,
  ...SELECTION_AUDIT_ACTIONS,
  ...FORMATION_AUDIT_ACTIONS,
  ...PLACEMENT_AUDIT_ACTIONS,
  ...PRACTICUM_AUDIT_ACTIONS,
  ...PROBLEMS_AUDIT_ACTIONS,
  ...TOPICS_AUDIT_ACTIONS,
  ...MILESTONES_AUDIT_ACTIONS,
  ...RESULTS_AUDIT_ACTIONS,
  ...EVALUATION_AUDIT_ACTIONS,
  ...BRANCH_AUDIT_ACTIONS,
  ...TRACE_AUDIT_ACTIONS,
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ENTITY_TYPES = {
  org: { zh: '单位', en: 'Unit' },
  user: { zh: '账号', en: 'Account' },
  cadre: { zh: '干部', en: 'Cadre' },
  program: { zh: '培训项目', en: 'Program' },
  program_class: { zh: '班级', en: 'Class' },
  class_group: { zh: '小组', en: 'Group' },
  enrolment: { zh: '学员', en: 'Trainee' },
  session: { zh: '课程', en: 'Session' },
  attendance: { zh: '考勤', en: 'Attendance' },
  leave: { zh: '请假', en: 'Leave' },
  hours_entry: { zh: '学时记录', en: 'Hours entry' },
  hours_rule: { zh: '学时规则', en: 'Hours rule' },
  credit_policy: { zh: '学时折算办法', en: 'Credit policy' },
  evaluation: { zh: '评估', en: 'Evaluation' },
  reflection: { zh: '心得体会', en: 'Reflection' },
  good_practice: { zh: '经验做法', en: 'Good practice' },
  certificate: { zh: '结业证书', en: 'Certificate' },
  instructor: { zh: '师资', en: 'Instructor' },
  venue: { zh: '教学点', en: 'Venue' },
  questionnaire_template: { zh: '问卷模板', en: 'Questionnaire template' },
  action_item: { zh: '行动事项', en: 'Action item' },
  nomination_quota: { zh: '推荐名额', en: 'Nomination quota' },
  nomination: { zh: '推荐人选', en: 'Nomination' },
  formation: { zh: '分班建组方案', en: 'Class and group plan' },
  host_unit: { zh: '实训单位', en: 'Host unit' },
  host_post: { zh: '实训岗位', en: 'Host post' },
  placement_ban: { zh: '回避关系', en: 'Placement ban' },
  placement_run: { zh: '安置方案', en: 'Placement run' },
  placement: { zh: '实训安置', en: 'Placement' },
  placement_log: { zh: '工作周志', en: 'Weekly log' },
  placement_review: { zh: '实训评估', en: 'Placement review' },
} as const;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({ id: z.number().int(), username: z.string(), displayName: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = pageQuerySchema.extend({
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  entityType: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
