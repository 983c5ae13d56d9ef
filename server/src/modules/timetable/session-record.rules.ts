// A session as the service validates it: input with defaults applied, merged patches, and the checks that need
// the program's dates, classes, groups and registries (passed in, so the rules stay pure).
import type { FieldError, SessionInput, SessionPatch, SessionType } from '@duibiao/contracts';
import type { ProgramSessionsTable } from '../../db/schema-programs.ts';
import { beijingDate, toBeijingIso, type GroupInfo } from './timetable.rules.ts';

export interface SessionRecord {
  type: SessionType;
  title: string;
  startsAt: string;
  endsAt: string;
  venueId: number | null;
  instructorIds: number[];
  audienceKind: 'program' | 'class' | 'group';
  classId: number | null;
  groupId: number | null;
  creditedHours: number;
  mode: 'offline' | 'online';
  checkinEnabled: boolean;
  geofenceM: number | null;
  notes: string | null;
}

const inferKind = (v: { audienceKind?: SessionRecord['audienceKind'] | undefined; classId?: number | null; groupId?: number | null }) =>
  v.audienceKind ?? (v.groupId ? 'group' : v.classId ? 'class' : 'program');

export function recordFromInput(input: SessionInput): SessionRecord {
  return {
    type: input.type,
    title: input.title,
    startsAt: toBeijingIso(input.startsAt),
    endsAt: toBeijingIso(input.endsAt),
    venueId: input.venueId ?? null,
    instructorIds: [...new Set(input.instructorIds ?? [])],
    audienceKind: inferKind(input),
    classId: input.classId ?? null,
    groupId: input.groupId ?? null,
    creditedHours: input.creditedHours,
    mode: input.mode ?? 'offline',
    checkinEnabled: input.checkinEnabled ?? true,
    geofenceM: input.geofenceM ?? null,
    notes: input.notes ?? null,
  };
}

type StoredSession = Pick<
  ProgramSessionsTable,
  'title' | 'starts_at' | 'ends_at' | 'audience_kind' | 'mode' | 'notes' | 'credited_hours' | 'geofence_m' | 'checkin_enabled'
> & { type: string; venue_id: number | null; audience_class_id: number | null; audience_group_id: number | null };

export function recordFromRow(row: StoredSession, instructorIds: number[]): SessionRecord {
  return {
    type: row.type as SessionType,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    venueId: row.venue_id,
    instructorIds,
    audienceKind: row.audience_kind as SessionRecord['audienceKind'],
    classId: row.audience_class_id,
    groupId: row.audience_group_id,
    creditedHours: Number(row.credited_hours),
    mode: row.mode as SessionRecord['mode'],
    checkinEnabled: row.checkin_enabled === 1,
    geofenceM: row.geofence_m,
    notes: row.notes,
  };
}

/** The stored record with the patch's given fields over it; naming a new class or group re-derives the audience. */
export function mergePatch(before: SessionRecord, patch: SessionPatch): SessionRecord {
  const audienceTouched = patch.audienceKind !== undefined || patch.classId !== undefined || patch.groupId !== undefined;
  const audience = audienceTouched
    ? { audienceKind: inferKind(patch), classId: patch.classId ?? null, groupId: patch.groupId ?? null }
    : { audienceKind: before.audienceKind, classId: before.classId, groupId: before.groupId };
  return {
    type: patch.type ?? before.type,
    title: patch.title ?? before.title,
    startsAt: patch.startsAt ? toBeijingIso(patch.startsAt) : before.startsAt,
    endsAt: patch.endsAt ? toBeijingIso(patch.endsAt) : before.endsAt,
    venueId: patch.venueId !== undefined ? patch.venueId : before.venueId,
    instructorIds: patch.instructorIds ? [...new Set(patch.instructorIds)] : before.instructorIds,
    ...audience,
    creditedHours: patch.creditedHours ?? before.creditedHours,
    mode: patch.mode ?? before.mode,
    checkinEnabled: patch.checkinEnabled ?? before.checkinEnabled,
    geofenceM: patch.geofenceM !== undefined ? patch.geofenceM : before.geofenceM,
    notes: patch.notes !== undefined ? patch.notes : before.notes,
  };
}

