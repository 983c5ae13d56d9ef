// RFC 5545 text rules: TEXT escaping, 75-octet line folding that never splits a UTF-8 character, and UTC stamps.

const MAX_LINE_OCTETS = 75;

/**
 * Escapes a TEXT value: backslash, semicolon, comma and line breaks (CRLF, LF or CR become `\n`).
 * Other control characters are dropped, as RFC 5545 forbids them in TEXT and clients reject the file.
 */
export function escapeText(value: string): string {
  return value
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    .split('')
    .filter((c) => !isForbiddenControl(c.charCodeAt(0)))
    .join('');
}

/** C0 controls other than tab, and DEL (line breaks are already escaped by then). */
function isForbiddenControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09) || code === 0x7f;
}

/** Reverses {@link escapeText} (for tests and for reading our own output back). */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line into physical lines of at most 75 octets (the leading space of a continuation counts),
 * breaking only between code points so a Chinese character is never cut. Lines are joined with CRLF + space.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  // for…of walks code points, so surrogate pairs (emoji, rare CJK) stay whole.
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0)!);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Undoes folding: removes every CRLF followed by one space or tab. */
export function unfoldLines(text: string): string {
  return text.replace(/\r\n[ \t]/g, '');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** UTC DATE-TIME form, e.g. 20260511T010000Z. */
export function formatUtc(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** Local DATE-TIME form at a fixed offset in minutes, e.g. 20260511T090000 for +480. */
export function formatLocal(epochMs: number, offsetMinutes: number): string {
  return formatUtc(epochMs + offsetMinutes * 60_000).slice(0, -1);
}
