// Small shared pieces of the attendance pages: status tags and Beijing-time formatting of stored instants.
import { Tag } from 'antd';
import type { AttendanceStatus, CheckinState, LeaveStatus } from '@duibiao/contracts';
import { useLabel, useT } from '../../i18n/index.tsx';

export const STATUS_COLORS: Record<AttendanceStatus, string> = {
  present: 'green',
  late: 'gold',
  left_early: 'orange',
  absent: 'red',
  excused: 'blue',
};

export const LEAVE_COLORS: Record<LeaveStatus, string> = { pending: 'processing', approved: 'success', rejected: 'error', cancelled: 'default' };

const STATE_COLORS: Record<CheckinState, string> = { disabled: 'default', not_open: 'default', open: 'green', late: 'gold', closed: 'default' };

export function AttendanceTag({ status }: { status: AttendanceStatus | null }) {
  const label = useLabel();
  const t = useT();
  if (status === null) return <Tag>{t('att.notRecorded')}</Tag>;
  return <Tag color={STATUS_COLORS[status]}>{label('attendanceStatus', status)}</Tag>;
}

export function CheckinStateTag({ state }: { state: CheckinState }) {
  const t = useT();
  return <Tag color={STATE_COLORS[state]}>{t(`att.state.${state}`)}</Tag>;
}

export function LeaveTag({ status }: { status: LeaveStatus }) {
  const label = useLabel();
  return <Tag color={LEAVE_COLORS[status]}>{label('leaveStatus', status)}</Tag>;
}

/** An instant as Beijing wall-clock text `YYYY-MM-DDTHH:mm` (stored instants may carry +08:00 or Z). */
const beijingText = (iso: string): string => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16);
/** `HH:mm` in Beijing time. */
export const clock = (iso: string | null | undefined): string => (iso ? beijingText(iso).slice(11, 16) : '—');
/** `MM-DD HH:mm` in Beijing time. */
export const dayClock = (iso: string): string => {
  const b = beijingText(iso);
  return `${b.slice(5, 10)} ${b.slice(11, 16)}`;
};

/** Today's date in Beijing (YYYY-MM-DD), whatever the phone's zone. */
export const beijingToday = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** `date` moved by `days` (YYYY-MM-DD in, YYYY-MM-DD out). */
export const shiftDate = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
