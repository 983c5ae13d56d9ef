// Shapes of the demo data set: the org tree, cadres and sign-in accounts.
import type { Education, Gender, OrgKind, OrgLevel, Rank, Role } from '@duibiao/contracts';

export interface DemoOrg {
  /** Stable code, e.g. 'QD', 'QD-SN', 'QD-SN-BDG'. */
  code: string;
  name: string;
  shortName?: string;
  level: OrgLevel;
  kind: OrgKind;
  parentCode: string | null;
  /** 6-digit GB/T 2260 code of the region the node lies in. */
  regionCode: string;
}

export interface DemoExperience {
  startDate: string;
  endDate: string | null;
  unitName: string;
  position: string;
}

export interface DemoCadre {
  orgCode: string;
  name: string;
  gender: Gender;
  birthDate: string;
  ethnicity: string;
  politicalStatus: string;
  idNumber: string;
  mobile: string;
  position: string;
  rank: Rank;
  education: Education;
  specialties: string[];
  workStartDate: string;
  /** Oldest first; the last one is the current post (endDate null). */
  experiences: DemoExperience[];
  /** Scenario ids from DOMAIN.md the cadre belongs to, e.g. ['S2']. */
  scenarioTags: string[];
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  orgCode: string;
  cadreIdNumber?: string;
}

export interface DemoData {
  /** Parents before children. */
  orgs: DemoOrg[];
  cadres: DemoCadre[];
  users: DemoUser[];
  /** The one password of every demo account. */
  password: string;
}
