// Whole years between two calendar dates, counted the way an ID card or a personnel file does: the year only
// counts once the anniversary is reached (born 1986-05-10 → 39 on 2026-05-09, 40 on 2026-05-10).
const parts = (iso: string): [number, number, number] => {
  const [y, m, d] = iso.split('-').map(Number);
  return [y!, m!, d!];
};

/** Completed years from `from` to `asOf` (both YYYY-MM-DD); a 29 February anniversary is reached on 1 March. */
export function completedYears(from: string, asOf: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(asOf);
  const reached = tm > fm || (tm === fm && td >= fd);
  return ty - fy - (reached ? 0 : 1);
}

/** Whether two inclusive date ranges share at least one day. */
export const periodsOverlap = (a: { startDate: string; endDate: string }, b: { startDate: string; endDate: string }): boolean =>
  a.startDate <= b.endDate && b.startDate <= a.endDate;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
