// Kysely migrations written with the schema builder only, so one set serves SQLite and PostgreSQL.
import { type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseKind } from './database.ts';
import { programsMigration } from './migrations/0002-programs.ts';
import { selectionPlacementMigration } from './migrations/0003-selection-placement.ts';
import { problemsResultsMigration } from './migrations/0004-problems-results.ts';
import { withId } from './migrations/with-id.ts';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types

function foundation(kind: DatabaseKind): Migration {
  return {
    async up(db: AnyDb) {
      await withId(db.schema.createTable('organizations'), kind)
        .addColumn('parent_id', 'integer', (c) => c.references('organizations.id'))
        .addColumn('code', 'varchar(40)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(100)', (c) => c.notNull())
        .addColumn('level', 'varchar(20)', (c) => c.notNull())
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('path', 'varchar(400)', (c) => c.notNull())
        .addColumn('region_code', 'varchar(6)')
        .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('organizations_path_idx').on('organizations').column('path').execute();
      await db.schema.createIndex('organizations_parent_idx').on('organizations').column('parent_id').execute();

      await withId(db.schema.createTable('cadres'), kind)
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
        .addColumn('name', 'varchar(60)', (c) => c.notNull())
        .addColumn('gender', 'varchar(10)')
        .addColumn('birth_date', 'varchar(10)')
        .addColumn('ethnicity', 'varchar(40)')
        .addColumn('political_status', 'varchar(40)')
        .addColumn('id_number_enc', 'text', (c) => c.notNull())
        .addColumn('id_number_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('id_number_masked', 'varchar(18)', (c) => c.notNull())
        .addColumn('mobile_enc', 'text')
        .addColumn('mobile_masked', 'varchar(20)')
        .addColumn('position', 'varchar(200)')
        .addColumn('rank', 'varchar(20)')
        .addColumn('education', 'varchar(20)')
        .addColumn('specialties', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('specialties_index', 'text', (c) => c.notNull().defaultTo('|'))
        .addColumn('work_start_date', 'varchar(10)')
        .addColumn('experiences', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('cadres_org_idx').on('cadres').column('org_id').execute();
      await db.schema.createIndex('cadres_name_idx').on('cadres').column('name').execute();
      await db.schema.createIndex('cadres_birth_idx').on('cadres').column('birth_date').execute();

      await withId(db.schema.createTable('users'), kind)
        .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('display_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'varchar(20)', (c) => c.notNull())
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
        .addColumn('cadre_id', 'integer', (c) => c.references('cadres.id'))
        .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'varchar(32)')
        .addColumn('last_login_at', 'varchar(32)')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('users_org_idx').on('users').column('org_id').execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('last_seen_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('ip', 'varchar(64)')
        .addColumn('user_agent', 'varchar(300)')
        .execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

      await withId(db.schema.createTable('audit_log'), kind)
        .addColumn('at', 'varchar(32)', (c) => c.notNull())
        .addColumn('actor_id', 'integer')
        .addColumn('actor_username', 'varchar(64)')
        .addColumn('actor_name', 'varchar(100)')
        .addColumn('action', 'varchar(64)', (c) => c.notNull())
        .addColumn('entity_type', 'varchar(64)', (c) => c.notNull())
        .addColumn('entity_id', 'varchar(64)')
        .addColumn('scope_path', 'varchar(400)', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .addColumn('request_id', 'varchar(64)')
        .addColumn('ip', 'varchar(64)')
        .execute();
      await db.schema.createIndex('audit_scope_at_idx').on('audit_log').columns(['scope_path', 'at']).execute();
      await db.schema.createIndex('audit_entity_idx').on('audit_log').columns(['entity_type', 'entity_id']).execute();

      await db.schema
        .createTable('import_jobs')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
        .addColumn('file_name', 'varchar(300)', (c) => c.notNull())
        .addColumn('file_path', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('progress', 'real', (c) => c.notNull().defaultTo(0))
        .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('summary_json', 'text', (c) => c.notNull())
        .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('preview_json', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('message', 'text')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
    },
    async down(db: AnyDb) {
      for (const t of ['import_jobs', 'audit_log', 'sessions', 'users', 'cadres', 'organizations']) {
        await db.schema.dropTable(t).execute();
      }
    },
  };
}

/** Migrations by name; names sort in the order they apply. */
export function migrationProvider(kind: DatabaseKind): MigrationProvider {
  return {
    getMigrations: () =>
      Promise.resolve({
        '0001_foundation': foundation(kind),
        '0002_programs': programsMigration(kind),
        '0003_selection_placement': selectionPlacementMigration(kind),
        '0004_problems_results': problemsResultsMigration(kind),
      }),
  };
}
