// Rows → response objects of the selection module (explicit objects: what the API promises, nothing more).
import type { Gender, Nomination, NominationStatus, NomineeSummary, Rank, UnitCategory } from '@duibiao/contracts';
import { GRASSROOTS_LEVELS, type OrgLevel } from '@duibiao/contracts';
import { completedYears } from '@duibiao/core/selection/index';
import type { eventsOf, NominationFullRow } from './selection.repo.ts';
import { quotaLabel } from './selection-access.ts';

type EventRow = Awaited<ReturnType<typeof eventsOf>>[number];

export const isGrassroots = (level: string): boolean => GRASSROOTS_LEVELS.includes(level as OrgLevel);

const parseList = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
};

export function nomineeOf(
  c: {
    id: number;
    name: string;
    gender: string | null;
    birth_date: string | null;
    position: string | null;
    rank: string | null;
    specialties: string;
    org_id: number;
    org_name: string;
    org_level: string;
  },
  referenceDay: string,
): NomineeSummary {
  return {
    id: c.id,
    name: c.name,
    gender: c.gender as Gender | null,
    age: c.birth_date ? completedYears(c.birth_date, referenceDay) : null,
    orgId: c.org_id,
    orgName: c.org_name,
    position: c.position,
    rank: c.rank as Rank | null,
    specialties: parseList(c.specialties),
    grassroots: isGrassroots(c.org_level),
  };
}

export const specialtiesOf = parseList;

export function presentNominations(rows: readonly NominationFullRow[], events: readonly EventRow[], referenceDay: string): Nomination[] {
  return rows.map((r) => ({
    id: r.id,
    programId: r.program_id,
    cadre: nomineeOf(
      {
        id: r.cadre_id,
        name: r.cadre_name,
        gender: r.gender,
        birth_date: r.birth_date,
        position: r.position,
        rank: r.rank,
        specialties: r.specialties,
        org_id: r.cadre_org_id,
        org_name: r.cadre_org_name,
        org_level: r.cadre_org_level,
      },
      referenceDay,
    ),
    quotaId: r.quota_id,
    quotaLabel: r.quota_id === null ? null : quotaLabel({ org_name: r.quota_org_name, unit_category: r.quota_category as UnitCategory | null }),
    nominatingOrg: { id: r.nominating_org_id, name: r.nominating_org_name },
    status: r.status as NominationStatus,
    waitlistPosition: r.waitlist_position,
    statement: r.statement,
    decisionReason: r.decision_reason,
    enrolmentId: r.enrolment_id,
    events: events
      .filter((e) => e.nomination_id === r.id)
      .map((e) => ({ id: e.id, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, reason: e.reason, actorName: e.actor_name, at: e.at })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}
