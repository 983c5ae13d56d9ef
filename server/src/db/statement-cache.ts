// Prepared-statement reuse under Kysely. Kysely's drivers prepare on every call; preparing is a large share
// of a small query's cost, so SQLite statements are cached by SQL text and PostgreSQL hot queries are sent
// as named (server-side prepared) statements.
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { PostgresPool, PostgresPoolClient, SqliteDatabase } from 'kysely';
import type pg from 'pg';

const MAX_CACHED = 2_000;

/** Wraps better-sqlite3 so `prepare` returns a cached statement for SQL it has seen. */
export function statementCachingSqlite(raw: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = raw.prepare(sql);
        // Dynamic filters make many shapes; bound the cache rather than grow without limit.
        if (cache.size >= MAX_CACHED) cache.clear();
        cache.set(sql, stmt);
      }
      return stmt as unknown as ReturnType<SqliteDatabase['prepare']>;
    },
  };
}

/** SQL texts registered by `prepared()`; on PostgreSQL these run as named statements. */
export const hotStatements = new Set<string>();

const statementName = (sql: string) => `d_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;

/** Wraps a pg Pool so that queries in `hotStatements` are prepared once per connection. */
export function namedStatementPool(pool: pg.Pool): PostgresPool {
  return {
    end: () => pool.end(),
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      return {
        release: () => client.release(),
        query: ((sqlOrConfig: unknown, values?: unknown[]) => {
          if (typeof sqlOrConfig === 'string' && hotStatements.has(sqlOrConfig)) {
            return client.query({ name: statementName(sqlOrConfig), text: sqlOrConfig, values });
          }
          return client.query(sqlOrConfig as string, values);
        }) as unknown as PostgresPoolClient['query'],
      };
    },
  };
}
