// Chinese text similarity: jieba terms, BM25 search, TF-IDF similar items and duplicate-group suggestions.
export { tokenize, searchTerms, ngramTerms, similarityFeatures, normalizeText, STOP_WORDS, QUESTION_FRAME_WORDS } from './segment.ts';
export { Corpus, type CorpusOptions, type SimilarTarget } from './corpus.ts';
export { type TextDocument, type Tokenizer, type TermIndex } from './term-index.ts';
export { type SimilarHit, type SimilarOptions } from './tfidf.ts';
export { bm25Idf, BM25_B, BM25_K1, type SearchHit, type SearchOptions } from './bm25.ts';
export { duplicateGroups, DEFAULT_DUPLICATE_THRESHOLD, type DuplicateGroup, type DuplicateOptions, type DuplicatePair } from './duplicates.ts';
export { evaluateDuplicates, scoreGroups, type LabelledText, type PairwiseScore } from './evaluate.ts';
