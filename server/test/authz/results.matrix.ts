// Routes of the results module (issue 5).
import type { Spec } from './support.ts';

export const RESULTS_MATRIX: Record<string, Spec> = {};
