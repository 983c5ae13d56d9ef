// Table types of issue 5 (problems → topics → milestones → reports → recommendations → landed; evaluation; Party
// branch). Same conventions as schema.ts: booleans 0/1, dates and instants ISO text, JSON columns as text.
import type { Generated } from 'kysely';

/** One question as submitted (问题), by a trainee, a home unit or an import. Never edited by curators. */
export interface ProblemQuestionsTable {
  id: Generated<number>;
  program_id: number;
  text: string;
  /** ProblemField code or null */
  field: string | null;
  /** trainee | unit | import */
  source: string;
  submitter_cadre_id: number | null;
  submitter_user_id: number | null;
  /** Free-text submitter (imports, units) when no cadre or user row stands behind it. */
  submitter_name: string | null;
  home_org_id: number | null;
  /** ' ' + tokenize(text).join(' ') + ' ' (core/src/text). */
  search_terms: string;
  created_at: string;
  updated_at: string;
}

/** An item of the working key-problem list; curators merge, rephrase, prioritise and classify these. */
export interface KeyProblemsTable {
  id: Generated<number>;
  program_id: number;
  title: string;
  description: string | null;
  field: string | null;
  /** fixed | open | null (unclassified) */
  kind: string | null;
  /** Lower is more important; the list is shown in this order. */
  priority: number;
  /** active | merged | removed */
  status: string;
  merged_into_id: number | null;
  search_terms: string;
  created_at: string;
  updated_at: string;
}

/** Which original questions a key problem came from (kept through merges and splits). */
export interface KeyProblemSourcesTable {
  key_problem_id: number;
  question_id: number;
}

/**
 * A published version of the list (1.0, 2.0 …). `snapshot` is JSON `ProblemListSnapshot`:
 * `{ items: [{ id, title, description, field, kind, priority, questionIds: number[] }] }` (active items, priority order).
 */
export interface ProblemListVersionsTable {
  id: Generated<number>;
  program_id: number;
  version: string;
  title: string;
  note: string | null;
  snapshot: string;
  published_by: number | null;
  published_at: string;
}

