// Table types of issue 3 (programs, timetable, attendance, leave, ledger, feedback, certificates, notifications).
// Same conventions as schema.ts: booleans 0/1, dates and instants ISO text, JSON columns as text.
import type { Generated, Insertable, Selectable } from 'kysely';

export interface ProgramsTable {
  id: Generated<number>;
  code: string;
  name: string;
  /** centralized_class | embedded_practicum | follow_along | secondment */
  type: string;
  /** draft | enrolling | running | closed | follow_up */
  status: string;
  /** JSON string[] */
  themes: string;
  organizer_org_id: number;
  partner: string | null;
  start_date: string;
  end_date: string;
  /** JSON string[] */
  places: string;
  budget_yuan: number | null;
  /** JSON { onsiteShareMin?, seminarHoursMin?, minimums?: { type, hoursMin }[] } */
  targets: string;
  description: string | null;
  /** End-of-program questionnaire template (feedback module); null = the built-in default is offered. */
  questionnaire_template_id: number | null;
  /** JSON { eligibility?: { maxAge?, ageAsOf?, ranks?, minServiceYears?, specialtiesAny?, excludeOverlapping? }, capacity?, grassrootsShareMin? } (issue 4) */
  selection_rules: Generated<string>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProgramAttachmentsTable {
  id: Generated<number>;
  program_id: number;
  /** rules (管理制度) | other */
  kind: string;
  file_name: string;
  file_path: string;
  size_bytes: number;
  mime: string;
  uploaded_by: number | null;
  created_at: string;
}

export interface InstructorsTable {
  id: Generated<number>;
  org_id: number;
  code: string | null;
  name: string;
  title: string | null;
  unit: string | null;
  external: number;
  /** leader | professor | tutor | practitioner */
  role: string;
  created_at: string;
  updated_at: string;
}

export interface VenuesTable {
  id: Generated<number>;
  org_id: number;
  code: string | null;
  name: string;
  address: string | null;
  /** WGS-84 degrees. */
  lat: number | null;
  lng: number | null;
  offsite: number;
  created_at: string;
  updated_at: string;
}

export interface ProgramClassesTable {
  id: Generated<number>;
  program_id: number;
  name: string;
  theme: string | null;
  place: string | null;
  capacity: number;
  tutor_instructor_id: number | null;
  sort_order: number;
  /** JSON string[]: tags matched against cadre specialties when forming classes (issue 4). */
  theme_tags: Generated<string>;
  /** Grassroots floor of the class in [0, 1] (issue 4). */
  min_grassroots_share: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ClassGroupsTable {
  id: Generated<number>;
  class_id: number;
  name: string;
  sort_order: number;
  created_at: string;
}

export interface ClassTutorsTable {
  class_id: number;
  user_id: number;
}

export interface EnrolmentsTable {
  id: Generated<number>;
  program_id: number;
  cadre_id: number;
  class_id: number | null;
  group_id: number | null;
  /** JSON array of monitor | group_leader | party_contact */
  roles: string;
  /** enrolled | withdrawn */
  status: string;
  /** Set when approved leave passed 1/7 of the program's hours (退学 flag). */
  withdrawal_flagged_at: string | null;
  /** excellent | pass | fail */
  assessment: string | null;
  assessment_reason: string | null;
  assessed_by: number | null;
  assessed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProgramSessionsTable {
  id: Generated<number>;
  program_id: number;
  code: string | null;
  title: string;
  /** core/src/timetable SESSION_TYPES */
  type: string;
  starts_at: string;
  ends_at: string;
  venue_id: number | null;
  /** program | class | group */
  audience_kind: string;
  audience_class_id: number | null;
  audience_group_id: number | null;
  credited_hours: number;
  /** offline | online */
  mode: string;
  checkin_enabled: number;
  geofence_m: number | null;
  checkin_generation: number;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionInstructorsTable {
  session_id: number;
  instructor_id: number;
}

export interface SessionStopsTable {
  id: Generated<number>;
  session_id: number;
  seq: number;
  name: string;
  venue_id: number | null;
  planned_at: string | null;
}

export interface AttendanceTable {
  id: Generated<number>;
  session_id: number;
  /** 0 = the session itself; n = itinerary stop n. */
  stop_seq: number;
  cadre_id: number;
  enrolment_id: number;
  /** present | late | left_early | absent | excused (core/src/hours ATTENDANCE_STATUSES) */
  status: string;
  minutes_missed: number;
  /** qr | manual | leave */
  method: string;
  checked_in_at: string | null;
  lat: number | null;
  lng: number | null;
  accuracy_m: number | null;
  distance_m: number | null;
  remarks: string | null;
  recorded_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface LeaveRequestsTable {
  id: Generated<number>;
  program_id: number;
  enrolment_id: number;
  cadre_id: number;
  reason: string;
  /** Credited hours of the sessions asked for. */
  hours: number;
  attachment_name: string | null;
  attachment_path: string | null;
  /** pending | approved | rejected | cancelled */
  status: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface LeaveRequestSessionsTable {
  leave_id: number;
  session_id: number;
}

export interface CreditPoliciesTable {
  id: Generated<number>;
  org_id: number;
  /** JSON core/src/hours CreditPolicy */
  policy: string;
  updated_by: number | null;
  updated_at: string;
}

export interface HoursRulesTable {
  id: Generated<number>;
  /** null = the national defaults, visible to all. */
  org_id: number | null;
  code: string;
  /** JSON core/src/hours HoursRule */
  rule: string;
  active: number;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface HoursEntriesTable {
  id: Generated<number>;
  cadre_id: number;
  program_id: number | null;
  /** program (derived from attendance) | manual */
  source: string;
  /** offline | online */
  category: string;
  title: string;
  provider: string | null;
  date: string;
  hours: number;
  days: number;
  evidence_name: string | null;
  evidence_path: string | null;
  note: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface SessionRatingsTable {
  id: Generated<number>;
  session_id: number;
  cadre_id: number;
  content: number;
  delivery: number;
  usefulness: number;
  comment: string | null;
  created_at: string;
}

export interface QuestionnaireTemplatesTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  /** JSON question list */
  questions: string;
  created_at: string;
  updated_at: string;
}

export interface QuestionnaireResponsesTable {
  id: Generated<number>;
  program_id: number;
  template_id: number;
  cadre_id: number;
  answers: string;
  created_at: string;
}

export interface ReflectionsTable {
  id: Generated<number>;
  program_id: number;
  cadre_id: number;
  title: string;
  learned: string;
  body: string | null;
  status: string;
  search_terms: string;
  created_at: string;
  updated_at: string;
}

export interface ActionItemsTable {
  id: Generated<number>;
  reflection_id: number;
  content: string;
  owner: string;
  deadline: string | null;
  /** planned | in_progress | done */
  status: string;
  created_at: string;
  updated_at: string;
}

export interface GoodPracticesTable {
  id: Generated<number>;
  org_id: number;
  program_id: number | null;
  reflection_id: number | null;
  title: string;
  summary: string;
  body: string | null;
  fields: string;
  fields_index: string;
  source_city: string | null;
  search_terms: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface CertificatesTable {
  id: Generated<number>;
  enrolment_id: number;
  serial: string;
  verify_code: string;
  issued_at: string;
  revoked_at: string | null;
  revoked_reason: string | null;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  read_at: string | null;
  created_at: string;
}

export interface ProgramTables {
  programs: ProgramsTable;
  program_attachments: ProgramAttachmentsTable;
  instructors: InstructorsTable;
  venues: VenuesTable;
  program_classes: ProgramClassesTable;
  class_groups: ClassGroupsTable;
  class_tutors: ClassTutorsTable;
  enrolments: EnrolmentsTable;
  program_sessions: ProgramSessionsTable;
  session_instructors: SessionInstructorsTable;
  session_stops: SessionStopsTable;
  attendance: AttendanceTable;
  leave_requests: LeaveRequestsTable;
  leave_request_sessions: LeaveRequestSessionsTable;
  credit_policies: CreditPoliciesTable;
  hours_rules: HoursRulesTable;
  hours_entries: HoursEntriesTable;
  session_ratings: SessionRatingsTable;
  questionnaire_templates: QuestionnaireTemplatesTable;
  questionnaire_responses: QuestionnaireResponsesTable;
  reflections: ReflectionsTable;
  action_items: ActionItemsTable;
  good_practices: GoodPracticesTable;
  certificates: CertificatesTable;
  notifications: NotificationsTable;
}

export type ProgramRow = Selectable<ProgramsTable>;
export type NewProgramRow = Insertable<ProgramsTable>;
export type EnrolmentRow = Selectable<EnrolmentsTable>;
export type ProgramSessionRow = Selectable<ProgramSessionsTable>;
export type AttendanceRow = Selectable<AttendanceTable>;
export type LeaveRequestRow = Selectable<LeaveRequestsTable>;
export type HoursEntryRow = Selectable<HoursEntriesTable>;
