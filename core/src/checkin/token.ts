// Rotating check-in QR tokens: session (and stop) claims bound to a time step by a truncated HMAC-SHA256.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { CheckinMessage } from './message.ts';
import { decodeClaims, encodeClaims } from './token-codec.ts';

/** What a check-in QR vouches for: the session, and on site-visit itineraries the stop within it. */
export type CheckinClaims = { sessionId: string; stopId?: string };

/** Why a token was refused. */
export type CheckinTokenFailure = 'malformed' | 'bad_signature' | 'expired' | 'not_yet_valid';

/** Result of {@link verifyCheckinToken}. `issuedStep` is the time-step index the token was made for. */
export type CheckinTokenCheck =
  { ok: true; sessionId: string; stopId?: string; issuedStep: number } | { ok: false; reason: CheckinTokenFailure; message: CheckinMessage };

export const DEFAULT_STEP_SECONDS = 15;
export const DEFAULT_ACCEPT_PREVIOUS_STEPS = 1;
/** 128 bits: forging needs ~2^128 guesses even though the token is public. */
const MAC_BYTES = 16;
const MIN_SECRET_BYTES = 16;
// Domain separation: this key may one day sign other things; a MAC made here must never verify there.
const MAC_DOMAIN = 'duibiao/checkin-token/v1';
/** Clock skew tolerated between the server that draws the QR and the one that verifies it. */
const FUTURE_STEPS_TOLERATED = 1;
// Above the longest token we can produce (~200 chars, two 64-byte text ids), so garbage is rejected before decoding.
const MAX_TOKEN_CHARS = 256;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const TOKEN_PARAM = 't';

const MESSAGES: Record<CheckinTokenFailure, CheckinMessage> = {
  malformed: { zh: '无法识别该二维码，请扫描签到屏幕上的二维码', en: 'This QR code could not be read — scan the one on the check-in screen' },
  bad_signature: { zh: '二维码无效，请扫描签到屏幕上的二维码', en: 'This QR code is not valid — scan the one on the check-in screen' },
  expired: { zh: '二维码已过期，请扫描屏幕上最新的二维码', en: 'This QR code has expired — scan the one currently on screen' },
  not_yet_valid: { zh: '二维码尚未生效，请稍后重新扫描', en: 'This QR code is not valid yet — scan again in a moment' },
};

/** The time-step index of `now` (ms since the epoch). */
export function checkinStep(now: number, stepSeconds = DEFAULT_STEP_SECONDS): number {
  assertStepSeconds(stepSeconds);
  if (!Number.isFinite(now) || now < 0) throw new RangeError(`now must be a non-negative number of ms: ${now}`);
  return Math.floor(now / (stepSeconds * 1000));
}

/**
 * Makes the token for the QR shown at `now`. The screen should fetch a new one every `stepSeconds`
 * (default 15); the string is base64url, ~30 chars for integer ids and ≤ 64 for a UUID session with an integer stop.
 * Throws RangeError on a secret shorter than 16 bytes, an empty or over-long id, or a bad `now`/`stepSeconds`.
 */
export function createCheckinToken(secret: Buffer | string, claims: CheckinClaims, options: { now: number; stepSeconds?: number }): string {
  const stepSeconds = options.stepSeconds ?? DEFAULT_STEP_SECONDS;
  const step = checkinStep(options.now, stepSeconds);
  const payload = encodeClaims(claims.stopId === undefined ? { sessionId: claims.sessionId, step } : { ...claims, step });
  return Buffer.concat([payload, mac(secret, stepSeconds, payload)]).toString('base64url');
}

/**
 * Checks a scanned token against the clock. Accepts the current step, up to `acceptPreviousSteps` (default 1)
 * earlier ones so a scan made just as the QR rotates still counts, and one future step for clock skew.
 * With the defaults a QR works for 15–30 s after it appears: a photo forwarded later fails as `expired`.
 * The signature is checked before the time, and compared in constant time.
 */
