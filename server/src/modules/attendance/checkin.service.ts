// QR check-in: the rotating code for the screen, and a trainee's own scan. The scan is the hot path (hundreds per
// minute at the start of a session): cached session facts, one prepared enrolment read, one small transaction.
import type { CheckinBody, CheckinCode, CheckinResult } from '@duibiao/contracts';
import {
  checkinStep,
  classifyCheckin,
  createCheckinToken,
  DEFAULT_STEP_SECONDS,
  deriveCheckinSecret,
  verifyCheckinToken,
  withinGeofence,
} from '@duibiao/core/checkin/index';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { prepared } from '../../db/prepared.ts';
import { AppError, conflict, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { recomputeProgramHours } from '../hours/ledger.ts';
import { sessionIsFor } from '../programs/audience.ts';
import { sessionInScope } from '../programs/program-access.ts';
import { ATTENDED, beijingClock, beijingIso, checkinState, windowDto, windowOf } from './attendance.rules.ts';
import { createSessionInfoCache, readSessionInfo, type SessionInfo } from './session-info.ts';

interface ExistingMark {
  status: string;
  checked_in_at: string | null;
  distance_m: number | null;
}

/** A refused scan: 400 with the reason on a field, so the phone can show the message as it is. */
const refused = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ field, message }]);

