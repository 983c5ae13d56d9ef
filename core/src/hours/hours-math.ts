// Exact arithmetic on training hours: hours are kept as integer thousandths so sums and comparisons never drift.

/** Thousandths of an hour per hour: 0.001 h (3.6 s) is finer than any credit an organizer gives. */
const MILLI = 1000;

/** Hours → integer thousandths of an hour (0.1 + 0.2 becomes 100 + 200, not 0.30000000000000004). */
export function toMilli(hours: number): number {
  return Math.round(hours * MILLI);
}

/** Integer thousandths of an hour → hours. */
export function fromMilli(milli: number): number {
  return milli / MILLI;
}

/** Sum of hours without floating-point drift. */
export function sumHours(values: Iterable<number>): number {
  let milli = 0;
  for (const v of values) milli += toMilli(v);
  return fromMilli(milli);
}

/** Rounds hours half up to the nearest multiple of `step` (0.1, 0.5 or 1), exactly. */
export function roundHours(hours: number, step: number): number {
  const stepMilli = toMilli(step);
  return fromMilli(Math.round(toMilli(hours) / stepMilli) * stepMilli);
}

/** True for a finite number ≥ 0. */
export function isNonNegative(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
