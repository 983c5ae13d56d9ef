// Routes of the selection module (issue 4).
import type { Spec } from './support.ts';

export const SELECTION_MATRIX: Record<string, Spec> = {};
