// What check-in needs to know about a session, read once and kept for a few seconds: a burst of hundreds of
// scans per minute for one session then costs one read, not hundreds. Revoking codes drops the entry at once.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AudienceFields } from '../programs/audience.ts';

export interface StopInfo {
  seq: number;
  name: string;
  lat: number | null;
  lng: number | null;
}

export interface SessionInfo extends AudienceFields {
  id: number;
  program_id: number;
  program_name: string;
  title: string;
  type: string;
  starts_at: string;
  ends_at: string;
  checkin_enabled: number;
  geofence_m: number | null;
  checkin_generation: number;
  venue_lat: number | null;
  venue_lng: number | null;
  stops: StopInfo[];
}

const TTL_MS = 5_000;

export async function readSessionInfo(db: Kysely<Database>, id: number): Promise<SessionInfo | undefined> {
  const row = await db
    .selectFrom('program_sessions as s')
    .innerJoin('programs as p', 'p.id', 's.program_id')
    .leftJoin('venues as v', 'v.id', 's.venue_id')
    .select([
      's.id',
      's.program_id',
      'p.name as program_name',
      's.title',
      's.type',
      's.starts_at',
      's.ends_at',
      's.checkin_enabled',
      's.geofence_m',
      's.checkin_generation',
      's.audience_kind',
      's.audience_class_id',
      's.audience_group_id',
      'v.lat as venue_lat',
      'v.lng as venue_lng',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const stops = await db
    .selectFrom('session_stops as st')
    .leftJoin('venues as v', 'v.id', 'st.venue_id')
    .select(['st.seq', 'st.name', 'v.lat', 'v.lng'])
    .where('st.session_id', '=', id)
    .orderBy('st.seq')
    .execute();
  return { ...row, stops };
}

/** A tiny per-process cache of {@link readSessionInfo}. */
export function createSessionInfoCache(db: Kysely<Database>) {
  const entries = new Map<number, { expires: number; value: Promise<SessionInfo | undefined> }>();
  return {
    get(id: number): Promise<SessionInfo | undefined> {
      const now = Date.now();
      const hit = entries.get(id);
      if (hit && hit.expires > now) return hit.value;
      // Concurrent scans share one pending read.
      const value = readSessionInfo(db, id);
      entries.set(id, { expires: now + TTL_MS, value });
      value.catch(() => entries.delete(id));
      if (entries.size > 5_000) for (const [key, e] of entries) if (e.expires <= now) entries.delete(key);
      return value;
    },
    forget(id: number): void {
      entries.delete(id);
    },
  };
}
export type SessionInfoCache = ReturnType<typeof createSessionInfoCache>;
