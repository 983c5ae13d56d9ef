import { sql, type RawBuilder, type SqlBool } from 'kysely';
// The few places where SQLite and PostgreSQL differ, behind one name each.
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/**
 * `column LIKE '%text%'` with the user's % and _ taken literally. SQLite has no default LIKE escape
 * character and PostgreSQL's is backslash, so the ESCAPE clause is spelled out for both.
 */
export function containsText(column: string, text: string): RawBuilder<SqlBool> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like lower(${pattern}) escape '\\'`;
}

/**
 * `column` lies in the subtree whose path is `prefix` ('/1/5/'). A prefix compare via substr is ~4× cheaper
 * than LIKE in SQLite and, unlike a range, immune to PostgreSQL collations; '/' matches every path.
 */
export function inSubtree(column: string, prefix: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`substr(${sql.ref(column)}, 1, length(cast(${prefix} as text))) = ${prefix}`;
}

export const nowIso = (): string => new Date().toISOString();
export const toBool = (v: number | boolean | null | undefined): boolean => v === 1 || v === true;
export const fromBool = (v: boolean): number => (v ? 1 : 0);
