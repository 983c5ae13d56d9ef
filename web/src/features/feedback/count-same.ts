// Identical comments shown once with a count ("“…” ×4"): anonymous lists repeat stock phrases a lot.
export function countSame(texts: readonly string[]): { text: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([text, count]) => ({ text, count }));
}
