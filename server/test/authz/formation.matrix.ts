// Routes of the formation module (issue 4).
import type { Spec } from './support.ts';

export const FORMATION_MATRIX: Record<string, Spec> = {};
