// Validation of credit and compliance inputs arriving as JSON (CLI, imports): field errors, then typed values.
import { RANKS, type FieldError, type Rank } from '@duibiao/contracts';
import { DEFAULT_RULES_2023, type ComplianceInput, type HoursEntry, type HoursRule } from './compliance.ts';
import {
  ATTENDANCE_STATUSES,
  DEFAULT_CREDIT_POLICY,
  PARTIAL_CREDIT_MODES,
  ROUNDING_STEPS,
  parseInstant,
  type AttendanceRecord,
  type CreditPolicy,
  type CreditSession,
} from './credit.ts';
import { isNonNegative } from './hours-math.ts';
import { isRecord, validateHoursRules } from './rule-validation.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export type CreditInput = { sessions: CreditSession[]; attendance: AttendanceRecord[]; policy: CreditPolicy };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A time is required: a bare date would be read as UTC midnight, 08:00 in Beijing.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function isOneOf<T extends string | number>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

function isDate(value: unknown): value is string {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function checkSession(s: unknown, at: string, errors: FieldError[]): void {
  if (!isRecord(s)) return void errors.push({ field: at, message: '课程安排必须是对象' });
  if (typeof s.id !== 'string' || s.id === '') errors.push({ field: `${at}.id`, message: '请填写课程编号' });
  const start = typeof s.start === 'string' && TIMESTAMP.test(s.start) ? parseInstant(s.start) : NaN;
  const end = typeof s.end === 'string' && TIMESTAMP.test(s.end) ? parseInstant(s.end) : NaN;
  if (Number.isNaN(start)) errors.push({ field: `${at}.start`, message: '开始时间应为ISO日期时间' });
  if (Number.isNaN(end)) errors.push({ field: `${at}.end`, message: '结束时间应为ISO日期时间' });
  else if (!Number.isNaN(start) && end <= start) errors.push({ field: `${at}.end`, message: '结束时间应晚于开始时间' });
  if (!isNonNegative(s.creditedHours)) errors.push({ field: `${at}.creditedHours`, message: '课程学时应为非负数' });
  if (s.mode !== 'offline' && s.mode !== 'online') errors.push({ field: `${at}.mode`, message: '授课方式只能是线下或线上' });
}

function checkAttendance(a: unknown, at: string, sessionIds: Set<unknown>, errors: FieldError[]): void {
  if (!isRecord(a)) return void errors.push({ field: at, message: '考勤记录必须是对象' });
  if (!sessionIds.has(a.sessionId)) errors.push({ field: `${at}.sessionId`, message: `考勤记录对应的课程不存在：${String(a.sessionId)}` });
  if (!isOneOf(ATTENDANCE_STATUSES, a.status)) errors.push({ field: `${at}.status`, message: '考勤状态无效' });
  if (a.minutesMissed !== undefined && !isNonNegative(a.minutesMissed)) errors.push({ field: `${at}.minutesMissed`, message: '缺勤分钟数应为非负数' });
}

function checkPolicy(p: unknown, errors: FieldError[]): void {
  if (p === undefined) return;
  if (!isRecord(p)) return void errors.push({ field: 'policy', message: '学时认定规则必须是对象' });
  if (p.late !== undefined && !isOneOf(PARTIAL_CREDIT_MODES, p.late)) errors.push({ field: 'policy.late', message: '迟到认定方式无效' });
  if (p.leftEarly !== undefined && !isOneOf(PARTIAL_CREDIT_MODES, p.leftEarly)) errors.push({ field: 'policy.leftEarly', message: '早退认定方式无效' });
  if (p.lateGraceMinutes !== undefined && !isNonNegative(p.lateGraceMinutes))
    errors.push({ field: 'policy.lateGraceMinutes', message: '迟到宽限分钟数应为非负数' });
  if (p.onlineFactor !== undefined && !(isNonNegative(p.onlineFactor) && p.onlineFactor <= 1)) {
    errors.push({ field: 'policy.onlineFactor', message: '线上折算系数应在0到1之间' });
  }
  if (p.roundTo !== undefined && !isOneOf(ROUNDING_STEPS, p.roundTo)) errors.push({ field: 'policy.roundTo', message: '取整单位只能是0.1、0.5或1' });
}

/** `{ sessions, attendance, policy? }` → typed credit input; a partial policy is completed from the default. */
export function parseCreditInput(data: unknown): Parsed<CreditInput> {
  if (!isRecord(data)) return { ok: false, errors: [{ field: '', message: '输入必须是对象' }] };
  const errors: FieldError[] = [];
  const sessionIds = new Set<unknown>();
  if (!Array.isArray(data.sessions)) errors.push({ field: 'sessions', message: '课程安排必须是数组' });
  else
    data.sessions.forEach((s: unknown, i) => {
      checkSession(s, `sessions[${i}]`, errors);
      const id = isRecord(s) ? s.id : undefined;
      if (sessionIds.has(id)) errors.push({ field: `sessions[${i}].id`, message: `课程编号重复：${String(id)}` });
      sessionIds.add(id);
    });
  if (!Array.isArray(data.attendance)) errors.push({ field: 'attendance', message: '考勤记录必须是数组' });
  else data.attendance.forEach((a: unknown, i) => checkAttendance(a, `attendance[${i}]`, sessionIds, errors));
  checkPolicy(data.policy, errors);
  if (errors.length > 0) return { ok: false, errors };
  const policy = { ...DEFAULT_CREDIT_POLICY, ...(data.policy as Partial<CreditPolicy> | undefined) };
  return { ok: true, value: { sessions: data.sessions as CreditSession[], attendance: data.attendance as AttendanceRecord[], policy } };
}

function checkEntry(e: unknown, at: string, errors: FieldError[]): void {
  if (!isRecord(e)) return void errors.push({ field: at, message: '学时记录必须是对象' });
  if (!isDate(e.date)) errors.push({ field: `${at}.date`, message: '日期应为YYYY-MM-DD格式的有效日期' });
  if (!isNonNegative(e.hours)) errors.push({ field: `${at}.hours`, message: '学时应为非负数' });
  if (!isNonNegative(e.days)) errors.push({ field: `${at}.days`, message: '天数应为非负数' });
  if (e.category !== 'offline' && e.category !== 'online') errors.push({ field: `${at}.category`, message: '学时类别只能是线下或线上' });
}

/** `{ rank, entries, year, rules? }` → typed compliance input; missing rules default to {@link DEFAULT_RULES_2023}. */
export function parseComplianceInput(data: unknown): Parsed<ComplianceInput> {
  if (!isRecord(data)) return { ok: false, errors: [{ field: '', message: '输入必须是对象' }] };
  const errors: FieldError[] = [];
  if (data.rank !== null && !isOneOf(RANKS, data.rank)) errors.push({ field: 'rank', message: '职级无效（未知职级请填null）' });
  if (typeof data.year !== 'number' || !Number.isInteger(data.year) || data.year < 1 || data.year > 9999) {
    errors.push({ field: 'year', message: '年度应为1至9999之间的整数' });
  }
  if (!Array.isArray(data.entries)) errors.push({ field: 'entries', message: '学时记录必须是数组' });
  else data.entries.forEach((e: unknown, i) => checkEntry(e, `entries[${i}]`, errors));
  if (data.rules !== undefined) for (const e of validateHoursRules(data.rules)) errors.push({ field: `rules${e.field}`, message: e.message });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      rank: data.rank as Rank | null,
      entries: data.entries as HoursEntry[],
      year: data.year as number,
      rules: (data.rules as HoursRule[] | undefined) ?? DEFAULT_RULES_2023,
    },
  };
}
