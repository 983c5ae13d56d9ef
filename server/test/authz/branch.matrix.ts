// Routes of the branch module (issue 5).
import type { Spec } from './support.ts';

export const BRANCH_MATRIX: Record<string, Spec> = {};
