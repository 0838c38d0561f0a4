import type { Indicator } from '../indicators/indicator.js';
import type { IndicatorSource, RowHead, RowScope, RowTokens, ScoringFields } from '../indicators/indicator-source.js';
import { BoundedCache } from './bounded-cache.js';
import { decodeInts } from './int-blob.js';
import type { StoredLookups, StoredRowHead } from './stored-lookups.js';

const NONE: readonly number[] = [];
/** Rows per prefetch query: one round trip each, small enough not to stall a server on one question. */
const PREFETCH_BATCH = 5_000;

interface StoredScoring {
  fields: ScoringFields;
  tokens: RowTokens;
}

function rowHead({ region, year, period, modality, undated, multi_year }: StoredRowHead): RowHead {
  return { region, year, period, modality: modality as RowHead['modality'], ...(undated ? { undated: true } : {}), ...(multi_year ? { multiYear: true } : {}) };
}

/** Indicator rows of a database store: the token index and rows as ingest stored them, read by query behind bounded caches. */
export class StoredIndicatorSource implements IndicatorSource {
  private readonly rows = new BoundedCache<number, Indicator>(5_000);
  private readonly scorings = new BoundedCache<number, StoredScoring>(100_000);
  private readonly heads = new BoundedCache<number, RowHead>(200_000);
  private readonly terms = new BoundedCache<string, { df: number; rows: readonly number[] }>(20_000);
  private readonly regionTerms = new BoundedCache<string, readonly number[]>(50_000);

  constructor(
    private readonly lookups: StoredLookups,
    readonly size: number,
  ) {}

  private term(term: string): { df: number; rows: readonly number[] } {
    return this.terms.get(term, () => {
      const row = this.lookups.rowTerm(term);
      return row ? { df: row.df, rows: Array.from(decodeInts(row.rows)) } : { df: 0, rows: NONE };
    });
  }

  postings(term: string, region?: string): readonly number[] {
    if (region === undefined) return this.term(term).rows;
    return this.regionTerms.get(`${region}\u0000${term}`, () => {
      const blob = this.lookups.regionRowTerm(region, term);
      return blob ? Array.from(decodeInts(blob)) : NONE;
    });
  }

  df(term: string): number {
    return this.term(term).df;
  }

  private stored(ord: number): StoredScoring {
    return this.scorings.get(ord, () => {
      const json = this.lookups.rowScoringJson(ord);
      if (json === undefined) throw new Error(`no indicator row ${ord}`);
      return JSON.parse(json) as StoredScoring;
    });
  }

  /** Loads the heads and scoring records of the candidates not yet cached, a batch per query, when the store can. */
  prefetch(ords: Iterable<number>): void {
    const many = this.lookups.rowsForScoring?.bind(this.lookups);
    if (!many) return;
    const missing: number[] = [];
    for (const ord of ords) if (!this.scorings.has(ord) || !this.heads.has(ord)) missing.push(ord);
    // More than the cache holds would evict what it just loaded: those are read one by one instead.
    const limit = Math.min(missing.length, this.scorings.capacity / 2);
    for (let start = 0; start < limit; start += PREFETCH_BATCH) {
      for (const row of many(missing.slice(start, Math.min(limit, start + PREFETCH_BATCH)))) {
        this.heads.set(row.ord, rowHead(row));
        this.scorings.set(row.ord, JSON.parse(row.scoring) as StoredScoring);
      }
    }
  }

  row(ord: number): Indicator {
    return this.rows.get(ord, () => {
      const json = this.lookups.rowJson(ord);
      if (json === undefined) throw new Error(`no indicator row ${ord}`);
      return JSON.parse(json) as Indicator;
    });
  }

  scoring(ord: number): ScoringFields {
    return this.stored(ord).fields;
  }

  tokens(ord: number): RowTokens {
    return this.stored(ord).tokens;
  }

  head(ord: number): RowHead {
    return this.heads.get(ord, () => {
      const head = this.lookups.rowHead(ord);
      if (head === undefined) throw new Error(`no indicator row ${ord}`);
      return rowHead(head);
    });
  }

  ordOf(id: string): number | undefined {
    return this.lookups.rowOrdOf(id);
  }

  companionsOf(id: string): Indicator[] {
    return this.lookups.companionOrds(id).map((ord) => this.row(ord));
  }

  ordsIn(scope: RowScope): number[] {
    return this.lookups.ordsIn(scope);
  }

  rowsOfDocuments(docIds: string[]): Indicator[] {
    return this.lookups.ordsOfDocuments(docIds).map((ord) => this.row(ord));
  }
}
