// Roster import jobs: upload → dry run (validated | invalid) → commit.
import { z } from 'zod';
import { rankSchema } from '../domain.ts';

export const IMPORT_STATUSES = ['parsing', 'validated', 'invalid', 'committing', 'committed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const importErrorSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportError = z.infer<typeof importErrorSchema>;

export const importPreviewRowSchema = z.object({
  row: z.number().int(),
  action: z.enum(['create', 'update', 'unchanged']),
  name: z.string(),
  idNumber: z.string(),
  unitName: z.string(),
  position: z.string().nullable(),
  rank: rankSchema.nullable(),
});

export const importSummarySchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(importErrorSchema),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importJobSchema = z.object({
  id: z.string(),
  status: z.enum(IMPORT_STATUSES),
  fileName: z.string(),
  orgId: z.number().int(),
  progress: z.number(),
  rowsRead: z.number().int(),
  summary: importSummarySchema,
  /** The first 1,000 errors in summary.errors; errorCount is exact; GET …/errors downloads all of them. */
  errorCount: z.number().int(),
  preview: z.array(importPreviewRowSchema),
  message: z.string().nullable(),
  createdAt: z.string(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const importJobParamSchema = z.object({ id: z.string().regex(/^[a-f0-9-]{8,64}$/) });
