// JSON inputs for crediting and compliance: field errors for bad data, defaults filled in for good data.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_2023 } from './compliance.ts';
import { DEFAULT_CREDIT_POLICY } from './credit.ts';
import { parseComplianceInput, parseCreditInput } from './input-validation.ts';

const session = { id: 's1', start: '2024-03-01T09:00:00+08:00', end: '2024-03-01T11:00:00+08:00', creditedHours: 2, mode: 'offline' };
const fields = (r: { ok: boolean; errors?: { field: string }[] }) => (r.ok ? [] : (r.errors ?? []).map((e) => e.field));

describe('parseCreditInput', () => {
  it('completes a partial policy from the default', () => {
    const parsed = parseCreditInput({ sessions: [session], attendance: [{ sessionId: 's1', status: 'present' }], policy: { onlineFactor: 0.5 } });
    expect(parsed).toMatchObject({ ok: true, value: { policy: { ...DEFAULT_CREDIT_POLICY, onlineFactor: 0.5 } } });
  });

  it('rejects a session that ends before it starts, or has no time of day', () => {
    expect(fields(parseCreditInput({ sessions: [{ ...session, end: '2024-03-01T08:00:00+08:00' }], attendance: [] }))).toEqual(['sessions[0].end']);
    expect(fields(parseCreditInput({ sessions: [{ ...session, start: '2024-03-01' }], attendance: [] }))).toEqual(['sessions[0].start']);
  });

  it('rejects repeated session ids, unknown sessions in attendance, bad statuses and negative minutes', () => {
    const input = {
      sessions: [session, session],
      attendance: [
        { sessionId: 'nope', status: 'present' },
        { sessionId: 's1', status: 'asleep', minutesMissed: -5 },
      ],
    };
    expect(fields(parseCreditInput(input))).toEqual(['sessions[1].id', 'attendance[0].sessionId', 'attendance[1].status', 'attendance[1].minutesMissed']);
  });

  it('rejects a policy outside its options', () => {
    const policy = { late: 'half', roundTo: 0.25, onlineFactor: 1.5, lateGraceMinutes: -1 };
    expect(fields(parseCreditInput({ sessions: [], attendance: [], policy }))).toEqual([
      'policy.late',
      'policy.lateGraceMinutes',
      'policy.onlineFactor',
      'policy.roundTo',
    ]);
  });
});

describe('parseComplianceInput', () => {
  const entry = { date: '2024-03-01', hours: 8, days: 1, category: 'offline' };

  it('defaults the rules to the 2023 regulation and accepts a null rank', () => {
    expect(parseComplianceInput({ rank: null, entries: [entry], year: 2024 })).toMatchObject({ ok: true, value: { rules: DEFAULT_RULES_2023 } });
  });

  it('rejects unknown ranks, impossible dates, negative hours and fractional years', () => {
    const input = { rank: 'mayor', year: 2024.5, entries: [{ ...entry, date: '2024-02-30', hours: -1, category: 'self' }] };
    expect(fields(parseComplianceInput(input))).toEqual(['rank', 'year', 'entries[0].date', 'entries[0].hours', 'entries[0].category']);
  });

  it('reports rule errors under rules[i]', () => {
    const rules = [{ ...DEFAULT_RULES_2023[0], minHours: -1 }];
    expect(fields(parseComplianceInput({ rank: 'staff', entries: [], year: 2024, rules }))).toEqual(['rules[0].minHours']);
  });
});
