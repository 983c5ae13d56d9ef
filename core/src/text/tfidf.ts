// TF-IDF cosine similarity over the inverted index: sublinear tf, smoothed idf, unit-length document vectors.
import { collapseSubTerms, countTerms, roundScore, type TermIndex } from './term-index.ts';

/** Unit-length TF-IDF vectors for every document, plus the weight of each posting for fast dot products. */
export interface TfidfModel {
  index: TermIndex;
  /** Smoothed idf per indexed term: ln((1 + N) / (1 + df)) + 1, so a term in every document still counts a little. */
  idf: ReadonlyMap<string, number>;
  vectors: readonly ReadonlyMap<string, number>[];
  /** Weight of the term in `postings.get(term).docs[k]`, aligned with the index postings. */
  postingWeights: ReadonlyMap<string, Float64Array>;
}

/** One document's score against a query, with the terms both sides contain (most contributing first). */
export interface SimilarHit {
  id: string;
  score: number;
  sharedTerms: string[];
}

export interface SimilarOptions {
  /** Most hits to return; default 10. */
  limit?: number;
  /** Hits scoring below this cosine are left out; default 0.1 (below it, two questions share only common words). */
  minScore?: number;
}

// Sublinear tf: a question that says 人才 three times is not three times as much about talent.
const termWeight = (count: number, idf: number) => (1 + Math.log(count)) * idf;

function unitVector(counts: ReadonlyMap<string, number>, idfOf: (term: string) => number): Map<string, number> {
  const vector = new Map<string, number>();
  let norm = 0;
  for (const [term, count] of counts) {
    const weight = termWeight(count, idfOf(term));
    vector.set(term, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm);
  for (const [term, weight] of vector) vector.set(term, weight / norm);
  return vector;
}

/** Weighs the whole index once; O(total postings). */
export function buildTfidf(index: TermIndex): TfidfModel {
  const n = index.ids.length;
  const idf = new Map<string, number>();
  for (const [term, list] of index.postings) idf.set(term, Math.log((1 + n) / (1 + list.docs.length)) + 1);
  const vectors = index.termCounts.map((counts) => unitVector(counts, (term) => idf.get(term) ?? 1));
  const postingWeights = new Map<string, Float64Array>();
  for (const [term, list] of index.postings) {
    postingWeights.set(
      term,
      Float64Array.from(list.docs, (doc) => vectors[doc]?.get(term) ?? 0),
    );
  }
  return { index, idf, vectors, postingWeights };
}

/**
 * The unit vector of a text that is not in the corpus. Terms the corpus has never seen keep their weight in the norm
 * (idf as if df = 0), so a text full of new words is rightly less similar to everything.
 */
export function vectorizeText(model: TfidfModel, text: string): Map<string, number> {
  const unseenIdf = Math.log(1 + model.index.ids.length) + 1;
  return unitVector(countTerms(model.index.analyze(text)), (term) => model.idf.get(term) ?? unseenIdf);
}

/** Terms of `a` also in `b`, ordered by their share of the cosine, sub-words collapsed for display. */
export function sharedTerms(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): string[] {
  const shared: [string, number][] = [];
  for (const [term, weight] of a) {
    const other = b.get(term);
    if (other !== undefined) shared.push([term, weight * other]);
  }
  shared.sort((x, y) => y[1] - x[1]);
  return collapseSubTerms(shared.map(([term]) => term));
}

/** Exact cosine of two unit vectors (iterates the smaller one). */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}

/**
 * Documents most similar to `query`, scored by walking only the postings of the query's terms (no all-pairs scan).
 * `exclude` is the query's own position when it is a corpus document.
 */
export function similarTo(model: TfidfModel, query: ReadonlyMap<string, number>, options: SimilarOptions = {}, exclude = -1): SimilarHit[] {
  const { limit = 10, minScore = 0.1 } = options;
  const scores = new Map<number, number>();
  for (const [term, weight] of query) {
    const list = model.index.postings.get(term);
    const weights = model.postingWeights.get(term);
    if (list === undefined || weights === undefined) continue;
    list.docs.forEach((doc, k) => {
      if (doc !== exclude) scores.set(doc, (scores.get(doc) ?? 0) + weight * (weights[k] ?? 0));
    });
  }
  return [...scores]
    .filter(([, score]) => score >= minScore)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([doc, score]) => ({
      id: model.index.ids[doc] ?? '',
      score: roundScore(score),
      sharedTerms: sharedTerms(query, model.vectors[doc] ?? new Map()),
    }));
}

/**
 * Every pair of documents with cosine ≥ `minScore`, as [lower position, higher position, score]. Each document
 * accumulates dot products only with later documents that share a term, so cost follows Σ df², not N².
 */
export function pairsAbove(model: TfidfModel, minScore: number): [number, number, number][] {
  const n = model.index.ids.length;
  const accumulator = new Float64Array(n);
  const touched: number[] = [];
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (const [term, weight] of model.vectors[i] ?? []) {
      const docs = model.index.postings.get(term)?.docs ?? [];
      const weights = model.postingWeights.get(term);
      if (weights === undefined) continue;
      // Postings are ascending, so walk from the end and stop at this document.
      for (let k = docs.length - 1; k >= 0; k--) {
        const j = docs[k] ?? 0;
        if (j <= i) break;
        if (accumulator[j] === 0) touched.push(j);
        accumulator[j] = (accumulator[j] ?? 0) + weight * (weights[k] ?? 0);
      }
    }
    for (const j of touched) {
      const score = accumulator[j] ?? 0;
      if (score >= minScore) pairs.push([i, j, score]);
      accumulator[j] = 0;
    }
    touched.length = 0;
  }
  return pairs;
}
