import type { Chunk, Section, StoredDocument } from '../documents/document.js';
import type { Indicator } from '../indicators/indicator.js';
import { MemoryIndicatorSource } from '../indicators/memory-indicator-source.js';
import type { Bm25Source } from '../index/bm25.js';
import type { Manifest } from '../index/manifest.js';
import { memoryChunkSource } from '../retrieve/chunk-source.js';
import { computeCorpusFacts } from './corpus-facts.js';
import type { IndexReader } from './index-store.js';

export interface MemoryIndexParts {
  manifest: Manifest;
  generation: string;
  documents: StoredDocument[];
  sections: Section[];
  chunks: Chunk[];
  indicators: Indicator[];
  bm25: Bm25Source;
  vectorsDir?: string;
}

/** An index held whole in the heap: what the JSON store reads from its files. */
export function memoryIndexReader(parts: MemoryIndexParts): IndexReader {
  const documents = new Map(parts.documents.map((d) => [d.id, d]));
  const sections = new Map<string, Section[]>();
  for (const s of parts.sections) {
    const list = sections.get(s.docId);
    if (list) list.push(s);
    else sections.set(s.docId, [s]);
  }
  return {
    manifest: parts.manifest,
    generation: parts.generation,
    // The JSON index stores neither the corpus facts nor the rows' token index: both are computed at open, as they always were.
    facts: computeCorpusFacts(parts.documents, parts.sections, parts.indicators),
    chunks: memoryChunkSource(parts.chunks),
    bm25: parts.bm25,
    indicators: new MemoryIndicatorSource(parts.indicators),
    vectorsDir: parts.vectorsDir,
    // The list leaves out each document's text and its structure (pages, headings, table cells): both can be large.
    documentList: () => parts.documents.map(({ text: _text, structure: _structure, ...meta }) => meta),
    document: (id) => documents.get(id),
    sectionsOf: (docId) => sections.get(docId) ?? [],
    close: () => {},
  };
}
