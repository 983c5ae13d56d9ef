// Lays out timetables slot by slot: a slot starts late enough to travel from the audience's previous venue.
import { haversineKm, requiredTravelMinutes, type Audience, type Session, type SessionType, type Venue } from '@duibiao/core/timetable/index';

/** Beijing time; every demo instant carries it. */
export const OFFSET = '+08:00';
/** The defaults of findConflicts, so a planned timetable passes its travel check as it stands. */
export const TRAVEL_SPEED_KMH = 30;
export const TRAVEL_BUFFER_MINUTES = 15;

const MINUTE_MS = 60_000;
const OFFSET_MS = 8 * 60 * MINUTE_MS;
/** Shorter than this after a late arrival, a block is a planning mistake, not a session. */
const MIN_SLOT_MINUTES = 60;

/** Epoch ms of `hh:mm` Beijing time on YYYY-MM-DD `day`. */
export function instant(day: string, hhmm: string): number {
  const ms = Date.parse(`${day}T${hhmm}:00${OFFSET}`);
  if (Number.isNaN(ms)) throw new RangeError(`bad day or time: ${day} ${hhmm}`);
  return ms;
}

/** `hh:mm` of a number of minutes after midnight: clock(16 * 60 + 45) → '16:45'. */
export function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** ISO instant with +08:00, e.g. 2026-08-25T08:30:00+08:00. */
export function isoAt(ms: number): string {
  return `${new Date(ms + OFFSET_MS).toISOString().slice(0, 19)}${OFFSET}`;
}

/** Minutes findConflicts asks for between two venues (0 for the same venue or one without coordinates). */
export function travelMinutes(from: Venue, to: Venue): number {
  if (from.id === to.id) return 0;
  if (from.lat === undefined || from.lng === undefined || to.lat === undefined || to.lng === undefined) return 0;
  return requiredTravelMinutes(haversineKm(from.lat, from.lng, to.lat, to.lng), TRAVEL_SPEED_KMH, TRAVEL_BUFFER_MINUTES);
}

export interface SlotRequest {
  day: string;
  from: string;
  to: string;
  venue: Venue;
  /** After a late arrival: 'end' keeps the end (the block gets shorter), 'length' moves the whole block. */
  keep?: 'end' | 'length';
}

/**
 * The running timeline of one audience. Each slot begins no earlier than its nominal time and no earlier than the
 * previous slot's end plus travel, rounded up to five minutes; an infeasible plan throws instead of overlapping.
 */
export class Timeline {
  private lastEnd: number | undefined;
  private lastVenue: Venue | undefined;

  constructor(private readonly label: string) {}

  /** A copy that continues from where this one stands (a class after the program-wide sessions). */
  fork(label: string): Timeline {
    const copy = new Timeline(label);
    copy.lastEnd = this.lastEnd;
    copy.lastVenue = this.lastVenue;
    return copy;
  }

  slot(request: SlotRequest): { start: string; end: string } {
    let start = instant(request.day, request.from);
    let end = instant(request.day, request.to);
    const length = end - start;
    if (this.lastEnd !== undefined && this.lastVenue) {
      const earliest = this.lastEnd + travelMinutes(this.lastVenue, request.venue) * MINUTE_MS;
      if (earliest > start) {
        const shifted = Math.ceil(earliest / (5 * MINUTE_MS)) * 5 * MINUTE_MS;
        if (request.keep === 'length') end = shifted + length;
        start = shifted;
      }
    }
    // A block cut short by travel must keep an hour; a block that kept its length (a 5-minute report) is fine as is.
    if (end - start < Math.min(length, MIN_SLOT_MINUTES * MINUTE_MS) || end <= start) {
      throw new Error(`${this.label}: ${request.day} ${request.from} at ${request.venue.name} leaves under ${MIN_SLOT_MINUTES} min after travel`);
    }
    this.lastEnd = end;
    this.lastVenue = request.venue;
    return { start: isoAt(start), end: isoAt(end) };
  }
}

export interface SessionDraft {
  title: string;
  type: SessionType;
  start: string;
  end: string;
  venue: Venue;
  instructorIds?: string[];
  audience: Audience;
  creditedHours: number;
}

/** Collects a program's sessions with ids `${code}-s001`… and the venues they use, in first-use order. */
export class SessionBook {
  readonly sessions: Session[] = [];
  private readonly venues = new Map<string, Venue>();

  constructor(private readonly code: string) {}

  add(draft: SessionDraft): Session {
    const session: Session = {
      id: `${this.code}-s${String(this.sessions.length + 1).padStart(3, '0')}`,
      title: draft.title,
      type: draft.type,
      start: draft.start,
      end: draft.end,
      venue: draft.venue,
      instructorIds: draft.instructorIds ?? [],
      audience: draft.audience,
      creditedHours: draft.creditedHours,
    };
    this.sessions.push(session);
    if (!this.venues.has(draft.venue.id)) this.venues.set(draft.venue.id, draft.venue);
    return session;
  }

  /** One session per group at the same time, each group in its own room (rooms[i] for groups[i]). */
  addPerGroup(
    slot: { start: string; end: string },
    classId: string,
    groups: readonly { id: string; name: string }[],
    rooms: readonly Venue[],
    draft: (group: { id: string; name: string }, index: number) => Pick<SessionDraft, 'title' | 'type' | 'creditedHours'>,
  ): void {
    groups.forEach((group, i) => {
      this.add({ ...draft(group, i), ...slot, venue: rooms[i]!, audience: { kind: 'group', classId, groupId: group.id } });
    });
  }

  venueList(): Venue[] {
    return [...this.venues.values()];
  }
}

/** A meeting room at `venue`'s address: its own id (rooms are booked separately), the same coordinates. */
export function roomOf(venue: Venue, id: string, name: string): Venue {
  return { ...venue, id, name: `${venue.name}${name}` };
}
