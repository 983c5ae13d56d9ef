// Table types as Kysely sees them. Booleans are stored as 0/1 and dates as ISO text on both databases,
// so repositories see one shape whatever the dialect.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ProgramTables } from './schema-programs.ts';
import type { SelectionTables } from './schema-selection.ts';
import type { ResultsTables } from './schema-results.ts';

export interface OrganizationsTable {
  id: Generated<number>;
  parent_id: number | null;
  code: string;
  name: string;
  level: string;
  kind: string;
  /** Materialised path of ids, e.g. '/1/5/23/': a subtree is `path LIKE '/1/5/%'`. */
  path: string;
  region_code: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  org_id: number;
  cadre_id: number | null;
  is_active: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** sha256 of the cookie token, so a database dump holds no usable session. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface CadresTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  gender: string | null;
  birth_date: string | null;
  ethnicity: string | null;
  political_status: string | null;
  /** AES-256-GCM ciphertext; id_number_hash is an HMAC blind index for lookups and upserts. */
  id_number_enc: string;
  id_number_hash: string;
  id_number_masked: string;
  mobile_enc: string | null;
  mobile_masked: string | null;
  position: string | null;
  rank: string | null;
  education: string | null;
  /** JSON array, plus a '|a|b|' form for portable LIKE filtering. */
  specialties: string;
  specialties_index: string;
  work_start_date: string | null;
  experiences: string;
  /** sha256 of the normalised content: re-importing an identical row is a no-op. */
  content_hash: string;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_username: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  /** Org path of the record touched; decides who may read the entry. */
  scope_path: string;
  summary: string;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  ip: string | null;
}

export interface ImportJobsTable {
  id: string;
  user_id: number;
  org_id: number;
  file_name: string;
  file_path: string;
  status: string;
  progress: number;
  rows_read: number;
  summary_json: string;
  error_count: number;
  preview_json: string;
  message: string | null;
  created_at: string;
  updated_at: string;
}

export interface Database extends ProgramTables, SelectionTables, ResultsTables {
  organizations: OrganizationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  cadres: CadresTable;
  audit_log: AuditLogTable;
  import_jobs: ImportJobsTable;
}

export type OrgRow = Selectable<OrganizationsTable>;
export type NewOrgRow = Insertable<OrganizationsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type CadreRow = Selectable<CadresTable>;
export type NewCadreRow = Insertable<CadresTable>;
export type CadreUpdate = Updateable<CadresTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type NewAuditRow = Insertable<AuditLogTable>;
export type ImportJobRow = Selectable<ImportJobsTable>;
