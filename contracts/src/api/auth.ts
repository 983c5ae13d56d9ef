// Sign-in, session and the current user.
import { z } from 'zod';
import { roleSchema } from '../domain.ts';

export const PERMISSIONS = [
  'org:read',
  'org:write',
  'user:read',
  'user:write',
  'cadre:read',
  'cadre:write',
  'cadre:import',
  'cadre:sensitive',
  'audit:read',
  'program:read',
  'program:write',
  'attendance:write',
  'hours:read',
  'hours:write',
  'hours:rules',
  'practice:write',
  // Issue 4: units nominate cadres (and approve their own nominations); host contacts follow the cadres placed with them.
  'nomination:write',
  'placement:host',
  // Issue 5: owner units (成果承接单位) update the landing of recommendations assigned to units in their subtree.
  'landing:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const loginBodySchema = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const meSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  org: z.object({ id: z.number().int(), name: z.string(), path: z.string() }),
  cadreId: z.number().int().nullable(),
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type Me = z.infer<typeof meSchema>;

export const sessionResponseSchema = z.object({ user: meSchema, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const PASSWORD_RULE_MESSAGE = '密码至少10位，且包含大写字母、小写字母、数字、符号中的至少3类';
export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(10, PASSWORD_RULE_MESSAGE).max(256),
});

export const systemInfoSchema = z.object({ demoMode: z.boolean(), version: z.string() });
export type SystemInfo = z.infer<typeof systemInfoSchema>;

/** Header the web client echoes on every write (value from the session response). */
export const CSRF_HEADER = 'x-csrf-token';
