// iCalendar export: structure, escaping, time zones and UTF-8-safe folding.
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, unescapeText, unfoldLines } from './ical-text.ts';
import { toICalendar, type ICalendarInput } from './ical.ts';
import { at, session, venue } from './test-support.ts';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const physicalLines = (ics: string) => ics.split('\r\n').slice(0, -1);
/** Unfolded content lines, for asserting on whole properties. */
const contentLines = (ics: string) => unfoldLines(ics).split('\r\n');

const dji = venue('dji', { name: '大疆总部', address: '深圳市南山区仙元路55号', lat: 22.5786, lng: 113.9374, offsite: true });
const input = (overrides: Partial<ICalendarInput> = {}): ICalendarInput => ({
  calendarName: '道里区专题培训班',
  uidDomain: 'duibiao.example.org',
  now: '2026-05-01T10:00:00+08:00',
  sessions: [
    {
      ...session({ id: 'visit', title: '走进大疆', type: 'site_visit', start: at(12, '14:00'), end: at(12, '16:30'), venue: dji }),
      description: '参观创新中心',
    },
    session({ id: 'open', title: '开班式', type: 'ceremony', start: at(11, '09:00'), end: at(11, '09:30') }),
  ],
  ...overrides,
});

describe('toICalendar', () => {
  it('writes the calendar envelope, a fixed +08:00 VTIMEZONE and one event per session in time order', () => {
    const lines = contentLines(toICalendar(input()));
    expect(lines.slice(0, 7)).toEqual([
      'BEGIN:VCALENDAR',
      'PRODID:-//Duibiao//Timetable//ZH',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:道里区专题培训班',
      'X-WR-TIMEZONE:Asia/Shanghai',
    ]);
    expect(lines).toContain('TZOFFSETTO:+0800');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    expect(lines.at(-1)).toBe('');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('UID:'))).toEqual(['UID:open@duibiao.example.org', 'UID:visit@duibiao.example.org']);
  });

  it('writes an event with local times, a UTC stamp, location, GEO, description and category', () => {
    const lines = contentLines(toICalendar(input()));
    const event = lines.slice(lines.indexOf('UID:visit@duibiao.example.org') - 1, lines.lastIndexOf('END:VEVENT') + 1);
    expect(event).toEqual([
      'BEGIN:VEVENT',
      'UID:visit@duibiao.example.org',
      'DTSTAMP:20260501T020000Z',
      'DTSTART;TZID=Asia/Shanghai:20260512T140000',
      'DTEND;TZID=Asia/Shanghai:20260512T163000',
      'SUMMARY:走进大疆',
      'LOCATION:大疆总部\\, 深圳市南山区仙元路55号',
      'GEO:22.5786;113.9374',
      'DESCRIPTION:参观创新中心',
      'CATEGORIES:实地考察',
      'END:VEVENT',
    ]);
  });

  it('converts other offsets to Beijing time and omits what a session lacks', () => {
    const utc = session({ id: 'u', start: '2026-05-11T23:30:00Z', end: '2026-05-12T01:00:00Z', venue: venue('x', { name: '会议室' }) });
    const lines = contentLines(toICalendar(input({ sessions: [utc] })));
    expect(lines).toContain('DTSTART;TZID=Asia/Shanghai:20260512T073000');
    expect(lines).toContain('DTEND;TZID=Asia/Shanghai:20260512T090000');
    expect(lines).toContain('LOCATION:会议室');
    expect(lines.some((l) => l.startsWith('GEO:') || l.startsWith('DESCRIPTION:'))).toBe(false);
  });

  it('is stable: the same input gives the same text', () => {
    expect(toICalendar(input())).toBe(toICalendar(input()));
  });

  it('uses CRLF only and keeps every physical line within 75 octets', () => {
    const ics = toICalendar(input());
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of physicalLines(ics)) expect(bytes(line)).toBeLessThanOrEqual(75);
  });

  it('folds a long Chinese title without splitting a character and unfolds to the exact title', () => {
    const title = '推进经济高质量发展专题研讨：区域经济与城市发展、领导力提升，干什么培训什么；缺什么补什么\\带着问题去，带着办法回🚄';
    const ics = toICalendar(input({ sessions: [session({ id: 'long', title })] }));
    const lines = physicalLines(ics);
    const start = lines.findIndex((l) => l.startsWith('SUMMARY:'));
    expect(lines[start + 1]!.startsWith(' ')).toBe(true); // it really was folded
    for (const line of lines) {
      expect(bytes(line)).toBeLessThanOrEqual(75);
      // A cut inside a multi-byte character would leave a U+FFFD after a round trip through bytes.
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
      expect(line).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
    }
    const summary = contentLines(ics).find((l) => l.startsWith('SUMMARY:'))!;
    expect(unescapeText(summary.slice('SUMMARY:'.length))).toBe(title);
  });

  it('rejects a malformed now', () => {
    expect(() => toICalendar(input({ now: 'yesterday' }))).toThrow(RangeError);
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and every kind of line break, and round-trips', () => {
    const raw = 'a\\b;c,d\r\ne\nf\rg';
    expect(escapeText(raw)).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(unescapeText(escapeText('路线;集合,出发\\签到\n注意'))).toBe('路线;集合,出发\\签到\n注意');
  });

  it('drops control characters but keeps tabs', () => {
    expect(escapeText('a\u0000b\u0007c\td\u007f')).toBe('abc\td');
  });
});

describe('foldLine', () => {
  it('leaves a 75-octet line alone and folds at 76', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('counts the leading space of a continuation line', () => {
    const folded = foldLine('x'.repeat(75 + 74 + 1));
    expect(folded.split('\r\n').map(bytes)).toEqual([75, 75, 2]);
  });

  it('moves a 3-octet character that would straddle the limit to the next line', () => {
    // 73 + 3 = 76 > 75, so 中 starts the continuation line.
    const folded = foldLine(`${'x'.repeat(73)}中文`);
    expect(folded).toBe(`${'x'.repeat(73)}\r\n 中文`);
    expect(foldLine(`${'x'.repeat(72)}中`)).toBe(`${'x'.repeat(72)}中`);
  });
});
