// The benchmark CLI: JSON in, JSON out, exit code 2 with a message for bad input.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const run = (args: string[], stdin: string) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { input: stdin, encoding: 'utf8' });

describe('hours cli', () => {
  it('prints credited hours for a credit input', () => {
    const input = {
      sessions: [{ id: 's1', start: '2024-03-01T09:00:00+08:00', end: '2024-03-01T11:00:00+08:00', creditedHours: 2, mode: 'offline' }],
      attendance: [{ sessionId: 's1', status: 'present' }],
    };
    const out = run(['credit'], JSON.stringify(input));
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ offlineHours: 2, totalHours: 2, days: 1 });
  });

  it('prints rule results for a compliance input', () => {
    const out = run(['compliance'], JSON.stringify({ rank: 'staff', year: 2024, entries: [{ date: '2024-05-01', hours: 90, days: 3, category: 'offline' }] }));
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject([
      { ruleId: 'annual-township-staff', compliant: true },
      { ruleId: 'annual-online', compliant: false },
    ]);
  });

  it('exits 2 naming the bad field, on bad JSON and on an unknown command', () => {
    const bad = run(['compliance'], JSON.stringify({ rank: 'mayor', year: 2024, entries: [] }));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('rank: 职级无效');
    expect(run(['credit'], '{').status).toBe(2);
    expect(run(['audit'], '{}').status).toBe(2);
  });
});
