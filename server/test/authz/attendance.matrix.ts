// Routes of the attendance module (issue 3).
import type { Spec } from './support.ts';

export const ATTENDANCE_MATRIX: Record<string, Spec> = {};
