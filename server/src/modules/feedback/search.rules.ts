// Chinese full-text search pieces shared by reflections and good practices (see core/src/text/README.md): the stored
// '|term|term|' column, a Corpus tokenizer that reads it back without re-segmenting, and hit highlighting.
import type { TextSegment } from '@duibiao/contracts';
import { tokenize } from '@duibiao/core/text/index';

/**
 * The `search_terms` value of a text: jieba search-mode terms in order, with repeats (BM25 needs term frequency),
 * each delimited by '|' on both sides so `LIKE '%|term|%'` matches whole terms only, on SQLite and PostgreSQL alike.
 */
export function toSearchColumn(...texts: (string | null | undefined)[]): string {
  const terms = tokenize(texts.filter(Boolean).join('\n')).filter((t) => !t.includes('|'));
  return `|${terms.join('|')}|`;
}

/**
 * Corpus tokenizer: a stored column ('|a|b|') splits back into its terms, so building the ranking index costs no
 * jieba calls; anything else (the query) is segmented with jieba.
 */
export function storedOrTokenized(text: string): string[] {
  return text.startsWith('|') ? text.split('|').filter(Boolean) : tokenize(text);
}

/**
 * Splits `text` into runs, marking every occurrence of any term (case-insensitive, longest term first, no overlaps).
 * Terms come from jieba, so they are whole words of the text; full-width Latin in the text may go unmarked.
 */
export function highlight(text: string, terms: readonly string[]): TextSegment[] {
  const wanted = [...new Set(terms.map((t) => t.toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0 || text === '') return text === '' ? [] : [{ text, hit: false }];
  const lower = text.toLowerCase();
  const segments: TextSegment[] = [];
  let plain = '';
  for (let i = 0; i < text.length;) {
    const term = wanted.find((t) => lower.startsWith(t, i));
    if (term === undefined) {
      plain += text[i];
      i += 1;
      continue;
    }
    if (plain) segments.push({ text: plain, hit: false });
    plain = '';
    segments.push({ text: text.slice(i, i + term.length), hit: true });
    i += term.length;
  }
  if (plain) segments.push({ text: plain, hit: false });
  return segments;
}

/** A window of about `size` characters around the first hit (the whole text when short), for result cards. */
export function snippet(text: string, terms: readonly string[], size = 120): TextSegment[] {
  if (text.length <= size) return highlight(text, terms);
  const lower = text.toLowerCase();
  const first = Math.min(...terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0), Number.POSITIVE_INFINITY);
  const start = Number.isFinite(first) ? Math.max(0, Math.min(first - Math.floor(size / 4), text.length - size)) : 0;
  const window = `${start > 0 ? '…' : ''}${text.slice(start, start + size)}${start + size < text.length ? '…' : ''}`;
  return highlight(window, terms);
}

/** Whether a text mentions any of the terms (decides which field the snippet comes from). */
export const mentions = (text: string | null, terms: readonly string[]): boolean => !!text && terms.some((t) => text.toLowerCase().includes(t.toLowerCase()));
