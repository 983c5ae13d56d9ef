// Rules of the check-in window: each boundary tested on both sides, messages in Beijing time.
import { describe, expect, it } from 'vitest';
import { beijingTime, checkinWindow, classifyCheckin } from './window.ts';

const session = { start: '2024-06-15T09:00:00+08:00', end: '2024-06-15T11:30:00+08:00' };
const defaults = {};
const at = (hhmmss: string) => `2024-06-15T${hhmmss}+08:00`;

describe('checkinWindow', () => {
  it('applies the defaults: opens 30 min before, late from 10 min after start, closes at the end', () => {
    expect(checkinWindow(session)).toEqual({
      opensAt: Date.parse(at('08:30:00')),
      lateAt: Date.parse(at('09:10:00')),
      closesAt: Date.parse(at('11:30:00')),
    });
  });

  it('takes each policy field separately', () => {
    expect(checkinWindow(session, { opensMinutesBefore: 15, closesMinutesAfterEnd: 5 })).toEqual({
      opensAt: Date.parse(at('08:45:00')),
      lateAt: Date.parse(at('09:10:00')),
      closesAt: Date.parse(at('11:35:00')),
    });
  });

  it('reads any offset, not the machine zone', () => {
    expect(checkinWindow({ start: '2024-06-15T01:00:00Z', end: '2024-06-15T03:30:00Z' })).toEqual(checkinWindow(session));
  });

  it('throws RangeError on times without offset, end before start, negative policy', () => {
    expect(() => checkinWindow({ start: '2024-06-15T09:00:00', end: session.end })).toThrow(RangeError);
    expect(() => checkinWindow({ start: session.end, end: session.start })).toThrow(RangeError);
    expect(() => checkinWindow(session, { lateAfterMinutes: -1 })).toThrow(RangeError);
    expect(() => classifyCheckin(session, defaults, '2024-06-15 09:00')).toThrow(RangeError);
  });
});

describe('classifyCheckin', () => {
  it('is too early one minute before opening, with the opening time in the message', () => {
    expect(classifyCheckin(session, defaults, at('08:29:00'))).toEqual({
      allowed: false,
      reason: 'too_early',
      message: { zh: '签到将于 08:30 开放', en: 'Check-in opens at 08:30' },
    });
    expect(classifyCheckin(session, defaults, at('08:29:59.999'))).toMatchObject({ allowed: false, reason: 'too_early' });
  });

  it('is present exactly at opening and just before the late threshold', () => {
    expect(classifyCheckin(session, defaults, at('08:30:00'))).toEqual({ allowed: true, status: 'present', message: { zh: '签到成功', en: 'Checked in' } });
    expect(classifyCheckin(session, defaults, at('09:09:59'))).toMatchObject({ allowed: true, status: 'present' });
  });

  it('is late exactly at the late threshold and just before closing', () => {
    expect(classifyCheckin(session, defaults, at('09:10:00'))).toMatchObject({
      allowed: true,
      status: 'late',
      message: { zh: expect.stringContaining('09:10') },
    });
    expect(classifyCheckin(session, defaults, at('11:29:59'))).toMatchObject({ allowed: true, status: 'late' });
  });

  it('is closed exactly at closing', () => {
    expect(classifyCheckin(session, defaults, at('11:30:00'))).toEqual({
      allowed: false,
      reason: 'closed',
      message: { zh: '签到已于 11:30 截止', en: 'Check-in closed at 11:30' },
    });
    expect(classifyCheckin(session, { closesMinutesAfterEnd: 15 }, at('11:30:00'))).toMatchObject({ allowed: true, status: 'late' });
  });

  it('is never late when the threshold lies after closing', () => {
    expect(classifyCheckin(session, { lateAfterMinutes: 600 }, at('11:29:00'))).toMatchObject({ allowed: true, status: 'present' });
  });

  it('formats Beijing time from a UTC instant, adding the date when the day differs', () => {
    // 23:50 the evening before (Beijing) = 15:50 UTC.
    expect(classifyCheckin(session, defaults, '2024-06-14T15:50:00Z')).toMatchObject({
      message: { zh: '签到将于 6月15日 08:30 开放', en: 'Check-in opens at 2024-06-15 08:30' },
    });
  });
});

describe('beijingTime', () => {
  it('adds eight hours and rolls over midnight', () => {
    const t = Date.parse('2024-12-31T16:05:00Z');
    expect(beijingTime(t, t)).toEqual({ zh: '00:05', en: '00:05' });
    expect(beijingTime(t, Date.parse('2024-12-31T15:59:00Z'))).toEqual({ zh: '1月1日 00:05', en: '2025-01-01 00:05' });
  });
});
