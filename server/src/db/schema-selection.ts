// Table types of issue 4 (selection, formation drafts, host units and posts, placements and their follow-up).
// Same conventions as schema.ts: booleans 0/1, dates and instants ISO text, JSON columns as text.
import type { Generated, Selectable } from 'kysely';

export interface NominationQuotasTable {
  id: Generated<number>;
  program_id: number;
  /** The sending unit whose subtree the quota covers; null = a unit category across the organizer's tree. */
  org_id: number | null;
  /** With org_id null: 'grassroots' (township/village level) or an org kind (party_gov, institution, enterprise, …). */
  unit_category: string | null;
  quota: number;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface NominationsTable {
  id: Generated<number>;
  program_id: number;
  cadre_id: number;
  quota_id: number | null;
  nominating_org_id: number;
  /** submitted | unit_approved | approved | waitlisted | rejected | withdrawn */
  status: string;
  waitlist_position: number | null;
  statement: string | null;
  decision_reason: string | null;
  nominated_by: number | null;
  unit_approved_by: number | null;
  unit_approved_at: string | null;
  decided_by: number | null;
  decided_at: string | null;
  enrolment_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface NominationEventsTable {
  id: Generated<number>;
  nomination_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  actor_id: number | null;
  actor_name: string | null;
  at: string;
}

export interface FormationDraftsTable {
  id: Generated<number>;
  program_id: number;
  seed: Generated<number>;
  group_min: Generated<number>;
  group_max: Generated<number>;
  /** JSON core GroupingSolution with enrolment ids as strings. */
  solution: string;
  /** JSON core Lock[] */
  locks: Generated<string>;
  stats: Generated<string>;
  updated_by: number | null;
  applied_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface HostUnitsTable {
  id: Generated<number>;
  org_id: number;
  code: string | null;
  name: string;
  /** enterprise | agency | institution | park */
  kind: string;
  city: string | null;
  field: string | null;
  address: string | null;
  capacity: Generated<number>;
  /** The host_contact account that sees this unit's placed cadres. */
  contact_user_id: number | null;
  contact_name: string | null;
  contact_phone: string | null;
  mentor_name: string | null;
  created_at: string;
  updated_at: string;
}

export interface HostPostsTable {
  id: Generated<number>;
  program_id: number;
  host_unit_id: number;
  title: string;
  seats: number;
  /** JSON string[] */
  specialty_tags: Generated<string>;
  requirements: string | null;
  mentor_name: string | null;
  sort_order: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PlacementBansTable {
  id: Generated<number>;
  cadre_id: number;
  host_unit_id: number;
  /** former_employer | relative | manual */
  kind: string;
  reason: string | null;
  created_by: number | null;
  created_at: string;
}

export interface PlacementPreferencesTable {
  id: Generated<number>;
  program_id: number;
  /** cadre (the cadre ranks the post) | host (the host ranks or scores the cadre) */
  side: string;
  cadre_id: number;
  post_id: number;
  rank: number | null;
  score: number | null;
  created_at: string;
  updated_at: string;
}

export interface PlacementRunsTable {
  id: Generated<number>;
  program_id: number;
  /** stable | optimal */
  mode: string;
  seed: number;
  /** JSON core PlacementInstance (post and cadre ids as strings) */
  instance: string;
  /** JSON core PlacementResult (+ explanations) */
  result: string;
  created_by: number | null;
  created_at: string;
  published_at: string | null;
  published_by: number | null;
}

export interface PlacementsTable {
  id: Generated<number>;
  program_id: number;
  enrolment_id: number;
  cadre_id: number;
  post_id: number;
  host_unit_id: number;
  run_id: number | null;
  /** draft | published | reported | completed */
  status: string;
  choice: number | null;
  explanation: string | null;
  start_date: string | null;
  end_date: string | null;
  published_at: string | null;
  remote_checkin_at: string | null;
  remote_checkin_contacted: Generated<number>;
  remote_checkin_tasks: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlacementLogsTable {
  id: Generated<number>;
  placement_id: number;
  /** Monday of the week, YYYY-MM-DD */
  week_start: string;
  content: string;
  next_plan: string | null;
  mentor_comment: string | null;
  commented_by: number | null;
  commented_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlacementReviewsTable {
  id: Generated<number>;
  placement_id: number;
  /** midterm | final */
  kind: string;
  self_summary: string | null;
  host_feedback: string | null;
  score: number | null;
  /** excellent | good | pass | fail */
  result: string | null;
  hours: number | null;
  hours_entry_id: number | null;
  reviewer_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface SelectionTables {
  nomination_quotas: NominationQuotasTable;
  nominations: NominationsTable;
  nomination_events: NominationEventsTable;
  formation_drafts: FormationDraftsTable;
  host_units: HostUnitsTable;
  host_posts: HostPostsTable;
  placement_bans: PlacementBansTable;
  placement_preferences: PlacementPreferencesTable;
  placement_runs: PlacementRunsTable;
  placements: PlacementsTable;
  placement_logs: PlacementLogsTable;
  placement_reviews: PlacementReviewsTable;
}

export type NominationRow = Selectable<NominationsTable>;
export type HostUnitRow = Selectable<HostUnitsTable>;
export type HostPostRow = Selectable<HostPostsTable>;
export type PlacementRow = Selectable<PlacementsTable>;
