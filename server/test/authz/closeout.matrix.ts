// Routes of the closeout module (issue 3).
import type { Spec } from './support.ts';

export const CLOSEOUT_MATRIX: Record<string, Spec> = {};