export interface ResearchTopicsTable {
  id: Generated<number>;
  program_id: number;
  key_problem_id: number | null;
  /** S2: topics claimed by a study group of a class. */
  class_id: number | null;
  group_id: number | null;
  code: string | null;
  title: string;
  goals: string | null;
  expected_outputs: string | null;
  field: string | null;
  team_min: number;
  team_max: number;
  /** Home-side owner unit (承接单位) that will take the results. */
  owner_org_id: number | null;
  /** draft | bidding | assigned | in_progress | completed */
  status: string;
  bidding_closes_on: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A trainee's bid (投标): `rank` 1 = first choice among the trainee's bids in the program. */
export interface TopicBidsTable {
  id: Generated<number>;
  program_id: number;
  topic_id: number;
  cadre_id: number;
  rank: number;
  proposal: string | null;
  /** active | won | lost | withdrawn */
  status: string;
  created_at: string;
  updated_at: string;
}

/** A stored solve of the topic assignment: instance and result JSON (core), summary `{ worstRank, profile, … }`. */
export interface TopicAssignmentRunsTable {
  id: Generated<number>;
  program_id: number;
  instance: string;
  result: string;
  summary: string;
  adopted_at: string | null;
  created_by: number | null;
  created_at: string;
}

/** A task force (工作专班) member: a trainee (cadre_id) or a home-side liaison (user_id or just a name). */
export interface TaskForceMembersTable {
  id: Generated<number>;
  topic_id: number;
  cadre_id: number | null;
  user_id: number | null;
  name: string;
  org_id: number | null;
  /** lead | member | liaison */
  role: string;
  /** The rank of this topic in the member's bids when assigned (shown to the trainee). */
  assigned_rank: number | null;
  created_at: string;
}

/** `rubric` is JSON `[{ key, label, max }]`; a reviewer's total is the sum of their criterion scores. */
export interface TopicMilestonesTable {
  id: Generated<number>;
  topic_id: number;
  /** plan | opening | midterm | final */
  kind: string;
  title: string;
  due_date: string;
  /** pending | submitted | passed | revise */
  status: string;
  rubric: string;
  decision_note: string | null;
  decided_by: number | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MilestoneSubmissionsTable {
  id: Generated<number>;
  milestone_id: number;
  version: number;
  file_name: string | null;
  file_path: string | null;
  size_bytes: number | null;
  mime: string | null;
  note: string | null;
  submitted_by: number | null;
  created_at: string;
}

/** The review panel of a milestone: users invited to score it (staff or external-team accounts). */
export interface MilestoneReviewersTable {
  milestone_id: number;
  user_id: number;
  invited_by: number | null;
  invited_at: string;
}

/** `scores` is JSON `{ [criterionKey]: number }`. */
export interface MilestoneScoresTable {
  id: Generated<number>;
  milestone_id: number;
  reviewer_user_id: number;
  scores: string;
  total: number;
  comment: string | null;
  created_at: string;
  updated_at: string;
}

/** An external-team member (外挂团队) attached to a topic; `user_id` is their external_expert account, if any. */
export interface ExternalMembersTable {
  id: Generated<number>;
  topic_id: number;
  /** ExternalKind */
  kind: string;
  name: string;
  organization: string | null;
  contact: string | null;
  user_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface TopicCommentsTable {
  id: Generated<number>;
  topic_id: number;
  milestone_id: number | null;
  author_user_id: number;
  body: string;
  created_at: string;
}

/** A research report (调研报告): by a topic's task force, a study group (S2) or one cadre (S4); file and/or online text. */
export interface ResearchReportsTable {
  id: Generated<number>;
  program_id: number;
  topic_id: number | null;
  group_id: number | null;
  cadre_id: number | null;
  title: string;
  summary: string | null;
  /** Online-editor text (plain text with line breaks). */
  body: string | null;
  file_name: string | null;
  file_path: string | null;
  size_bytes: number | null;
  mime: string | null;
  /** draft | submitted */
  status: string;
  author_user_id: number | null;
  submitted_at: string | null;
  search_terms: string;
  created_at: string;
  updated_at: string;
}

/** A recommendation (对策建议) tracked until it lands back home. */
export interface RecommendationsTable {
  id: Generated<number>;
  program_id: number;
  /** report | topic | reflection | manual */
  source: string;
  report_id: number | null;
  topic_id: number | null;
  /** Issue 3's reflection action item this row tracks (source 'reflection'). */
  action_item_id: number | null;
  title: string;
  content: string | null;
  /** The home-side owner unit; null only for reflection items whose owner is free text (owner_name). */
  owner_org_id: number | null;
  owner_name: string | null;
  deadline: string | null;
  expected_effect: string | null;
  /** proposed | accepted | in_progress | landed | rejected */
  status: string;
  reject_reason: string | null;
  landed_at: string | null;
  last_update_at: string | null;
  /** The deadline a reminder was last sent for, so each deadline is reminded once. */
  reminded_for: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A status change or periodic progress update (状态更新) by the owner unit or the organizer. */
export interface RecommendationUpdatesTable {
  id: Generated<number>;
  recommendation_id: number;
  from_status: string | null;
  to_status: string;
  note: string | null;
  author_user_id: number | null;
  created_at: string;
}

/** Evidence of landing: a document (file columns) or a figure (label, value, unit). */
export interface RecommendationEvidenceTable {
  id: Generated<number>;
  recommendation_id: number;
  update_id: number | null;
  /** document | figure */
  kind: string;
  label: string;
  value: number | null;
  unit: string | null;
  file_name: string | null;
  file_path: string | null;
  size_bytes: number | null;
  mime: string | null;
  created_by: number | null;
  created_at: string;
}

/** `weights` is JSON `Record<EvaluationComponent, number>` (sum 100). */
export interface EvaluationSchemesTable {
  program_id: number;
  weights: string;
  updated_by: number | null;
  updated_at: string;
}

/** A published final evaluation of one trainee; `components` is JSON `{ [component]: number | null }` (0–100). */
export interface EvaluationResultsTable {
  id: Generated<number>;
  program_id: number;
  cadre_id: number;
  topic_id: number | null;
  score: number;
  /** excellent | good | pass | fail (REVIEW_RESULTS) */
  grade: string;
  components: string;
  published_by: number | null;
  published_at: string;
}

export interface PartyBranchesTable {
  id: Generated<number>;
  program_id: number;
  name: string;
  formed_on: string;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface PartyBranchMembersTable {
  id: Generated<number>;
  branch_id: number;
  cadre_id: number;
  /** BranchRole */
  role: string;
  party_group: string | null;
  created_at: string;
}

export interface PartyMeetingsTable {
  id: Generated<number>;
  branch_id: number;
  /** PartyMeetingKind */
  kind: string;
  held_on: string;
  title: string;
  location: string | null;
  agenda: string | null;
  minutes: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface PartyMeetingAttendanceTable {
  meeting_id: number;
  cadre_id: number;
  /** present | absent | excused */
  status: string;
  note: string | null;
}

export interface ResultsTables {
  problem_questions: ProblemQuestionsTable;
  key_problems: KeyProblemsTable;
  key_problem_sources: KeyProblemSourcesTable;
  problem_list_versions: ProblemListVersionsTable;
  research_topics: ResearchTopicsTable;
  topic_bids: TopicBidsTable;
  topic_assignment_runs: TopicAssignmentRunsTable;
  task_force_members: TaskForceMembersTable;
  topic_milestones: TopicMilestonesTable;
  milestone_submissions: MilestoneSubmissionsTable;
  milestone_reviewers: MilestoneReviewersTable;
  milestone_scores: MilestoneScoresTable;
  external_members: ExternalMembersTable;
  topic_comments: TopicCommentsTable;
  research_reports: ResearchReportsTable;
  recommendations: RecommendationsTable;
  recommendation_updates: RecommendationUpdatesTable;
  recommendation_evidence: RecommendationEvidenceTable;
  evaluation_schemes: EvaluationSchemesTable;
  evaluation_results: EvaluationResultsTable;
  party_branches: PartyBranchesTable;
  party_branch_members: PartyBranchMembersTable;
  party_meetings: PartyMeetingsTable;
  party_meeting_attendance: PartyMeetingAttendanceTable;
}
