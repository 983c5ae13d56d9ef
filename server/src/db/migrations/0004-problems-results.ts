// Issue 5: problems to results — questions and versioned key-problem lists, research topics with bids, assignment
// runs and task forces, milestones with submissions and panel scores, external teams, research reports,
// recommendations with their landing history and evidence, the final evaluation, and the temporary Party branch.
// Schema builder only.
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';
import type { DatabaseKind } from '../database.ts';
import { withId } from './with-id.ts';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types

/** Dropped in this order (children first). */
const TABLES = [
  'party_meeting_attendance',
  'party_meetings',
  'party_branch_members',
  'party_branches',
  'evaluation_results',
  'evaluation_schemes',
  'recommendation_evidence',
  'recommendation_updates',
  'recommendations',
  'research_reports',
  'topic_comments',
  'external_members',
  'milestone_scores',
  'milestone_reviewers',
  'milestone_submissions',
  'topic_milestones',
  'task_force_members',
  'topic_assignment_runs',
  'topic_bids',
  'research_topics',
  'problem_list_versions',
  'key_problem_sources',
  'key_problems',
  'problem_questions',
];

/** An optional stored file (uploaded document). */
const FILE_COLUMNS = <T extends string, C extends string>(t: CreateTableBuilder<T, C>) =>
  t.addColumn('file_name', 'varchar(300)').addColumn('file_path', 'text').addColumn('size_bytes', 'integer').addColumn('mime', 'varchar(120)');

const programRef = (c: ColumnDefinitionBuilder) => c.notNull().references('programs.id').onDelete('cascade');

