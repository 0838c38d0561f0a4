import { resolve } from 'node:path';
import type { Chunk, Section, StoredDocument } from '../src/documents/document.js';
import type { Indicator } from '../src/indicators/indicator.js';
import { Bm25Index } from '../src/index/bm25.js';
import { DEFAULT_EMBEDDING_MODEL, loadEmbedder, type TextEmbedder } from '../src/index/embeddings.js';
import { sha256 } from '../src/index/index-files.js';
import { PIPELINE_VERSION, type Manifest } from '../src/index/manifest.js';
import type { IndexStore } from '../src/store/index-store.js';
import { indexStoreFor } from '../src/store/open-store.js';
import { buildVectorIndex } from '../src/index/vector-store.js';
import { loadDocuments, type SourceFile } from './load-documents.js';
import type { LoadedDocument } from './load/loader.js';
import { emptyTimings, prepareDocument, type StageTimings } from './prepare-document.js';

export interface IngestProgress {
  stage: 'load' | 'prepare' | 'bm25' | 'embed' | 'write' | 'done';
  done: number;
  total: number;
  /** What done/total count: seed files while loading, documents while preparing, chunks for BM25 and vectors. */
  unit: 'file' | 'document' | 'chunk' | 'step';
  message?: string;
  /** While loading: the file being read, and for a PDF the pages read so far. */
  file?: { name: string; pages?: { done: number; total: number } };
}

export interface IngestOptions {
  seedsDir: string;
  indexDir: string;
  /** DATABASE_URL (see src/store/open-store.ts); ignored when `store` is given. */
  databaseUrl?: string;
  /** The store to write to; default: the one INDEX_DIR and DATABASE_URL name. */
  store?: IndexStore;
  modelDir?: string;
  embeddingModel?: string;
  /** Rebuild even when the manifest says the index is current. */
  force?: boolean;
  /** An already loaded embedder (tests, long-running servers); skips loading the model. */
  embedder?: TextEmbedder | null;
  onProgress?: (event: IngestProgress) => void;
  /** Files already read by the caller (an upload job), by SHA-256 of their bytes: not parsed again. */
  preloaded?: ReadonlyMap<string, LoadedDocument>;
}

export interface IngestResult {
  changed: boolean;
  documents: number;
  sections: number;
  chunks: number;
  indicators: number;
  vectors: number;
  dense: { active: boolean; model: string; reason?: string };
  changedDocuments: string[];
  /** Files not parsed again: their bytes match a document of the previous index. */
  reusedDocuments: string[];
  warnings: string[];
  timingsMs: StageTimings & { load: number; bm25: number; embeddings: number; write: number; total: number };
  indexDir: string;
}

function corpusHash(files: SourceFile[], catalogText: string, model: string): string {
  // The original's hash too: a PDF re-exported with new tables or pages can serve the same text.
  const parts = [`v${PIPELINE_VERSION}`, model, sha256(catalogText), ...files.map((f) => `${f.id}:${sha256(f.text)}:${f.original.sha256}`)];
  return sha256(parts.join('\n'));
}

/**
 * Builds the index for a seeds folder: documents, sections, chunks, indicator rows, BM25 and,
 * when an embedding model loads, the HNSW vectors. Unchanged corpus → no-op. The store replaces
 * the old index with the new one in one step, only when it is complete.
 */
export async function runIngest(options: IngestOptions): Promise<IngestResult> {
  const store = options.store ?? indexStoreFor({ indexDir: options.indexDir, databaseUrl: options.databaseUrl });
  try {
    return await ingestInto(store, options);
  } finally {
    if (!options.store) await store.close();
  }
}

