// Proposes groups of likely duplicate questions for curators: TF-IDF pairs from the inverted index, average-linkage merged.
import { Corpus, type CorpusOptions } from './corpus.ts';
import { collapseSubTerms, roundScore, type TextDocument } from './term-index.ts';
import { cosine, pairsAbove, sharedTerms } from './tfidf.ts';

/** Best F1 on fixtures/paraphrase-questions.json (precision 0.70, recall 0.59; see README), so optimistic for new data. */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.2;

/** A group lists at most this many of its strongest pairs. */
export const MAX_PAIRS_SHOWN = 50;

export interface DuplicateOptions extends CorpusOptions {
  /** Two groups merge while the average cosine across them is at least this; default {@link DEFAULT_DUPLICATE_THRESHOLD}. */
  threshold?: number;
}

/** Two members of a group that are directly similar, with the evidence a curator checks. */
export interface DuplicatePair {
  a: string;
  b: string;
  score: number;
  sharedTerms: string[];
}

/** A proposed set of duplicates: members in input order, the average pairwise cosine, the strongest pairs above threshold. */
export interface DuplicateGroup {
  members: string[];
  score: number;
  /** Terms found in at least half of the members (and at least two), heaviest first. */
  sharedTerms: string[];
  pairs: DuplicatePair[];
}

/** Connected components of the graph of pairs ≥ threshold (union-find); only components of two or more. */
function components(size: number, pairs: readonly [number, number, number][], threshold: number): number[][] {
  const parent = Int32Array.from({ length: size }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x] ?? x] ?? x;
    return x;
  };
  for (const [a, b, score] of pairs) if (score >= threshold) parent[find(a)] = find(b);
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < size; i++) {
    const root = find(i);
    const members = byRoot.get(root);
    if (members === undefined) byRoot.set(root, [i]);
    else members.push(i);
  }
  return [...byRoot.values()].filter((members) => members.length > 1);
}

/**
 * Average-linkage clustering of one component, cut at `threshold`, by the nearest-neighbour chain: O(k²) time and
 * k² × 4 bytes for k members (2,000 → 16 MB). Average linkage is reducible, so a cluster whose best linkage is
 * under the threshold can never merge again and is set aside. Connected components alone would chain different
 * questions through a shared topic (A–B and B–C similar, A and C not); average linkage merges only groups that are
 * similar on average. Pairs missing from `pairs` count as 0, which only ever makes merging stricter.
 */
function averageLinkage(component: readonly number[], pairs: readonly [number, number, number][], threshold: number): number[][] {
  const k = component.length;
  const local = new Map(component.map((position, i) => [position, i]));
  const sim = new Float32Array(k * k);
  for (const [a, b, score] of pairs) {
    const i = local.get(a);
    const j = local.get(b);
    if (i === undefined || j === undefined) continue;
    sim[i * k + j] = score;
    sim[j * k + i] = score;
  }
  const members: number[][] = component.map((position) => [position]);
  const active = new Set(Array.from({ length: k }, (_, i) => i));
  const done: number[][] = [];
  const chain: number[] = [];
  while (active.size > 0) {
    if (chain.length === 0) chain.push(active.values().next().value ?? 0);
    const top = chain[chain.length - 1] ?? 0;
    const previous = chain[chain.length - 2] ?? -1;
    // Nearest active neighbour; the previous chain link wins ties so the chain cannot cycle.
    let best = previous;
    let bestSim = previous === -1 ? -1 : (sim[top * k + previous] ?? 0);
    for (const other of active) {
      const value = sim[top * k + other] ?? 0;
      if (other !== top && value > bestSim) [best, bestSim] = [other, value];
    }
    if (best === -1 || bestSim < threshold) {
      active.delete(top);
      chain.pop();
      done.push(members[top] ?? []);
      continue;
    }
    if (best !== previous) {
      chain.push(best);
      continue;
    }
    // Reciprocal nearest neighbours: merge `previous` into `top` (Lance–Williams update for average linkage).
    chain.length -= 2;
    const sizeTop = members[top]?.length ?? 1;
    const sizePrevious = members[previous]?.length ?? 1;
    for (const other of active) {
      const value = ((sim[top * k + other] ?? 0) * sizeTop + (sim[previous * k + other] ?? 0) * sizePrevious) / (sizeTop + sizePrevious);
      sim[top * k + other] = value;
      sim[other * k + top] = value;
    }
    members[top] = [...(members[top] ?? []), ...(members[previous] ?? [])];
    active.delete(previous);
  }
  return done.filter((group) => group.length > 1).map((group) => group.sort((x, y) => x - y));
}

/** Terms in at least half of the members (and two), by summed weight; sub-words collapsed. */
function groupTerms(vectors: readonly ReadonlyMap<string, number>[]): string[] {
  const totals = new Map<string, { count: number; weight: number }>();
  for (const vector of vectors) {
    for (const [term, weight] of vector) {
      const total = totals.get(term) ?? { count: 0, weight: 0 };
      totals.set(term, { count: total.count + 1, weight: total.weight + weight });
    }
  }
  const needed = Math.max(2, Math.ceil(vectors.length / 2));
  const terms = [...totals].filter(([, total]) => total.count >= needed).sort((x, y) => y[1].weight - x[1].weight);
  return collapseSubTerms(terms.map(([term]) => term));
}

/**
 * Groups of likely duplicates among `source`, most cohesive first; documents without a duplicate are left out.
 * Pass a prebuilt {@link Corpus} to reuse its index (its tokenizer then wins over `options.tokenizer`).
 */
export function duplicateGroups(source: readonly TextDocument[] | Corpus, options: DuplicateOptions = {}): DuplicateGroup[] {
  const threshold = options.threshold ?? DEFAULT_DUPLICATE_THRESHOLD;
  const corpus = source instanceof Corpus ? source : new Corpus(source, options);
  const { ids } = corpus.tfidf.index;
  const { vectors } = corpus.tfidf;
  // Pairs well below the threshold cannot lift an average over it, so they are not collected at all.
  const pairs = pairsAbove(corpus.tfidf, threshold / 2);
  const vectorAt = (position: number) => vectors[position] ?? new Map<string, number>();
  const clusters = components(ids.length, pairs, threshold).flatMap((component) => averageLinkage(component, pairs, threshold));
  const groups = clusters.map((positions): DuplicateGroup => {
    const strong: [number, number, number][] = [];
    let sum = 0;
    for (let i = 0; i < positions.length; i++) {
      for (let j = i + 1; j < positions.length; j++) {
        const a = positions[i] ?? 0;
        const b = positions[j] ?? 0;
        const score = cosine(vectorAt(a), vectorAt(b));
        sum += score;
        if (score >= threshold) strong.push([a, b, score]);
      }
    }
    // Shared terms only for the pairs shown: a big group has thousands of pairs and nobody reads them all.
    const shown = strong.sort((x, y) => y[2] - x[2]).slice(0, MAX_PAIRS_SHOWN);
    return {
      members: positions.map((position) => ids[position] ?? ''),
      score: roundScore(sum / ((positions.length * (positions.length - 1)) / 2)),
      sharedTerms: groupTerms(positions.map(vectorAt)),
      pairs: shown.map(([a, b, score]) => ({ a: ids[a] ?? '', b: ids[b] ?? '', score: roundScore(score), sharedTerms: sharedTerms(vectorAt(a), vectorAt(b)) })),
    };
  });
  return groups.sort((x, y) => y.score - x.score || y.members.length - x.members.length);
}
