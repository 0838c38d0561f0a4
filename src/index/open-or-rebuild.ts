import { readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { runIngest, type IngestOptions, type IngestResult } from '../../ingest/pipeline.js';
import { openEngine, type Engine, type EngineOptions } from '../engine.js';
import { AppError } from '../errors.js';
import type { TextEmbedder } from './embeddings.js';
import { FILES, sha256 } from './index-files.js';
import { manifestSchema, type Manifest } from './manifest.js';

export type CorruptIndexPolicy = 'rebuild' | 'refuse';

export interface IndexSource {
  seedsDir: string;
  indexDir: string;
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

export type IndexCheck =
  | { state: 'ok'; manifest: Manifest }
  | { state: 'missing'; reason: string }
  | { state: 'corrupt'; reason: string }
  | { state: 'model_mismatch'; reason: string };

export interface OpenedIndex {
  engine: Engine;
  ingest: IngestResult;
  /** Why the index on disk was thrown away and rebuilt, if it was. */
  rebuiltBecause?: string;
}

/** The JSON parts every index has; each must be present and match the size and checksum its manifest records. */
const PAYLOAD_FILES = [FILES.documents, FILES.sections, FILES.chunks, FILES.indicators, FILES.bm25];

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Verifies an index on disk without loading it: manifest, every payload file's size and SHA-256,
 * the vector folder when the manifest promises vectors, and the embedding model it was built with.
 */
export async function checkIndex(indexDir: string, embeddingModel: string): Promise<IndexCheck> {
  const dir = resolve(indexDir);
  const manifestPath = join(dir, FILES.manifest);
  let manifestText: string;
  try {
    manifestText = await readFile(manifestPath, 'utf8');
  } catch {
    const entries = await readdir(dir).catch(() => [] as string[]);
    // Ingest writes the manifest last and swaps whole folders, so files without a manifest are damage, not a build in progress.
    return entries.length === 0
      ? { state: 'missing', reason: `no index in ${dir}` }
      : { state: 'corrupt', reason: `index in ${dir} has no ${FILES.manifest}` };
  }
  let manifest: Manifest;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(manifestText));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { state: 'corrupt', reason: `${manifestPath} is invalid: ${issue.path.join('.') || 'manifest'}: ${issue.message}` };
    }
    manifest = parsed.data;
  } catch (error) {
    return { state: 'corrupt', reason: `${manifestPath} is not valid JSON (truncated?): ${(error as Error).message}` };
  }

  for (const name of PAYLOAD_FILES) {
    const expected = manifest.files[name];
    if (!expected) return { state: 'corrupt', reason: `${manifestPath} lists no checksum for ${name}` };
    const body = await readFile(join(dir, name)).catch(() => undefined);
    if (!body) return { state: 'corrupt', reason: `index file ${name} is missing in ${dir}` };
    if (body.length !== expected.bytes) {
      return { state: 'corrupt', reason: `index file ${name} in ${dir} has ${body.length} bytes, its manifest says ${expected.bytes} (truncated or altered)` };
    }
    if (sha256(body) !== expected.sha256) {
      return { state: 'corrupt', reason: `index file ${name} in ${dir} does not match its checksum (altered or damaged)` };
    }
  }
  if (manifest.embedding.active && !(await exists(join(dir, FILES.vectors)))) {
    return { state: 'corrupt', reason: `index in ${dir} was built with vectors but ${FILES.vectors}/ is missing` };
  }
  if (manifest.embedding.model !== embeddingModel) {
    return {
      state: 'model_mismatch',
      reason: `index in ${dir} was built with embedding model "${manifest.embedding.model}" but EMBEDDING_MODEL is "${embeddingModel}"`,
    };
  }
  return { state: 'ok', manifest };
}

/**
 * swapIndex moves the old index aside, then the new one into place. A crash between those two
 * renames leaves no index at `indexDir` but a complete one beside it: finish the swap with the new
 * (staging) index if its manifest is there, else put the old one back. Returns what was done.
 */
export async function recoverInterruptedSwap(indexDir: string, embeddingModel: string): Promise<string | undefined> {
  const target = resolve(indexDir);
  if (await exists(join(target, FILES.manifest))) return undefined;
  if ((await readdir(target).catch(() => [] as string[])).length > 0) return undefined;
  const parent = dirname(target);
  const base = basename(target);
  const siblings = (await readdir(parent).catch(() => [] as string[])).sort().reverse();
  const candidates = [...siblings.filter((e) => e.startsWith(`${base}.staging-`)), ...siblings.filter((e) => e.startsWith(`${base}.old-`))];
  for (const candidate of candidates) {
    const check = await checkIndex(join(parent, candidate), embeddingModel);
    if (check.state !== 'ok') continue;
    await rm(target, { recursive: true, force: true });
    await rename(join(parent, candidate), target);
    return `index in ${target} was missing after an interrupted swap; restored the complete index from ${candidate}`;
  }
  return undefined;
}

/**
 * Start-up and re-index: makes sure the index matches the seeds, then loads it. A damaged index,
 * or one built with another embedding model, is never served: it is rebuilt from the seeds
 * (policy 'rebuild') or start-up stops with the reason (policy 'refuse'). A missing index is
 * simply built. `force` rebuilds even an intact, current index.
 */
export async function openOrRebuild(
  source: IndexSource,
  options: { force?: boolean } & Pick<IngestOptions, 'onProgress' | 'preloaded'> = {},
): Promise<OpenedIndex> {
  const policy = source.onCorrupt ?? 'rebuild';
  const warn = source.onWarning ?? (() => {});
  const recovered = await recoverInterruptedSwap(source.indexDir, source.embeddingModel);
  if (recovered) warn(recovered);
  const check = await checkIndex(source.indexDir, source.embeddingModel);
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
    });
  const open = () =>
    openEngine({
      ...source.engineOptions,
      indexDir: source.indexDir,
      modelDir: source.modelDir,
      embeddingModel: source.embeddingModel,
      allowModelDownload: source.allowModelDownload,
      onKeywordOnly: (reason) => warn(`dense retrieval off, serving keyword + indicator retrieval: ${reason}`),
    });

  let ingest = await build(Boolean(options.force) || rebuiltBecause !== undefined);
  for (const warning of ingest.warnings) warn(`ingest: ${warning}`);
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
