// Compact binary layout of check-in token claims (no JSON: QR density grows with every byte).
//
// Layout, before base64url: [head][step varint][session field][stop field?]
//   head = version << 4 | sessionKind << 2 | stopKind
//   kind 0 = absent (stop only), 1 = unsigned integer (varint), 2 = lowercase UUID (16 raw bytes),
//   3 = any other UTF-8 string (varint byte length + bytes).
// Each id picks the densest kind that reproduces it exactly, so the encoding is canonical: one claim set, one byte string.

/** Decoded claims of a token payload. */
export type TokenClaims = { sessionId: string; stopId?: string; step: number };

export const TOKEN_VERSION = 1;
/** Longest id accepted, in UTF-8 bytes; ids are database keys, and a longer one would not fit a scannable QR anyway. */
export const MAX_ID_BYTES = 64;

const KIND_ABSENT = 0;
const KIND_UINT = 1;
const KIND_UUID = 2;
const KIND_UTF8 = 3;
const UINT_ID = /^(0|[1-9]\d{0,15})$/;
const UUID_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Varints stop at 8 bytes (56 bits): enough for any safe integer.
const MAX_VARINT_BYTES = 8;

/** Encodes claims; throws RangeError on an empty, over-long or otherwise unencodable id or step. */
export function encodeClaims(claims: TokenClaims): Buffer {
  if (!Number.isSafeInteger(claims.step) || claims.step < 0) throw new RangeError(`step must be a non-negative safe integer: ${claims.step}`);
  const session = encodeId(claims.sessionId, 'sessionId');
  const stop = claims.stopId === undefined ? { kind: KIND_ABSENT, bytes: Buffer.alloc(0) } : encodeId(claims.stopId, 'stopId');
  const head = (TOKEN_VERSION << 4) | (session.kind << 2) | stop.kind;
  return Buffer.concat([Buffer.of(head), varint(claims.step), session.bytes, stop.bytes]);
}

/**
 * Decodes a payload, or returns undefined when it is not a canonical encoding of some claims
 * (wrong version, truncated, trailing bytes, or a form {@link encodeClaims} would never produce).
 */
export function decodeClaims(payload: Buffer): TokenClaims | undefined {
  const head = payload[0];
  if (head === undefined || head >> 4 !== TOKEN_VERSION) return undefined;
  const sessionKind = (head >> 2) & 3;
  const stopKind = head & 3;
  if (sessionKind === KIND_ABSENT) return undefined;

  const cursor = { pos: 1 };
  const step = readVarint(payload, cursor);
  if (step === undefined) return undefined;
  const sessionId = readId(payload, cursor, sessionKind);
  if (sessionId === undefined) return undefined;
  let stopId: string | undefined;
  if (stopKind !== KIND_ABSENT) {
    stopId = readId(payload, cursor, stopKind);
    if (stopId === undefined) return undefined;
  }
  if (cursor.pos !== payload.length) return undefined;

  const claims: TokenClaims = stopId === undefined ? { sessionId, step } : { sessionId, stopId, step };
  // Re-encoding rejects every non-canonical variant (padded varints, a number sent as text, invalid UTF-8…) in one place.
  try {
    return encodeClaims(claims).equals(payload) ? claims : undefined;
  } catch {
    return undefined;
  }
}

function encodeId(id: string, field: string): { kind: number; bytes: Buffer } {
  if (typeof id !== 'string' || id.length === 0) throw new RangeError(`${field} must be a non-empty string`);
  if (UINT_ID.test(id) && Number(id) <= Number.MAX_SAFE_INTEGER) return { kind: KIND_UINT, bytes: varint(Number(id)) };
  if (UUID_ID.test(id)) return { kind: KIND_UUID, bytes: Buffer.from(id.replaceAll('-', ''), 'hex') };
  const text = Buffer.from(id, 'utf8');
  if (text.length > MAX_ID_BYTES) throw new RangeError(`${field} is longer than ${MAX_ID_BYTES} UTF-8 bytes`);
  return { kind: KIND_UTF8, bytes: Buffer.concat([varint(text.length), text]) };
}

function readId(buf: Buffer, cursor: { pos: number }, kind: number): string | undefined {
  switch (kind) {
    case KIND_UINT: {
      const n = readVarint(buf, cursor);
      return n === undefined ? undefined : String(n);
    }
    case KIND_UUID: {
      if (cursor.pos + 16 > buf.length) return undefined;
      const hex = buf.subarray(cursor.pos, cursor.pos + 16).toString('hex');
      cursor.pos += 16;
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }
    case KIND_UTF8: {
      const length = readVarint(buf, cursor);
      if (length === undefined || length === 0 || length > MAX_ID_BYTES || cursor.pos + length > buf.length) return undefined;
      const text = buf.subarray(cursor.pos, cursor.pos + length).toString('utf8');
      cursor.pos += length;
      return text;
    }
    default:
      return undefined;
  }
}

/** Unsigned LEB128; arithmetic instead of bit operators because those truncate to 32 bits. */
function varint(n: number): Buffer {
  const bytes: number[] = [];
  let rest = n;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

function readVarint(buf: Buffer, cursor: { pos: number }): number | undefined {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < MAX_VARINT_BYTES; i++) {
    const byte = buf[cursor.pos + i];
    if (byte === undefined) return undefined;
    value += (byte & 0x7f) * scale;
    scale *= 0x80;
    if (byte < 0x80) {
      cursor.pos += i + 1;
      return Number.isSafeInteger(value) ? value : undefined;
    }
  }
  return undefined;
}