export function createCheckinService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;
  const cache = createSessionInfoCache(read);
  const secrets = new Map<string, Buffer>();

  const findEnrolment = prepared<{ programId: number; cadreId: number }, { id: number; class_id: number | null; group_id: number | null; status: string }>(
    ctx.db,
    (k, p) =>
      k
        .selectFrom('enrolments')
        .select(['id', 'class_id', 'group_id', 'status'])
        .where('program_id', '=', p<number>('programId'))
        .where('cadre_id', '=', p<number>('cadreId')),
  );
  const findMark = prepared<{ sessionId: number; stopSeq: number; cadreId: number }, ExistingMark>(ctx.db, (k, p) =>
    k
      .selectFrom('attendance')
      .select(['status', 'checked_in_at', 'distance_m'])
      .where('session_id', '=', p<number>('sessionId'))
      .where('stop_seq', '=', p<number>('stopSeq'))
      .where('cadre_id', '=', p<number>('cadreId')),
  );

  // The scan's write, compiled once: a trainee marked absent at roll call who then turns up and scans becomes
  // present/late; any other existing mark stays (the conflict update does not apply, so nothing is returned).
  const recordScan = prepared<Record<string, unknown>, { id: number }>(ctx.db, (k, p) => {
    const mark = {
      status: p('status'),
      method: 'qr',
      checked_in_at: p('at'),
      lat: p<number | null>('lat'),
      lng: p<number | null>('lng'),
      accuracy_m: p<number | null>('accuracy'),
      distance_m: p<number | null>('distance'),
      minutes_missed: 0,
      updated_at: p('stamp'),
    };
    return k
      .insertInto('attendance')
      .values({
        ...mark,
        session_id: p<number>('sessionId'),
        stop_seq: p<number>('stopSeq'),
        cadre_id: p<number>('cadreId'),
        enrolment_id: p<number>('enrolmentId'),
        remarks: null,
        recorded_by: null,
        created_at: p('stamp'),
      })
      .onConflict((oc) => oc.columns(['session_id', 'stop_seq', 'cadre_id']).doUpdateSet(mark).where('attendance.status', '=', 'absent'))
      .returning('id');
  });

  /** The session's own signing key: derived per session and generation, so a revoke invalidates every code at once. */
  function secretFor(info: SessionInfo): Buffer {
    const context = `session:${info.id}:gen:${info.checkin_generation}`;
    let key = secrets.get(context);
    if (!key) {
      key = deriveCheckinSecret(ctx.config.CHECKIN_SECRET, context);
      if (secrets.size > 10_000) secrets.clear();
      secrets.set(context, key);
    }
    return key;
  }

  function already(info: SessionInfo, stopSeq: number, mark: ExistingMark): CheckinResult {
    const when = mark.checked_in_at ? `于 ${beijingClock(mark.checked_in_at)} ` : '';
    const message = mark.status === 'excused' ? '您已请假，本次课程无需签到' : `您已${when}签到，无需重复签到`;
    return {
      sessionId: info.id,
      stopSeq,
      title: info.title,
      status: mark.status as CheckinResult['status'],
      checkedInAt: mark.checked_in_at,
      alreadyCheckedIn: true,
      message,
      distanceM: mark.distance_m,
    };
  }

  async function counts(info: SessionInfo, stopSeq: number): Promise<{ expected: number; checkedIn: number }> {
    const [expected, checkedIn] = await Promise.all([
      read
        .selectFrom('enrolments as e')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('e.program_id', '=', info.program_id)
        .where('e.status', '=', 'enrolled')
        // The audience rule of programs/audience.ts, specialised for one known session.
        .$if(info.audience_kind === 'class', (q) => q.where('e.class_id', '=', info.audience_class_id ?? -1))
        .$if(info.audience_kind === 'group', (q) => q.where('e.group_id', '=', info.audience_group_id ?? -1))
        .executeTakeFirstOrThrow(),
      read
        .selectFrom('attendance')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('session_id', '=', info.id)
        .where('stop_seq', '=', stopSeq)
        .where('status', 'in', [...ATTENDED])
        .executeTakeFirstOrThrow(),
    ]);
    return { expected: Number(expected.n), checkedIn: Number(checkedIn.n) };
  }

  return {
    /** The code the check-in screen shows now; the screen asks again after `expiresInSeconds`. */
    async code(actor: Actor, sessionId: number, stopSeq = 0): Promise<CheckinCode> {
      requirePermission(actor, 'attendance:write');
      await sessionInScope(read, actor, sessionId);
      // Read fresh: the screen must never show a code signed with a revoked generation.
      const info = await readSessionInfo(read, sessionId);
      if (!info) throw notFound('课程');
      const stop = stopSeq > 0 ? info.stops.find((s) => s.seq === stopSeq) : undefined;
      if (stopSeq > 0 && !stop) throw notFound('考察点');
      if (info.checkin_enabled !== 1) throw conflict('本课程未开启扫码签到');
      const now = Date.now();
      const claims = stop ? { sessionId: String(info.id), stopId: String(stop.seq) } : { sessionId: String(info.id) };
      const token = createCheckinToken(secretFor(info), claims, { now });
      const nextStepAt = (checkinStep(now) + 1) * DEFAULT_STEP_SECONDS * 1000;
      const query = new URLSearchParams({ s: String(info.id), t: token });
      if (stop) query.set('stop', String(stop.seq));
      return {
        sessionId: info.id,
        title: info.title,
        programName: info.program_name,
        startsAt: info.starts_at,
        endsAt: info.ends_at,
        stop: stop ? { seq: stop.seq, name: stop.name } : null,
        token,
        url: `/m/checkin?${query.toString()}`,
        expiresInSeconds: Math.max(1, Math.ceil((nextStepAt - now) / 1000)),
        stepSeconds: DEFAULT_STEP_SECONDS,
        window: windowDto(windowOf(info)),
        state: checkinState(info, now),
        ...(await counts(info, stopSeq)),
      };
    },

    /** Bumps the session's generation: every code shown so far stops working. */
    async revoke(actor: Actor, sessionId: number): Promise<void> {
      requirePermission(actor, 'attendance:write');
      const scoped = await sessionInScope(read, actor, sessionId);
      await db.transaction().execute(async (trx) => {
        const s = await trx.selectFrom('program_sessions').select(['title', 'checkin_generation']).where('id', '=', sessionId).executeTakeFirstOrThrow();
        await trx
          .updateTable('program_sessions')
          .set({ checkin_generation: s.checkin_generation + 1, updated_at: nowIso() })
          .where('id', '=', sessionId)
          .execute();
        await recordAudit(trx, actor, {
          action: 'attendance.revoke_codes',
          entityType: 'session',
          entityId: sessionId,
          scopePath: scoped.organizer_path,
          summary: `作废「${s.title}」已显示的签到二维码`,
          before: { generation: s.checkin_generation },
          after: { generation: s.checkin_generation + 1 },
        });
      });
      cache.forget(sessionId);
    },

    /**
     * A trainee's own scan. Idempotent: the unique (session, stop, cadre) row makes a retry or a second scan answer
     * "already checked in" with the original time. Refusals (expired code, window, distance) are 400/409 with a
     * message meant for the phone — unless the trainee is already recorded, which a retry after a lost response is.
     */
    async checkIn(actor: Actor, body: CheckinBody): Promise<CheckinResult> {
      const cadreId = actor.cadreId;
      if (cadreId === null) throw notFound('报名记录');
      const stopSeq = body.stopSeq ?? 0;
      const info = await cache.get(body.sessionId);
      if (!info) throw notFound('课程');
      const enrolment = await findEnrolment.executeTakeFirst({ programId: info.program_id, cadreId });
      if (!enrolment || enrolment.status !== 'enrolled' || !sessionIsFor(info, enrolment)) throw notFound('课程');
      const stop = stopSeq > 0 ? info.stops.find((s) => s.seq === stopSeq) : undefined;
      if (stopSeq > 0 && !stop) throw notFound('考察点');

      const refuse = async (error: AppError): Promise<CheckinResult> => {
        const mark = await findMark.executeTakeFirst({ sessionId: info.id, stopSeq, cadreId });
        if (mark) return already(info, stopSeq, mark);
        throw error;
      };

      const now = Date.now();
      const verdict = verifyCheckinToken(secretFor(info), body.token, { now });
      if (!verdict.ok) return refuse(refused('token', verdict.message.zh));
      if (verdict.sessionId !== String(info.id) || (verdict.stopId ?? '0') !== String(stopSeq)) {
        return refuse(refused('token', '二维码与签到地点不符，请扫描本场签到屏幕上的二维码'));
      }
      if (info.checkin_enabled !== 1) return refuse(conflict('本课程未开启扫码签到'));
      const at = beijingIso(now);
      const verdictTime = classifyCheckin({ start: info.starts_at, end: info.ends_at }, {}, at);
      if (!verdictTime.allowed) return refuse(conflict(verdictTime.message.zh, [{ field: 'window', message: verdictTime.message.zh }]));

      let distance: number | null = null;
      const place = stop && stop.lat !== null ? stop : { lat: info.venue_lat, lng: info.venue_lng };
      if (info.geofence_m !== null && place.lat !== null && place.lng !== null) {
        if (body.lat === undefined || body.lng === undefined) return refuse(refused('location', '本课程需要核验位置，请允许获取定位后重新签到'));
        const fence = withinGeofence({ lat: place.lat, lng: place.lng }, { lat: body.lat, lng: body.lng, accuracyMeters: body.accuracy }, info.geofence_m);
        distance = Math.round(fence.distanceMeters);
        if (!fence.ok) return refuse(refused('location', fence.message.zh));
      }

      const status = verdictTime.status;
      const stamp = nowIso();
      const params = {
        status,
        at,
        lat: body.lat ?? null,
        lng: body.lng ?? null,
        accuracy: body.accuracy ?? null,
        distance,
        stamp,
        sessionId: info.id,
        cadreId,
        enrolmentId: enrolment.id,
      };
      // The ledger credits ended sessions only (hours/ledger.ts), and a scan is refused from the session's end on,
      // so a scan during the session cannot change it: skipping the recompute then halves a scan's cost. Should
      // the window ever stay open past the end, the recompute runs.
      const touchesLedger = Date.parse(info.ends_at) <= now;
      const recorded =
        stopSeq === 0 && !touchesLedger
          ? // One statement is atomic on its own: the hot path needs no BEGIN/COMMIT.
            (await recordScan.executeTakeFirst({ ...params, stopSeq }, db)) !== undefined
          : await db.transaction().execute(async (trx) => {
              const inserted = await recordScan.executeTakeFirst({ ...params, stopSeq }, trx);
              if (!inserted) return false;
              // Arriving at a stop of an itinerary is arriving at the session (stop 0 is what earns hours); when the
              // session already has a mark, the conflict clause leaves it alone unless it was "absent".
              if (stopSeq > 0) await recordScan.execute({ ...params, stopSeq: 0 }, trx);
              if (touchesLedger) await recomputeProgramHours(trx, info.program_id, [cadreId]);
              return true;
            });
      if (!recorded) {
        const existing = await db
          .selectFrom('attendance')
          .select(['status', 'checked_in_at', 'distance_m'])
          .where('session_id', '=', info.id)
          .where('stop_seq', '=', stopSeq)
          .where('cadre_id', '=', cadreId)
          .executeTakeFirstOrThrow();
        return already(info, stopSeq, existing);
      }
      return {
        sessionId: info.id,
        stopSeq,
        title: stop ? `${info.title} · ${stop.name}` : info.title,
        status,
        checkedInAt: at,
        alreadyCheckedIn: false,
        message: verdictTime.message.zh,
        distanceM: distance,
      };
    },
  };
}
export type CheckinService = ReturnType<typeof createCheckinService>;
