// Compile-once queries: Kysely compiles a builder on every call (≈3× the cost of a cached statement here),
// so hot queries are built once with named placeholders and executed with fresh parameter values.
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import { hotStatements } from './statement-cache.ts';

const SENTINEL = '\u0000param:';

/** Returns a placeholder for `name` to use where a value goes in the builder. */
type Param = <T = string>(name: string) => T;

export interface PreparedQuery<P extends Record<string, unknown>, R> {
  execute(db: Kysely<never>, params: P): Promise<R[]>;
  executeTakeFirst(db: Kysely<never>, params: P): Promise<R | undefined>;
}

/**
 * Builds and compiles a query once. `build` receives the Kysely instance and a `param(name)` function
 * returning placeholders; every placeholder must be supplied in `params` at execution.
 */
export function prepared<DB, P extends Record<string, unknown>, R>(
  db: Kysely<DB>,
  build: (db: Kysely<DB>, param: Param) => Compilable<R>,
): PreparedQuery<P, R> {
  const param: Param = <T>(name: string) => `${SENTINEL}${name}` as T;
  const compiled = build(db, param).compile();
  const slots = compiled.parameters.map((value) =>
    typeof value === 'string' && value.startsWith(SENTINEL) ? value.slice(SENTINEL.length) : null,
  );
  hotStatements.add(compiled.sql);
  const bind = (params: P) =>
    CompiledQuery.raw(
      compiled.sql,
      slots.map((slot, i) => {
        if (slot === null) return compiled.parameters[i];
        if (!(slot in params)) throw new Error(`prepared query: missing parameter "${slot}"`);
        return params[slot];
      }),
    );
  return {
    async execute(executor, params) {
      const result = await executor.executeQuery<R>(bind(params));
      return result.rows;
    },
    async executeTakeFirst(executor, params) {
      const result = await executor.executeQuery<R>(bind(params));
      return result.rows[0];
    },
  };
}
