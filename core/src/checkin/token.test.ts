// Rules of rotating check-in tokens: round trip, tampering, the step window, size and URLs.
import { describe, expect, it } from 'vitest';
import { checkinStep, checkinUrl, createCheckinToken, deriveCheckinSecret, parseCheckinUrl, verifyCheckinToken } from './token.ts';

const secret = 'test-secret-0123456789abcdef-xyz';
const STEP_MS = 15_000;
// 2024-06-15T09:00:03+08:00, a little into a step so ±step arithmetic never lands on a boundary by accident.
const now = Date.parse('2024-06-15T09:00:03+08:00');
const uuid = '3f2b6c1e-8d4a-4b6f-9e2d-7a1c5b3e9f20';

/** The token's last 16 bytes are the MAC: graft one token's MAC onto another's claims. */
function graft(claimsFrom: string, macFrom: string): string {
  const a = Buffer.from(claimsFrom, 'base64url');
  const b = Buffer.from(macFrom, 'base64url');
  return Buffer.concat([a.subarray(0, a.length - 16), b.subarray(b.length - 16)]).toString('base64url');
}

/** The same token with its step varint padded by a redundant zero group: same value, non-canonical bytes. */
function overlongStep(bytes: Buffer): Buffer {
  let end = 1;
  while (bytes[end]! >= 0x80) end++;
  const padded = Buffer.from(bytes);
  padded[end] = padded[end]! | 0x80;
  return Buffer.concat([padded.subarray(0, end + 1), Buffer.of(0x00), padded.subarray(end + 1)]);
}

