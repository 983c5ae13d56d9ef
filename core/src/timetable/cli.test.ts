// The CLI reads JSON on stdin and answers JSON (or .ics text) on stdout.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSessions } from './cli-input.ts';
import { at, cls, session, venue } from './test-support.ts';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
// Node with tsx's loader directly: faster and quieter than npx.
const args = (command: string) => ['--import', 'tsx', cli, command];
const run = (command: string, input: unknown) => execFileSync(process.execPath, args(command), { input: JSON.stringify(input), encoding: 'utf8' });

const hall = venue('hall', { name: '报告厅' });
const sessions = [
  session({ id: 'x', venue: hall, audience: cls('a'), type: 'onsite_teaching', creditedHours: 3 }),
  session({ id: 'y', venue: hall, audience: cls('b'), start: at(11, '09:30'), creditedHours: 1 }),
];

describe('timetable cli', () => {
  it('prints conflicts, metrics and a calendar', () => {
    const conflicts = JSON.parse(run('conflicts', { sessions })) as { conflicts: { kind: string }[]; ms: number };
    expect(conflicts.conflicts.map((c) => c.kind)).toEqual(['venue']);
    const metrics = JSON.parse(run('metrics', { sessions, targets: { onsiteShareMin: 0.7 } })) as { metrics: { checks: { label: { zh: string } }[] } };
    expect(metrics.metrics.checks[0]!.label.zh).toBe('现场教学 75% ≥ 目标 70% ✓');
    const ics = run('ical', { calendarName: '测试', sessions, uidDomain: 'example.org', now: '2026-05-01T00:00:00Z' });
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('UID:y@example.org\r\n');
  }, 30_000);

  it('exits 1 listing every bad field, and 2 on an unknown command', () => {
    const bad = spawnSync(process.execPath, args('conflicts'), { input: JSON.stringify({ sessions: [{ id: 1, type: 'nap' }] }), encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('sessions[0].id: expected a string');
    expect(bad.stderr).toContain('sessions[0].type: unknown session type "nap"');
    expect(spawnSync(process.execPath, args('dance'), { input: '{}', encoding: 'utf8' }).status).toBe(2);
  }, 30_000);
});

describe('readSessions', () => {
  it('accepts valid sessions and rejects a non-array or bad venue and audience', () => {
    expect(readSessions(sessions)).toHaveLength(2);
    expect(() => readSessions({})).toThrow('sessions: expected an array');
    expect(() => readSessions([{ ...sessions[0], venue: { id: 'v' }, audience: { kind: 'group', classId: 'a' } }])).toThrow(
      /venue: expected null[\s\S]*audience: expected/,
    );
  });
});
