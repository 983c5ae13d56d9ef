// The JSON commands behind cli.ts: create then verify, and bad input as exit code 2.
import { describe, expect, it } from 'vitest';
import { runCheckinCommand } from './cli-command.ts';

const secret = 'test-secret-0123456789abcdef-xyz';
const now = Date.parse('2024-06-15T09:00:03+08:00');

describe('runCheckinCommand', () => {
  it('creates a token and a URL, and verifies it', () => {
    const created = runCheckinCommand('create', JSON.stringify({ secret, sessionId: '42', stopId: '3', now, baseUrl: 'https://x.example/c' }), 0);
    expect(created).toMatchObject({ exitCode: 0, output: { token: expect.any(String), url: expect.stringMatching(/^https:\/\/x\.example\/c\?t=/) } });
    const { token } = created.output as { token: string };
    expect(runCheckinCommand('verify', JSON.stringify({ secret, token, now }), 0)).toEqual({
      exitCode: 0,
      output: { ok: true, sessionId: '42', stopId: '3', issuedStep: Math.floor(now / 15_000) },
    });
  });

  it('uses the clock when now is absent and exits 1 on a refused token', () => {
    const { output } = runCheckinCommand('create', JSON.stringify({ secret, sessionId: '42' }), now);
    const { token } = output as { token: string };
    expect(runCheckinCommand('verify', JSON.stringify({ secret, token }), now + 60_000)).toMatchObject({ exitCode: 1, output: { reason: 'expired' } });
  });

  it('exits 2 with a message on bad usage or input', () => {
    expect(runCheckinCommand(undefined, '{}', now)).toMatchObject({ exitCode: 2, output: { error: expect.stringContaining('usage') } });
    expect(runCheckinCommand('verify', 'nope', now)).toMatchObject({ exitCode: 2, output: { error: expect.stringContaining('bad JSON') } });
    expect(runCheckinCommand('verify', '[]', now)).toMatchObject({ exitCode: 2 });
    expect(runCheckinCommand('verify', JSON.stringify({ secret, token: 1 }), now)).toMatchObject({
      exitCode: 2,
      output: { error: '"token" must be a string' },
    });
    expect(runCheckinCommand('create', JSON.stringify({ secret: 'short', sessionId: '1' }), now)).toMatchObject({ exitCode: 2 });
  });
});
