// Finds the unit named in a roster row among the units under the import's target node. Pure: built from
// the subtree's (id, name) list, so it can run inside the import worker.
export type UnitResolution = { ok: true; orgId: number } | { ok: false; message: string };
export interface UnitResolver {
  resolve(unitName: string): UnitResolution;
}

export interface UnitEntry {
  id: number;
  name: string;
}

/** Normalises unit names for matching: HR exports vary in spaces and brackets. */
const normalise = (name: string) =>
  name
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');

export function buildUnitResolver(units: readonly UnitEntry[], rootName: string): UnitResolver {
  const byName = new Map<string, number[]>();
  for (const u of units) {
    const key = normalise(u.name);
    byName.set(key, [...(byName.get(key) ?? []), u.id]);
  }
  return {
    resolve(unitName) {
      const ids = byName.get(normalise(unitName));
      if (!ids) return { ok: false, message: `单位“${unitName}”不在“${rootName}”及其下级单位中，请先在组织机构中添加或核对名称` };
      if (ids.length > 1) return { ok: false, message: `“${rootName}”下有 ${ids.length} 个名为“${unitName}”的单位，请选择更具体的导入单位` };
      return { ok: true, orgId: ids[0]! };
    },
  };
}
