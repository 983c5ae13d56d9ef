// Turns Chinese (and mixed Latin) text into comparable terms: jieba search-mode words, or CJK bigrams without jieba.
import { createRequire } from 'node:module';
import type * as JiebaModule from '@node-rs/jieba';
import type { Jieba } from '@node-rs/jieba';
import type * as JiebaDict from '@node-rs/jieba/dict';

/**
 * Function words, question words and self-references that every cadre question carries ("我市如何…？"). They add
 * nothing to similarity and would make unrelated questions look alike, so they never become terms.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...['的', '地', '得', '了', '着', '过', '和', '与', '及', '以及', '或', '或者', '并', '并且', '而', '而且', '等', '等等'],
  ...['在', '是', '对', '为', '把', '被', '从', '向', '给', '让', '将', '于', '以', '由', '中', '上', '下', '里', '也', '都', '就', '还', '又'],
  ...['有', '没有', '这', '那', '这些', '那些', '这个', '那个', '这样', '那样', '之', '其', '该', '个', '些', '什么样'],
  ...['如何', '怎样', '怎么', '怎么样', '什么', '哪些', '哪里', '哪个', '为什么', '为何', '是否', '能否', '能不能', '可否', '有没有', '多少'],
  ...['吗', '呢', '吧', '啊', '呀', '么'],
  ...['我', '我们', '咱们', '你', '你们', '他们', '我市', '我区', '我县', '我省', '本地', '本市'],
  ...['有关', '关于', '问题', '方面', '一些', '一下', '进一步', '可以', '能够', '应该', '需要', '要', '才能', '才'],
]);

/**
 * Words that frame a question rather than name its subject ("有哪些好做法值得借鉴"). Two questions on different
 * subjects share them all the time, so similarity ignores them; search keeps them (a query may want "经验").
 */
export const QUESTION_FRAME_WORDS: ReadonlySet<string> = new Set([
  ...['做法', '经验', '办法', '路径', '举措', '措施', '借鉴', '学习', '可复制', '复制', '值得', '典型', '成功', '案例', '成熟'],
  ...['实现', '解决', '破解', '做到', '开展', '推动', '推进', '加强', '提高', '提升', '发挥', '作用', '发挥作用'],
  ...['有效', '具体', '好', '可', '工作', '情况', '方式', '怎么办'],
]);

// createRequire because @node-rs/jieba is CommonJS without an exports map: `@node-rs/jieba/dict` is not importable as ESM.
const require = createRequire(import.meta.url);
let jieba: Jieba | undefined;

/** The process-wide jieba instance; the ~5 MB dictionary shipped inside the npm package is parsed on first use (~100 ms). */
function getJieba(): Jieba {
  if (jieba === undefined) {
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof JiebaModule;
    const { dict } = require('@node-rs/jieba/dict') as typeof JiebaDict;
    jieba = JiebaClass.withDict(dict);
  }
  return jieba;
}

/** NFKC folds full-width letters, digits and punctuation to half-width (Ａ１２ → A12); Latin is lower-cased. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
// Leading/trailing symbols go ("5.2%" → "5.2", "i深圳" stays); a decimal point inside a number survives.
const EDGE_PUNCT = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

function cleanToken(raw: string): string | undefined {
  if (!HAS_WORD_CHAR.test(raw)) return undefined;
  const token = raw.replace(EDGE_PUNCT, '');
  if (token === '' || STOP_WORDS.has(token)) return undefined;
  return token;
}

/**
 * Jieba search-mode terms of `text`, in order, with repeats (term frequency matters for TF-IDF and BM25).
 * Search mode emits a long word and its dictionary sub-words (招商引资 → 招商, 引资, 招商引资), so "招商" in a query
 * meets "招商引资" in a document. Used for indexing and for in-memory similarity and ranking.
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const raw of getJieba().cutForSearch(normalizeText(text), true)) {
    const token = cleanToken(raw);
    if (token !== undefined) terms.push(token);
  }
  return terms;
}

/**
 * The terms a SQL query must ALL match against a `search_terms` column built with {@link tokenize}: distinct, and
 * only the finest grain — a term is dropped when a shorter query term sits inside it (招商引资 → 招商, 引资), because
 * documents carry the sub-words too, while a document that says "招商和引资" lacks the compound.
 */
export function searchTerms(text: string): string[] {
  const distinct = [...new Set(tokenize(text))];
  return distinct.filter((term) => !distinct.some((other) => other.length < term.length && term.includes(other)));
}

// Longest first, so 怎么样 is cut before 怎么.
const MULTI_CHAR_STOP_WORDS = [...STOP_WORDS].filter((word) => word.length > 1).sort((a, b) => b.length - a.length);
const HAN_WORD = /^\p{Script=Han}{2,}$/u;

/**
 * Features for TF-IDF similarity from {@link tokenize} (or {@link ngramTerms}) output: frame words dropped, and each
 * Chinese word also contributes its characters. Paraphrases often share morphemes rather than whole words
 * (融资难 / 融资, 村集体 / 集体经济); on the fixture the characters raise recall from about 0.4 to 0.6 at equal precision.
 */
export function similarityFeatures(terms: readonly string[]): string[] {
  const features: string[] = [];
  for (const term of terms) {
    if (QUESTION_FRAME_WORDS.has(term)) continue;
    features.push(term);
    if (HAN_WORD.test(term)) features.push(...term);
  }
  return features;
}

const WORD_RUN = /[\p{Script=Han}]+|[\p{L}\p{N}]+(?:\.\p{N}+)?/gu;

/**
 * Jieba-free terms: each run of Chinese characters becomes its overlapping `n`-grams (a run shorter than `n` stays
 * whole) and each Latin word or number stays whole. Multi-character stop words are cut out first.
 * Use it where jieba is not available: to query a raw text column with `LIKE '%gram%'` (substring matching needs no
 * segmentation, so both databases agree), for rows indexed before `search_terms` existed, or as a `Corpus` tokenizer
 * on platforms without the native binary. Single-character stop words are kept: 对 and 在 sit inside 对标 and 存在.
 */
export function ngramTerms(text: string, n = 2): string[] {
  let normalized = normalizeText(text);
  for (const word of MULTI_CHAR_STOP_WORDS) normalized = normalized.replaceAll(word, ' ');
  const terms: string[] = [];
  for (const [run] of normalized.matchAll(WORD_RUN)) {
    if (!/^\p{Script=Han}/u.test(run) || run.length <= n) {
      terms.push(run);
      continue;
    }
    for (let i = 0; i + n <= run.length; i++) terms.push(run.slice(i, i + n));
  }
  return terms;
}
