// Routes of the evaluation module (issue 5).
import type { Spec } from './support.ts';

export const EVALUATION_MATRIX: Record<string, Spec> = {};
