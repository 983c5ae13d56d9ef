// BM25 ranking (k1 = 1.2, b = 0.75) of corpus documents for a free-text query: the library's full-text search.
import { collapseSubTerms, roundScore, type TermIndex } from './term-index.ts';

/** A ranked document and the query terms it contains (sub-words collapsed for display). */
export interface SearchHit {
  id: string;
  score: number;
  matchedTerms: string[];
}

export interface SearchOptions {
  /** Most hits to return; default 20. */
  limit?: number;
}

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/**
 * Lucene's non-negative idf, ln(1 + (N − df + 0.5) / (df + 0.5)): a term in most documents still ranks a little
 * instead of pushing scores below zero.
 */
export function bm25Idf(documentCount: number, documentFrequency: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * Ranks documents containing any query term (OR semantics, as users type a few words). Each distinct query term
 * counts once, so repeating a word in the query does not outweigh the others.
 */
export function bm25Search(index: TermIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const { limit = 20 } = options;
  const n = index.ids.length;
  const averageLength = index.averageLength || 1;
  const scores = new Map<number, number>();
  const matched = new Map<number, string[]>();
  for (const term of new Set(index.analyze(query))) {
    const list = index.postings.get(term);
    if (list === undefined) continue;
    const idf = bm25Idf(n, list.docs.length);
    list.docs.forEach((doc, k) => {
      const tf = list.counts[k] ?? 0;
      const lengthRatio = (index.lengths[doc] ?? 0) / averageLength;
      const score = (idf * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + BM25_B * lengthRatio));
      scores.set(doc, (scores.get(doc) ?? 0) + score);
      matched.set(doc, [...(matched.get(doc) ?? []), term]);
    });
  }
  return [...scores]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([doc, score]) => ({ id: index.ids[doc] ?? '', score: roundScore(score), matchedTerms: collapseSubTerms(matched.get(doc) ?? []) }));
}
