// Pure timetable rules: Beijing-time instants, audience labels, the mapping to core/src/timetable sessions and
// the curriculum targets stored on a program.
import type { Audience, CurriculumTargets, Session, SessionType } from '@duibiao/core/timetable/index';
import { SESSION_TYPES, type AudienceKind, type SessionMode, type TimetableSession } from '@duibiao/contracts';
import { sessionIsFor } from '../programs/audience.ts';

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** Any ISO instant rewritten in Beijing time with an explicit +08:00, the one form stored and compared. */
export function toBeijingIso(iso: string): string {
  const ms = Date.parse(iso);
  return `${new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** The Beijing calendar date (YYYY-MM-DD) of an instant. */
export const beijingDate = (iso: string): string => toBeijingIso(iso).slice(0, 10);

/** `HH:mm` Beijing time of an instant. */
export const beijingClock = (iso: string): string => toBeijingIso(iso).slice(11, 16);

/** The same clock times on another Beijing date. */
export function onDate(iso: string, date: string): string {
  return `${date}${toBeijingIso(iso).slice(10)}`;
}

/** A session row with its venue columns, as the repository loads it. */
export interface SessionRow {
  id: number;
  program_id: number;
  title: string;
  type: string;
  starts_at: string;
  ends_at: string;
  venue_id: number | null;
  venue_name: string | null;
  venue_address: string | null;
  venue_lat: number | null;
  venue_lng: number | null;
  venue_offsite: number | null;
  audience_kind: string;
  audience_class_id: number | null;
  audience_group_id: number | null;
  credited_hours: number;
  mode: string;
  checkin_enabled: number;
  geofence_m: number | null;
  notes: string | null;
  updated_at: string;
}

/** Sessions of one timetable with their instructors and itinerary stops. */
export interface SessionRows {
  sessions: SessionRow[];
  instructors: { session_id: number; instructor_id: number; name: string; title: string | null; unit: string | null }[];
  stops: { id: number; session_id: number; seq: number; name: string; venue_id: number | null; venue_name: string | null; planned_at: string | null }[];
}

export interface ClassInfo {
  id: number;
  name: string;
}
export interface GroupInfo {
  id: number;
  class_id: number;
  name: string;
}

/** 全体学员 / 一班 / 一班·第一组 */
export function audienceLabel(
  kind: string,
  classId: number | null,
  groupId: number | null,
  classes: Map<number, ClassInfo>,
  groups: Map<number, GroupInfo>,
): string {
  if (kind === 'group' && groupId !== null) {
    const g = groups.get(groupId);
    const c = g ? classes.get(g.class_id) : undefined;
    return `${c?.name ?? '?'}·${g?.name ?? '?'}`;
  }
  if (kind === 'class' && classId !== null) return classes.get(classId)?.name ?? '?';
  return '全体学员';
}

/** API shape of every session of a loaded timetable, in start order. */
export function presentSessions(rows: SessionRows, classes: Map<number, ClassInfo>, groups: Map<number, GroupInfo>): TimetableSession[] {
  const instructors = groupBy(rows.instructors, (i) => i.session_id);
  const stops = groupBy(rows.stops, (s) => s.session_id);
  return rows.sessions.map((s) => ({
    id: s.id,
    programId: s.program_id,
    type: s.type as SessionType,
    title: s.title,
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    venue:
      s.venue_id === null
        ? null
        : {
            id: s.venue_id,
            name: s.venue_name ?? '',
            address: s.venue_address,
            offsite: s.venue_offsite === 1,
            lat: s.venue_lat,
            lng: s.venue_lng,
          },
    instructors: (instructors.get(s.id) ?? []).map((i) => ({ id: i.instructor_id, name: i.name, title: i.title, unit: i.unit })),
    audienceKind: s.audience_kind as AudienceKind,
    classId: s.audience_class_id,
    groupId: s.audience_group_id,
    audienceLabel: audienceLabel(s.audience_kind, s.audience_class_id, s.audience_group_id, classes, groups),
    creditedHours: Number(s.credited_hours),
    mode: s.mode as SessionMode,
    checkinEnabled: s.checkin_enabled === 1,
    geofenceM: s.geofence_m,
    notes: s.notes,
    stops: (stops.get(s.id) ?? [])
      .sort((a, b) => a.seq - b.seq)
      .map((st) => ({ id: st.id, seq: st.seq, name: st.name, venueId: st.venue_id, venueName: st.venue_name, plannedAt: st.planned_at })),
    updatedAt: s.updated_at,
  }));
}

// Core ids are strings in one namespace per run (names share one map), so each kind gets a prefix.
export const coreSessionId = (id: number): string => `s${id}`;
export const fromCoreSessionId = (id: string): number => Number(id.slice(1));

/** A presented session as core/src/timetable sees it. */
export function toCoreSession(s: TimetableSession, groups: Map<number, GroupInfo>, titleSuffix = ''): Session {
  let audience: Audience = { kind: 'program' };
  if (s.audienceKind === 'class' && s.classId !== null) audience = { kind: 'class', classId: `c${s.classId}` };
  if (s.audienceKind === 'group' && s.groupId !== null) {
    audience = { kind: 'group', classId: `c${groups.get(s.groupId)?.class_id ?? s.classId ?? 0}`, groupId: `g${s.groupId}` };
  }
  return {
    id: coreSessionId(s.id),
    title: `${s.title}${titleSuffix}`,
    type: s.type,
    start: s.startsAt,
    end: s.endsAt,
    venue: s.venue
      ? {
          id: `v${s.venue.id}`,
          name: s.venue.name,
          offsite: s.venue.offsite,
          ...(s.venue.address ? { address: s.venue.address } : {}),
          ...(s.venue.lat !== null && s.venue.lng !== null ? { lat: s.venue.lat, lng: s.venue.lng } : {}),
        }
      : null,
    instructorIds: s.instructors.map((i) => `i${i.id}`),
    audience,
    creditedHours: s.creditedHours,
  };
}

/** Display names for the prefixed instructor, class and group ids in conflict messages. */
export function conflictNames(sessions: readonly TimetableSession[], classes: Map<number, ClassInfo>, groups: Map<number, GroupInfo>): Record<string, string> {
  const names: Record<string, string> = {};
  for (const s of sessions) for (const i of s.instructors) names[`i${i.id}`] = i.name;
  for (const c of classes.values()) names[`c${c.id}`] = c.name;
  for (const g of groups.values()) names[`g${g.id}`] = g.name;
  return names;
}

export interface StoredTargets {
  onsiteShareMin: number | null;
  seminarHoursMin: number | null;
  minimums: { sessionType: SessionType; hoursMin: number }[];
}

const finiteOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The curriculum targets of a program's `targets` JSON. Minimums may name their type `sessionType` or `type`;
 * anything unreadable counts as "no target" rather than failing the timetable.
 */
export function parseTargets(json: string | null): StoredTargets {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(json ?? '{}');
    if (parsed && typeof parsed === 'object') raw = parsed as Record<string, unknown>;
  } catch {
    // keep the empty targets
  }
  const minimums: StoredTargets['minimums'] = [];
  if (Array.isArray(raw.minimums)) {
    for (const m of raw.minimums as Record<string, unknown>[]) {
      const type = m?.sessionType ?? m?.type;
      const hours = finiteOrNull(m?.hoursMin);
      if (typeof type === 'string' && (SESSION_TYPES as readonly string[]).includes(type) && hours !== null) {
        minimums.push({ sessionType: type as SessionType, hoursMin: hours });
      }
    }
  }
  return { onsiteShareMin: finiteOrNull(raw.onsiteShareMin), seminarHoursMin: finiteOrNull(raw.seminarHoursMin), minimums };
}

export function toCoreTargets(t: StoredTargets): CurriculumTargets {
  return {
    ...(t.onsiteShareMin !== null ? { onsiteShareMin: t.onsiteShareMin } : {}),
    ...(t.seminarHoursMin !== null ? { seminarHoursMin: t.seminarHoursMin } : {}),
    ...(t.minimums.length ? { perTypeMinHours: Object.fromEntries(t.minimums.map((m) => [m.sessionType, m.hoursMin])) } : {}),
  };
}

/** What one trainee attends: a group of a class, a class without groups, or (no classes) the whole program. */
export interface AudiencePath {
  classId: number | null;
  groupId: number | null;
  label: string;
}

export function audiencePaths(classes: ClassInfo[], groups: GroupInfo[], filter: { classId?: number; groupId?: number }): AudiencePath[] {
  const paths: AudiencePath[] = [];
  for (const c of classes) {
    if (filter.classId !== undefined && filter.classId !== c.id) continue;
    const own = groups.filter((g) => g.class_id === c.id && (filter.groupId === undefined || filter.groupId === g.id));
    if (own.length) for (const g of own) paths.push({ classId: c.id, groupId: g.id, label: `${c.name}·${g.name}` });
    else if (filter.groupId === undefined) paths.push({ classId: c.id, groupId: null, label: c.name });
  }
  if (!classes.length) paths.push({ classId: null, groupId: null, label: '全体学员' });
  return paths;
}

/** Sessions a trainee on this path must attend (the rule of programs/audience.ts). */
export function sessionsOfPath<T extends { audienceKind: string; classId: number | null; groupId: number | null }>(
  sessions: readonly T[],
  path: AudiencePath,
): T[] {
  return sessions.filter((s) =>
    sessionIsFor(
      { audience_kind: s.audienceKind, audience_class_id: s.classId, audience_group_id: s.groupId },
      { class_id: path.classId, group_id: path.groupId },
    ),
  );
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
