// Routes of the topics module (issue 5).
import type { Spec } from './support.ts';

export const TOPICS_MATRIX: Record<string, Spec> = {};
