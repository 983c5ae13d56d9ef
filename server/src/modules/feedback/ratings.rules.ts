// Pure rules of session ratings: when a trainee may rate, and anonymous aggregation with the "too few" threshold.
import { MIN_RATINGS_TO_SHOW, type DimensionAverages, type RatingSummary } from '@duibiao/contracts';

/** One rating as reports see it: scores and comment, never who gave it. */
export interface AnonymousRating {
  content: number;
  delivery: number;
  usefulness: number;
  comment: string | null;
}

/** A session may be rated once it has ended (instants carry their offset, so compare as time, not text). */
export const hasEnded = (endsAt: string, now: number = Date.now()): boolean => Date.parse(endsAt) <= now;

const round2 = (v: number): number => Math.round(v * 100) / 100;

/** Count and averages of a group; averages are withheld (tooFew) below MIN_RATINGS_TO_SHOW. */
export function summarizeRatings(ratings: readonly AnonymousRating[], min = MIN_RATINGS_TO_SHOW): RatingSummary {
  const n = ratings.length;
  if (n < min) return { n, tooFew: true, averages: null };
  const mean = (pick: (r: AnonymousRating) => number) => ratings.reduce((sum, r) => sum + pick(r), 0) / n;
  const content = mean((r) => r.content);
  const delivery = mean((r) => r.delivery);
  const usefulness = mean((r) => r.usefulness);
  const averages: DimensionAverages = {
    content: round2(content),
    delivery: round2(delivery),
    usefulness: round2(usefulness),
    overall: round2((content + delivery + usefulness) / 3),
  };
  return { n, tooFew: false, averages };
}

/**
 * Comments of a group without names, sorted by text so their order says nothing about when (or by whom) they were
 * written; none at all below the threshold, where a single comment could be attributed.
 */
export function anonymousComments(ratings: readonly AnonymousRating[], min = MIN_RATINGS_TO_SHOW): string[] {
  if (ratings.length < min) return [];
  return ratings
    .map((r) => r.comment?.trim() ?? '')
    .filter((c) => c !== '')
    .sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
}
