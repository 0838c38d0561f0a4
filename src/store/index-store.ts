import type { Chunk, DocumentMeta, Section, StoredDocument } from '../documents/document.js';
import type { Indicator } from '../indicators/indicator.js';
import type { IndicatorSource } from '../indicators/indicator-source.js';
import type { Bm25Data, Bm25Source } from '../index/bm25.js';
import type { Manifest } from '../index/manifest.js';
import type { ChunkSource } from '../retrieve/chunk-source.js';
import type { CorpusFacts } from './corpus-facts.js';

/** The generation of a file-based index: its manifest's build time and corpus hash name one write. */
export function manifestGeneration(manifest: Pick<Manifest, 'createdAt' | 'corpusHash'>): string {
  return `${manifest.createdAt} ${manifest.corpusHash}`;
}

/** Everything one ingest produces, written to a store as one unit. */
export interface IndexSnapshot {
  manifest: Manifest;
  documents: StoredDocument[];
  sections: Section[];
  chunks: Chunk[];
  indicators: Indicator[];
  bm25: Bm25Data;
}

export type StoreKind = 'json' | 'sqlite' | 'postgres';

/** Where a database store shared by several servers keeps the dense vectors, for /health. */
export interface VectorStorage {
  /** 'database': the HNSW files are rows of the index, so every server reads the same; 'none': the index has no vectors. */
  kept: 'database' | 'none';
  /** Whether the server offers the pgvector extension; this build keeps HNSW files either way. */
  pgvector: 'installed' | 'available' | 'not installed';
}

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
  /**
   * Names the index in service now, cheaply (polled every few seconds): when it differs from a
   * reader's `generation`, another process has written a newer index. Undefined when there is none.
   */
  currentGeneration(): Promise<string | undefined>;
  open(): Promise<IndexReader>;
  /** Releases what the store holds open (database handles); readers opened from it stay usable until closed. */
  close(): Promise<void>;
}

/** One consistent view of an index, as the engine reads it. */
export interface IndexReader {
  readonly manifest: Manifest;
  /** Which write this view shows; compare with IndexStore.currentGeneration(). */
  readonly generation: string;
  readonly facts: CorpusFacts;
  readonly chunks: ChunkSource;
  readonly bm25: Bm25Source;
  readonly indicators: IndicatorSource;
  /** The folder holding the HNSW vectors, when the index has them. */
  readonly vectorsDir?: string;
  /** Set by stores shared across servers (PostgreSQL): where the vectors are kept. */
  readonly vectors?: VectorStorage;
  documentList(): DocumentMeta[];
  document(id: string): StoredDocument | undefined;
  sectionsOf(docId: string): Section[];
  close(): void;
}
