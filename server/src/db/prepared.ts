// Compile-once queries: Kysely compiles a builder on every call (≈3× the cost of a cached statement here),
// so hot queries are built once with named placeholders and executed with fresh parameter values.
// On SQLite they run synchronously on the read-only WAL connection (committed data only, no async driver
// hops); inside a transaction, or on PostgreSQL (as named statements), they go through Kysely.
import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';
import { hotStatements } from './statement-cache.ts';

const SENTINEL = '\u0000param:';

/** Returns a placeholder for `name` to use where a value goes in the builder. */
export type Param = <T = string>(name: string) => T;

export interface PreparedQuery<P extends Record<string, unknown>, R> {
  /** Runs on the fast read path, or inside `executor` (a transaction) when given. */
  execute(params: P, executor?: Kysely<Database>): Promise<R[]>;
  executeTakeFirst(params: P, executor?: Kysely<Database>): Promise<R | undefined>;
}

const param: Param = <T>(name: string) => `${SENTINEL}${name}` as T;

/**
 * Builds and compiles a query once. `build` receives the Kysely instance and a `param(name)` function
 * returning placeholders; every placeholder must be supplied in `params` at execution.
 */
export function prepared<P extends Record<string, unknown>, R>(db: Db, build: (db: Kysely<Database>, param: Param) => Compilable<R>): PreparedQuery<P, R> {
  const compiled = build(db.kysely, param).compile();
  const slots = compiled.parameters.map((value) => (typeof value === 'string' && value.startsWith(SENTINEL) ? value.slice(SENTINEL.length) : null));
  hotStatements.add(compiled.sql);
  const values = (params: P) =>
    slots.map((slot, i) => {
      if (slot === null) return compiled.parameters[i];
      if (!(slot in params)) throw new Error(`prepared query: missing parameter "${slot}"`);
      return params[slot];
    });
  let statement: BetterSqlite3.Statement | undefined;
  const run = async (params: P, executor?: Kysely<Database>): Promise<R[]> => {
    if (!executor && db.reader) {
      statement ??= db.reader.prepare(compiled.sql);
      return statement.all(values(params)) as R[];
    }
    const result = await (executor ?? db.kysely).executeQuery<R>(CompiledQuery.raw(compiled.sql, values(params)));
    return result.rows;
  };
  return {
    execute: run,
    async executeTakeFirst(params, executor) {
      return (await run(params, executor))[0];
    },
  };
}
