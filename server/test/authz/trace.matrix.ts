// Routes of the trace module (issue 5).
import type { Spec } from './support.ts';

export const TRACE_MATRIX: Record<string, Spec> = {};