/** Registry entries a program may use: registered at its organizer, an ancestor of it, or a unit below it. */
export const registryFits = (registryOrgPath: string, organizerPath: string): boolean =>
  organizerPath.startsWith(registryOrgPath) || registryOrgPath.startsWith(organizerPath);

export interface RecordContext {
  program: { start_date: string; end_date: string; organizer_path: string };
  classIds: Set<number>;
  groups: Map<number, GroupInfo>;
  venuePaths: Map<number, string>;
  instructorPaths: Map<number, string>;
}

/**
 * Every problem of a record against its program, as field errors; also fills in the class of a group audience
 * and clears ids the audience kind does not use. Returns the normalised record when there is no error.
 */
export function checkRecord(rec: SessionRecord, c: RecordContext): { record: SessionRecord; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const range = `${c.program.start_date} 至 ${c.program.end_date}`;
  if (Date.parse(rec.endsAt) <= Date.parse(rec.startsAt)) errors.push({ field: 'endsAt', message: '结束时间必须晚于开始时间' });
  if (beijingDate(rec.startsAt) < c.program.start_date || beijingDate(rec.startsAt) > c.program.end_date) {
    errors.push({ field: 'startsAt', message: `开始时间不在项目日期（${range}）内` });
  }
  if (beijingDate(rec.endsAt) < c.program.start_date || beijingDate(rec.endsAt) > c.program.end_date) {
    errors.push({ field: 'endsAt', message: `结束时间不在项目日期（${range}）内` });
  }
  if (rec.venueId !== null) {
    const path = c.venuePaths.get(rec.venueId);
    if (!path || !registryFits(path, c.program.organizer_path)) errors.push({ field: 'venueId', message: '场地不存在或不属于本项目主办单位' });
  }
  rec.instructorIds.forEach((id, i) => {
    const path = c.instructorPaths.get(id);
    if (!path || !registryFits(path, c.program.organizer_path)) errors.push({ field: `instructorIds.${i}`, message: '授课教师不存在或不属于本项目主办单位' });
  });

  let classId: number | null = null;
  let groupId: number | null = null;
  if (rec.audienceKind === 'class') {
    if (rec.classId === null) errors.push({ field: 'classId', message: '请选择班级' });
    else if (!c.classIds.has(rec.classId)) errors.push({ field: 'classId', message: '班级不属于本项目' });
    else classId = rec.classId;
  }
  if (rec.audienceKind === 'group') {
    const group = rec.groupId === null ? undefined : c.groups.get(rec.groupId);
    if (rec.groupId === null) errors.push({ field: 'groupId', message: '请选择小组' });
    else if (!group) errors.push({ field: 'groupId', message: '小组不属于本项目' });
    else if (rec.classId !== null && rec.classId !== group.class_id) errors.push({ field: 'classId', message: '小组不属于所选班级' });
    else {
      classId = group.class_id;
      groupId = group.id;
    }
  }
  return { record: { ...rec, classId, groupId }, errors };
}

/** Column values of a record (without ids and timestamps). */
export function toSessionColumns(rec: SessionRecord) {
  return {
    title: rec.title,
    type: rec.type,
    starts_at: rec.startsAt,
    ends_at: rec.endsAt,
    venue_id: rec.venueId,
    audience_kind: rec.audienceKind,
    audience_class_id: rec.classId,
    audience_group_id: rec.groupId,
    credited_hours: rec.creditedHours,
    mode: rec.mode,
    checkin_enabled: rec.checkinEnabled ? 1 : 0,
    geofence_m: rec.geofenceM,
    notes: rec.notes,
  };
}

/** Whether a change can alter anyone's credited hours (time, hours, mode or audience). */
export const changesHours = (a: SessionRecord, b: SessionRecord): boolean =>
  a.startsAt !== b.startsAt ||
  a.endsAt !== b.endsAt ||
  a.creditedHours !== b.creditedHours ||
  a.mode !== b.mode ||
  a.audienceKind !== b.audienceKind ||
  a.classId !== b.classId ||
  a.groupId !== b.groupId;

/** True when only the start/end moved: the calendar's drag, audited as a move. */
export const isMoveOnly = (a: SessionRecord, b: SessionRecord): boolean =>
  JSON.stringify({ ...a, startsAt: '', endsAt: '' }) === JSON.stringify({ ...b, startsAt: '', endsAt: '' });