describe('createCheckinToken / verifyCheckinToken', () => {
  it('round-trips session and stop ids of every kind', () => {
    for (const claims of [{ sessionId: '42' }, { sessionId: '42', stopId: '7' }, { sessionId: uuid, stopId: 'dji-hq' }, { sessionId: '培训-2024-A' }]) {
      const token = createCheckinToken(secret, claims, { now });
      expect(verifyCheckinToken(secret, token, { now })).toEqual({ ok: true, ...claims, issuedStep: checkinStep(now) });
    }
  });

  it('keeps ids exactly: leading zeros and uppercase UUIDs are not normalised', () => {
    for (const sessionId of ['007', uuid.toUpperCase(), '0', '9007199254740993']) {
      const token = createCheckinToken(secret, { sessionId }, { now });
      expect(verifyCheckinToken(secret, token, { now })).toMatchObject({ ok: true, sessionId });
    }
  });

  it('accepts a Buffer secret equal to the string secret', () => {
    const token = createCheckinToken(Buffer.from(secret), { sessionId: '42' }, { now });
    expect(verifyCheckinToken(secret, token, { now })).toMatchObject({ ok: true });
  });

  it('rejects another secret as bad_signature', () => {
    const token = createCheckinToken(secret, { sessionId: '42' }, { now });
    expect(verifyCheckinToken(`${secret}!`, token, { now })).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('rejects a tampered session id, stop id or step as bad_signature', () => {
    const original = createCheckinToken(secret, { sessionId: '42', stopId: '7' }, { now });
    const otherSession = createCheckinToken(secret, { sessionId: '43', stopId: '7' }, { now });
    const otherStop = createCheckinToken(secret, { sessionId: '42', stopId: '8' }, { now });
    const later = createCheckinToken(secret, { sessionId: '42', stopId: '7' }, { now: now + 10 * STEP_MS });
    for (const forged of [graft(otherSession, original), graft(otherStop, original), graft(later, original)]) {
      expect(forged).not.toBe(original);
      expect(verifyCheckinToken(secret, forged, { now })).toMatchObject({ ok: false, reason: 'bad_signature' });
    }
    // Dropping the stop turns a per-stop QR into a whole-session one: also covered by the MAC.
    const noStop = createCheckinToken(secret, { sessionId: '42' }, { now });
    expect(verifyCheckinToken(secret, graft(noStop, original), { now })).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('rejects a flipped signature bit as bad_signature', () => {
    const bytes = Buffer.from(createCheckinToken(secret, { sessionId: '42' }, { now }), 'base64url');
    bytes[bytes.length - 1]! ^= 0x01;
    expect(verifyCheckinToken(secret, bytes.toString('base64url'), { now })).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a token verified with another step length, rather than misreading its time', () => {
    const token = createCheckinToken(secret, { sessionId: '42' }, { now, stepSeconds: 30 });
    expect(verifyCheckinToken(secret, token, { now, stepSeconds: 30 })).toMatchObject({ ok: true });
    expect(verifyCheckinToken(secret, token, { now })).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('accepts the previous step but not two steps old', () => {
    const token = createCheckinToken(secret, { sessionId: '42' }, { now });
    expect(verifyCheckinToken(secret, token, { now: now + STEP_MS })).toMatchObject({ ok: true });
    expect(verifyCheckinToken(secret, token, { now: now + 2 * STEP_MS })).toEqual({
      ok: false,
      reason: 'expired',
      message: { zh: '二维码已过期，请扫描屏幕上最新的二维码', en: 'This QR code has expired — scan the one currently on screen' },
    });
  });

  it('measures age in whole steps: the last ms of the next step passes, the first ms after fails', () => {
    const stepStart = checkinStep(now) * STEP_MS;
    const token = createCheckinToken(secret, { sessionId: '42' }, { now: stepStart });
    expect(verifyCheckinToken(secret, token, { now: stepStart + 2 * STEP_MS - 1 })).toMatchObject({ ok: true });
    expect(verifyCheckinToken(secret, token, { now: stepStart + 2 * STEP_MS })).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('honours acceptPreviousSteps, including 0 (current step only)', () => {
    const token = createCheckinToken(secret, { sessionId: '42' }, { now });
    expect(verifyCheckinToken(secret, token, { now: now + STEP_MS, acceptPreviousSteps: 0 })).toMatchObject({ reason: 'expired' });
    expect(verifyCheckinToken(secret, token, { now: now + 3 * STEP_MS, acceptPreviousSteps: 3 })).toMatchObject({ ok: true });
  });

  it('tolerates one future step of clock skew; two are not_yet_valid', () => {
    expect(verifyCheckinToken(secret, createCheckinToken(secret, { sessionId: '42' }, { now: now + STEP_MS }), { now })).toMatchObject({ ok: true });
    const future = createCheckinToken(secret, { sessionId: '42' }, { now: now + 2 * STEP_MS });
    expect(verifyCheckinToken(secret, future, { now })).toMatchObject({ ok: false, reason: 'not_yet_valid' });
  });

  it('rejects malformed input without throwing', () => {
    const token = createCheckinToken(secret, { sessionId: '42' }, { now });
    const bytes = Buffer.from(token, 'base64url');
    const otherVersion = Buffer.from(bytes);
    otherVersion[0] = (2 << 4) | (otherVersion[0]! & 0x0f);
    for (const bad of [
      '',
      'not a token!',
      token.slice(0, 10),
      `${token}AA`,
      'A'.repeat(300),
      otherVersion.toString('base64url'),
      overlongStep(bytes).toString('base64url'),
      42 as unknown as string,
    ]) {
      expect(verifyCheckinToken(secret, bad, { now })).toMatchObject({ ok: false, reason: 'malformed', message: { zh: expect.any(String) } });
    }
  });

  it('rejects a non-canonical base64url spelling of a valid token', () => {
    // Find a token whose last char carries unused low bits, and set one of them.
    for (let i = 0; i < 50; i++) {
      const token = createCheckinToken(secret, { sessionId: String(i) }, { now });
      if (Buffer.from(token, 'base64url').length % 3 === 0) continue;
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const last = alphabet.indexOf(token.at(-1)!);
      const variant = token.slice(0, -1) + alphabet[last | 1]!;
      if (variant === token) continue;
      expect(Buffer.from(variant, 'base64url')).toEqual(Buffer.from(token, 'base64url'));
      expect(verifyCheckinToken(secret, variant, { now })).toMatchObject({ reason: 'malformed' });
      return;
    }
    throw new Error('no token with spare bits found');
  });

  it('stays short: ≤ 64 chars for integer ids, UUID sessions and short text ids', () => {
    const lengths = [
      createCheckinToken(secret, { sessionId: '123456' }, { now }).length,
      createCheckinToken(secret, { sessionId: '123456', stopId: '12' }, { now }).length,
      createCheckinToken(secret, { sessionId: uuid }, { now }).length,
      createCheckinToken(secret, { sessionId: uuid, stopId: '12' }, { now }).length,
      createCheckinToken(secret, { sessionId: 'V1StGXR8_Z5jdHi6B-myT' }, { now }).length,
    ];
    for (const length of lengths) expect(length).toBeLessThanOrEqual(64);
    expect(lengths[0]).toBeLessThanOrEqual(32);
  });

  it('throws RangeError on programmer errors: short secret, empty or long id, bad clock', () => {
    expect(() => createCheckinToken('short', { sessionId: '1' }, { now })).toThrow(RangeError);
    expect(() => createCheckinToken(secret, { sessionId: '' }, { now })).toThrow(RangeError);
    expect(() => createCheckinToken(secret, { sessionId: '1', stopId: '' }, { now })).toThrow(RangeError);
    expect(() => createCheckinToken(secret, { sessionId: 'x'.repeat(65) }, { now })).toThrow(RangeError);
    expect(() => createCheckinToken(secret, { sessionId: '1' }, { now: Number.NaN })).toThrow(RangeError);
    expect(() => createCheckinToken(secret, { sessionId: '1' }, { now, stepSeconds: 0 })).toThrow(RangeError);
    expect(() => verifyCheckinToken(secret, 'x', { now, acceptPreviousSteps: -1 })).toThrow(RangeError);
  });
});

describe('deriveCheckinSecret', () => {
  it('gives a different 32-byte key per context, stably', () => {
    const a = deriveCheckinSecret(secret, 'session:42:gen:1');
    expect(a).toHaveLength(32);
    expect(deriveCheckinSecret(secret, 'session:42:gen:1')).toEqual(a);
    expect(deriveCheckinSecret(secret, 'session:42:gen:2')).not.toEqual(a);
    const token = createCheckinToken(a, { sessionId: '42' }, { now });
    expect(verifyCheckinToken(deriveCheckinSecret(secret, 'session:42:gen:2'), token, { now })).toMatchObject({ reason: 'bad_signature' });
  });
});

describe('checkinUrl / parseCheckinUrl', () => {
  it('puts the token in ?t= and reads it back, keeping other parameters', () => {
    const token = createCheckinToken(secret, { sessionId: uuid, stopId: '3' }, { now });
    const url = checkinUrl('https://duibiao.example.cn/checkin?lang=zh', token);
    expect(url).toBe(`https://duibiao.example.cn/checkin?lang=zh&t=${token}`);
    expect(parseCheckinUrl(url)).toBe(token);
    expect(verifyCheckinToken(secret, parseCheckinUrl(url)!, { now })).toMatchObject({ ok: true, sessionId: uuid, stopId: '3' });
  });

  it('returns undefined for text that is not a URL or has no token', () => {
    expect(parseCheckinUrl('hello')).toBeUndefined();
    expect(parseCheckinUrl('https://duibiao.example.cn/checkin')).toBeUndefined();
    expect(parseCheckinUrl('https://duibiao.example.cn/checkin?t=')).toBeUndefined();
  });
});
