// Pure rules of programs: the lifecycle, JSON columns, presenters. No I/O.
import { PROGRAM_STATUSES, type ClassRole, type ProgramStatus, type ProgramTargets } from '@duibiao/contracts';

export type TransitionCheck = { ok: true; direction: 'forward' | 'back' } | { ok: false; field: 'status' | 'reason'; message: string };

/**
 * A program moves one step forward (draft → enrolling → running → closed → follow_up), or one step back with a
 * reason (undoing a premature move must be explained in the audit log).
 */
export function checkTransition(from: ProgramStatus, to: ProgramStatus, reason: string | undefined): TransitionCheck {
  const step = PROGRAM_STATUSES.indexOf(to) - PROGRAM_STATUSES.indexOf(from);
  if (step === 1) return { ok: true, direction: 'forward' };
  if (step === -1) {
    if (!reason?.trim()) return { ok: false, field: 'reason', message: '退回上一阶段须填写原因' };
    return { ok: true, direction: 'back' };
  }
  if (step === 0) return { ok: false, field: 'status', message: '项目已处于该状态' };
  return { ok: false, field: 'status', message: '只能前进或退回一个阶段' };
}

export const parseJsonArray = (s: string): string[] => {
  try {
    const v = JSON.parse(s) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

export function parseTargets(s: string): ProgramTargets {
  try {
    const v = JSON.parse(s) as {
      onsiteShareMin?: number | null;
      seminarHoursMin?: number | null;
      minimums?: { sessionType?: string; type?: string; hoursMin: number }[];
    };
    return {
      onsiteShareMin: v.onsiteShareMin ?? null,
      seminarHoursMin: v.seminarHoursMin ?? null,
      // Older rows may name the session type `type`.
      minimums: (v.minimums ?? []).map((m) => ({
        sessionType: (m.sessionType ?? m.type) as ProgramTargets['minimums'][number]['sessionType'],
        hoursMin: m.hoursMin,
      })),
    };
  } catch {
    return { onsiteShareMin: null, seminarHoursMin: null, minimums: [] };
  }
}

export const parseRoles = (s: string): ClassRole[] => parseJsonArray(s) as ClassRole[];

/** Roles a trainee keeps after moving: a monitor leaving the class, or a leader leaving the group, gives it up. */
export function rolesAfterMove(roles: ClassRole[], classChanged: boolean, groupChanged: boolean): ClassRole[] {
  return roles.filter((r) => !(r === 'monitor' && classChanged) && !(r === 'group_leader' && groupChanged));
}

/** What a role needs: a monitor belongs to a class, a group leader to a group. */
export function roleProblems(roles: ClassRole[], classId: number | null, groupId: number | null): string[] {
  const problems: string[] = [];
  if (roles.includes('monitor') && classId === null) problems.push('班长须先分到班级');
  if (roles.includes('group_leader') && groupId === null) problems.push('组长须先分到小组');
  return problems;
}

/** Program code: P + start year + zero-padded id, e.g. P2026-0007 (readable, unique with the id). */
export const programCode = (startDate: string, id: number): string => `P${startDate.slice(0, 4)}-${String(id).padStart(4, '0')}`;

const EXT_MIME: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** The MIME type of an allowed attachment file name, or undefined when the extension is not allowed. */
export function attachmentMime(fileName: string): string | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return ext ? EXT_MIME[ext] : undefined;
}

/** Whether the file's first bytes fit its extension (a renamed .exe is not a PDF). */
export function magicMatches(mime: string, head: Uint8Array): boolean {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  switch (mime) {
    case 'application/pdf':
      return starts(0x25, 0x50, 0x44, 0x46);
    case 'image/png':
      return starts(0x89, 0x50, 0x4e, 0x47);
    case 'image/jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'application/msword':
    case 'application/vnd.ms-excel':
      return starts(0xd0, 0xcf, 0x11, 0xe0);
    default:
      // docx/xlsx are zip archives
      return starts(0x50, 0x4b, 0x03, 0x04);
  }
}
