// Credit policies as stored (JSON text per org node) and resolved (the nearest ancestor's, else the national default).
import { DEFAULT_CREDIT_POLICY, type CreditPolicy } from '@duibiao/core/hours/index';
import { creditPolicySchema } from '@duibiao/contracts';

/**
 * The stored policy, or the default when none is stored. A row that no longer parses (edited by hand) falls back
 * field by field to the default rather than failing every check-in of the organizer's programs.
 */
export function parsePolicy(json: string | null | undefined): CreditPolicy {
  if (!json) return { ...DEFAULT_CREDIT_POLICY };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ...DEFAULT_CREDIT_POLICY };
  }
  const parsed = creditPolicySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const partial = creditPolicySchema.partial().safeParse(raw);
  return { ...DEFAULT_CREDIT_POLICY, ...(partial.success ? stripUndefined(partial.data) : {}) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Org ids on a materialised path, root first: '/1/5/23/' → [1, 5, 23]. */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}
