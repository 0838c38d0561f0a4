import type { Indicator } from './indicator.js';
import type { IndicatorSource, RowScope, RowTokens } from './indicator-source.js';
import { buildRowIndex, regionPostings, type RowIndex } from './row-index.js';

const NONE: readonly number[] = [];

/** All rows in the heap with their token index, built from the rows (or from a stored index). */
export class MemoryIndicatorSource implements IndicatorSource {
  private readonly index: RowIndex;
  private readonly byRegion: Map<string, Map<string, number[]>>;
  private readonly position = new Map<string, number>();
  private readonly companions = new Map<string, Indicator[]>();

  constructor(
    readonly rows: Indicator[],
    index?: RowIndex,
  ) {
    this.index = index ?? buildRowIndex(rows);
    this.byRegion = regionPostings(rows, this.index.postings);
    rows.forEach((row, i) => this.position.set(row.id, i));
    for (const row of rows) {
      if (!row.relatedTo || !this.position.has(row.relatedTo)) continue;
      const list = this.companions.get(row.relatedTo) ?? [];
      list.push(row);
      this.companions.set(row.relatedTo, list);
    }
  }

  get size(): number {
    return this.rows.length;
  }

  postings(term: string, region?: string): readonly number[] {
    return (region === undefined ? this.index.postings.get(term) : this.byRegion.get(region)?.get(term)) ?? NONE;
  }

  df(term: string): number {
    return this.index.postings.get(term)?.length ?? 0;
  }

  row(ord: number): Indicator {
    return this.rows[ord];
  }

  tokens(ord: number): RowTokens {
    return this.index.tokens[ord];
  }

  ordOf(id: string): number | undefined {
    return this.position.get(id);
  }

  companionsOf(id: string): Indicator[] {
    return this.companions.get(id) ?? [];
  }

  ordsIn(scope: RowScope): number[] {
    const ords: number[] = [];
    this.rows.forEach((row, i) => {
      if (scope.region && row.region !== scope.region) return;
      if (scope.year !== undefined && row.year !== scope.year) return;
      if (scope.docId && row.docId !== scope.docId) return;
      ords.push(i);
    });
    return ords;
  }

  rowsOfDocuments(docIds: string[]): Indicator[] {
    return this.rows.filter((r) => docIds.includes(r.docId));
  }
}