async function ingestInto(store: IndexStore, options: IngestOptions): Promise<IngestResult> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const model = options.embeddingModel ?? DEFAULT_EMBEDDING_MODEL;
  const indexDir = resolve(options.indexDir);

  const loadStarted = performance.now();
  const previous = await store.readManifest();
  // Files whose bytes the previous index already read (same pipeline) are not parsed again: PDFs are the slow part.
  const known = new Map<string, StoredDocument>();
  if (previous?.pipelineVersion === PIPELINE_VERSION) {
    for (const doc of await store.storedDocuments()) {
      // Text and HTML are quick to read again, and their loaders' warnings (GB18030, no article) are kept that way.
      if (doc.original && doc.structure && (doc.format === 'pdf' || doc.format === 'docx')) known.set(doc.original.sha256, doc);
    }
  }
  const loaded = await loadDocuments(options.seedsDir, {
    onFile: ({ done, total, name, pages }) => progress({ stage: 'load', done, total, unit: 'file', ...(name ? { file: { name, pages } } : {}) }),
    reuse: (fileHash) => {
      const preloaded = options.preloaded?.get(fileHash);
      if (preloaded) return preloaded;
      const doc = known.get(fileHash);
      return doc?.format && doc.structure ? { format: doc.format, text: doc.text, structure: doc.structure, warnings: [] } : undefined;
    },
  });
  const loadMs = performance.now() - loadStarted;
  const hash = corpusHash(loaded.files, loaded.catalogText, model);
  const previousDocs = new Map(previous?.documents.map((d) => [d.id, d.sha256]) ?? []);
  const changedDocuments = loaded.files.filter((f) => previousDocs.get(f.id) !== sha256(f.text)).map((f) => f.id);

  const timings = emptyTimings();
  const base = {
    documents: loaded.files.length,
    changedDocuments,
    reusedDocuments: loaded.reused,
    warnings: loaded.warnings,
    indexDir,
  };
  let embedder = options.embedder;
  let denseReason: string | undefined;
  const loadModel = async () => {
    const load = await loadEmbedder({ modelId: model, modelDir: options.modelDir });
    embedder = load.ok ? load.embedder : null;
    denseReason = load.ok ? undefined : load.reason;
  };
  let upToDate = !options.force && previous?.corpusHash === hash && previous.pipelineVersion === PIPELINE_VERSION;
  // A keyword-only index is stale once a model folder appears: dense retrieval switches on by itself.
  if (upToDate && previous && !previous.embedding.active && embedder === undefined) {
    await loadModel();
    if (embedder) upToDate = false;
  }
  if (upToDate && previous) {
    progress({ stage: 'done', done: 1, total: 1, unit: 'step', message: 'index is up to date' });
    return {
      ...base,
      changed: false,
      sections: previous.counts.sections,
      chunks: previous.counts.chunks,
      indicators: previous.counts.indicators,
      vectors: previous.counts.vectors,
      dense: { active: previous.embedding.active, model, reason: previous.embedding.reason },
      timingsMs: { ...timings, load: loadMs, bm25: 0, embeddings: 0, write: 0, total: performance.now() - started },
    };
  }

  const documents: StoredDocument[] = [];
  const sections: Section[] = [];
  const chunks: Chunk[] = [];
  const indicators: Indicator[] = [];
  loaded.files.forEach((file, index) => {
    const prepared = prepareDocument(file.id, file.text, loaded.catalog[file.id], timings, file.structure);
    documents.push({
      ...prepared.meta,
      text: file.text,
      sha256: sha256(file.text),
      format: file.format,
      structure: file.structure,
      original: file.original,
    });
    sections.push(...prepared.sections);
    chunks.push(...prepared.chunks);
    indicators.push(...prepared.indicators);
    progress({ stage: 'prepare', done: index + 1, total: loaded.files.length, unit: 'document', message: file.id });
  });

  let t = performance.now();
  progress({ stage: 'bm25', done: 0, total: chunks.length, unit: 'chunk' });
  const bm25 = Bm25Index.build(chunks.map((c) => ({ id: c.id, text: `${c.heading} ${c.text}` })));
  progress({ stage: 'bm25', done: chunks.length, total: chunks.length, unit: 'chunk' });
  const bm25Ms = performance.now() - t;

  t = performance.now();
  if (embedder === undefined) await loadModel();
  else if (embedder === null) denseReason ??= 'dense retrieval disabled';

  let vectors = 0;
  let vectorIndex: Awaited<ReturnType<typeof buildVectorIndex>> | undefined;
  if (embedder) {
    progress({ stage: 'embed', done: 0, total: chunks.length, unit: 'chunk', message: embedder.modelId });
    vectorIndex = await buildVectorIndex(
      chunks.map((c) => ({ id: c.id, text: c.text })),
      embedder,
    );
    vectors = vectorIndex.size;
    progress({ stage: 'embed', done: chunks.length, total: chunks.length, unit: 'chunk' });
  }
  const embeddingsMs = performance.now() - t;

  t = performance.now();
  progress({ stage: 'write', done: 0, total: 1, unit: 'step' });
  const manifest: Manifest = {
    pipelineVersion: PIPELINE_VERSION,
    corpusHash: hash,
    createdAt: new Date().toISOString(),
    seedsDir: resolve(options.seedsDir),
    documents: documents.map((d) => ({ id: d.id, sha256: d.sha256, chars: d.text.length })),
    counts: {
      documents: documents.length,
      sections: sections.length,
      chunks: chunks.length,
      indicators: indicators.length,
      vocabulary: bm25.vocabularySize,
      vectors,
    },
    embedding: embedder
      ? { model: embedder.modelId, active: true, dimensions: embedder.dimensions }
      : { model, active: false, reason: denseReason },
    // The JSON store fills in its files' checksums; a database checks itself.
    files: {},
    warnings: loaded.warnings,
  };
  const built = vectorIndex;
  await store.write(
    { manifest, documents, sections, chunks, indicators, bm25: bm25.toJSON() },
    built ? { saveVectors: (dir) => built.save(dir) } : {},
  );
  progress({ stage: 'write', done: 1, total: 1, unit: 'step' });
  const writeMs = performance.now() - t;
  progress({ stage: 'done', done: 1, total: 1, unit: 'step', message: `${indicators.length} indicators, ${chunks.length} chunks` });

  return {
    ...base,
    changed: true,
    sections: sections.length,
    chunks: chunks.length,
    indicators: indicators.length,
    vectors,
    dense: { active: Boolean(embedder), model, reason: denseReason },
    timingsMs: { ...timings, load: loadMs, bm25: bm25Ms, embeddings: embeddingsMs, write: writeMs, total: performance.now() - started },
  };
}
