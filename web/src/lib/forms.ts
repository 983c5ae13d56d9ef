// Form helpers: validate with the shared Zod schema, and turn server field errors into form errors.
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.ts';

type NamePath = (string | number)[];

/** The part of a Zod schema this helper needs (keeps web free of a direct zod dependency). */
export interface SafeParser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** 'experiences.0.unitName' → ['experiences', 0, 'unitName']. */
export const toNamePath = (field: string): NamePath =>
  field
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** Parse `values` with the contract schema; on failure mark the fields and return undefined. */
export function parseWithSchema<T>(schema: SafeParser<T>, values: unknown, form: FormInstance): T | undefined {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  for (const issue of result.error.issues) {
    const name = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return undefined;
}

/**
 * Show a failed write on the form: field details become field errors (STYLE pattern 7);
 * returns the message to show at form level, or null when every detail landed on a field.
 */
export function applyApiError(form: FormInstance, error: unknown, knownFields?: readonly string[]): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const details = error.details.filter((d) => !knownFields || knownFields.includes(toNamePath(d.field)[0] as string));
  if (details.length > 0) {
    form.setFields(details.map((d) => ({ name: toNamePath(d.field), errors: [d.message] })));
  }
  return details.length > 0 && details.length === error.details.length ? null : error.message;
}
