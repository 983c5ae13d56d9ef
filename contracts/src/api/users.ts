// User accounts.
import { z } from 'zod';
import { roleSchema } from '../domain.ts';
import { pageQuerySchema } from './common.ts';

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  org: z.object({ id: z.number().int(), name: z.string() }),
  cadreId: z.number().int().nullable(),
  isActive: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const listUsersQuerySchema = pageQuerySchema.extend({
  orgId: z.coerce.number().int().positive().optional(),
  role: roleSchema.optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

const usernameSchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名以字母开头，3–32位字母、数字、下划线、点或连字符');

export const createUserBodySchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1, '请输入姓名').max(50),
  password: z.string().min(1).max(256),
  role: roleSchema,
  orgId: z.number().int().positive(),
  cadreId: z.number().int().positive().nullable().optional(),
});
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

export const updateUserBodySchema = z
  .object({
    displayName: z.string().trim().min(1).max(50),
    role: roleSchema,
    orgId: z.number().int().positive(),
    cadreId: z.number().int().positive().nullable(),
    isActive: z.boolean(),
  })
  .partial();
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

export const resetPasswordBodySchema = z.object({ newPassword: z.string().min(1).max(256) });
