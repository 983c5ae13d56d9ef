// Issue 4: selection (quotas, eligibility rules, nominations with an approval chain and a waitlist), class and group
// formation drafts, host units and posts, bans, preferences, placement runs and placements, and the follow-up of long
// placements (remote check-in, weekly logs, mid-term review, final assessment). Schema builder only.
import type { Kysely, Migration } from 'kysely';
import type { DatabaseKind } from '../database.ts';
import { withId } from './with-id.ts';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types

const TABLES = [
  'placement_reviews',
  'placement_logs',
  'placements',
  'placement_runs',
  'placement_preferences',
  'placement_bans',
  'host_posts',
  'host_units',
  'formation_drafts',
  'nomination_events',
  'nominations',
  'nomination_quotas',
];

export function selectionPlacementMigration(kind: DatabaseKind): Migration {
  return {
    async up(db: AnyDb) {
      // JSON { eligibility: { maxAge?, ageAsOf?, ranks?, minServiceYears?, specialtiesAny?, excludeOverlapping? },
      //        capacity?, grassrootsShareMin? } — eligibility rules and selection targets as data.
      await db.schema
        .alterTable('programs')
        .addColumn('selection_rules', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute();
      // Theme tags matched against cadre specialties when forming classes, and the class's grassroots floor.
      await db.schema
        .alterTable('program_classes')
        .addColumn('theme_tags', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
      await db.schema
        .alterTable('program_classes')
        .addColumn('min_grassroots_share', 'real', (c) => c.notNull().defaultTo(0))
        .execute();

      // A quota is for one sending unit (its subtree) or, with org_id null, for a unit category within the organizer's tree.
      await withId(db.schema.createTable('nomination_quotas'), kind)
        .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
        .addColumn('org_id', 'integer', (c) => c.references('organizations.id'))
        .addColumn('unit_category', 'varchar(20)')
        .addColumn('quota', 'integer', (c) => c.notNull())
        .addColumn('note', 'varchar(200)')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('nomination_quotas_program_idx').on('nomination_quotas').column('program_id').execute();

      await withId(db.schema.createTable('nominations'), kind)
        .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
        .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
        .addColumn('quota_id', 'integer', (c) => c.references('nomination_quotas.id').onDelete('set null'))
        .addColumn('nominating_org_id', 'integer', (c) => c.notNull().references('organizations.id'))
        // submitted → unit_approved → approved | waitlisted | rejected; withdrawn at any point before the program runs.
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('waitlist_position', 'integer')
        .addColumn('statement', 'text')
        .addColumn('decision_reason', 'text')
        .addColumn('nominated_by', 'integer')
        .addColumn('unit_approved_by', 'integer')
        .addColumn('unit_approved_at', 'varchar(32)')
        .addColumn('decided_by', 'integer')
        .addColumn('decided_at', 'varchar(32)')
        .addColumn('enrolment_id', 'integer', (c) => c.references('enrolments.id').onDelete('set null'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('nominations_program_cadre_uq', ['program_id', 'cadre_id'])
        .execute();
      await db.schema.createIndex('nominations_status_idx').on('nominations').columns(['program_id', 'status']).execute();
      await db.schema.createIndex('nominations_org_idx').on('nominations').column('nominating_org_id').execute();

      // The approval chain's history, one row per step, with the reason given.
      await withId(db.schema.createTable('nomination_events'), kind)
        .addColumn('nomination_id', 'integer', (c) => c.notNull().references('nominations.id').onDelete('cascade'))
        .addColumn('action', 'varchar(30)', (c) => c.notNull())
        .addColumn('from_status', 'varchar(20)')
        .addColumn('to_status', 'varchar(20)', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('actor_id', 'integer')
        .addColumn('actor_name', 'varchar(100)')
        .addColumn('at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('nomination_events_nomination_idx').on('nomination_events').column('nomination_id').execute();

      // The class-and-group plan being edited (solver proposal + manual moves + locks) before it is applied to enrolments.
      await withId(db.schema.createTable('formation_drafts'), kind)
        .addColumn('program_id', 'integer', (c) => c.notNull().unique().references('programs.id').onDelete('cascade'))
        .addColumn('seed', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('group_min', 'integer', (c) => c.notNull().defaultTo(6))
        .addColumn('group_max', 'integer', (c) => c.notNull().defaultTo(10))
        // JSON { classes: [{ id, members, groups: [{ id, members }] }] } in the core grouping shape (ids as strings).
        .addColumn('solution', 'text', (c) => c.notNull())
        // JSON [{ person, class, group? }]
        .addColumn('locks', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('stats', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('updated_by', 'integer')
        .addColumn('applied_at', 'varchar(32)')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();

      // Host units (实训/挂职单位), registered by an organizer node and shared by its programs.
      await withId(db.schema.createTable('host_units'), kind)
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
        .addColumn('code', 'varchar(60)')
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('city', 'varchar(60)')
        .addColumn('field', 'varchar(100)')
        .addColumn('address', 'varchar(300)')
        .addColumn('capacity', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('contact_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('contact_name', 'varchar(60)')
        .addColumn('contact_phone', 'varchar(30)')
        .addColumn('mentor_name', 'varchar(60)')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('host_units_org_idx').on('host_units').column('org_id').execute();
      await db.schema.createIndex('host_units_contact_idx').on('host_units').column('contact_user_id').execute();

      // Posts a host offers in one program; the solver's "host" is a post (seats = capacity).
      await withId(db.schema.createTable('host_posts'), kind)
        .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
        .addColumn('host_unit_id', 'integer', (c) => c.notNull().references('host_units.id'))
        .addColumn('title', 'varchar(200)', (c) => c.notNull())
        .addColumn('seats', 'integer', (c) => c.notNull())
        .addColumn('specialty_tags', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('requirements', 'text')
        .addColumn('mentor_name', 'varchar(60)')
        .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('host_posts_program_idx').on('host_posts').column('program_id').execute();
      await db.schema.createIndex('host_posts_unit_idx').on('host_posts').column('host_unit_id').execute();

      // A cadre may never be placed with this unit (former employer, a close relative works there, or a manual ban).
      await withId(db.schema.createTable('placement_bans'), kind)
        .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
        .addColumn('host_unit_id', 'integer', (c) => c.notNull().references('host_units.id').onDelete('cascade'))
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('reason', 'varchar(300)')
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('placement_bans_cadre_unit_uq', ['cadre_id', 'host_unit_id'])
        .execute();
      await db.schema.createIndex('placement_bans_unit_idx').on('placement_bans').column('host_unit_id').execute();

      // side 'cadre': the cadre ranks the post (rank 1 = first choice); side 'host': the host ranks (rank) or scores it.
      await withId(db.schema.createTable('placement_preferences'), kind)
        .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
        .addColumn('side', 'varchar(10)', (c) => c.notNull())
        .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
        .addColumn('post_id', 'integer', (c) => c.notNull().references('host_posts.id').onDelete('cascade'))
        .addColumn('rank', 'integer')
        .addColumn('score', 'real')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('placement_preferences_uq', ['program_id', 'side', 'cadre_id', 'post_id'])
        .execute();
      await db.schema.createIndex('placement_preferences_post_idx').on('placement_preferences').column('post_id').execute();

      // Every solve is kept (instance summary + full core result) so a published placement can always be explained.
      await withId(db.schema.createTable('placement_runs'), kind)
        .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
        .addColumn('mode', 'varchar(10)', (c) => c.notNull())
        .addColumn('seed', 'integer', (c) => c.notNull())
        .addColumn('instance', 'text', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('published_at', 'varchar(32)')
        .addColumn('published_by', 'integer')
        .execute();
      await db.schema.createIndex('placement_runs_program_idx').on('placement_runs').column('program_id').execute();

      await withId(db.schema.createTable('placements'), kind)
        .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
        .addColumn('enrolment_id', 'integer', (c) => c.notNull().references('enrolments.id').onDelete('cascade'))
        .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
        .addColumn('post_id', 'integer', (c) => c.notNull().references('host_posts.id'))
        .addColumn('host_unit_id', 'integer', (c) => c.notNull().references('host_units.id'))
        .addColumn('run_id', 'integer', (c) => c.references('placement_runs.id').onDelete('set null'))
        // draft → published → reported (远程报到 done) → completed (final assessment recorded)
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('choice', 'integer')
        .addColumn('explanation', 'text')
        .addColumn('start_date', 'varchar(10)')
        .addColumn('end_date', 'varchar(10)')
        .addColumn('published_at', 'varchar(32)')
        .addColumn('remote_checkin_at', 'varchar(32)')
        .addColumn('remote_checkin_contacted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('remote_checkin_tasks', 'text')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('placements_program_cadre_uq', ['program_id', 'cadre_id'])
        .execute();
      await db.schema.createIndex('placements_unit_idx').on('placements').column('host_unit_id').execute();
      await db.schema.createIndex('placements_cadre_idx').on('placements').column('cadre_id').execute();

      await withId(db.schema.createTable('placement_logs'), kind)
        .addColumn('placement_id', 'integer', (c) => c.notNull().references('placements.id').onDelete('cascade'))
        .addColumn('week_start', 'varchar(10)', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('next_plan', 'text')
        .addColumn('mentor_comment', 'text')
        .addColumn('commented_by', 'integer')
        .addColumn('commented_at', 'varchar(32)')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('placement_logs_week_uq', ['placement_id', 'week_start'])
        .execute();

      await withId(db.schema.createTable('placement_reviews'), kind)
        .addColumn('placement_id', 'integer', (c) => c.notNull().references('placements.id').onDelete('cascade'))
        // midterm (中期评估) | final (期满考核)
        .addColumn('kind', 'varchar(10)', (c) => c.notNull())
        .addColumn('self_summary', 'text')
        .addColumn('host_feedback', 'text')
        .addColumn('score', 'integer')
        .addColumn('result', 'varchar(20)')
        .addColumn('hours', 'real')
        .addColumn('hours_entry_id', 'integer', (c) => c.references('hours_entries.id').onDelete('set null'))
        .addColumn('reviewer_id', 'integer')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('placement_reviews_kind_uq', ['placement_id', 'kind'])
        .execute();
    },
    async down(db: AnyDb) {
      for (const table of TABLES) await db.schema.dropTable(table).ifExists().execute();
      await db.schema.alterTable('program_classes').dropColumn('min_grassroots_share').execute();
      await db.schema.alterTable('program_classes').dropColumn('theme_tags').execute();
      await db.schema.alterTable('programs').dropColumn('selection_rules').execute();
    },
  };
}
