// Routes of the programs module (issue 3).
import type { Spec } from './support.ts';

export const PROGRAMS_MATRIX: Record<string, Spec> = {};
