import type { Chunk, DocumentMeta, Section, StoredDocument } from '../documents/document.js';
import type { Indicator } from '../indicators/indicator.js';
import type { IndicatorSource } from '../indicators/indicator-source.js';
import type { Bm25Data, Bm25Source } from '../index/bm25.js';
import type { Manifest } from '../index/manifest.js';
import type { ChunkSource } from '../retrieve/chunk-source.js';
import type { CorpusFacts } from './corpus-facts.js';

/** Everything one ingest produces, written to a store as one unit. */
export interface IndexSnapshot {
  manifest: Manifest;
  documents: StoredDocument[];
  sections: Section[];
  chunks: Chunk[];
  indicators: Indicator[];
  bm25: Bm25Data;
}

export type StoreKind = 'json' | 'sqlite';

/** The state of a store's index, checked without loading it. */
export type IndexCheck =
  | { state: 'ok'; manifest: Manifest }
  | { state: 'missing'; reason: string }
  | { state: 'corrupt'; reason: string }
  | { state: 'model_mismatch'; reason: string };

export interface WriteOptions {
  /** Writes the HNSW vectors into the folder given (the store chooses it), before the index is committed. */
  saveVectors?: (dir: string) => Promise<void>;
}

/**
 * Where ingest writes an index and the engine reads it. `write` replaces the whole index at once:
 * until it returns, readers (and a process started after a crash mid-write) see the previous one.
 * Every implementation passes tests/store/contract.ts.
 */
export interface IndexStore {
  readonly kind: StoreKind;
  /** The file or folder, for messages and /health. */
  readonly location: string;
  check(embeddingModel: string): Promise<IndexCheck>;
  /** The manifest of the current index, or undefined when there is none (or it is unreadable). */
  readManifest(): Promise<Manifest | undefined>;
  /** The current index's documents, for ingest to reuse files whose bytes have not changed; [] when unreadable. */
  storedDocuments(): Promise<StoredDocument[]>;
  write(snapshot: IndexSnapshot, options?: WriteOptions): Promise<void>;
  open(): Promise<IndexReader>;
  /** Releases what the store holds open (database handles); readers opened from it stay usable until closed. */
  close(): Promise<void>;
}

/** One consistent view of an index, as the engine reads it. */
export interface IndexReader {
  readonly manifest: Manifest;
  readonly facts: CorpusFacts;
  readonly chunks: ChunkSource;
  readonly bm25: Bm25Source;
  readonly indicators: IndicatorSource;
  /** The folder holding the HNSW vectors, when the index has them. */
  readonly vectorsDir?: string;
  documentList(): DocumentMeta[];
  document(id: string): StoredDocument | undefined;
  sectionsOf(docId: string): Section[];
  close(): void;
}
