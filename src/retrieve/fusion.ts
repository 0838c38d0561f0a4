export interface RankedId {
  id: string;
  score: number;
}

/** Constant from Cormack et al. (2009): damps the weight of top ranks so no single list dominates. */
export const RRF_K = 60;

/** Reciprocal-rank fusion of several ranked lists (BM25, dense, indicator hits). */
export function reciprocalRankFusion(lists: RankedId[][], k = RRF_K): RankedId[] {
  const fused = new Map<string, number>();
  for (const list of lists) {
    list.forEach((item, rank) => fused.set(item.id, (fused.get(item.id) ?? 0) + 1 / (k + rank + 1)));
  }
  return [...fused.entries()].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
