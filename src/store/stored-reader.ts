import type { DocumentMeta, Section, StoredDocument } from '../documents/document.js';
import type { Bm25Options } from '../index/bm25.js';
import type { Manifest } from '../index/manifest.js';
import { BoundedCache } from './bounded-cache.js';
import type { CorpusFacts } from './corpus-facts.js';
import type { IndexReader, VectorStorage } from './index-store.js';
import { storedBm25Source } from './stored-bm25-source.js';
import { storedChunkSource } from './stored-chunk-source.js';
import { StoredIndicatorSource } from './stored-indicator-source.js';
import type { StoredLookups } from './stored-lookups.js';

export interface StoredReaderParts {
  manifest: Manifest;
  generation: string;
  lookups: StoredLookups;
  /** The HNSW folder, when the index has vectors. */
  vectorsDir?: string;
  vectors?: VectorStorage;
  close: () => void;
}

/**
 * An index read as questions need it, from a database store's lookups (SQLite or PostgreSQL): at
 * open only the manifest, the corpus facts and a few per-chunk columns in typed arrays; chunks,
 * postings, rows and documents by query behind small bounded caches.
 */
export function storedIndexReader(parts: StoredReaderParts): IndexReader {
  const { lookups, manifest } = parts;
  const facts = {
    writtenYears: [],
    undatedRegions: [],
    ...(JSON.parse(lookups.meta('facts') ?? '{"sectionRegions":[],"mentionedRegions":[],"years":[]}') as Partial<CorpusFacts>),
  } as CorpusFacts;
  const options = JSON.parse(lookups.meta('bm25_options') ?? '{"k1":1.2,"b":0.75}') as Bm25Options;
  const chunks = storedChunkSource(lookups, lookups.chunkColumns());
  const documents = new BoundedCache<string, StoredDocument | undefined>(64);
  return {
    manifest,
    generation: parts.generation,
    facts,
    chunks: chunks.source,
    bm25: storedBm25Source(lookups, options, manifest.counts.vocabulary, chunks.ids, chunks.lengths),
    indicators: new StoredIndicatorSource(lookups, manifest.counts.indicators),
    vectorsDir: parts.vectorsDir,
    vectors: parts.vectors,
    documentList: () => lookups.documentListJson().map((json) => JSON.parse(json) as DocumentMeta),
    document: (id) =>
      documents.get(id, () => {
        const json = lookups.documentJson(id);
        return json === undefined ? undefined : (JSON.parse(json) as StoredDocument);
      }),
    sectionsOf: (docId) => lookups.sectionJsons(docId).map((json) => JSON.parse(json) as Section),
    close: parts.close,
  };
}
