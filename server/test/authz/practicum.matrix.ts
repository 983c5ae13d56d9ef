// Routes of the practicum module (issue 4).
import type { Spec } from './support.ts';

export const PRACTICUM_MATRIX: Record<string, Spec> = {};
