// Audit trail.
import { z } from 'zod';
import { pageQuerySchema } from './common.ts';

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
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ENTITY_TYPES = {
  org: { zh: '单位', en: 'Unit' },
  user: { zh: '账号', en: 'Account' },
  cadre: { zh: '干部', en: 'Cadre' },
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
