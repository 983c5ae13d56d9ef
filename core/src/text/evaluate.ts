// Pairwise precision and recall of duplicate suggestions against hand-labelled paraphrase groups.
import { Corpus, type CorpusOptions } from './corpus.ts';
import { duplicateGroups } from './duplicates.ts';

/** A fixture item: items sharing `group` are paraphrases of one question. */
export interface LabelledText {
  id: string;
  text: string;
  group: string;
}

export interface PairwiseScore {
  threshold: number;
  /** Correct predicted pairs / predicted pairs; 1 when nothing is predicted (no wrong suggestion was made). */
  precision: number;
  /** Correct predicted pairs / labelled pairs. */
  recall: number;
  f1: number;
  predictedPairs: number;
  correctPairs: number;
  labelledPairs: number;
  groups: number;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Scores predicted groups as pairs: every two members of one predicted group form a predicted pair, correct when
 * both carry the same label. Pairwise scoring punishes one wrong member of a big group more than a wrong pair.
 */
export function scoreGroups(items: readonly LabelledText[], predicted: readonly (readonly string[])[], threshold: number): PairwiseScore {
  const labelOf = new Map(items.map((item) => [item.id, item.group]));
  const groupSizes = new Map<string, number>();
  for (const item of items) groupSizes.set(item.group, (groupSizes.get(item.group) ?? 0) + 1);
  let labelledPairs = 0;
  for (const size of groupSizes.values()) labelledPairs += (size * (size - 1)) / 2;
  let predictedPairs = 0;
  let correctPairs = 0;
  for (const members of predicted) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        predictedPairs++;
        const label = labelOf.get(members[i] ?? '');
        if (label !== undefined && label === labelOf.get(members[j] ?? '')) correctPairs++;
      }
    }
  }
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = labelledPairs === 0 ? 1 : correctPairs / labelledPairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    threshold,
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    predictedPairs,
    correctPairs,
    labelledPairs,
    groups: predicted.length,
  };
}

/** Runs {@link duplicateGroups} at each threshold on one shared index and scores each run. */
export function evaluateDuplicates(items: readonly LabelledText[], thresholds: readonly number[], options: CorpusOptions = {}): PairwiseScore[] {
  const corpus = new Corpus(items, options);
  return thresholds.map((threshold) =>
    scoreGroups(
      items,
      duplicateGroups(corpus, { threshold }).map((group) => group.members),
      threshold,
    ),
  );
}
