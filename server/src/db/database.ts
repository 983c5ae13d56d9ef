// Opens the database named by DATABASE_URL (SQLite by default, PostgreSQL in production) behind one Kysely API.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations.ts';
import { namedStatementPool, statementCachingSqlite } from './statement-cache.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface Db {
  /** Writes and transactions. */
  kysely: Kysely<Database>;
  /**
   * Reads outside a transaction. On SQLite a second, read-only WAL connection, so a long write transaction
   * (a 100k-row import) does not make every other request wait; on PostgreSQL the same pool.
   */
  read: Kysely<Database>;
  kind: DatabaseKind;
  /** SQLite only: a read-only connection for hot prepared reads (WAL lets it read while the writer writes). */
  reader?: SqliteDatabase.Database;
  /**
   * SQLite only: the writer connection itself, for bulk statements run synchronously *inside* a transaction
   * opened on `kysely` (one connection, so they belong to that transaction).
   */
  writer?: SqliteDatabase.Database;
  /** PostgreSQL schema in use, when not the default. */
  schema?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** `sqlite:<path>` (`sqlite::memory:` for tests) or `postgres://…`. */
  url: string;
  /** PostgreSQL schema to use (tests give each file its own); created if missing. */
  pgSchema?: string;
}

// PostgreSQL's bigint (count(*)) and numeric arrive as strings by default; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

/** Opens a connection (pool) without migrating. */
export function openDatabase(options: OpenOptions): Db {
  if (options.url.startsWith('sqlite:')) {
    const file = options.url.slice('sqlite:'.length) || ':memory:';
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const raw = new SqliteDatabase(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL'); // durable across process crashes in WAL mode; fsync at checkpoints
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    // 64 MB page cache: bulk imports insert into a unique index in random order.
    raw.pragma('cache_size = -65536');
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: statementCachingSqlite(raw) }) });
    // An in-memory database is private to its connection, so only a file gets a separate reader.
    const reader = file === ':memory:' ? undefined : new SqliteDatabase(file, { readonly: true });
    reader?.pragma('busy_timeout = 5000');
    const read = reader ? new Kysely<Database>({ dialect: new SqliteDialect({ database: statementCachingSqlite(reader) }) }) : kysely;
    return {
      kysely,
      read,
      kind: 'sqlite',
      reader,
      writer: raw,
      close: async () => {
        if (read !== kysely) await read.destroy();
        await kysely.destroy();
      },
    };
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: 10,
    ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: namedStatementPool(pool) }) });
  return { kysely, read: kysely, kind: 'postgres', schema: options.pgSchema, close: () => kysely.destroy() };
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<void> {
  // Naming the schema keeps Kysely's bookkeeping tables out of other schemas' sight (parallel test files).
  const migrator = new Migrator({ db: db.kysely, provider: migrationProvider(db.kind), ...(db.schema ? { migrationTableSchema: db.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`, { cause: error });
  }
}
