// Normalisation of cell text as clerks type it: full-width forms, stray spaces, numbers for text.
import type { CellValue } from '../spreadsheet/sheet-row.ts';

/** Full-width ASCII forms (Ａ１，) and the ideographic space → their half-width forms. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const FULL_WIDTH_ALL = /[\uff01-\uff5e\u3000]/g;

export function toHalfWidth(text: string): string {
  // Most cells hold no full-width characters: test first, replace only when needed (import hot path).
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(FULL_WIDTH_ALL, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/** Half-width, trimmed, inner whitespace runs collapsed to one space. */
const SPACE_RUN = /\s{2,}|[\t\n\r\f\v\u00a0]/;

export function normaliseText(text: string): string {
  const half = toHalfWidth(text);
  return (SPACE_RUN.test(half) ? half.replace(/\s+/g, ' ') : half).trim();
}

/** Half-width with every whitespace removed: for codes and numbers typed with spaces. */
export function compactText(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '');
}

/** A cell as normalised text; '' for empty. Numbers print without exponent where JavaScript allows. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return normaliseText(value);
  return String(value);
}

/** Length in characters as a person counts them (a surrogate pair such as 𠮷 is one). */
export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
