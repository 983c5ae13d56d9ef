// Finds the unit named in a roster row among the units under the import's target node.
import { inSubtree } from '../../db/dialect.ts';
import type { Kysely } from 'kysely';
import type { Database, OrgRow } from '../../db/schema.ts';

export type UnitResolution = { ok: true; orgId: number } | { ok: false; message: string };
export interface UnitResolver {
  resolve(unitName: string): UnitResolution;
}

/** Normalises unit names for matching: HR exports vary in spaces and brackets. */
const normalise = (name: string) => name.replace(/[\s\u3000]/g, '').replace(/（/g, '(').replace(/）/g, ')');

export async function buildUnitResolver(db: Kysely<Database>, root: OrgRow): Promise<UnitResolver> {
  const rows = await db.selectFrom('organizations').select(['id', 'name', 'path']).where(inSubtree('path', root.path)).execute();
  const byName = new Map<string, number[]>();
  for (const r of rows) {
    const key = normalise(r.name);
    byName.set(key, [...(byName.get(key) ?? []), r.id]);
  }
  return {
    resolve(unitName) {
      const ids = byName.get(normalise(unitName));
      if (!ids) return { ok: false, message: `单位“${unitName}”不在“${root.name}”及其下级单位中，请先在组织机构中添加或核对名称` };
      if (ids.length > 1) return { ok: false, message: `“${root.name}”下有 ${ids.length} 个名为“${unitName}”的单位，请选择更具体的导入单位` };
      return { ok: true, orgId: ids[0]! };
    },
  };
}
