// Timetable use-cases: sessions of a program (list, create, edit, move, duplicate, delete, itinerary stops),
// conflicts, curriculum metrics, xlsx/docx exports and the trainee's personal iCal feed.
import { toICalendar } from '@duibiao/core/timetable/index';
import type {
  CalendarFeed,
  SessionDuplicate,
  SessionFilter,
  SessionInput,
  SessionPatch,
  SessionStop,
  SessionStopInput,
  SessionWriteResult,
  TimetableConflict,
  TimetableMetrics,
  TimetableSession,
} from '@duibiao/contracts';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { recomputeProgramHours } from '../hours/ledger.ts';
import { programInScope, sessionInScope, type ScopedProgram } from '../programs/program-access.ts';
import { createCalendarTokens } from './calendar-token.ts';
import { loadTraineeFeed } from './calendar-feed.repo.ts';
import {
  changesHours,
  checkRecord,
  isMoveOnly,
  mergePatch,
  recordFromInput,
  recordFromRow,
  registryFits,
  toSessionColumns,
  type SessionRecord,
} from './session-record.rules.ts';
import { timetableConflicts, timetableMetrics, type LoadedTimetable } from './timetable-analysis.ts';
import { timetableDocx, timetableXlsx, type ExportProgram } from './timetable-export.ts';
import * as repo from './timetable.repo.ts';
import { onDate, presentSessions, sessionsOfPath, toBeijingIso, toCoreSession } from './timetable.rules.ts';

type Q = Kysely<Database>;

