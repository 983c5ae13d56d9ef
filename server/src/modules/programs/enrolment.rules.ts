// Pure placement rules of enrolment: class capacity, one monitor per class, one leader per group. Used the same
// way by a single add, a move, and a whole import (checked on the state after the change).
import type { ClassRole } from '@duibiao/contracts';

export interface Placement {
  classId: number | null;
  groupId: number | null;
  roles: ClassRole[];
}

export interface PlacementProblem {
  /** Index into `incoming`. */
  index: number;
  field: 'classId' | 'roles';
  message: string;
}

/**
 * Problems of placing `incoming` next to `existing` (which must not contain the incoming trainees themselves).
 * `capacity` maps class id → capacity.
 */
export function placementProblems(existing: Placement[], incoming: Placement[], capacity: ReadonlyMap<number, number>): PlacementProblem[] {
  const problems: PlacementProblem[] = [];
  const seats = new Map<number, number>();
  const monitors = new Set<number>();
  const leaders = new Set<number>();
  for (const p of existing) {
    if (p.classId !== null) seats.set(p.classId, (seats.get(p.classId) ?? 0) + 1);
    if (p.classId !== null && p.roles.includes('monitor')) monitors.add(p.classId);
    if (p.groupId !== null && p.roles.includes('group_leader')) leaders.add(p.groupId);
  }
  incoming.forEach((p, index) => {
    if (p.classId !== null) {
      const taken = (seats.get(p.classId) ?? 0) + 1;
      seats.set(p.classId, taken);
      const cap = capacity.get(p.classId);
      if (cap !== undefined && taken > cap) problems.push({ index, field: 'classId', message: `班级已满（容量 ${cap} 人）` });
    }
    if (p.roles.includes('monitor') && p.classId !== null) {
      if (monitors.has(p.classId)) problems.push({ index, field: 'roles', message: '该班级已有班长' });
      monitors.add(p.classId);
    }
    if (p.roles.includes('group_leader') && p.groupId !== null) {
      if (leaders.has(p.groupId)) problems.push({ index, field: 'roles', message: '该小组已有组长' });
      leaders.add(p.groupId);
    }
  });
  return problems;
}

const ROLE_WORDS: Record<string, ClassRole> = {
  班长: 'monitor',
  monitor: 'monitor',
  组长: 'group_leader',
  小组长: 'group_leader',
  group_leader: 'group_leader',
  党支部联络员: 'party_contact',
  支部联络员: 'party_contact',
  联络员: 'party_contact',
  party_contact: 'party_contact',
};

/** '班长、党支部联络员' → roles; unknown words are reported. */
export function parseRoleCell(cell: string): { roles: ClassRole[]; unknown: string[] } {
  const roles: ClassRole[] = [];
  const unknown: string[] = [];
  for (const word of cell
    .split(/[、,，;；/\s]+/)
    .map((w) => w.trim())
    .filter(Boolean)) {
    const role = ROLE_WORDS[word];
    if (!role) unknown.push(word);
    else if (!roles.includes(role)) roles.push(role);
  }
  return { roles, unknown };
}

export type ImportColumn = 'idNumber' | 'name' | 'unit' | 'className' | 'groupName' | 'roles';

const HEADER_WORDS: Record<ImportColumn, string[]> = {
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '身份证'],
  name: ['姓名', '学员姓名'],
  unit: ['工作单位', '单位', '所在单位'],
  className: ['班级', '所在班级', '班次'],
  groupName: ['小组', '组别', '分组', '所在小组'],
  roles: ['班内职务', '班委职务', '担任职务', '班委', '学员职务'],
};

const squash = (s: string) => s.replace(/[\s（）()*＊:：]/g, '');

/** Column index per known header, or undefined when the row is not a header (needs an ID number or a name). */
export function detectImportHeader(cells: readonly unknown[]): Partial<Record<ImportColumn, number>> | undefined {
  const found: Partial<Record<ImportColumn, number>> = {};
  cells.forEach((cell, i) => {
    if (typeof cell !== 'string') return;
    const word = squash(cell);
    for (const [col, words] of Object.entries(HEADER_WORDS) as [ImportColumn, string[]][]) {
      if (found[col] === undefined && words.includes(word)) found[col] = i;
    }
  });
  return found.idNumber !== undefined || (found.name !== undefined && found.unit !== undefined) ? found : undefined;
}

export const IMPORT_COLUMN_TITLES: Record<ImportColumn, string> = {
  idNumber: '身份证号',
  name: '姓名',
  unit: '工作单位',
  className: '班级',
  groupName: '小组',
  roles: '班内职务',
};
