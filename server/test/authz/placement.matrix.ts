// Routes of the placement module (issue 4).
import type { Spec } from './support.ts';

export const PLACEMENT_MATRIX: Record<string, Spec> = {};
