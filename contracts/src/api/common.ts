// Shapes every endpoint shares: pages, ids, the error body.
import { z } from 'zod';

export const idParamSchema = z.object({ id: z.coerce.number().int().positive() });

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'ACCOUNT_LOCKED',
  'CSRF_FAILED',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const fieldErrorSchema = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.array(fieldErrorSchema).optional(),
    requestId: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Dates travel as ISO strings: YYYY-MM-DD for calendar dates, full ISO for instants. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, '不是有效的日期');
export const boolQuerySchema = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Trimmed text of `min`–`max` characters whose messages name the field (`标题至少2个字`, `标题不超过200字`). */
export const requiredText = (min: number, max: number, what: string) => z.string().trim().min(min, `${what}至少${min}个字`).max(max, `${what}不超过${max}字`);

/** Optional trimmed text up to `max` characters; empty or absent becomes null, so "cleared" and "never set" store alike. */
export const nullableText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what}不超过${max}字`)
    .nullish()
    .transform((v) => (v ? v : null));
