// Routes of the problems module (issue 5).
import type { Spec } from './support.ts';

export const PROBLEMS_MATRIX: Record<string, Spec> = {};
