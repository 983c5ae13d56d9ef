// Pure rules of the cadre registry: age and young-cadre flag, the stored row of a record, presentation.
import { createHash } from 'node:crypto';
import {
  isGrassrootsLevel,
  YOUNG_CADRE_MAX_AGE,
  type CadreDetail,
  type CadreSummary,
  type Education,
  type Experience,
  type Gender,
  type OrgLevel,
  type Rank,
} from '@duibiao/contracts';
import { maskIdNumber, maskMobile } from '@duibiao/core/idcard/index';
import type { RosterRecord } from '@duibiao/core/roster/index';
import type { CadreRow, NewCadreRow } from '../../db/schema.ts';
import type { FieldCipher } from '../../lib/field-cipher.ts';

/** Whole years between a birth date and today (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The birth-date bound for "age ≥ n" (born on or before) and "age ≤ n" (born after). */
export function bornOnOrBeforeForAgeAtLeast(age: number, today: string): string {
  const [y, m, d] = today.split('-');
  return `${Number(y) - age}-${m}-${d}`;
}
export function bornAfterForAgeAtMost(age: number, today: string): string {
  return bornOnOrBeforeForAgeAtLeast(age + 1, today);
}

export const isYoungCadre = (birthDate: string | null, today: string): boolean => birthDate !== null && ageOn(birthDate, today) <= YOUNG_CADRE_MAX_AGE;

/** A cadre as validated input (from the form or an import row), before it is stored: the roster's fields
 * with the unit resolved to an org node, plus work experience. */
export type CadreRecord = Omit<RosterRecord, 'unitName'> & { orgId: number; experiences: Experience[] };

/** Hash of everything a user can change, so an identical re-import is recognised as unchanged. */
export function contentHash(r: CadreRecord): string {
  const canonical = JSON.stringify([
    r.orgId,
    r.name,
    r.gender,
    r.birthDate,
    r.ethnicity,
    r.politicalStatus,
    r.idNumber,
    r.mobile,
    r.position,
    r.rank,
    r.education,
    r.specialties,
    r.workStartDate,
    r.experiences,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** `idHash` may be passed when the caller already computed the blind index (bulk import). */
export function toCadreRow(r: CadreRecord, cipher: FieldCipher, at: string, idHash?: string, hash?: string): Omit<NewCadreRow, 'created_at'> {
  return {
    org_id: r.orgId,
    name: r.name,
    gender: r.gender,
    birth_date: r.birthDate,
    ethnicity: r.ethnicity,
    political_status: r.politicalStatus,
    id_number_enc: cipher.encrypt(r.idNumber),
    id_number_hash: idHash ?? cipher.blindIndex(r.idNumber),
    id_number_masked: maskIdNumber(r.idNumber),
    mobile_enc: r.mobile ? cipher.encrypt(r.mobile) : null,
    mobile_masked: r.mobile ? maskMobile(r.mobile) : null,
    position: r.position,
    rank: r.rank,
    education: r.education,
    specialties: JSON.stringify(r.specialties),
    specialties_index: `|${r.specialties.join('|')}|`,
    work_start_date: r.workStartDate,
    experiences: JSON.stringify(r.experiences),
    content_hash: hash ?? contentHash(r),
    updated_at: at,
  };
}

/** Reads a stored row back into a record (decrypting); used for edits and audit before/after. */
export function fromCadreRow(row: CadreRow, cipher: FieldCipher): CadreRecord {
  return {
    orgId: row.org_id,
    name: row.name,
    gender: row.gender as Gender | null,
    birthDate: row.birth_date,
    ethnicity: row.ethnicity,
    politicalStatus: row.political_status,
    idNumber: cipher.decrypt(row.id_number_enc),
    mobile: row.mobile_enc ? cipher.decrypt(row.mobile_enc) : null,
    position: row.position,
    rank: row.rank as Rank | null,
    education: row.education as Education | null,
    specialties: JSON.parse(row.specialties) as string[],
    workStartDate: row.work_start_date,
    experiences: JSON.parse(row.experiences) as Experience[],
  };
}

export interface CadreListRow extends Omit<
  CadreRow,
  'experiences' | 'content_hash' | 'specialties_index' | 'work_start_date' | 'created_at' | 'id_number_enc' | 'id_number_hash' | 'mobile_enc'
> {
  org_name: string;
  org_level: string;
}

export interface Presenter {
  today: string;
  /** Whether the viewer may see full ID numbers and mobiles. */
  canSeeSensitive: boolean;
  cipher: FieldCipher;
}

/** Lists and profiles carry the stored masked forms: no decryption per view, and less exposure on screens. */
export function presentSummary(row: CadreListRow, p: Presenter): CadreSummary {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender as Gender | null,
    birthDate: row.birth_date,
    age: row.birth_date ? ageOn(row.birth_date, p.today) : null,
    isYoung: isYoungCadre(row.birth_date, p.today),
    ethnicity: row.ethnicity,
    politicalStatus: row.political_status,
    idNumber: row.id_number_masked,
    mobile: row.mobile_masked,
    org: { id: row.org_id, name: row.org_name, level: row.org_level as OrgLevel },
    isGrassroots: isGrassrootsLevel(row.org_level as OrgLevel),
    position: row.position,
    rank: row.rank as Rank | null,
    education: row.education as Education | null,
    specialties: JSON.parse(row.specialties) as string[],
    updatedAt: row.updated_at,
  };
}

/** Full ID number and mobile for roles with `cadre:sensitive` (export and the audited reveal); masked otherwise. */
export function revealSensitive(
  row: Pick<CadreRow, 'id_number_enc' | 'id_number_masked' | 'mobile_enc' | 'mobile_masked'>,
  p: Presenter,
): { idNumber: string; mobile: string | null } {
  if (!p.canSeeSensitive) return { idNumber: row.id_number_masked, mobile: row.mobile_masked };
  return { idNumber: p.cipher.decrypt(row.id_number_enc), mobile: row.mobile_enc ? p.cipher.decrypt(row.mobile_enc) : null };
}

export function presentDetail(row: CadreRow & { org_name: string; org_level: string }, orgPathNames: string[], p: Presenter): CadreDetail {
  return {
    ...presentSummary(row, p),
    workStartDate: row.work_start_date,
    experiences: JSON.parse(row.experiences) as Experience[],
    orgPathNames,
    canRevealSensitive: p.canSeeSensitive,
    createdAt: row.created_at,
  };
}

export const RANK_ORDER: Record<Rank, number> = { provincial: 1, bureau: 2, county: 3, township: 4, staff: 5 };