export function createTimetableService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;
  const tokens = createCalendarTokens(ctx.config.DATA_KEY);

  async function loadTimetable(q: Q, programId: number): Promise<LoadedTimetable> {
    const [classes, groups, rows] = await Promise.all([repo.listClasses(q, programId), repo.listGroups(q, programId), repo.loadSessions(q, programId)]);
    const classMap = new Map(classes.map((c) => [c.id, c]));
    const groupMap = new Map(groups.map((g) => [g.id, g]));
    return { programId, classes, groups, classMap, groupMap, sessions: presentSessions(rows, classMap, groupMap) };
  }

  /** The record checked against the program; VALIDATION_FAILED listing every problem. */
  async function validated(program: ScopedProgram, rec: SessionRecord): Promise<SessionRecord> {
    const [classes, groups, venuePaths, instructorPaths] = await Promise.all([
      repo.listClasses(read, program.id),
      repo.listGroups(read, program.id),
      repo.findRegistryOrgPaths(read, 'venues', rec.venueId === null ? [] : [rec.venueId]),
      repo.findRegistryOrgPaths(read, 'instructors', rec.instructorIds),
    ]);
    const { record, errors } = checkRecord(rec, {
      program,
      classIds: new Set(classes.map((c) => c.id)),
      groups: new Map(groups.map((g) => [g.id, g])),
      venuePaths,
      instructorPaths,
    });
    if (errors.length) throw invalid(errors);
    return record;
  }

  /** The session as the API shows it plus the conflicts it takes part in. */
  async function writeResult(actor: Actor, programId: number, sessionId: number): Promise<SessionWriteResult> {
    const t = await loadTimetable(read, programId);
    const session = t.sessions.find((s) => s.id === sessionId);
    if (!session) throw notFound('课程');
    const conflicts = (await timetableConflicts(ctx.db, t, scopePrefix(actor))).filter((c) => c.sessionIds.includes(sessionId));
    return { session, conflicts };
  }

  async function insertRecord(trx: Q, actor: Actor, program: ScopedProgram, rec: SessionRecord, summary: string): Promise<number> {
    const at = nowIso();
    const id = await repo.insertSession(trx, {
      ...toSessionColumns(rec),
      program_id: program.id,
      code: null,
      checkin_generation: 0,
      created_at: at,
      updated_at: at,
    });
    await repo.replaceInstructors(trx, id, rec.instructorIds);
    await recordAudit(trx, actor, { action: 'session.create', entityType: 'session', entityId: id, scopePath: program.organizer_path, summary, after: rec });
    return id;
  }

  async function editableSession(actor: Actor, sessionId: number) {
    requirePermission(actor, 'program:write');
    const scoped = await sessionInScope(read, actor, sessionId);
    const row = await repo.findSessionRow(read, sessionId);
    if (!row) throw notFound('课程');
    return { program: scoped, row, before: recordFromRow(row, await repo.instructorIdsOf(read, sessionId)) };
  }

  return {
    async list(actor: Actor, programId: number, filter: SessionFilter): Promise<{ items: TimetableSession[] }> {
      requirePermission(actor, 'program:read');
      await programInScope(read, actor, programId);
      const t = await loadTimetable(read, programId);
      return { items: filterSessions(t, filter) };
    },

    async get(actor: Actor, sessionId: number): Promise<TimetableSession> {
      requirePermission(actor, 'program:read');
      const scoped = await sessionInScope(read, actor, sessionId);
      const t = await loadTimetable(read, scoped.id);
      const session = t.sessions.find((s) => s.id === sessionId);
      if (!session) throw notFound('课程');
      return session;
    },

    async create(actor: Actor, programId: number, input: SessionInput): Promise<SessionWriteResult> {
      requirePermission(actor, 'program:write');
      const program = await programInScope(read, actor, programId);
      const rec = await validated(program, recordFromInput(input));
      const id = await db.transaction().execute((trx) => insertRecord(trx, actor, program, rec, `新增课程「${rec.title}」（${program.name}）`));
      return writeResult(actor, programId, id);
    },

    async update(actor: Actor, sessionId: number, patch: SessionPatch): Promise<SessionWriteResult> {
      const { program, before } = await editableSession(actor, sessionId);
      const after = await validated(program, mergePatch(before, patch));
      const move = isMoveOnly(before, after);
      await db.transaction().execute(async (trx) => {
        await repo.updateSession(trx, sessionId, { ...toSessionColumns(after), updated_at: nowIso() });
        if (patch.instructorIds) await repo.replaceInstructors(trx, sessionId, after.instructorIds);
        if (changesHours(before, after)) {
          const cadres = await repo.attendedCadres(trx, sessionId);
          if (cadres.length) await recomputeProgramHours(trx, program.id, cadres);
        }
        await recordAudit(trx, actor, {
          action: move ? 'session.move' : 'session.update',
          entityType: 'session',
          entityId: sessionId,
          scopePath: program.organizer_path,
          summary: move
            ? `调整课程「${after.title}」时间至 ${after.startsAt.slice(0, 16).replace('T', ' ')}–${after.endsAt.slice(11, 16)}`
            : `修改课程「${after.title}」`,
          before,
          after,
        });
      });
      return writeResult(actor, program.id, sessionId);
    },

    async duplicate(actor: Actor, sessionId: number, body: SessionDuplicate): Promise<SessionWriteResult> {
      const { program, before } = await editableSession(actor, sessionId);
      const copy = { ...before, startsAt: onDate(before.startsAt, body.date), endsAt: onDate(before.endsAt, body.date) };
      if (body.date < program.start_date || body.date > program.end_date) {
        throw invalid([{ field: 'date', message: `日期不在项目日期（${program.start_date} 至 ${program.end_date}）内` }]);
      }
      const rec = await validated(program, copy);
      const id = await db.transaction().execute((trx) => insertRecord(trx, actor, program, rec, `复制课程「${rec.title}」到 ${body.date}`));
      return writeResult(actor, program.id, id);
    },

    async remove(actor: Actor, sessionId: number): Promise<void> {
      const { program, before } = await editableSession(actor, sessionId);
      await db.transaction().execute(async (trx) => {
        // Deleting would silently drop attendance, leave links and ratings (and so credited hours).
        if (await repo.sessionHasRecords(trx, sessionId)) throw conflict('该课程已有考勤、请假或评价记录，不能删除；可修改时间或内容');
        await repo.deleteSession(trx, sessionId);
        await recordAudit(trx, actor, {
          action: 'session.delete',
          entityType: 'session',
          entityId: sessionId,
          scopePath: program.organizer_path,
          summary: `删除课程「${before.title}」`,
          before,
        });
      });
    },

    async replaceStops(actor: Actor, sessionId: number, stops: SessionStopInput[]): Promise<{ items: SessionStop[] }> {
      const { program, row } = await editableSession(actor, sessionId);
      const venueIds = [...new Set(stops.flatMap((s) => (s.venueId ? [s.venueId] : [])))];
      const venuePaths = await repo.findRegistryOrgPaths(read, 'venues', venueIds);
      const errors = stops.flatMap((s, i) => [
        ...(s.venueId && !(venuePaths.has(s.venueId) && registryFits(venuePaths.get(s.venueId)!, program.organizer_path))
          ? [{ field: `${i}.venueId`, message: '场地不存在或不属于本项目主办单位' }]
          : []),
        ...(s.plannedAt && (Date.parse(s.plannedAt) < Date.parse(row.starts_at) || Date.parse(s.plannedAt) > Date.parse(row.ends_at))
          ? [{ field: `${i}.plannedAt`, message: '计划到达时间应在课程时间内' }]
          : []),
      ]);
      if (errors.length) throw invalid(errors);
      const values = [...stops]
        .sort((a, b) => a.seq - b.seq)
        .map((s) => ({ seq: s.seq, name: s.name, venue_id: s.venueId ?? null, planned_at: s.plannedAt ? toBeijingIso(s.plannedAt) : null }));
      await db.transaction().execute(async (trx) => {
        // A stop that already has check-ins keeps them only if it stays.
        if (
          (
            await repo.attendedCadres(
              trx,
              sessionId,
              values.map((s) => s.seq),
            )
          ).length
        )
          throw conflict('被删除的站点已有签到记录，不能删除');
        await repo.replaceStops(trx, sessionId, values);
        await recordAudit(trx, actor, {
          action: 'session.stops',
          entityType: 'session',
          entityId: sessionId,
          scopePath: program.organizer_path,
          summary: `修改「${row.title}」的考察站点（${values.length} 站）`,
          after: values,
        });
      });
      return { items: (await this.get(actor, sessionId)).stops };
    },

    async conflicts(actor: Actor, programId: number): Promise<{ items: TimetableConflict[] }> {
      requirePermission(actor, 'program:read');
      await programInScope(read, actor, programId);
      return { items: await timetableConflicts(ctx.db, await loadTimetable(read, programId), scopePrefix(actor)) };
    },

    async metrics(actor: Actor, programId: number, filter: SessionFilter): Promise<TimetableMetrics> {
      requirePermission(actor, 'program:read');
      const program = await programInScope(read, actor, programId);
      return timetableMetrics(await loadTimetable(read, programId), program.targets, filter);
    },

    /** The printable timetable, of the whole program or of one class or group (its label joins the file name). */
    async exportFile(actor: Actor, programId: number, format: 'xlsx' | 'docx', filter: SessionFilter): Promise<{ name: string; body: Buffer }> {
      requirePermission(actor, 'program:read');
      const program = await programInScope(read, actor, programId);
      const t = await loadTimetable(read, programId);
      const info: ExportProgram = {
        name: program.name,
        organizer: program.organizer_name,
        partner: program.partner,
        startDate: program.start_date,
        endDate: program.end_date,
        places: parseList(program.places),
      };
      const sessions = filterSessions(t, filter);
      const group = filter.groupId === undefined ? undefined : t.groupMap.get(filter.groupId);
      const audience = group
        ? `${t.classMap.get(group.class_id)?.name ?? ''}·${group.name}`
        : filter.classId !== undefined
          ? (t.classMap.get(filter.classId)?.name ?? '')
          : '';
      if (audience) info.name = `${info.name}（${audience}）`;
      const body = format === 'xlsx' ? await timetableXlsx(info, sessions) : await timetableDocx(info, sessions);
      return { name: `${info.name}_课程表.${format}`, body };
    },

    /** The signed-in trainee's personal feed URL (any calendar app can subscribe; no sign-in needed there). */
    async myCalendar(actor: Actor): Promise<CalendarFeed> {
      if (actor.cadreId === null) throw notFound('学员档案');
      const feed = await loadTraineeFeed(read, actor.cadreId);
      return { url: `/api/v1/calendar/${tokens.fileFor(actor.cadreId)}`, sessions: feed.sessions.length };
    },

    /** iCalendar text of every session the token's cadre must attend; undefined for a token we did not issue. */
    async calendarFeed(file: string): Promise<string | undefined> {
      const cadreId = tokens.verify(file);
      if (cadreId === undefined) return undefined;
      const feed = await loadTraineeFeed(read, cadreId);
      if (!feed.cadreName) return undefined;
      return toICalendar({
        calendarName: `${feed.cadreName}的培训课表`,
        uidDomain: 'timetable.duibiao',
        now: nowIso(),
        sessions: feed.sessions
          .filter((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt))
          .map((s) => ({
            ...toCoreSession(s, new Map()),
            description: [s.programName, s.instructors.map((i) => i.name).join('、')].filter(Boolean).join('\n'),
          })),
      });
    },
  };
}
export type TimetableService = ReturnType<typeof createTimetableService>;

/** A group's timetable (what its members attend), or a class's including each of its groups' own sessions. */
function filterSessions(t: LoadedTimetable, filter: SessionFilter): TimetableSession[] {
  if (filter.groupId !== undefined) {
    const group = t.groupMap.get(filter.groupId);
    return group ? sessionsOfPath(t.sessions, { classId: group.class_id, groupId: group.id, label: '' }) : [];
  }
  if (filter.classId === undefined) return t.sessions;
  return t.sessions.filter(
    (s) =>
      s.audienceKind === 'program' ||
      (s.audienceKind === 'class' && s.classId === filter.classId) ||
      (s.audienceKind === 'group' && s.groupId !== null && t.groupMap.get(s.groupId)?.class_id === filter.classId),
  );
}

function parseList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
