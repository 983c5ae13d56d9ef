// Shapes of a class-and-group formation instance (S2 分班建组) and of its solution.

export type Level = 'grassroots' | 'other';

export interface PersonAttributes {
  gender?: string;
  rank?: string;
  age?: number;
}

export interface Person {
  id: string;
  /** Home (sending) unit; two members of one unit in a group count as a same-unit pair. */
  unit: string;
  level: Level;
  specialties: string[];
  attributes: PersonAttributes;
}

export interface ClassSpec {
  id: string;
  capacity: number;
  themeTags: string[];
  /** Share in [0, 1]; the class needs at least ceil(share × size) grassroots members. */
  minGrassrootsShare: number;
}

export interface GroupSize {
  min: number;
  max: number;
}

/** A person fixed to a class and, optionally, to a group label (kept as the group's id). */
export interface Lock {
  person: string;
  class: string;
  group?: string;
}

export interface GroupingInstance {
  people: Person[];
  classes: ClassSpec[];
  groupSize: GroupSize;
  seed: number;
  locked: Lock[];
}

export interface GroupResult {
  id: string;
  members: string[];
}

export interface ClassResult {
  id: string;
  members: string[];
  groups: GroupResult[];
}

export interface GroupingSolution {
  classes: ClassResult[];
}

/** One problem with an input field, e.g. `{ path: 'people[3].id', message: 'duplicate id "p1"' }`. */
export interface PathError {
  path: string;
  message: string;
}
