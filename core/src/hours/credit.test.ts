// Crediting rules for one trainee: each status, the grace minute, proportional credit, online factor, rounding, days.
import { describe, expect, it } from 'vitest';
import { creditHours, DEFAULT_CREDIT_POLICY, sessionMinutes, shanghaiDate, type CreditPolicy, type CreditSession } from './credit.ts';

/** A 120-minute session worth 2 hours, 09:00–11:00 Beijing time on the given day. */
const session = (id: string, overrides: Partial<CreditSession> = {}): CreditSession => ({
  id,
  start: '2024-03-01T09:00:00+08:00',
  end: '2024-03-01T11:00:00+08:00',
  creditedHours: 2,
  mode: 'offline',
  ...overrides,
});
const exact: CreditPolicy = { ...DEFAULT_CREDIT_POLICY, roundTo: 0.1 };
const one = (status: 'present' | 'late' | 'left_early' | 'absent' | 'excused', minutesMissed?: number, policy: CreditPolicy = exact) =>
  creditHours([session('s1')], [{ sessionId: 's1', status, minutesMissed }], policy).perSession[0];

describe('creditHours: attendance status', () => {
  it('credits a present trainee the full session hours', () => {
    expect(one('present')).toEqual({ sessionId: 's1', credited: 2, reason: 'present' });
  });

  it('credits absent and excused trainees nothing', () => {
    expect(one('absent')).toEqual({ sessionId: 's1', credited: 0, reason: 'absent' });
    expect(one('excused')).toEqual({ sessionId: 's1', credited: 0, reason: 'excused' });
  });

  it('treats a session without an attendance record as absent', () => {
    expect(creditHours([session('s1')], []).perSession).toEqual([{ sessionId: 's1', credited: 0, reason: 'no_record' }]);
  });

  it('takes the last record when a session was marked twice', () => {
    const marks = [
      { sessionId: 's1', status: 'absent' as const },
      { sessionId: 's1', status: 'present' as const },
    ];
    expect(creditHours([session('s1')], marks).totalHours).toBe(2);
  });
});

describe('creditHours: lateness and the grace period', () => {
  it('gives full credit at exactly the grace minutes and proportional credit one minute later', () => {
    expect(one('late', 10)).toEqual({ sessionId: 's1', credited: 2, reason: 'late_within_grace' });
    // 2 h × (1 − 11/120) = 1.8167 → 1.8
    expect(one('late', 11)).toEqual({ sessionId: 's1', credited: 1.8, reason: 'late_proportional' });
  });

  it('reads a late mark without minutes as on time within grace', () => {
    expect(one('late')).toMatchObject({ credited: 2, reason: 'late_within_grace' });
  });

  it("credits nothing beyond grace under 'none', but grace still wins", () => {
    const none = { ...exact, late: 'none' as const };
    expect(one('late', 10, none)).toMatchObject({ credited: 2, reason: 'late_within_grace' });
    expect(one('late', 11, none)).toMatchObject({ credited: 0, reason: 'late_none' });
  });

  it("credits everything under 'full' however late", () => {
    expect(one('late', 90, { ...exact, late: 'full' })).toMatchObject({ credited: 2, reason: 'late_full' });
  });

  it('has no grace for leaving early', () => {
    expect(one('left_early', 1, { ...exact, leftEarly: 'none' })).toMatchObject({ credited: 0, reason: 'left_early_none' });
    expect(one('left_early', 30, { ...exact, leftEarly: 'full' })).toMatchObject({ credited: 2, reason: 'left_early_full' });
  });
});

describe('creditHours: proportional credit', () => {
  it('keeps all hours at 0 minutes missed and none at the whole session missed', () => {
    expect(one('left_early', 0)).toMatchObject({ credited: 2, reason: 'left_early_proportional' });
    expect(one('left_early', 120)).toMatchObject({ credited: 0, reason: 'left_early_proportional' });
  });

  it('removes the missed share of the session', () => {
    expect(one('left_early', 30)).toMatchObject({ credited: 1.5 });
    expect(one('left_early', 119)).toMatchObject({ credited: 0 }); // 0.0167 rounds to 0.0
  });

  it('never goes below 0 when more minutes are missed than the session lasts', () => {
    expect(one('left_early', 500)).toMatchObject({ credited: 0 });
  });
});

