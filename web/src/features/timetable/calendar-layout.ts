// Calendar geometry: Beijing wall-clock minutes of stored instants, 15-minute snapping, and side-by-side lanes
// for overlapping sessions. Stored instants always carry +08:00, so the text itself is the wall clock.
import type { SessionType } from '@duibiao/contracts';

export const DAY_START_MIN = 7 * 60;
export const DAY_END_MIN = 22 * 60;
export const SNAP_MIN = 15;
export const PX_PER_HOUR = 48;
export const PX_PER_MIN = PX_PER_HOUR / 60;
export const GRID_HEIGHT = (DAY_END_MIN - DAY_START_MIN) * PX_PER_MIN;

/** Block colours per session type (background, border). */
export const TYPE_COLORS: Record<SessionType, { bg: string; border: string }> = {
  lecture: { bg: '#e6f0ff', border: '#4b7bec' },
  onsite_teaching: { bg: '#e3f7ea', border: '#27ae60' },
  site_visit: { bg: '#e0f5f3', border: '#16a085' },
  seminar: { bg: '#fff4e0', border: '#e67e22' },
  exchange: { bg: '#f3e8ff', border: '#8e44ad' },
  party_spirit: { bg: '#fde8e8', border: '#c0392b' },
  self_study: { bg: '#f0f0f0', border: '#7f8c8d' },
  ceremony: { bg: '#fff9db', border: '#d4a017' },
};

export const dateOf = (iso: string): string => iso.slice(0, 10);
export const clockOf = (iso: string): string => iso.slice(11, 16);
export const minutesOf = (iso: string): number => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
const pad = (n: number) => String(n).padStart(2, '0');
export const clock = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
/** The Beijing instant of a date and minutes after midnight. */
export const instantAt = (date: string, minutes: number): string => `${date}T${clock(minutes)}:00+08:00`;
export const durationMin = (startIso: string, endIso: string): number => Math.round((Date.parse(endIso) - Date.parse(startIso)) / 60_000);

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Minutes after midnight of a pixel offset in the grid, snapped to 15 minutes and kept inside the day. */
export function snapMinutes(offsetPx: number, durationMinutes = 0): number {
  const raw = DAY_START_MIN + offsetPx / PX_PER_MIN;
  const snapped = Math.round(raw / SNAP_MIN) * SNAP_MIN;
  return Math.min(Math.max(snapped, DAY_START_MIN), DAY_END_MIN - Math.max(durationMinutes, SNAP_MIN));
}

export interface Placed<T> {
  item: T;
  top: number;
  height: number;
  /** Lane index and lane count of its overlap cluster: left = lane / lanes. */
  lane: number;
  lanes: number;
}

/**
 * Places one day's sessions: vertical position from the clock, and overlapping sessions side by side in the
 * fewest lanes (greedy by start time, one lane count per cluster of mutually reachable overlaps).
 */
export function placeDay<T extends { startsAt: string; endsAt: string }>(items: readonly T[]): Placed<T>[] {
  const sorted = [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || b.endsAt.localeCompare(a.endsAt));
  const placed: Placed<T>[] = [];
  let cluster: Placed<T>[] = [];
  let laneEnds: string[] = [];
  let clusterEnd = '';
  const close = () => {
    for (const p of cluster) p.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const item of sorted) {
    if (cluster.length && item.startsAt >= clusterEnd) {
      close();
      clusterEnd = '';
    }
    let lane = laneEnds.findIndex((end) => end <= item.startsAt);
    if (lane < 0) lane = laneEnds.push(item.endsAt) - 1;
    else laneEnds[lane] = item.endsAt;
    if (item.endsAt > clusterEnd) clusterEnd = item.endsAt;
    const start = Math.max(minutesOf(item.startsAt), DAY_START_MIN);
    const endsSameDay = dateOf(item.endsAt) === dateOf(item.startsAt);
    const end = Math.min(endsSameDay ? minutesOf(item.endsAt) : DAY_END_MIN, DAY_END_MIN);
    const p: Placed<T> = { item, top: (start - DAY_START_MIN) * PX_PER_MIN, height: Math.max((end - start) * PX_PER_MIN, 14), lane, lanes: 1 };
    cluster.push(p);
    placed.push(p);
  }
  close();
  return placed;
}

/** Days from `from` to `to` inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to && days.length < 400; d = addDays(d, 1)) days.push(d);
  return days;
}

const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export function dayHeading(date: string, lang: 'zh' | 'en'): string {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return lang === 'zh' ? `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${WEEKDAYS_ZH[wd]}` : `${WEEKDAYS_EN[wd]} ${date.slice(5)}`;
}
