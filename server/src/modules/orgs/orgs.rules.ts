// Pure rules of the organization tree.
import { ORG_LEVELS, isGrassrootsLevel, type OrgKind, type OrgLevel, type OrgNode } from '@duibiao/contracts';
import type { OrgRow } from '../../db/schema.ts';

/** A child may not sit at a higher administrative level than its parent. */
export function levelProblem(parentLevel: OrgLevel, childLevel: OrgLevel): string | null {
  return ORG_LEVELS.indexOf(childLevel) < ORG_LEVELS.indexOf(parentLevel) ? '下级单位的层级不能高于上级单位' : null;
}

export function presentOrg(row: OrgRow, cadreCount = 0, subtreeCadreCount = cadreCount): OrgNode {
  return {
    id: row.id,
    parentId: row.parent_id,
    code: row.code,
    name: row.name,
    level: row.level as OrgLevel,
    kind: row.kind as OrgKind,
    path: row.path,
    isGrassroots: isGrassrootsLevel(row.level as OrgLevel),
    cadreCount: Number(cadreCount),
    subtreeCadreCount: Number(subtreeCadreCount),
  };
}

/** Adds each node's direct count to every ancestor present in the list (paths are '/1/5/23/'). */
export function subtreeCounts(rows: readonly { id: number; path: string; cadre_count: number }[]): Map<number, number> {
  const totals = new Map<number, number>(rows.map((r) => [r.id, 0]));
  for (const r of rows) {
    for (const id of r.path.split('/').filter(Boolean).map(Number)) {
      const total = totals.get(id);
      if (total !== undefined) totals.set(id, total + Number(r.cadre_count));
    }
  }
  return totals;
}
