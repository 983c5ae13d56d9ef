// JSON-in/JSON-out commands behind cli.ts, kept apart from stdin/stdout so they can be tested directly.
import { checkinUrl, createCheckinToken, verifyCheckinToken } from './token.ts';

/** What the CLI prints and the exit code it ends with (0 ok, 1 token refused, 2 bad usage or input). */
export type CliOutcome = { exitCode: 0 | 1 | 2; output: unknown };

const USAGE =
  'usage: tsx core/src/checkin/cli.ts create|verify < input.json\n' +
  '  create {"secret","sessionId","stopId"?,"now"?,"stepSeconds"?,"baseUrl"?} → {"token","url"?}\n' +
  '  verify {"secret","token","now"?,"stepSeconds"?,"acceptPreviousSteps"?} → the verification result';

/** Runs `create` or `verify` on the JSON text `input`; `now` defaults to `clockNow` (ms). Bad input is an outcome, not an exception. */
export function runCheckinCommand(command: string | undefined, input: string, clockNow: number): CliOutcome {
  if (command !== 'create' && command !== 'verify') return { exitCode: 2, output: { error: USAGE } };
  let body: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(input);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new TypeError('input must be a JSON object');
    body = parsed as Record<string, unknown>;
  } catch (error) {
    return { exitCode: 2, output: { error: `bad JSON input: ${(error as Error).message}` } };
  }
  try {
    const secret = requireString(body, 'secret');
    const now = optionalNumber(body, 'now') ?? clockNow;
    const stepSeconds = optionalNumber(body, 'stepSeconds');
    if (command === 'create') {
      const stopId = body.stopId === undefined ? undefined : requireString(body, 'stopId');
      const claims = stopId === undefined ? { sessionId: requireString(body, 'sessionId') } : { sessionId: requireString(body, 'sessionId'), stopId };
      const token = createCheckinToken(secret, claims, { now, stepSeconds });
      const baseUrl = body.baseUrl === undefined ? undefined : requireString(body, 'baseUrl');
      return { exitCode: 0, output: baseUrl === undefined ? { token } : { token, url: checkinUrl(baseUrl, token) } };
    }
    const result = verifyCheckinToken(secret, requireString(body, 'token'), {
      now,
      stepSeconds,
      acceptPreviousSteps: optionalNumber(body, 'acceptPreviousSteps'),
    });
    return { exitCode: result.ok ? 0 : 1, output: result };
  } catch (error) {
    // RangeError/TypeError from the library name the bad field; anything else is a bug and should surface.
    if (error instanceof RangeError || error instanceof TypeError) return { exitCode: 2, output: { error: error.message } };
    throw error;
  }
}

function requireString(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string') throw new TypeError(`"${key}" must be a string`);
  return value;
}

function optionalNumber(body: Record<string, unknown>, key: string): number | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number') throw new TypeError(`"${key}" must be a number`);
  return value;
}
