import { join, resolve } from 'node:path';
import type { StoredDocument } from '../../documents/document.js';
import { AppError } from '../../errors.js';
import { memoryBm25Source } from '../../index/bm25.js';
import { ensureIndexParentWritable } from '../../index/index-dir-error.js';
import { FILES, readManifest, readPayload, readStoredDocuments, removeStaleStaging, swapIndex, writeManifest, writePayload } from '../../index/index-files.js';
import type { Manifest } from '../../index/manifest.js';
import { manifestGeneration, type IndexCheck, type IndexReader, type IndexSnapshot, type IndexStore, type WriteOptions } from '../index-store.js';
import { memoryIndexReader } from '../memory-reader.js';
import { checkIndex, recoverInterruptedSwap } from './json-index-check.js';

/**
 * The original index: JSON files in INDEX_DIR with a manifest of checksums, written to a staging
 * folder and swapped in whole. Opening parses everything into the heap and builds the indexes there.
 */
export class JsonIndexStore implements IndexStore {
  readonly kind = 'json' as const;
  readonly location: string;
  private recovered?: string;

  constructor(indexDir: string, private readonly onWarning: (message: string) => void = () => {}) {
    this.location = resolve(indexDir);
  }

  async check(embeddingModel: string): Promise<IndexCheck> {
    const recovered = await recoverInterruptedSwap(this.location, embeddingModel);
    if (recovered) this.onWarning(recovered);
    return checkIndex(this.location, embeddingModel);
  }

  readManifest(): Promise<Manifest | undefined> {
    return readManifest(this.location);
  }

  async storedDocuments(): Promise<StoredDocument[]> {
    const manifest = await readManifest(this.location);
    return manifest ? readStoredDocuments(this.location, manifest) : [];
  }

  async write(snapshot: IndexSnapshot, options: WriteOptions = {}): Promise<void> {
    await ensureIndexParentWritable(this.location);
    await removeStaleStaging(this.location);
    const staging = `${this.location}.staging-${process.pid}-${Date.now()}`;
    if (options.saveVectors) await options.saveVectors(join(staging, FILES.vectors));
    const files = await writePayload(staging, snapshot);
    // The manifest is written last: a staging folder without one is incomplete by definition.
    await writeManifest(staging, { ...snapshot.manifest, files });
    await swapIndex(staging, this.location);
  }

  async currentGeneration(): Promise<string | undefined> {
    const manifest = await readManifest(this.location);
    return manifest && manifestGeneration(manifest);
  }

  async open(): Promise<IndexReader> {
    const manifest = await readManifest(this.location);
    if (!manifest) throw new AppError('index_unavailable', 503, `no valid index in ${this.location}: run npm run ingest`);
    const payload = await readPayload(this.location, manifest);
    return memoryIndexReader({
      ...payload,
      manifest,
      generation: manifestGeneration(manifest),
      bm25: memoryBm25Source(payload.bm25),
      vectorsDir: manifest.embedding.active ? join(this.location, FILES.vectors) : undefined,
    });
  }

  async close(): Promise<void> {}
}
