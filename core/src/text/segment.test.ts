// Tokenization rules: search-mode sub-words, stop words, width folding, numbers, and the jieba-free bigrams.
import { describe, expect, it } from 'vitest';
import { ngramTerms, searchTerms, similarityFeatures, STOP_WORDS, tokenize } from './segment.ts';

describe('tokenize', () => {
  it('emits search-mode sub-words next to the long word', () => {
    expect(tokenize('招商引资')).toEqual(expect.arrayContaining(['招商', '引资', '招商引资']));
  });

  it('drops stop words, punctuation and whitespace', () => {
    const terms = tokenize('我市如何优化营商环境？ 有哪些问题，关于“一网通办”的。');
    for (const stop of ['我市', '如何', '哪些', '问题', '关于', '的']) expect(terms).not.toContain(stop);
    expect(terms.some((term) => /[\s？，“”。]/u.test(term))).toBe(false);
    expect(terms).toEqual(expect.arrayContaining(['营商', '环境']));
  });

  it('folds full-width digits and letters to half-width lower case and keeps numbers', () => {
    const terms = tokenize('２０２４年ＧＤＰ增长５.２％');
    expect(terms).toEqual(expect.arrayContaining(['2024', 'gdp', '5.2']));
  });

  it('returns nothing for stop words and punctuation only', () => {
    expect(tokenize('如何？的了吗')).toEqual([]);
    expect(STOP_WORDS.has('如何')).toBe(true);
  });
});

describe('searchTerms', () => {
  it('keeps the finest grain once, so "招商和引资" documents match the query 招商引资', () => {
    expect(searchTerms('招商引资招商引资')).toEqual(['招商', '引资']);
    expect(searchTerms('招商和引资')).toEqual(['招商', '引资']);
  });
});

describe('similarityFeatures', () => {
  it('drops question-frame words and adds the characters of Chinese words', () => {
    expect(similarityFeatures(['融资', '做法', 'gdp'])).toEqual(['融资', '融', '资', 'gdp']);
  });
});

describe('ngramTerms', () => {
  it('makes bigrams of Chinese runs and keeps Latin words and numbers whole', () => {
    expect(ngramTerms('如何招商引资 ABC 2024')).toEqual(['招商', '商引', '引资', 'abc', '2024']);
  });

  it('keeps a run shorter than n and honours n', () => {
    expect(ngramTerms('村')).toEqual(['村']);
    expect(ngramTerms('城市更新', 3)).toEqual(['城市更', '市更新']);
  });
});
