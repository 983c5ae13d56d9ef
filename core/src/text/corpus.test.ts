// TF-IDF similar and BM25 search over a tiny corpus: ranking order, cosine bounds, shared and matched terms.
import { describe, expect, it } from 'vitest';
import { Corpus } from './corpus.ts';
import { bm25Idf } from './bm25.ts';
import { ngramTerms } from './segment.ts';

const docs = [
  { id: 'invest', text: '深圳产业链招商引资的经验' },
  { id: 'invest-long', text: '招商工作总结：园区建设、人才公寓、数字政府、基层治理、国企改革等多项工作进展' },
  { id: 'talent', text: '青年人才住房保障政策' },
  { id: 'village', text: '发展壮大村级集体经济' },
  { id: 'twin', text: '发展壮大村级集体经济' },
];

describe('Corpus.search (BM25)', () => {
  const corpus = new Corpus(docs);

  it('ranks the short focused document above the long one mentioning the term once', () => {
    const hits = corpus.search('招商');
    expect(hits.map((hit) => hit.id)).toEqual(['invest', 'invest-long']);
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? Infinity);
  });

  it('ranks documents matching more query terms first and reports the matched terms', () => {
    const hits = corpus.search('招商引资 产业链');
    expect(hits[0]).toMatchObject({ id: 'invest', matchedTerms: expect.arrayContaining(['招商引资', '产业链']) as unknown });
    expect(hits[1]).toMatchObject({ id: 'invest-long', matchedTerms: ['招商'] });
  });

  it('finds nothing for an unknown word and honours the limit', () => {
    expect(corpus.search('海洋牧场')).toEqual([]);
    expect(corpus.search('发展 招商', { limit: 1 })).toHaveLength(1);
  });

  it('uses a non-negative idf that falls with document frequency', () => {
    expect(bm25Idf(10, 10)).toBeGreaterThan(0);
    expect(bm25Idf(10, 1)).toBeGreaterThan(bm25Idf(10, 5));
  });
});

describe('Corpus.similar (TF-IDF cosine)', () => {
  const corpus = new Corpus(docs);

  it('scores identical text 1 and reports the shared terms', () => {
    const [top] = corpus.similar({ id: 'village' });
    expect(top).toMatchObject({ id: 'twin', score: 1 });
    expect(top?.sharedTerms).toEqual(expect.arrayContaining(['集体经济', '发展壮大']));
  });

  it('scores an unrelated text 0, so it is never listed even with minScore 0', () => {
    expect(corpus.similar({ text: '海洋牧场' }, { minScore: 0 })).toEqual([]);
    expect(corpus.similar({ id: 'talent' }, { minScore: 0 }).map((hit) => hit.id)).not.toContain('village');
  });

  it('compares a new text, excludes the document itself and refuses an unknown id', () => {
    expect(corpus.similar({ text: '怎样壮大村集体经济' })[0]?.id).toMatch(/village|twin/);
    expect(corpus.similar({ id: 'invest' }).map((hit) => hit.id)).not.toContain('invest');
    expect(() => corpus.similar({ id: 'missing' })).toThrow(RangeError);
  });

  it('works the same way with the jieba-free bigram tokenizer', () => {
    const bigrams = new Corpus(docs, { tokenizer: ngramTerms });
    expect(bigrams.similar({ id: 'village' })[0]).toMatchObject({ id: 'twin', score: 1 });
    expect(bigrams.search('招商')[0]?.id).toBe('invest');
  });

  it('refuses duplicate ids', () => {
    expect(() => new Corpus([docs[0]!, docs[0]!])).toThrow(/duplicate document id/);
  });
});
