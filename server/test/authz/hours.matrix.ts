// Routes of the hours module (issue 3).
import type { Spec } from './support.ts';

export const HOURS_MATRIX: Record<string, Spec> = {};
