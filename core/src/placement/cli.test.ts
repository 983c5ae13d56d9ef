// The CLI reads an instance on stdin and answers the result JSON; bad input → exit 2 with the error JSON on stderr.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPlacementCli } from './cli-run.ts';
import { build } from './test-support.ts';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const spawn = (args: string[], input: string) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { input, encoding: 'utf8' });
const instance = build({ c1: ['h1', 'h2'], c2: ['h1'] }, { h1: [1, ['c1', 'c2']], h2: [1, ['c1']] });

describe('placement cli', () => {
  it('solves in both modes over stdin/stdout and exits 2 with details on a bad instance', () => {
    const stable = spawn(['--mode', 'stable'], JSON.stringify(instance));
    expect(stable.status).toBe(0);
    expect(JSON.parse(stable.stdout)).toMatchObject({
      mode: 'stable',
      assignments: [{ cadre: 'c1', host: 'h1' }],
      unassigned: ['c2'],
      stats: { blockingPairs: 0 },
    });
    const bad = spawn(['--mode=optimal'], JSON.stringify({ cadres: [{ id: 'c1', prefs: ['nope'] }], hosts: [{ id: 'h1', capacity: -2, prefs: [] }] }));
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(JSON.parse(bad.stderr)).toEqual({
      error: {
        message: 'invalid placement instance',
        details: [
          { path: 'cadres[0].prefs[0]', message: 'unknown host "nope"' },
          { path: 'hosts[0].capacity', message: 'expected a non-negative integer' },
        ],
      },
    });
  }, 30_000);

  it('adds explanations with --explain', () => {
    const outcome = runPlacementCli(['--mode', 'optimal', '--explain'], JSON.stringify(instance));
    expect(outcome.code).toBe(0);
    const result = JSON.parse(outcome.stdout) as { assignments: unknown[]; explanations: { cadre: string; zh: string }[] };
    expect(result.assignments).toHaveLength(2);
    expect(result.explanations.map((e) => e.cadre)).toEqual(['c1', 'c2']);
  });

  it('exits 2 on a missing mode, an unknown argument or malformed JSON', () => {
    const message = (args: string[], input: string) => {
      const outcome = runPlacementCli(args, input);
      expect(outcome.code).toBe(2);
      return (JSON.parse(outcome.stderr) as { error: { message: string } }).error.message;
    };
    expect(message([], '{}')).toBe('--mode must be stable or optimal');
    expect(message(['--mode', 'fast'], '{}')).toBe('--mode must be stable or optimal');
    expect(message(['--mode', 'stable', '--verbose'], '{}')).toBe('unknown argument "--verbose"');
    expect(message(['--mode', 'stable'], '{"cadres":')).toBe('input is not valid JSON');
  });
});
