// Shape checks for JSON fed to the timetable CLI; every problem is listed with its path, not only the first.
import { isSessionType, type Audience, type Session, type Venue } from './session.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Thrown with every problem found in the input. */
export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid input:\n  ${problems.join('\n  ')}`);
  }
}

/** Reads `value` as a list of sessions (descriptions kept), or throws InputError listing each bad field. */
export function readSessions(value: unknown, path = 'sessions'): (Session & { description?: string })[] {
  const problems: string[] = [];
  if (!Array.isArray(value)) throw new InputError([`${path}: expected an array`]);
  const sessions = value.map((raw: unknown, i) => readSession(raw, `${path}[${i}]`, problems));
  if (problems.length > 0) throw new InputError(problems);
  return sessions as (Session & { description?: string })[];
}

function readSession(raw: unknown, at: string, problems: string[]): unknown {
  if (!isObj(raw)) {
    problems.push(`${at}: expected an object`);
    return raw;
  }
  for (const key of ['id', 'title', 'start', 'end'] as const) {
    if (typeof raw[key] !== 'string') problems.push(`${at}.${key}: expected a string`);
  }
  if (!isSessionType(raw.type)) problems.push(`${at}.type: unknown session type ${JSON.stringify(raw.type)}`);
  if (typeof raw.creditedHours !== 'number') problems.push(`${at}.creditedHours: expected a number`);
  if (raw.description !== undefined && typeof raw.description !== 'string') problems.push(`${at}.description: expected a string`);
  if (!Array.isArray(raw.instructorIds) || !raw.instructorIds.every((x) => typeof x === 'string')) {
    problems.push(`${at}.instructorIds: expected an array of strings`);
  }
  if (raw.venue !== null && !isVenue(raw.venue)) problems.push(`${at}.venue: expected null or { id, name, offsite, address?, lat?, lng? }`);
  if (!isAudience(raw.audience)) problems.push(`${at}.audience: expected { kind: 'program' | 'class' | 'group', classId?, groupId? }`);
  return raw;
}

function isVenue(v: unknown): v is Venue {
  if (!isObj(v)) return false;
  const optional = (x: unknown, type: 'string' | 'number') => x === undefined || typeof x === type;
  return (
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    typeof v.offsite === 'boolean' &&
    optional(v.address, 'string') &&
    optional(v.lat, 'number') &&
    optional(v.lng, 'number')
  );
}

function isAudience(v: unknown): v is Audience {
  if (!isObj(v)) return false;
  if (v.kind === 'program') return true;
  if (v.kind === 'class') return typeof v.classId === 'string';
  if (v.kind === 'group') return typeof v.classId === 'string' && typeof v.groupId === 'string';
  return false;
}

/** The object at `value`, or throws InputError naming `path`. */
export function readObject(value: unknown, path: string): Obj {
  if (!isObj(value)) throw new InputError([`${path}: expected an object`]);
  return value;
}
