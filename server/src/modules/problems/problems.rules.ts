// Pure rules of problem lists: search terms, counts and the "16+N" headline, the diff between two published versions,
// and the check that a split places every source question.
import type { ListCounts, ProblemListDiff, SnapshotItem } from '@duibiao/contracts';
import { tokenize } from '@duibiao/core/text/index';

/** `' ' + terms + ' '` so every term is delimited for LIKE filters (core/src/text README). */
export const searchTermsOf = (text: string): string => ` ${tokenize(text).join(' ')} `;

/**
 * Default threshold of duplicate suggestions. The core default (0.2) is the best F1 on the labelled fixture; the
 * measured numbers are in bench/README.md "Duplicate suggestions (issue 5)".
 */
export const SUGGESTION_THRESHOLD = 0.2;

export function countsOf(items: readonly Pick<SnapshotItem, 'kind'>[]): ListCounts {
  const fixed = items.filter((i) => i.kind === 'fixed').length;
  const open = items.filter((i) => i.kind === 'open').length;
  return { items: items.length, fixed, open, unclassified: items.length - fixed - open };
}

/** 固定题 16 项 + 开放题 N 项 (and the unclassified rest, if any). */
export function headlineOf(c: ListCounts): string {
  const base = `固定题 ${c.fixed} 项 + 开放题 ${c.open} 项`;
  return c.unclassified > 0 ? `${base}（另有未分类 ${c.unclassified} 项）` : base;
}

/** Reads a stored snapshot; tolerant of a missing `items` so an odd row never breaks the page. */
export function parseSnapshot(json: string): SnapshotItem[] {
  const parsed = JSON.parse(json) as { items?: SnapshotItem[] };
  return parsed.items ?? [];
}

/** Split parts must each be a subset of the item's sources and together cover all of them; problems by field path. */
export function splitProblems(sources: readonly number[], parts: readonly { questionIds: readonly number[] }[]): { field: string; message: string }[] {
  const own = new Set(sources);
  const problems: { field: string; message: string }[] = [];
  parts.forEach((p, i) => {
    const foreign = p.questionIds.filter((q) => !own.has(q));
    if (foreign.length > 0) problems.push({ field: `parts.${i}.questionIds`, message: `问题 ${foreign.join('、')} 不是该条目的原始问题` });
  });
  const placed = new Set(parts.flatMap((p) => p.questionIds));
  const missing = sources.filter((q) => !placed.has(q));
  if (missing.length > 0) problems.push({ field: 'parts', message: `原始问题 ${missing.join('、')} 没有分到任何一项，每个原始问题都须有去处` });
  return problems;
}

type DiffItem = ProblemListDiff['added'][number];
const brief = (i: SnapshotItem): DiffItem => ({ id: i.id, title: i.title, kind: i.kind });

/**
 * What changed from version A to B. Items are matched by id. Items of A whose source questions all sit in one item of
 * B, together with at least one other item of A, are reported as merged (not removed); that B item is not "added".
 */
export function diffSnapshots(a: readonly SnapshotItem[], b: readonly SnapshotItem[]): Omit<ProblemListDiff, 'from' | 'to'> {
  const inB = new Map(b.map((i) => [i.id, i]));
  const inA = new Map(a.map((i) => [i.id, i]));
  const holderInB = new Map<number, number>();
  for (const item of b) for (const q of item.questionIds) if (!holderInB.has(q)) holderInB.set(q, item.id);
  // An A item's destination: the one B item holding all of its questions (undefined when scattered or gone).
  const destination = (item: SnapshotItem): number | undefined => {
    const holders = new Set(item.questionIds.map((q) => holderInB.get(q)));
    if (holders.size !== 1) return undefined;
    return [...holders][0];
  };
  const byDestination = new Map<number, SnapshotItem[]>();
  for (const item of a) {
    const to = destination(item);
    if (to !== undefined) byDestination.set(to, [...(byDestination.get(to) ?? []), item]);
  }
  const merged: ProblemListDiff['merged'] = [];
  const mergedFrom = new Set<number>();
  const mergedInto = new Set<number>();
  for (const [to, from] of byDestination) {
    if (from.length < 2) continue;
    merged.push({ into: brief(inB.get(to)!), from: from.map(brief) });
    for (const f of from) mergedFrom.add(f.id);
    mergedInto.add(to);
  }
  const changed: ProblemListDiff['changed'] = [];
  for (const item of b) {
    const before = inA.get(item.id);
    if (!before) continue;
    const changes: ProblemListDiff['changed'][number]['changes'] = [];
    for (const field of ['title', 'kind', 'field'] as const)
      if ((before[field] ?? null) !== (item[field] ?? null)) changes.push({ field, before: before[field] ?? null, after: item[field] ?? null });
    if (changes.length > 0) changed.push({ id: item.id, changes });
  }
  return {
    added: b.filter((i) => !inA.has(i.id) && !mergedInto.has(i.id)).map(brief),
    removed: a.filter((i) => !inB.has(i.id) && !mergedFrom.has(i.id)).map(brief),
    changed,
    merged,
  };
}
