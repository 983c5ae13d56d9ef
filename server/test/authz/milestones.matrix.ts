// Routes of the milestones module (issue 5).
import type { Spec } from './support.ts';

export const MILESTONES_MATRIX: Record<string, Spec> = {};
