// 问题清单：问题征集、相似问题合并、版本化重点问题清单 (issue 5). Request/response schemas of the problems module.
import { z } from 'zod';
import { KEY_PROBLEM_STATUSES, QUESTION_SOURCES, keyProblemKindSchema, problemFieldSchema } from '../domain.ts';
import { boolQuerySchema, nullableText, requiredText } from './common.ts';

/** Audit actions this module records (merged into AUDIT_ACTIONS). */
export const PROBLEMS_AUDIT_ACTIONS = {
  'question.create': { zh: '提交问题', en: 'Submit question' },
  'question.update': { zh: '修改问题', en: 'Edit question' },
  'question.delete': { zh: '删除问题', en: 'Delete question' },
  'question.import': { zh: '导入问题', en: 'Import questions' },
  'key_problem.promote': { zh: '问题转入工作清单', en: 'Promote questions' },
  'key_problem.update': { zh: '修改重点问题', en: 'Edit key problem' },
  'key_problem.merge': { zh: '合并重点问题', en: 'Merge key problems' },
  'key_problem.split': { zh: '拆分重点问题', en: 'Split key problem' },
  'key_problem.reorder': { zh: '调整重点问题排序', en: 'Reorder key problems' },
  'key_problem.remove': { zh: '移除重点问题', en: 'Remove key problem' },
  'problem_list.publish': { zh: '发布问题清单版本', en: 'Publish problem list' },
} as const;

const id = z.coerce.number().int().positive();

// ---- Params and inputs ------------------------------------------------------------------------------------------

export const programQuestionParamSchema = z.object({ id, questionId: id });
export const programKeyProblemParamSchema = z.object({ id, itemId: id });
export const programListVersionParamSchema = z.object({ id, versionId: id });

export const questionFilterSchema = z.object({
  field: problemFieldSchema.optional(),
  source: z.enum(QUESTION_SOURCES).optional(),
  homeOrgId: id.optional(),
  /** Only questions not yet fed into any key problem. */
  unlinked: boolQuerySchema.optional(),
});
export type QuestionFilter = z.infer<typeof questionFilterSchema>;

export const questionTextSchema = requiredText(5, 500, '问题');

/** An organizer records a question on behalf of a home unit (提出单位) or a named person. */
export const questionInputSchema = z
  .object({
    text: questionTextSchema,
    field: problemFieldSchema.nullable().optional(),
    homeOrgId: z.number().int().positive().nullable().optional(),
    submitterName: nullableText(60, '提出人'),
  })
  .refine((v) => (v.homeOrgId ?? null) !== null || v.submitterName !== null, { path: ['homeOrgId'], message: '请选择提出单位或填写提出人' });
export type QuestionInput = z.infer<typeof questionInputSchema>;

export const myQuestionInputSchema = z.object({ text: questionTextSchema, field: problemFieldSchema.nullable().optional() });
export type MyQuestionInput = z.infer<typeof myQuestionInputSchema>;

export const questionImportQuerySchema = z.object({ dryRun: boolQuerySchema.optional() });

export const keyProblemUpdateSchema = z.object({
  title: requiredText(2, 200, '标题').optional(),
  description: nullableText(2000, '说明'),
  field: problemFieldSchema.nullable().optional(),
  kind: keyProblemKindSchema.nullable().optional(),
});
export type KeyProblemUpdate = z.infer<typeof keyProblemUpdateSchema>;

/** Merge 2+ active items: into `survivorId` (one of `ids`), or into a new item titled `title`. */
export const keyProblemMergeSchema = z
  .object({
    ids: z.array(z.number().int().positive()).min(2, '请至少选择两项').max(200),
    survivorId: z.number().int().positive().nullable().optional(),
    title: requiredText(2, 200, '标题').optional(),
  })
  .refine((v) => new Set(v.ids).size === v.ids.length, { path: ['ids'], message: '所选条目重复' })
  .refine((v) => (v.survivorId ?? null) !== null || v.title !== undefined, { path: ['title'], message: '请填写合并后的标题或选择保留的条目' })
  .refine((v) => (v.survivorId ?? null) === null || v.ids.includes(v.survivorId!), { path: ['survivorId'], message: '保留的条目须在所选条目中' });
export type KeyProblemMerge = z.infer<typeof keyProblemMergeSchema>;

/** Split one item: every part takes a subset of its source questions; every source must land in some part. */
export const keyProblemSplitSchema = z.object({
  parts: z
    .array(z.object({ title: requiredText(2, 200, '标题'), questionIds: z.array(z.number().int().positive()).min(1, '每项至少包含一个原始问题').max(1000) }))
    .min(2, '至少拆成两项')
    .max(50),
});
export type KeyProblemSplit = z.infer<typeof keyProblemSplitSchema>;

export const keyProblemOrderSchema = z.object({ ids: z.array(z.number().int().positive()).min(1).max(2000) });
export type KeyProblemOrder = z.infer<typeof keyProblemOrderSchema>;

export const DUPLICATE_TARGETS = ['items', 'questions'] as const;
export const duplicateQuerySchema = z.object({
  threshold: z.coerce.number().min(0.05, '阈值不低于0.05').max(0.95, '阈值不超过0.95').optional(),
  /** items: the active working list; questions: questions not yet promoted. */
  over: z.enum(DUPLICATE_TARGETS).optional(),
});
export type DuplicateQuery = z.infer<typeof duplicateQuerySchema>;

