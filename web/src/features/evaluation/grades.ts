// Tag colours of the evaluation grades (REVIEW_RESULTS), shared by the scorecard and the training file.
import type { ReviewResult } from '@duibiao/contracts';

export const GRADE_COLORS: Record<ReviewResult, string> = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' };
