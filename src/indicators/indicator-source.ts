import type { Indicator } from './indicator.js';

/** The words of one row: its metric name, and its sentence plus the metric names of its rank/"高于全国" companions. */
export interface RowTokens {
  metric: string[];
  context: string[];
}

export type RowHead = Pick<Indicator, 'region' | 'year' | 'period' | 'modality' | 'undated' | 'multiYear'>;
/** What scoring a row reads: no sentence, context or scope. */
export type ScoringFields = Pick<Indicator, 'region' | 'year' | 'period' | 'modality' | 'metric' | 'measure' | 'relatedTo' | 'unit' | 'metricSide' | 'undated' | 'multiYear'>;

export function scoringFields(row: Indicator): ScoringFields {
  const { region, year, period, modality, metric, measure, relatedTo, unit, metricSide, undated, multiYear } = row;
  return { region, year, period, modality, metric, measure, relatedTo, unit, metricSide, ...(undated ? { undated } : {}), ...(multiYear ? { multiYear } : {}) };
}

/** Narrowing of GET /indicators that a store can answer from its own indexes. */
export interface RowScope {
  region?: string;
  year?: number;
  docId?: string;
}

/**
 * The indicator rows as the table reads them, addressed by ordinal (the row's position in ingest
 * order). The in-memory source builds its token index at open; a database source reads what ingest
 * stored, so opening it re-tokenizes nothing.
 */
export interface IndicatorSource {
  readonly size: number;
  /** Row ordinals whose words hold `term`, in the order ingest indexed them (a row can repeat); `region` narrows to its rows. */
  postings(term: string, region?: string): readonly number[];
  /** Length of the whole-table posting list of `term` (repeats included): the document frequency. */
  df(term: string): number;
  row(ord: number): Indicator;
  /** The fields search filters on, cheaper than the whole row; absent = row(ord). */
  head?(ord: number): RowHead;
  /** The fields scoring reads, cheaper than the whole row; absent = row(ord). */
  scoring?(ord: number): ScoringFields;
  tokens(ord: number): RowTokens;
  /** Loads what head/scoring/tokens will read for these rows in bulk, for a store whose every query is a round trip; absent = nothing to do. */
  prefetch?(ords: Iterable<number>): void;
  ordOf(id: string): number | undefined;
  /** Rows that qualify the row with this id (relatedTo), in row order. */
  companionsOf(id: string): Indicator[];
  /** Ordinals of the rows in scope, in row order. */
  ordsIn(scope: RowScope): number[];
  /** The rows of some documents, in row order (the docIds filter of /ask builds a table of its own from them). */
  rowsOfDocuments(docIds: string[]): Indicator[];
}