export const problemListPublishSchema = z.object({
  version: z
    .string()
    .trim()
    .min(1, '请填写版本号')
    .max(20, '版本号不超过20字')
    .regex(/^[0-9A-Za-z.\-_]+$/, '版本号只能包含数字、字母和 . - _'),
  title: requiredText(2, 100, '标题'),
  note: nullableText(2000, '说明'),
});
export type ProblemListPublish = z.infer<typeof problemListPublishSchema>;

export const problemListDiffQuerySchema = z.object({ from: id, to: id });
export const keyProblemExportQuerySchema = z.object({ versionId: id.optional() });

// ---- Responses --------------------------------------------------------------------------------------------------

export const questionLinkSchema = z.object({ id: z.number().int(), title: z.string(), status: z.enum(KEY_PROBLEM_STATUSES) });

export const problemQuestionSchema = z.object({
  id: z.number().int(),
  programId: z.number().int(),
  text: z.string(),
  field: problemFieldSchema.nullable(),
  source: z.enum(QUESTION_SOURCES),
  submitterName: z.string().nullable(),
  homeOrgId: z.number().int().nullable(),
  homeOrgName: z.string().nullable(),
  createdAt: z.string(),
  /** The key problems this question feeds (active, merged or removed). */
  keyProblems: z.array(questionLinkSchema),
  /** Trainee view: false once the question sits in a merged (non-singleton) key problem. */
  canChange: z.boolean(),
});
export type ProblemQuestion = z.infer<typeof problemQuestionSchema>;

export const sourceQuestionSchema = z.object({
  id: z.number().int(),
  text: z.string(),
  source: z.enum(QUESTION_SOURCES),
  submitterName: z.string().nullable(),
  homeOrgName: z.string().nullable(),
});
export type SourceQuestion = z.infer<typeof sourceQuestionSchema>;

export const keyProblemSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  field: problemFieldSchema.nullable(),
  kind: keyProblemKindSchema.nullable(),
  priority: z.number().int(),
  status: z.enum(KEY_PROBLEM_STATUSES),
  mergedIntoId: z.number().int().nullable(),
  questions: z.array(sourceQuestionSchema),
});
export type KeyProblem = z.infer<typeof keyProblemSchema>;

export const questionImportResultSchema = z.object({
  dryRun: z.boolean(),
  committed: z.boolean(),
  rows: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })),
  preview: z.array(
    z.object({
      row: z.number().int(),
      text: z.string(),
      field: problemFieldSchema.nullable(),
      homeOrgName: z.string().nullable(),
      submitterName: z.string().nullable(),
    }),
  ),
});
export type QuestionImportResult = z.infer<typeof questionImportResultSchema>;

export const duplicateSuggestionsSchema = z.object({
  over: z.enum(DUPLICATE_TARGETS),
  threshold: z.number(),
  groups: z.array(
    z.object({
      members: z.array(z.object({ id: z.number().int(), title: z.string() })),
      score: z.number(),
      sharedTerms: z.array(z.string()),
      pairs: z.array(z.object({ a: z.number().int(), b: z.number().int(), score: z.number(), sharedTerms: z.array(z.string()) })),
    }),
  ),
});
export type DuplicateSuggestions = z.infer<typeof duplicateSuggestionsSchema>;

/** An item of a published list, exactly as stored in the snapshot JSON (schema-results.ts). */
export const snapshotItemSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  field: problemFieldSchema.nullable(),
  kind: keyProblemKindSchema.nullable(),
  priority: z.number().int(),
  questionIds: z.array(z.number().int()),
});
export type SnapshotItem = z.infer<typeof snapshotItemSchema>;

export const listCountsSchema = z.object({ items: z.number().int(), fixed: z.number().int(), open: z.number().int(), unclassified: z.number().int() });
export type ListCounts = z.infer<typeof listCountsSchema>;

export const problemListVersionSchema = z.object({
  id: z.number().int(),
  version: z.string(),
  title: z.string(),
  note: z.string().nullable(),
  publishedAt: z.string(),
  publishedByName: z.string().nullable(),
  counts: listCountsSchema,
  /** 固定题 16 项 + 开放题 N 项 */
  headline: z.string(),
});
export type ProblemListVersion = z.infer<typeof problemListVersionSchema>;

export const problemListDetailSchema = problemListVersionSchema.extend({
  items: z.array(snapshotItemSchema.extend({ questions: z.array(sourceQuestionSchema) })),
});
export type ProblemListDetail = z.infer<typeof problemListDetailSchema>;

const diffItemSchema = z.object({ id: z.number().int(), title: z.string(), kind: keyProblemKindSchema.nullable() });
export const problemListDiffSchema = z.object({
  from: problemListVersionSchema,
  to: problemListVersionSchema,
  added: z.array(diffItemSchema),
  removed: z.array(diffItemSchema),
  changed: z.array(
    z.object({
      id: z.number().int(),
      changes: z.array(z.object({ field: z.enum(['title', 'kind', 'field']), before: z.string().nullable(), after: z.string().nullable() })),
    }),
  ),
  /** Items of `from` whose source questions now sit together in one item of `to`. */
  merged: z.array(z.object({ into: diffItemSchema, from: z.array(diffItemSchema) })),
});
export type ProblemListDiff = z.infer<typeof problemListDiffSchema>;
