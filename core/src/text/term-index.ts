// The shared inverted index behind TF-IDF similarity and BM25 search: term counts per document and postings per term.
/** A question, reflection or practice to compare; `id` is the caller's key (a database id as a string). */
export interface TextDocument {
  id: string;
  text: string;
}

/** Text → terms with repeats: `tokenize` (jieba) or `ngramTerms` where jieba is unavailable. */
export type Tokenizer = (text: string) => string[];

/** Document `docs[k]` (positions, ascending) contains the term `counts[k]` times. */
export interface Postings {
  docs: number[];
  counts: number[];
}

/** Term statistics of a fixed set of documents; documents are addressed by their position in `ids`. */
export interface TermIndex {
  ids: readonly string[];
  positionOf: ReadonlyMap<string, number>;
  /** term → count, per document. */
  termCounts: readonly ReadonlyMap<string, number>[];
  /** Number of terms (with repeats) per document: BM25's length normalisation. */
  lengths: readonly number[];
  averageLength: number;
  postings: ReadonlyMap<string, Postings>;
  /** Text → terms for queries, consistent with how the documents were indexed. */
  analyze: Tokenizer;
}

/** Counts of each term in a term list. */
export function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/**
 * Builds postings from each document's terms (already tokenized, so one tokenization can feed several indexes);
 * `analyze` turns a later query text into terms the same way. Duplicate ids are refused: results are keyed by id.
 */
export function buildTermIndex(ids: readonly string[], termLists: readonly (readonly string[])[], analyze: Tokenizer): TermIndex {
  const positionOf = new Map<string, number>();
  const termCounts: Map<string, number>[] = [];
  const lengths: number[] = [];
  const postings = new Map<string, Postings>();
  let totalLength = 0;
  ids.forEach((id, position) => {
    if (positionOf.has(id)) throw new RangeError(`duplicate document id: ${id}`);
    positionOf.set(id, position);
    const terms = termLists[position] ?? [];
    const counts = countTerms(terms);
    termCounts.push(counts);
    lengths.push(terms.length);
    totalLength += terms.length;
    for (const [term, count] of counts) {
      let list = postings.get(term);
      if (list === undefined) postings.set(term, (list = { docs: [], counts: [] }));
      list.docs.push(position);
      list.counts.push(count);
    }
  });
  return {
    ids: [...ids],
    positionOf,
    termCounts,
    lengths,
    averageLength: ids.length === 0 ? 0 : totalLength / ids.length,
    postings,
    analyze,
  };
}

/**
 * Drops terms that sit inside another listed term, for display: search mode yields 招商, 引资 and 招商引资 for one
 * word, and a curator should read "招商引资" once. Order is kept.
 */
export function collapseSubTerms(terms: readonly string[]): string[] {
  return terms.filter((term) => !terms.some((other) => other !== term && other.length > term.length && other.includes(term)));
}

/** Scores shown to people and compared in tests: 4 decimals, so an identical text scores exactly 1. */
export function roundScore(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}
