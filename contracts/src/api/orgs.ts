// Organization tree: regions and units.
import { z } from 'zod';
import { orgKindSchema, orgLevelSchema } from '../domain.ts';

export const orgNodeSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  code: z.string(),
  name: z.string(),
  level: orgLevelSchema,
  kind: orgKindSchema,
  path: z.string(),
  isGrassroots: z.boolean(),
  /** Cadres registered directly at this node. */
  cadreCount: z.number().int(),
  /** Cadres at this node and every node below it (within the caller's scope). */
  subtreeCadreCount: z.number().int(),
});
export type OrgNode = z.infer<typeof orgNodeSchema>;

export const orgTreeSchema = z.object({ nodes: z.array(orgNodeSchema) });

const codeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, '编码只能包含字母、数字、下划线和连字符，最长40位');
const nameSchema = z.string().trim().min(1, '请输入名称').max(100, '名称最长100字');

export const createOrgBodySchema = z.object({
  parentId: z.number().int().positive(),
  code: codeSchema,
  name: nameSchema,
  level: orgLevelSchema,
  kind: orgKindSchema,
});
export type CreateOrgBody = z.infer<typeof createOrgBodySchema>;

export const updateOrgBodySchema = z.object({ code: codeSchema, name: nameSchema, level: orgLevelSchema, kind: orgKindSchema }).partial();
export type UpdateOrgBody = z.infer<typeof updateOrgBodySchema>;
