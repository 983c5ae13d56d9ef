// Routes of the timetable module (issue 3).
import type { Spec } from './support.ts';

export const TIMETABLE_MATRIX: Record<string, Spec> = {};
