import type { RowScope } from '../indicators/indicator-source.js';

/** The filter columns and token count of one chunk: id, document, region, year, years named in the text (JSON), tokens. */
export type ChunkColumns = [id: string, docId: string, region: string, year: number, textYears: string, tokens: number];

/** The filter fields of one indicator row as a database keeps them (flags as 0/1 or booleans). */
export interface StoredRowHead {
  region: string;
  year: number;
  period: string;
  modality: string;
  undated: number | boolean;
  multi_year: number | boolean;
}

/**
 * The synchronous queries a database reader answers the engine from (SQLite: prepared statements;
 * PostgreSQL: SyncPg), all on one consistent snapshot. JSON columns come back as text, parsed by
 * the shared sources; int32 lists come back as the blobs int-blob.ts writes.
 */
export interface StoredLookups {
  meta(key: 'facts' | 'bm25_options' | 'vectors_dir'): string | undefined;
  /** Every chunk's columns in chunk order: read once at open. */
  chunkColumns(): ChunkColumns[];
  chunkJson(id: string): string | undefined;
  /** The first chunk (in chunk order) of the document whose span holds the offset. */
  chunkJsonAt(docId: string, offset: number): string | undefined;
  bm25Term(term: string): { df: number; postings: Uint8Array } | undefined;
  documentListJson(): string[];
  documentJson(id: string): string | undefined;
  sectionJsons(docId: string): string[];
  rowJson(ord: number): string | undefined;
  rowScoringJson(ord: number): string | undefined;
  rowHead(ord: number): StoredRowHead | undefined;
  /** Many rows' heads and scoring records in one query, for stores where each query is a round trip. */
  rowsForScoring?(ords: number[]): Array<StoredRowHead & { ord: number; scoring: string }>;
  rowTerm(term: string): { df: number; rows: Uint8Array } | undefined;
  regionRowTerm(region: string, term: string): Uint8Array | undefined;
  /** The last row with this id (as a Map filled in row order names it). */
  rowOrdOf(id: string): number | undefined;
  companionOrds(id: string): number[];
  ordsIn(scope: RowScope): number[];
  ordsOfDocuments(docIds: string[]): number[];
}
