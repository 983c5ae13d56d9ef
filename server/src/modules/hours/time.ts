// Beijing calendar helpers: the regulation's years and "today" are China Standard Time (UTC+8, no daylight saving).
const OFFSET_MS = 8 * 3_600_000;

/** Today's date in Beijing, YYYY-MM-DD. */
export const beijingToday = (now = Date.now()): string => new Date(now + OFFSET_MS).toISOString().slice(0, 10);

/** This calendar year in Beijing. */
export const beijingYear = (now = Date.now()): number => Number(beijingToday(now).slice(0, 4));