export function verifyCheckinToken(
  secret: Buffer | string,
  token: string,
  options: { now: number; stepSeconds?: number; acceptPreviousSteps?: number },
): CheckinTokenCheck {
  const stepSeconds = options.stepSeconds ?? DEFAULT_STEP_SECONDS;
  const acceptPreviousSteps = options.acceptPreviousSteps ?? DEFAULT_ACCEPT_PREVIOUS_STEPS;
  if (!Number.isSafeInteger(acceptPreviousSteps) || acceptPreviousSteps < 0) {
    throw new RangeError(`acceptPreviousSteps must be a non-negative integer: ${acceptPreviousSteps}`);
  }
  const currentStep = checkinStep(options.now, stepSeconds);

  // The token arrives from a phone: anything may be in it, so every shape problem is an answer, not an exception.
  if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARS || !BASE64URL.test(token)) return failure('malformed');
  const bytes = Buffer.from(token, 'base64url');
  // Base64url has several spellings of the same bytes (unused trailing bits); accept only the one we produce.
  if (bytes.toString('base64url') !== token || bytes.length <= MAC_BYTES) return failure('malformed');
  const payload = bytes.subarray(0, bytes.length - MAC_BYTES);
  const claims = decodeClaims(payload);
  if (claims === undefined) return failure('malformed');

  const expected = mac(secret, stepSeconds, payload);
  if (!timingSafeEqual(expected, bytes.subarray(bytes.length - MAC_BYTES))) return failure('bad_signature');

  if (claims.step > currentStep + FUTURE_STEPS_TOLERATED) return failure('not_yet_valid');
  if (claims.step < currentStep - acceptPreviousSteps) return failure('expired');
  const { sessionId, stopId, step } = claims;
  return stopId === undefined ? { ok: true, sessionId, issuedStep: step } : { ok: true, sessionId, stopId, issuedStep: step };
}

/**
 * Derives a 32-byte check-in key from the server's master secret with HKDF-SHA256, so the QR key is not the
 * key of anything else. A `context` such as `session:42:gen:3` gives each session its own key, and bumping
 * the stored generation revokes every QR of that session at once.
 */
export function deriveCheckinSecret(masterSecret: Buffer | string, context: string): Buffer {
  const master = toKey(masterSecret);
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `duibiao/checkin-secret/v1\0${context}`, 32));
}

/** The URL a QR encodes: `baseUrl` with the token in the `t` query parameter (other parameters are kept). */
export function checkinUrl(baseUrl: string, token: string): string {
  const url = new URL(baseUrl);
  url.searchParams.set(TOKEN_PARAM, token);
  return url.toString();
}

/** The token in a scanned check-in URL, or undefined when the text is not a URL or has no `t` parameter. */
export function parseCheckinUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const token = parsed.searchParams.get(TOKEN_PARAM);
  return token === null || token === '' ? undefined : token;
}

function mac(secret: Buffer | string, stepSeconds: number, payload: Buffer): Buffer {
  // stepSeconds is signed but not sent: a verifier configured with another step length then sees a bad
  // signature instead of silently reading the step index as a different time.
  return createHmac('sha256', toKey(secret)).update(`${MAC_DOMAIN}\0${stepSeconds}\0`).update(payload).digest().subarray(0, MAC_BYTES);
}

function toKey(secret: Buffer | string): Buffer {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (key.length < MIN_SECRET_BYTES) throw new RangeError(`check-in secret must be at least ${MIN_SECRET_BYTES} bytes`);
  return key;
}

function assertStepSeconds(stepSeconds: number): void {
  if (!Number.isSafeInteger(stepSeconds) || stepSeconds < 1) throw new RangeError(`stepSeconds must be a positive integer: ${stepSeconds}`);
}

function failure(reason: CheckinTokenFailure): CheckinTokenCheck {
  return { ok: false, reason, message: MESSAGES[reason] };
}
