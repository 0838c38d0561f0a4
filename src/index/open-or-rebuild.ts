import { resolve } from 'node:path';
import { runIngest, type IngestOptions, type IngestResult } from '../../ingest/pipeline.js';
import { openEngine, type Engine, type EngineOptions } from '../engine.js';
import { AppError } from '../errors.js';
import type { IndexStore } from '../store/index-store.js';
import { indexStoreFor } from '../store/open-store.js';
import type { TextEmbedder } from './embeddings.js';

export type { IndexCheck } from '../store/index-store.js';
/** The JSON index's own checks, kept here for callers that inspect a JSON index folder. */
export { checkIndex, recoverInterruptedSwap } from '../store/json/json-index-check.js';

export type CorruptIndexPolicy = 'rebuild' | 'refuse';

export interface IndexSource {
  seedsDir: string;
  indexDir: string;
  /** DATABASE_URL: which store holds the index (src/store/open-store.ts); unset = SQLite in INDEX_DIR. */
  databaseUrl?: string;
  modelDir?: string;
  embeddingModel: string;
  allowModelDownload?: boolean;
  /** What to do with a damaged index or one built with another embedding model. Default 'rebuild'. */
  onCorrupt?: CorruptIndexPolicy;
  /** An already loaded embedder, or null for keyword-only (tests); default: load the configured model. */
  embedder?: TextEmbedder | null;
  /** Problems worth an operator's attention: a rebuilt index, skipped seed files, dense retrieval off. */
  onWarning?: (message: string) => void;
  /** Further engine settings (an LLM mode, say), passed through to openEngine. */
  engineOptions?: Partial<EngineOptions>;
}

export interface OpenedIndex {
  engine: Engine;
  ingest: IngestResult;
  /** Why the index on disk was thrown away and rebuilt, if it was. */
  rebuiltBecause?: string;
}

type RebuildOptions = {
  force?: boolean;
  /** An engine already serving this store (openExisting's): kept, not opened again, when the index did not change. */
  serving?: Engine;
} & Pick<IngestOptions, 'onProgress' | 'preloaded'>;

/**
 * Start-up and re-index: makes sure the index matches the seeds, then loads it. A damaged index,
 * or one built with another embedding model, is never served: it is rebuilt from the seeds
 * (policy 'rebuild') or start-up stops with the reason (policy 'refuse'). A missing index is
 * simply built. `force` rebuilds even an intact, current index.
 */
export async function openOrRebuild(source: IndexSource, options: RebuildOptions = {}): Promise<OpenedIndex> {
  const store = indexStoreFor({ indexDir: source.indexDir, databaseUrl: source.databaseUrl }, source.onWarning);
  try {
    return await openOrRebuildIn(store, source, options);
  } finally {
    await store.close();
  }
}

async function openOrRebuildIn(store: IndexStore, source: IndexSource, options: RebuildOptions): Promise<OpenedIndex> {
  const policy = source.onCorrupt ?? 'rebuild';
  const warn = source.onWarning ?? (() => {});
  const check = await store.check(source.embeddingModel);
  let rebuiltBecause: string | undefined;
  if (check.state === 'corrupt' || check.state === 'model_mismatch') {
    if (policy === 'refuse') {
      throw new AppError(
        'index_unavailable',
        503,
        `${check.reason}; refusing to serve it (INDEX_ON_CORRUPT=refuse): run npm run ingest -- --force or delete the folder`,
      );
    }
    rebuiltBecause = check.reason;
    warn(`${check.reason}; rebuilding it from ${resolve(source.seedsDir)}`);
  }

  const build = (force: boolean) =>
    runIngest({
      seedsDir: source.seedsDir,
      indexDir: source.indexDir,
      modelDir: source.modelDir,
      embeddingModel: source.embeddingModel,
      embedder: source.embedder,
      force,
      onProgress: options.onProgress,
      preloaded: options.preloaded,
      store,
    });
  const open = () => openEngine(engineOptions(source, store, warn));

  let ingest = await build(Boolean(options.force) || rebuiltBecause !== undefined);
  for (const warning of ingest.warnings) warn(`ingest: ${warning}`);
  // A second copy of an in-memory index (PostgreSQL, JSON) would double the heap for nothing.
  if (!ingest.changed && options.serving && options.serving.generation === (await store.currentGeneration())) {
    return { engine: options.serving, ingest, rebuiltBecause };
  }
  try {
    return { engine: await open(), ingest, rebuiltBecause };
  } catch (error) {
    // Passed the check yet failed to load (changed on disk meanwhile, or unparseable despite its checksum).
    if (!(error instanceof AppError) || error.code !== 'index_unavailable' || ingest.changed || policy === 'refuse') throw error;
    rebuiltBecause = error.message;
    warn(`${error.message}; rebuilding it from ${resolve(source.seedsDir)}`);
    ingest = await build(true);
    return { engine: await open(), ingest, rebuiltBecause };
  }
}

/**
 * The index already in a database store, opened without looking at the seeds, when it is intact and
 * built with the configured model: what start-up serves while openOrRebuild checks the seeds behind
 * it (reading every seed file is seconds at 10k reports). Undefined for the JSON store (opening it
 * twice would double its heap) and whenever the index needs rebuilding.
 */
export async function openExisting(source: IndexSource): Promise<Engine | undefined> {
  const store = indexStoreFor({ indexDir: source.indexDir, databaseUrl: source.databaseUrl }, source.onWarning);
  try {
    if (store.kind === 'json') return undefined;
    const check = await store.check(source.embeddingModel);
    if (check.state !== 'ok') return undefined;
    return await openEngine(engineOptions(source, store, source.onWarning ?? (() => {})));
  } finally {
    await store.close();
  }
}

/** An engine over the store's current index as it stands, no seeds read: what a server opens when another process wrote a newer index. */
export function openInStore(source: IndexSource, store: IndexStore): Promise<Engine> {
  return openEngine(engineOptions(source, store, source.onWarning ?? (() => {})));
}

function engineOptions(source: IndexSource, store: IndexStore, warn: (message: string) => void): EngineOptions {
  return {
    ...source.engineOptions,
    store,
    indexDir: source.indexDir,
    modelDir: source.modelDir,
    embeddingModel: source.embeddingModel,
    allowModelDownload: source.allowModelDownload,
    onKeywordOnly: (reason) => warn(`dense retrieval off, serving keyword + indicator retrieval: ${reason}`),
  };
}