export function problemsResultsMigration(kind: DatabaseKind): Migration {
  return {
    async up(db: AnyDb) {
      // ---- Problem lists (问题清单) ----
      await withId(db.schema.createTable('problem_questions'), kind)
        .addColumn('program_id', 'integer', programRef)
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('field', 'varchar(30)')
        .addColumn('source', 'varchar(20)', (c) => c.notNull())
        .addColumn('submitter_cadre_id', 'integer', (c) => c.references('cadres.id'))
        .addColumn('submitter_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('submitter_name', 'varchar(100)')
        .addColumn('home_org_id', 'integer', (c) => c.references('organizations.id'))
        .addColumn('search_terms', 'text', (c) => c.notNull().defaultTo(' '))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('problem_questions_program_idx').on('problem_questions').column('program_id').execute();

      await withId(db.schema.createTable('key_problems'), kind)
        .addColumn('program_id', 'integer', programRef)
        .addColumn('title', 'varchar(300)', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('field', 'varchar(30)')
        .addColumn('kind', 'varchar(10)')
        .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('status', 'varchar(10)', (c) => c.notNull().defaultTo('active'))
        .addColumn('merged_into_id', 'integer', (c) => c.references('key_problems.id'))
        .addColumn('search_terms', 'text', (c) => c.notNull().defaultTo(' '))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('key_problems_program_idx').on('key_problems').columns(['program_id', 'status']).execute();

      await db.schema
        .createTable('key_problem_sources')
        .addColumn('key_problem_id', 'integer', (c) => c.notNull().references('key_problems.id').onDelete('cascade'))
        .addColumn('question_id', 'integer', (c) => c.notNull().references('problem_questions.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('key_problem_sources_pk', ['key_problem_id', 'question_id'])
        .execute();
      await db.schema.createIndex('key_problem_sources_question_idx').on('key_problem_sources').column('question_id').execute();

      await withId(db.schema.createTable('problem_list_versions'), kind)
        .addColumn('program_id', 'integer', programRef)
        .addColumn('version', 'varchar(10)', (c) => c.notNull())
        .addColumn('title', 'varchar(200)', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('published_by', 'integer', (c) => c.references('users.id'))
        .addColumn('published_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('problem_list_versions_uq', ['program_id', 'version'])
        .execute();

      // ---- Research topics (课题), bids (招拍挂), assignment runs, task forces (工作专班) ----
      await withId(db.schema.createTable('research_topics'), kind)
        .addColumn('program_id', 'integer', programRef)
        .addColumn('key_problem_id', 'integer', (c) => c.references('key_problems.id').onDelete('set null'))
        .addColumn('class_id', 'integer', (c) => c.references('program_classes.id').onDelete('set null'))
        .addColumn('group_id', 'integer', (c) => c.references('class_groups.id').onDelete('set null'))
        .addColumn('code', 'varchar(20)')
        .addColumn('title', 'varchar(200)', (c) => c.notNull())
        .addColumn('goals', 'text')
        .addColumn('expected_outputs', 'text')
        .addColumn('field', 'varchar(30)')
        .addColumn('team_min', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('team_max', 'integer', (c) => c.notNull().defaultTo(10))
        .addColumn('owner_org_id', 'integer', (c) => c.references('organizations.id'))
        .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('draft'))
        .addColumn('bidding_closes_on', 'varchar(10)')
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('research_topics_program_idx').on('research_topics').column('program_id').execute();

      await withId(db.schema.createTable('topic_bids'), kind)
        .addColumn('program_id', 'integer', programRef)
        .addColumn('topic_id', 'integer', (c) => c.notNull().references('research_topics.id').onDelete('cascade'))
        .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
        .addColumn('rank', 'integer', (c) => c.notNull())
        .addColumn('proposal', 'text')
        .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('active'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('topic_bids_uq', ['topic_id', 'cadre_id'])
        .execute();
      await db.schema.createIndex('topic_bids_program_idx').on('topic_bids').columns(['program_id', 'cadre_id']).execute();

      await withId(db.schema.createTable('topic_assignment_runs'), kind)
        .addColumn('program_id', 'integer', programRef)
        .addColumn('instance', 'text', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('adopted_at', 'varchar(32)')
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('topic_assignment_runs_program_idx').on('topic_assignment_runs').column('program_id').execute();

      await withId(db.schema.createTable('task_force_members'), kind)
        .addColumn('topic_id', 'integer', (c) => c.notNull().references('research_topics.id').onDelete('cascade'))
        .addColumn('cadre_id', 'integer', (c) => c.references('cadres.id'))
        .addColumn('user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('name', 'varchar(100)', (c) => c.notNull())
        .addColumn('org_id', 'integer', (c) => c.references('organizations.id'))
        .addColumn('role', 'varchar(20)', (c) => c.notNull())
        .addColumn('assigned_rank', 'integer')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('task_force_members_cadre_uq', ['topic_id', 'cadre_id'])
        .execute();
      await db.schema.createIndex('task_force_members_cadre_idx').on('task_force_members').column('cadre_id').execute();

      // ---- Milestones (过程管控), submissions with versions, review panel and scores ----
      await withId(db.schema.createTable('topic_milestones'), kind)
        .addColumn('topic_id', 'integer', (c) => c.notNull().references('research_topics.id').onDelete('cascade'))
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('title', 'varchar(200)', (c) => c.notNull())
        .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('pending'))
        .addColumn('rubric', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('decision_note', 'text')
        .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
        .addColumn('decided_at', 'varchar(32)')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('topic_milestones_uq', ['topic_id', 'kind'])
        .execute();

      await FILE_COLUMNS(
        withId(db.schema.createTable('milestone_submissions'), kind)
          .addColumn('milestone_id', 'integer', (c) => c.notNull().references('topic_milestones.id').onDelete('cascade'))
          .addColumn('version', 'integer', (c) => c.notNull()),
      )
        .addColumn('note', 'text')
        .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('milestone_submissions_uq', ['milestone_id', 'version'])
        .execute();

      await db.schema
        .createTable('milestone_reviewers')
        .addColumn('milestone_id', 'integer', (c) => c.notNull().references('topic_milestones.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('invited_by', 'integer', (c) => c.references('users.id'))
        .addColumn('invited_at', 'varchar(32)', (c) => c.notNull())
        .addPrimaryKeyConstraint('milestone_reviewers_pk', ['milestone_id', 'user_id'])
        .execute();

      await withId(db.schema.createTable('milestone_scores'), kind)
        .addColumn('milestone_id', 'integer', (c) => c.notNull().references('topic_milestones.id').onDelete('cascade'))
        .addColumn('reviewer_user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('scores', 'text', (c) => c.notNull())
        .addColumn('total', 'real', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('milestone_scores_uq', ['milestone_id', 'reviewer_user_id'])
        .execute();

      // ---- External teams (外挂团队) and the topic's discussion ----
      await withId(db.schema.createTable('external_members'), kind)
        .addColumn('topic_id', 'integer', (c) => c.notNull().references('research_topics.id').onDelete('cascade'))
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('name', 'varchar(100)', (c) => c.notNull())
        .addColumn('organization', 'varchar(200)')
        .addColumn('contact', 'varchar(100)')
        .addColumn('user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('external_members_topic_idx').on('external_members').column('topic_id').execute();
      await db.schema.createIndex('external_members_user_idx').on('external_members').column('user_id').execute();

      await withId(db.schema.createTable('topic_comments'), kind)
        .addColumn('topic_id', 'integer', (c) => c.notNull().references('research_topics.id').onDelete('cascade'))
        .addColumn('milestone_id', 'integer', (c) => c.references('topic_milestones.id').onDelete('cascade'))
        .addColumn('author_user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('topic_comments_topic_idx').on('topic_comments').column('topic_id').execute();

      // ---- Reports (调研报告) and recommendations (建议) with their landing (成果转化) ----
      await FILE_COLUMNS(
        withId(db.schema.createTable('research_reports'), kind)
          .addColumn('program_id', 'integer', programRef)
          .addColumn('topic_id', 'integer', (c) => c.references('research_topics.id').onDelete('set null'))
          .addColumn('group_id', 'integer', (c) => c.references('class_groups.id').onDelete('set null'))
          .addColumn('cadre_id', 'integer', (c) => c.references('cadres.id'))
          .addColumn('title', 'varchar(200)', (c) => c.notNull())
          .addColumn('summary', 'text')
          .addColumn('body', 'text'),
      )
        .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('draft'))
        .addColumn('author_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('submitted_at', 'varchar(32)')
        .addColumn('search_terms', 'text', (c) => c.notNull().defaultTo(' '))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('research_reports_program_idx').on('research_reports').column('program_id').execute();

      await withId(db.schema.createTable('recommendations'), kind)
        .addColumn('program_id', 'integer', programRef)
        .addColumn('source', 'varchar(20)', (c) => c.notNull())
        .addColumn('report_id', 'integer', (c) => c.references('research_reports.id').onDelete('set null'))
        .addColumn('topic_id', 'integer', (c) => c.references('research_topics.id').onDelete('set null'))
        .addColumn('action_item_id', 'integer', (c) => c.unique().references('action_items.id').onDelete('set null'))
        .addColumn('title', 'varchar(300)', (c) => c.notNull())
        .addColumn('content', 'text')
        .addColumn('owner_org_id', 'integer', (c) => c.references('organizations.id'))
        .addColumn('owner_name', 'varchar(100)')
        .addColumn('deadline', 'varchar(10)')
        .addColumn('expected_effect', 'text')
        .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('proposed'))
        .addColumn('reject_reason', 'text')
        .addColumn('landed_at', 'varchar(32)')
        .addColumn('last_update_at', 'varchar(32)')
        .addColumn('reminded_for', 'varchar(10)')
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('recommendations_program_idx').on('recommendations').columns(['program_id', 'status']).execute();
      await db.schema.createIndex('recommendations_owner_idx').on('recommendations').column('owner_org_id').execute();

      await withId(db.schema.createTable('recommendation_updates'), kind)
        .addColumn('recommendation_id', 'integer', (c) => c.notNull().references('recommendations.id').onDelete('cascade'))
        .addColumn('from_status', 'varchar(20)')
        .addColumn('to_status', 'varchar(20)', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('author_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('recommendation_updates_rec_idx').on('recommendation_updates').column('recommendation_id').execute();

      await FILE_COLUMNS(
        withId(db.schema.createTable('recommendation_evidence'), kind)
          .addColumn('recommendation_id', 'integer', (c) => c.notNull().references('recommendations.id').onDelete('cascade'))
          .addColumn('update_id', 'integer', (c) => c.references('recommendation_updates.id').onDelete('set null'))
          .addColumn('kind', 'varchar(20)', (c) => c.notNull())
          .addColumn('label', 'varchar(200)', (c) => c.notNull())
          .addColumn('value', 'real')
          .addColumn('unit', 'varchar(20)'),
      )
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('recommendation_evidence_rec_idx').on('recommendation_evidence').column('recommendation_id').execute();

      // ---- Final evaluation (综合评价) ----
      await db.schema
        .createTable('evaluation_schemes')
        .addColumn('program_id', 'integer', (c) => c.primaryKey().references('programs.id').onDelete('cascade'))
        .addColumn('weights', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await withId(db.schema.createTable('evaluation_results'), kind)
        .addColumn('program_id', 'integer', programRef)
        .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
        .addColumn('topic_id', 'integer', (c) => c.references('research_topics.id').onDelete('set null'))
        .addColumn('score', 'real', (c) => c.notNull())
        .addColumn('grade', 'varchar(20)', (c) => c.notNull())
        .addColumn('components', 'text', (c) => c.notNull())
        .addColumn('published_by', 'integer', (c) => c.references('users.id'))
        .addColumn('published_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('evaluation_results_uq', ['program_id', 'cadre_id'])
        .execute();
      await db.schema.createIndex('evaluation_results_cadre_idx').on('evaluation_results').column('cadre_id').execute();

      // ---- Temporary Party branch (临时党支部) ----
      await withId(db.schema.createTable('party_branches'), kind)
        .addColumn('program_id', 'integer', (c) => c.notNull().unique().references('programs.id').onDelete('cascade'))
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('formed_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await withId(db.schema.createTable('party_branch_members'), kind)
        .addColumn('branch_id', 'integer', (c) => c.notNull().references('party_branches.id').onDelete('cascade'))
        .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
        .addColumn('role', 'varchar(30)', (c) => c.notNull().defaultTo('member'))
        .addColumn('party_group', 'varchar(60)')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('party_branch_members_uq', ['branch_id', 'cadre_id'])
        .execute();
      await db.schema.createIndex('party_branch_members_cadre_idx').on('party_branch_members').column('cadre_id').execute();
      await withId(db.schema.createTable('party_meetings'), kind)
        .addColumn('branch_id', 'integer', (c) => c.notNull().references('party_branches.id').onDelete('cascade'))
        .addColumn('kind', 'varchar(30)', (c) => c.notNull())
        .addColumn('held_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('title', 'varchar(200)', (c) => c.notNull())
        .addColumn('location', 'varchar(200)')
        .addColumn('agenda', 'text')
        .addColumn('minutes', 'text')
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('party_meetings_branch_idx').on('party_meetings').column('branch_id').execute();
      await db.schema
        .createTable('party_meeting_attendance')
        .addColumn('meeting_id', 'integer', (c) => c.notNull().references('party_meetings.id').onDelete('cascade'))
        .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('note', 'varchar(200)')
        .addPrimaryKeyConstraint('party_meeting_attendance_pk', ['meeting_id', 'cadre_id'])
        .execute();
    },
    async down(db: AnyDb) {
      for (const table of TABLES) await db.schema.dropTable(table).ifExists().execute();
    },
  };
}
