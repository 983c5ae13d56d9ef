// Routes of the feedback module (issue 3).
import type { Spec } from './support.ts';

export const FEEDBACK_MATRIX: Record<string, Spec> = {};
