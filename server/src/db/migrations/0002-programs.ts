// Issue 3: programs, classes and groups, enrolment, timetable, attendance, leave, the hours ledger, evaluations,
// reflections, good practices, certificates and notifications. Schema builder only (one set for both databases).
import type { Kysely, Migration } from 'kysely';
import type { DatabaseKind } from '../database.ts';
import { withId } from './with-id.ts';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types

const TABLES = [
  'notifications',
  'certificates',
  'good_practices',
  'action_items',
  'reflections',
  'questionnaire_responses',
  'questionnaire_templates',
  'session_ratings',
  'hours_entries',
  'hours_rules',
  'credit_policies',
  'leave_request_sessions',
  'leave_requests',
  'attendance',
  'session_stops',
  'session_instructors',
  'program_sessions',
  'enrolments',
  'class_tutors',
  'class_groups',
  'program_classes',
  'program_attachments',
  'instructors',
  'venues',
  'programs',
];

export function programsMigration(kind: DatabaseKind): Migration {
  return {
    async up(db: AnyDb) {
      await withId(db.schema.createTable('programs'), kind)
        .addColumn('code', 'varchar(40)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('type', 'varchar(30)', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('themes', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('organizer_org_id', 'integer', (c) => c.notNull().references('organizations.id'))
        .addColumn('partner', 'varchar(200)')
        .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('places', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('budget_yuan', 'real')
        .addColumn('targets', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('description', 'text')
        // End-of-program questionnaire (结业问卷); no FK because questionnaire_templates is created later.
        .addColumn('questionnaire_template_id', 'integer')
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('programs_organizer_idx').on('programs').column('organizer_org_id').execute();

      await withId(db.schema.createTable('program_attachments'), kind)
        .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('file_name', 'varchar(300)', (c) => c.notNull())
        .addColumn('file_path', 'text', (c) => c.notNull())
        .addColumn('size_bytes', 'integer', (c) => c.notNull())
        .addColumn('mime', 'varchar(100)', (c) => c.notNull())
        .addColumn('uploaded_by', 'integer')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('program_attachments_program_idx').on('program_attachments').column('program_id').execute();

      // Registries per organizer node, shared by that node's programs so an instructor double-booked across
      // two programs is still one person.
      await withId(db.schema.createTable('instructors'), kind)
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
        .addColumn('code', 'varchar(60)')
        .addColumn('name', 'varchar(60)', (c) => c.notNull())
        .addColumn('title', 'varchar(100)')
        .addColumn('unit', 'varchar(200)')
        .addColumn('external', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('role', 'varchar(20)', (c) => c.notNull().defaultTo('professor'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('instructors_org_idx').on('instructors').column('org_id').execute();

      await withId(db.schema.createTable('venues'), kind)
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
        .addColumn('code', 'varchar(60)')
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('address', 'varchar(300)')
        .addColumn('lat', 'real')
        .addColumn('lng', 'real')
        .addColumn('offsite', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('venues_org_idx').on('venues').column('org_id').execute();

      await withId(db.schema.createTable('program_classes'), kind)
        .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
        .addColumn('name', 'varchar(100)', (c) => c.notNull())
        .addColumn('theme', 'varchar(200)')
        .addColumn('place', 'varchar(200)')
        .addColumn('capacity', 'integer', (c) => c.notNull())
        .addColumn('tutor_instructor_id', 'integer', (c) => c.references('instructors.id'))
        .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('program_classes_program_idx').on('program_classes').column('program_id').execute();

      await withId(db.schema.createTable('class_groups'), kind)
        .addColumn('class_id', 'integer', (c) => c.notNull().references('program_classes.id').onDelete('cascade'))
        .addColumn('name', 'varchar(100)', (c) => c.notNull())
        .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('class_groups_class_idx').on('class_groups').column('class_id').execute();

      // Tutor accounts (带班) of a class: they take roll call and decide leave for it.
      await db.schema
        .createTable('class_tutors')
        .addColumn('class_id', 'integer', (c) => c.notNull().references('program_classes.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addPrimaryKeyConstraint('class_tutors_pk', ['class_id', 'user_id'])
        .execute();

      await withId(db.schema.createTable('enrolments'), kind)
        .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
        .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
        .addColumn('class_id', 'integer', (c) => c.references('program_classes.id'))
        .addColumn('group_id', 'integer', (c) => c.references('class_groups.id'))
        // JSON array of class roles: monitor (班长), group_leader, party_contact (党支部联络员).
        .addColumn('roles', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('enrolled'))
        .addColumn('withdrawal_flagged_at', 'varchar(32)')
        .addColumn('assessment', 'varchar(20)')
        .addColumn('assessment_reason', 'text')
        .addColumn('assessed_by', 'integer')
        .addColumn('assessed_at', 'varchar(32)')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('enrolments_program_cadre_uq', ['program_id', 'cadre_id'])
        .execute();
      await db.schema.createIndex('enrolments_cadre_idx').on('enrolments').column('cadre_id').execute();
      await db.schema.createIndex('enrolments_class_idx').on('enrolments').column('class_id').execute();

      // "sessions" is the login-session table; timetable entries are program_sessions.
      await withId(db.schema.createTable('program_sessions'), kind)
        .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
        .addColumn('code', 'varchar(60)')
        .addColumn('title', 'varchar(200)', (c) => c.notNull())
        .addColumn('type', 'varchar(30)', (c) => c.notNull())
        // ISO instants with +08:00; text order is time order within one offset.
        .addColumn('starts_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('ends_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('venue_id', 'integer', (c) => c.references('venues.id'))
        .addColumn('audience_kind', 'varchar(10)', (c) => c.notNull().defaultTo('program'))
        .addColumn('audience_class_id', 'integer', (c) => c.references('program_classes.id'))
        .addColumn('audience_group_id', 'integer', (c) => c.references('class_groups.id'))
        .addColumn('credited_hours', 'real', (c) => c.notNull())
        .addColumn('mode', 'varchar(10)', (c) => c.notNull().defaultTo('offline'))
        .addColumn('checkin_enabled', 'integer', (c) => c.notNull().defaultTo(1))
        // Metres; null = no distance check.
        .addColumn('geofence_m', 'integer')
        // Bumped to revoke every QR code shown so far (the signing secret is derived from it).
        .addColumn('checkin_generation', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('notes', 'text')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('program_sessions_program_idx').on('program_sessions').columns(['program_id', 'starts_at']).execute();

      await db.schema
        .createTable('session_instructors')
        .addColumn('session_id', 'integer', (c) => c.notNull().references('program_sessions.id').onDelete('cascade'))
        .addColumn('instructor_id', 'integer', (c) => c.notNull().references('instructors.id'))
        .addPrimaryKeyConstraint('session_instructors_pk', ['session_id', 'instructor_id'])
        .execute();
      await db.schema.createIndex('session_instructors_instructor_idx').on('session_instructors').column('instructor_id').execute();

      // Stops of a site-visit itinerary, each with its own check-in (stop 0 is the session itself).
      await withId(db.schema.createTable('session_stops'), kind)
        .addColumn('session_id', 'integer', (c) => c.notNull().references('program_sessions.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('venue_id', 'integer', (c) => c.references('venues.id'))
        .addColumn('planned_at', 'varchar(32)')
        .addUniqueConstraint('session_stops_seq_uq', ['session_id', 'seq'])
        .execute();

      await withId(db.schema.createTable('attendance'), kind)
        .addColumn('session_id', 'integer', (c) => c.notNull().references('program_sessions.id').onDelete('cascade'))
        // 0 = the session; n = stop seq n. Not null, so the unique key below really is unique on both databases.
        .addColumn('stop_seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
        .addColumn('enrolment_id', 'integer', (c) => c.notNull().references('enrolments.id').onDelete('cascade'))
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('minutes_missed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('method', 'varchar(20)', (c) => c.notNull())
        .addColumn('checked_in_at', 'varchar(32)')
        .addColumn('lat', 'real')
        .addColumn('lng', 'real')
        .addColumn('accuracy_m', 'real')
        .addColumn('distance_m', 'real')
        .addColumn('remarks', 'text')
        .addColumn('recorded_by', 'integer')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('attendance_session_stop_cadre_uq', ['session_id', 'stop_seq', 'cadre_id'])
        .execute();
      await db.schema.createIndex('attendance_enrolment_idx').on('attendance').column('enrolment_id').execute();

      await withId(db.schema.createTable('leave_requests'), kind)
        .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
        .addColumn('enrolment_id', 'integer', (c) => c.notNull().references('enrolments.id').onDelete('cascade'))
        .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('hours', 'real', (c) => c.notNull())
        .addColumn('attachment_name', 'varchar(300)')
        .addColumn('attachment_path', 'text')
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('decided_by', 'integer')
        .addColumn('decided_at', 'varchar(32)')
        .addColumn('decision_note', 'text')
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('leave_requests_program_idx').on('leave_requests').columns(['program_id', 'status']).execute();
      await db.schema.createIndex('leave_requests_enrolment_idx').on('leave_requests').column('enrolment_id').execute();

      await db.schema
        .createTable('leave_request_sessions')
        .addColumn('leave_id', 'integer', (c) => c.notNull().references('leave_requests.id').onDelete('cascade'))
        .addColumn('session_id', 'integer', (c) => c.notNull().references('program_sessions.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('leave_request_sessions_pk', ['leave_id', 'session_id'])
        .execute();

      // How attendance turns into 学时, per organizer node (the nearest ancestor's policy applies).
      await withId(db.schema.createTable('credit_policies'), kind)
        .addColumn('org_id', 'integer', (c) => c.notNull().unique().references('organizations.id'))
        .addColumn('policy', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'integer')
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();

      // Compliance rules are data (HoursRule JSON), editable by admins; org_id null = the national defaults.
      await withId(db.schema.createTable('hours_rules'), kind)
        .addColumn('org_id', 'integer', (c) => c.references('organizations.id'))
        .addColumn('code', 'varchar(60)', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('updated_by', 'integer')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();

      // The ledger: one row per cadre × program × category (recomputed from attendance), plus manual entries.
      await withId(db.schema.createTable('hours_entries'), kind)
        .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
        .addColumn('program_id', 'integer', (c) => c.references('programs.id').onDelete('cascade'))
        .addColumn('source', 'varchar(20)', (c) => c.notNull())
        .addColumn('category', 'varchar(10)', (c) => c.notNull())
        .addColumn('title', 'varchar(200)', (c) => c.notNull())
        .addColumn('provider', 'varchar(200)')
        .addColumn('date', 'varchar(10)', (c) => c.notNull())
        .addColumn('hours', 'real', (c) => c.notNull())
        .addColumn('days', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('evidence_name', 'varchar(300)')
        .addColumn('evidence_path', 'text')
        .addColumn('note', 'text')
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('hours_entries_cadre_idx').on('hours_entries').columns(['cadre_id', 'date']).execute();
      await db.schema.createIndex('hours_entries_program_idx').on('hours_entries').column('program_id').execute();

      await withId(db.schema.createTable('session_ratings'), kind)
        .addColumn('session_id', 'integer', (c) => c.notNull().references('program_sessions.id').onDelete('cascade'))
        // Kept only to stop double rating; reports never select it.
        .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
        .addColumn('content', 'integer', (c) => c.notNull())
        .addColumn('delivery', 'integer', (c) => c.notNull())
        .addColumn('usefulness', 'integer', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('session_ratings_session_cadre_uq', ['session_id', 'cadre_id'])
        .execute();

      await withId(db.schema.createTable('questionnaire_templates'), kind)
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('questions', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();

      await withId(db.schema.createTable('questionnaire_responses'), kind)
        .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
        .addColumn('template_id', 'integer', (c) => c.notNull().references('questionnaire_templates.id'))
        .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
        .addColumn('answers', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('questionnaire_responses_uq', ['program_id', 'template_id', 'cadre_id'])
        .execute();

      await withId(db.schema.createTable('reflections'), kind)
        .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
        .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
        .addColumn('title', 'varchar(200)', (c) => c.notNull())
        .addColumn('learned', 'text', (c) => c.notNull())
        .addColumn('body', 'text')
        .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('submitted'))
        // '|term|term|' from jieba, so SQLite and PostgreSQL match the same way (see core/src/text/README.md).
        .addColumn('search_terms', 'text', (c) => c.notNull().defaultTo('|'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('reflections_program_idx').on('reflections').columns(['program_id', 'cadre_id']).execute();

      // "What I will do at home" items; issue 5 tracks them with the recommendations.
      await withId(db.schema.createTable('action_items'), kind)
        .addColumn('reflection_id', 'integer', (c) => c.notNull().references('reflections.id').onDelete('cascade'))
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('owner', 'varchar(100)', (c) => c.notNull())
        .addColumn('deadline', 'varchar(10)')
        .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('planned'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('action_items_reflection_idx').on('action_items').column('reflection_id').execute();

      await withId(db.schema.createTable('good_practices'), kind)
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
        .addColumn('program_id', 'integer', (c) => c.references('programs.id').onDelete('set null'))
        .addColumn('reflection_id', 'integer', (c) => c.references('reflections.id').onDelete('set null'))
        .addColumn('title', 'varchar(200)', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('body', 'text')
        .addColumn('fields', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('fields_index', 'text', (c) => c.notNull().defaultTo('|'))
        .addColumn('source_city', 'varchar(100)')
        .addColumn('search_terms', 'text', (c) => c.notNull().defaultTo('|'))
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('good_practices_org_idx').on('good_practices').column('org_id').execute();

      await withId(db.schema.createTable('certificates'), kind)
        .addColumn('enrolment_id', 'integer', (c) => c.notNull().unique().references('enrolments.id').onDelete('cascade'))
        .addColumn('serial', 'varchar(40)', (c) => c.notNull().unique())
        // Random, unguessable; the public verification URL carries it.
        .addColumn('verify_code', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('issued_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('revoked_at', 'varchar(32)')
        .addColumn('revoked_reason', 'text')
        .execute();

      await withId(db.schema.createTable('notifications'), kind)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('kind', 'varchar(40)', (c) => c.notNull())
        .addColumn('title', 'varchar(200)', (c) => c.notNull())
        .addColumn('body', 'text')
        .addColumn('link', 'varchar(300)')
        .addColumn('read_at', 'varchar(32)')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'read_at']).execute();
    },
    async down(db: AnyDb) {
      for (const t of TABLES) await db.schema.dropTable(t).execute();
    },
  };
}
