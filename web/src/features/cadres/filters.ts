// The roster's URL state: filters, sorting and page, read from and written to the query string.
import { CADRE_SORT_FIELDS, RANKS } from '@duibiao/contracts';
import type { Rank } from '@duibiao/contracts';
import type { Query } from '../../api/client.ts';
import { readBool, readEnum, readInt, readStr } from '../../hooks/useQueryParams.ts';

export type CadreSort = (typeof CADRE_SORT_FIELDS)[number];

export interface CadreFilterValues {
  orgId?: number;
  rank?: Rank[];
  grassroots?: boolean;
  young?: boolean;
  specialty?: string;
  ageMin?: number;
  ageMax?: number;
  q?: string;
}

export interface CadreListState {
  filter: CadreFilterValues;
  sort: CadreSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export function readCadreList(params: URLSearchParams): CadreListState {
  const rank = params.getAll('rank').filter((r): r is Rank => (RANKS as readonly string[]).includes(r));
  return {
    filter: {
      orgId: readInt(params, 'orgId'),
      rank: rank.length ? rank : undefined,
      grassroots: readBool(params, 'grassroots'),
      young: readBool(params, 'young'),
      specialty: readStr(params, 'specialty'),
      ageMin: readInt(params, 'ageMin'),
      ageMax: readInt(params, 'ageMax'),
      q: readStr(params, 'q'),
    },
    sort: readEnum(params, 'sort', CADRE_SORT_FIELDS) ?? 'name',
    order: readEnum(params, 'order', ['asc', 'desc'] as const) ?? 'asc',
    page: readInt(params, 'page') ?? 1,
    pageSize: readInt(params, 'pageSize') ?? 20,
  };
}

/** Filter values as query parameters (for the list, the export and the stats). */
export const filterQuery = (f: CadreFilterValues): Query => ({
  orgId: f.orgId,
  rank: f.rank,
  grassroots: f.grassroots,
  young: f.young,
  specialty: f.specialty?.trim(),
  ageMin: f.ageMin,
  ageMax: f.ageMax,
  q: f.q?.trim(),
});

export const listQuery = (s: CadreListState): Query => ({
  ...filterQuery(s.filter),
  sort: s.sort,
  order: s.order,
  page: s.page,
  pageSize: s.pageSize,
});

/** Number of filters in use (for the "n filters" hint on phones). */
export const activeFilterCount = (f: CadreFilterValues): number =>
  Object.values(filterQuery(f)).filter((v) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)).length;
