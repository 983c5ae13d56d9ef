// iCalendar (RFC 5545) export of a timetable, so participants can subscribe in their phone calendar.
import { escapeText, foldLine, formatLocal, formatUtc } from './ical-text.ts';
import { SESSION_TYPE_LABELS, parseInstant, toTimedSessions, type Session } from './session.ts';

export type ICalendarInput = {
  calendarName: string;
  sessions: (Session & { description?: string })[];
  /** Right-hand side of every UID, e.g. `duibiao.example.org`; keep it fixed so re-imports update events. */
  uidDomain: string;
  /** ISO instant of the export, written as DTSTAMP; passed in so output is reproducible. */
  now: string;
};

const TZID = 'Asia/Shanghai';
// China has had no daylight saving since 1991, so one STANDARD block at +08:00 describes the zone.
const SHANGHAI_OFFSET_MINUTES = 480;
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/**
 * The timetable as an iCalendar file: one VEVENT per session in timetable order, times in Asia/Shanghai
 * whatever offset the input used, CRLF line endings and folded lines. UID is `${id}@${uidDomain}`, stable
 * across exports. Throws RangeError on bad instants (see toTimedSessions) or a bad `now`.
 */
export function toICalendar(input: ICalendarInput): string {
  const stampMs = parseInstant(input.now);
  if (stampMs === undefined) throw new RangeError(`now is not an ISO instant with offset: ${input.now}`);
  const dtstamp = formatUtc(stampMs);
  const descriptions = new Map(input.sessions.map((s) => [s.id, s.description]));

  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Duibiao//Timetable//ZH',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.calendarName)}`,
    `X-WR-TIMEZONE:${TZID}`,
    ...VTIMEZONE,
  ];
  for (const { session, start, end } of toTimedSessions(input.sessions)) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(`${session.id}@${input.uidDomain}`)}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;TZID=${TZID}:${formatLocal(start, SHANGHAI_OFFSET_MINUTES)}`,
      `DTEND;TZID=${TZID}:${formatLocal(end, SHANGHAI_OFFSET_MINUTES)}`,
      `SUMMARY:${escapeText(session.title)}`,
    );
    const venue = session.venue;
    if (venue) {
      lines.push(`LOCATION:${escapeText(venue.address ? `${venue.name}, ${venue.address}` : venue.name)}`);
      // GEO is a structured value: its semicolon separates latitude and longitude and is not escaped.
      if (venue.lat !== undefined && venue.lng !== undefined) lines.push(`GEO:${coordinate(venue.lat)};${coordinate(venue.lng)}`);
    }
    const description = descriptions.get(session.id);
    if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
    lines.push(`CATEGORIES:${escapeText(SESSION_TYPE_LABELS[session.type].zh)}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** Six decimals (about 10 cm) without exponent notation. */
function coordinate(degrees: number): string {
  return String(Number(degrees.toFixed(6)));
}