describe('creditHours: online factor and totals', () => {
  it('multiplies online sessions by the factor and leaves offline ones alone', () => {
    const sessions = [session('off'), session('on', { mode: 'online' })];
    const present = [
      { sessionId: 'off', status: 'present' as const },
      { sessionId: 'on', status: 'present' as const },
    ];
    expect(creditHours(sessions, present, { ...exact, onlineFactor: 0.5 })).toMatchObject({ offlineHours: 2, onlineHours: 1, totalHours: 3 });
    expect(creditHours(sessions, present, { ...exact, onlineFactor: 1 })).toMatchObject({ offlineHours: 2, onlineHours: 2, totalHours: 4 });
  });

  it('adds tenths without floating-point drift', () => {
    const sessions = Array.from({ length: 10 }, (_, i) => session(`s${i}`, { creditedHours: 0.1 }));
    const result = creditHours(
      sessions,
      sessions.map((s) => ({ sessionId: s.id, status: 'present' as const })),
      exact,
    );
    expect(result.totalHours).toBe(1);
  });
});

describe('creditHours: rounding', () => {
  // A 3-hour, 180-minute session.
  const long = session('s1', { end: '2024-03-01T12:00:00+08:00', creditedHours: 3 });
  const leftEarly = (minutes: number, roundTo: 0.1 | 0.5 | 1) =>
    creditHours([long], [{ sessionId: 's1', status: 'left_early', minutesMissed: minutes }], { ...DEFAULT_CREDIT_POLICY, roundTo }).totalHours;

  it('rounds half up to the nearest half hour', () => {
    expect(leftEarly(45, 0.5)).toBe(2.5); // 2.25 is the midpoint: up
    expect(leftEarly(46, 0.5)).toBe(2); // 2.2333 is below it: down
    expect(leftEarly(15, 0.5)).toBe(3); // 2.75 is the midpoint: up
  });

  it('rounds to whole hours and tenths when asked', () => {
    expect(leftEarly(30, 1)).toBe(3); // 2.5 → 3
    expect(leftEarly(31, 1)).toBe(2); // 2.4833 → 2
    expect(leftEarly(31, 0.1)).toBe(2.5);
  });
});

describe('creditHours: days', () => {
  it('counts distinct Beijing calendar days with credited attendance', () => {
    const sessions = [
      session('am'),
      session('pm', { start: '2024-03-01T14:00:00+08:00', end: '2024-03-01T16:00:00+08:00' }),
      session('next', { start: '2024-03-02T09:00:00+08:00', end: '2024-03-02T11:00:00+08:00' }),
    ];
    const all = sessions.map((s) => ({ sessionId: s.id, status: 'present' as const }));
    expect(creditHours(sessions, all).days).toBe(2);
    expect(creditHours(sessions, all.slice(0, 2)).days).toBe(1);
  });

  it('does not count a day on which nothing was credited', () => {
    expect(creditHours([session('s1')], [{ sessionId: 's1', status: 'excused' }]).days).toBe(0);
  });

  it('dates a session by its start in Beijing time, not UTC', () => {
    expect(shanghaiDate('2024-02-29T15:59:59Z')).toBe('2024-02-29');
    expect(shanghaiDate('2024-02-29T16:00:00Z')).toBe('2024-03-01');
    expect(shanghaiDate('2024-03-01T00:30:00')).toBe('2024-03-01'); // no offset: Beijing time
  });
});

describe('sessionMinutes', () => {
  it('measures a session and rejects one that ends at or before its start', () => {
    expect(sessionMinutes(session('s1'))).toBe(120);
    expect(() => sessionMinutes(session('s1', { end: '2024-03-01T09:00:00+08:00' }))).toThrow(RangeError);
    expect(() => sessionMinutes(session('s1', { start: 'not a time' }))).toThrow(RangeError);
  });
});
