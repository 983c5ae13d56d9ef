// A searchable, comparable set of texts: a BM25 index for `search` and a TF-IDF index for `similar` and duplicates.
import { bm25Search, type SearchHit, type SearchOptions } from './bm25.ts';
import { similarityFeatures, tokenize } from './segment.ts';
import { buildTermIndex, type TermIndex, type TextDocument, type Tokenizer } from './term-index.ts';
import { buildTfidf, similarTo, vectorizeText, type SimilarHit, type SimilarOptions, type TfidfModel } from './tfidf.ts';

/** What to compare against: a document already in the corpus (excluded from its own results) or a new text. */
export type SimilarTarget = { id: string } | { text: string };

export interface CorpusOptions {
  /** Defaults to jieba {@link tokenize}; pass `ngramTerms` where the native jieba binary cannot load. */
  tokenizer?: Tokenizer;
}

/**
 * An immutable index over documents. Build it once and rebuild when the library changes: building tokenizes every
 * text once and feeds two indexes — plain terms for BM25 search (what users type), and {@link similarityFeatures}
 * (frame words out, characters in) for TF-IDF similarity between questions.
 */
export class Corpus {
  readonly searchIndex: TermIndex;
  readonly tfidf: TfidfModel;

  constructor(docs: readonly TextDocument[], options: CorpusOptions = {}) {
    const tokenizer = options.tokenizer ?? tokenize;
    const ids = docs.map((doc) => doc.id);
    const termLists = docs.map((doc) => tokenizer(doc.text));
    this.searchIndex = buildTermIndex(ids, termLists, tokenizer);
    this.tfidf = buildTfidf(buildTermIndex(ids, termLists.map(similarityFeatures), (text) => similarityFeatures(tokenizer(text))));
  }

  get size(): number {
    return this.searchIndex.ids.length;
  }

  /** TF-IDF cosine neighbours of a corpus document or a new text. Throws RangeError for an unknown id. */
  similar(target: SimilarTarget, options: SimilarOptions = {}): SimilarHit[] {
    if ('id' in target) {
      const position = this.tfidf.index.positionOf.get(target.id);
      const vector = position === undefined ? undefined : this.tfidf.vectors[position];
      if (position === undefined || vector === undefined) throw new RangeError(`unknown document id: ${target.id}`);
      return similarTo(this.tfidf, vector, options, position);
    }
    return similarTo(this.tfidf, vectorizeText(this.tfidf, target.text), options);
  }

  /** BM25-ranked documents for a free-text query, with the matched terms. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return bm25Search(this.searchIndex, query, options);
  }
}
