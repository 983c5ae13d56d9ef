// Reads an untrusted JSON value as a GroupingInstance, listing every bad field with its path.
import type { ClassSpec, GroupingInstance, Level, Lock, PathError, Person, PersonAttributes } from './types.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export type ParseResult = { ok: true; value: GroupingInstance } | { ok: false; errors: PathError[] };

/** Validates `raw`; `level` may also be given as `isGrassroots: boolean`. Optional fields get defaults. */
export function parseInstance(raw: unknown): ParseResult {
  const errors: PathError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  if (!isObj(raw)) return { ok: false, errors: [{ path: '', message: 'expected an object' }] };

  const people = readList(raw.people, 'people', err).map((p, i) => readPerson(p, `people[${i}]`, err));
  const classes = readList(raw.classes, 'classes', err).map((c, i) => readClass(c, `classes[${i}]`, err));
  duplicates(people, 'people', err);
  duplicates(classes, 'classes', err);

  const groupSize = { min: 0, max: 0 };
  if (!isObj(raw.groupSize)) err('groupSize', 'expected an object { min, max }');
  else {
    groupSize.min = readCount(raw.groupSize.min, 'groupSize.min', err, 1);
    groupSize.max = readCount(raw.groupSize.max, 'groupSize.max', err, 1);
    if (groupSize.min > groupSize.max) err('groupSize', `min ${groupSize.min} is greater than max ${groupSize.max}`);
  }

  let seed = 0;
  if (raw.seed !== undefined) {
    if (typeof raw.seed === 'number' && Number.isInteger(raw.seed)) seed = raw.seed;
    else err('seed', 'expected an integer');
  }

  const personIds = new Set(people.map((p) => p.id));
  const classIds = new Set(classes.map((c) => c.id));
  const locked: Lock[] = [];
  if (raw.locked !== undefined) {
    if (!Array.isArray(raw.locked)) err('locked', 'expected an array');
    else {
      const seen = new Set<string>();
      raw.locked.forEach((l: unknown, i) => {
        const at = `locked[${i}]`;
        if (!isObj(l)) return err(at, 'expected an object { person, class, group? }');
        if (!isNonEmptyString(l.person)) err(`${at}.person`, 'expected a person id');
        else if (!personIds.has(l.person)) err(`${at}.person`, `unknown person "${l.person}"`);
        else if (seen.has(l.person)) err(`${at}.person`, `person "${l.person}" is locked twice`);
        if (!isNonEmptyString(l.class)) err(`${at}.class`, 'expected a class id');
        else if (!classIds.has(l.class)) err(`${at}.class`, `unknown class "${l.class}"`);
        if (l.group !== undefined && !isNonEmptyString(l.group)) err(`${at}.group`, 'expected a non-empty string');
        if (isNonEmptyString(l.person)) seen.add(l.person);
        locked.push({ person: String(l.person), class: String(l.class), ...(isNonEmptyString(l.group) ? { group: l.group } : {}) });
      });
    }
  }

  const capacity = classes.reduce((sum, c) => sum + c.capacity, 0);
  if (errors.length === 0 && capacity < people.length) {
    err('classes', `total capacity ${capacity} cannot hold ${people.length} people`);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { people, classes, groupSize, seed, locked } };
}

function readList(value: unknown, path: string, err: (path: string, message: string) => void): unknown[] {
  if (!Array.isArray(value)) {
    err(path, 'expected an array');
    return [];
  }
  if (value.length === 0) err(path, 'must not be empty');
  return value;
}

function readCount(value: unknown, path: string, err: (path: string, message: string) => void, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    err(path, `expected an integer ≥ ${min}`);
    return min;
  }
  return value;
}

function readPerson(raw: unknown, at: string, err: (path: string, message: string) => void): Person {
  if (!isObj(raw)) {
    err(at, 'expected an object');
    return { id: '', unit: '', level: 'other', specialties: [], attributes: {} };
  }
  if (!isNonEmptyString(raw.id)) err(`${at}.id`, 'expected a non-empty string');
  if (!isNonEmptyString(raw.unit)) err(`${at}.unit`, 'expected a non-empty string');
  let level: Level = 'other';
  if (raw.level === 'grassroots' || raw.level === 'other') level = raw.level;
  else if (raw.level === undefined && typeof raw.isGrassroots === 'boolean') level = raw.isGrassroots ? 'grassroots' : 'other';
  else err(`${at}.level`, 'expected "grassroots" or "other" (or isGrassroots: boolean)');
  if (raw.specialties !== undefined && !isStringArray(raw.specialties)) err(`${at}.specialties`, 'expected an array of strings');
  const attributes: PersonAttributes = {};
  if (raw.attributes !== undefined) {
    const a = raw.attributes;
    if (!isObj(a)) err(`${at}.attributes`, 'expected an object { gender?, rank?, age? }');
    else {
      if (a.gender !== undefined && typeof a.gender !== 'string') err(`${at}.attributes.gender`, 'expected a string');
      else if (a.gender !== undefined) attributes.gender = a.gender;
      if (a.rank !== undefined && typeof a.rank !== 'string') err(`${at}.attributes.rank`, 'expected a string');
      else if (a.rank !== undefined) attributes.rank = a.rank;
      if (a.age !== undefined && (typeof a.age !== 'number' || !Number.isFinite(a.age) || a.age < 0)) err(`${at}.attributes.age`, 'expected a number ≥ 0');
      else if (a.age !== undefined) attributes.age = a.age;
    }
  }
  return {
    id: String(raw.id),
    unit: String(raw.unit),
    level,
    specialties: isStringArray(raw.specialties) ? raw.specialties : [],
    attributes,
  };
}

function readClass(raw: unknown, at: string, err: (path: string, message: string) => void): ClassSpec {
  if (!isObj(raw)) {
    err(at, 'expected an object');
    return { id: '', capacity: 0, themeTags: [], minGrassrootsShare: 0 };
  }
  if (!isNonEmptyString(raw.id)) err(`${at}.id`, 'expected a non-empty string');
  const capacity = readCount(raw.capacity, `${at}.capacity`, err, 0);
  if (raw.themeTags !== undefined && !isStringArray(raw.themeTags)) err(`${at}.themeTags`, 'expected an array of strings');
  let share = 0;
  if (raw.minGrassrootsShare !== undefined) {
    if (typeof raw.minGrassrootsShare === 'number' && raw.minGrassrootsShare >= 0 && raw.minGrassrootsShare <= 1) share = raw.minGrassrootsShare;
    else err(`${at}.minGrassrootsShare`, 'expected a number in [0, 1]');
  }
  return { id: String(raw.id), capacity, themeTags: isStringArray(raw.themeTags) ? raw.themeTags : [], minGrassrootsShare: share };
}

function duplicates(items: { id: string }[], path: string, err: (path: string, message: string) => void): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (item.id === '') return;
    if (seen.has(item.id)) err(`${path}[${i}].id`, `duplicate id "${item.id}"`);
    seen.add(item.id);
  });
}
