import { join, resolve } from 'node:path';
import type { Section, StoredDocument } from '../../documents/document.js';
import { AppError } from '../../errors.js';
import { MemoryIndicatorSource } from '../../indicators/memory-indicator-source.js';
import { memoryBm25Source } from '../../index/bm25.js';
import { ensureIndexParentWritable } from '../../index/index-dir-error.js';
import { FILES, readManifest, readPayload, readStoredDocuments, removeStaleStaging, swapIndex, writeManifest, writePayload } from '../../index/index-files.js';
import type { Manifest } from '../../index/manifest.js';
import { memoryChunkSource } from '../../retrieve/chunk-source.js';
import { computeCorpusFacts } from '../corpus-facts.js';
import type { IndexCheck, IndexReader, IndexSnapshot, IndexStore, WriteOptions } from '../index-store.js';
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

  async open(): Promise<IndexReader> {
    const manifest = await readManifest(this.location);
    if (!manifest) throw new AppError('index_unavailable', 503, `no valid index in ${this.location}: run npm run ingest`);
    const payload = await readPayload(this.location, manifest);
    const documents = new Map(payload.documents.map((d) => [d.id, d]));
    const sections = new Map<string, Section[]>();
    for (const s of payload.sections) sections.set(s.docId, [...(sections.get(s.docId) ?? []), s]);
    return {
      manifest,
      facts: computeCorpusFacts(payload.documents, payload.sections, payload.indicators),
      chunks: memoryChunkSource(payload.chunks),
      bm25: memoryBm25Source(payload.bm25),
      indicators: new MemoryIndicatorSource(payload.indicators),
      vectorsDir: manifest.embedding.active ? join(this.location, FILES.vectors) : undefined,
      // The list leaves out each document's text and its structure (pages, headings, table cells): both can be large.
      documentList: () => payload.documents.map(({ text: _text, structure: _structure, ...meta }) => meta),
      document: (id) => documents.get(id),
      sectionsOf: (docId) => sections.get(docId) ?? [],
      close: () => {},
    };
  }

  async close(): Promise<void> {}
}
