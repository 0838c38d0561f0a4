import type { Chunk } from '../documents/document.js';
import type { RetrievalFilters } from './hybrid-retriever.js';

/** The chunks as retrieval reads them: by id, and the one holding an offset of a document. */
export interface ChunkSource {
  chunk(id: string): Chunk | undefined;
  /** The first chunk (in chunk order) of the document whose span holds the offset. */
  chunkAt(docId: string, offset: number): Chunk | undefined;
  /**
   * Whether the chunk passes retrieval filters, without reading it whole: a store answers from a few
   * columns kept in memory. Must agree with chunkPasses(chunk(id), filters); absent = read the chunk.
   */
  passes?(id: string, filters: RetrievalFilters): boolean;
}

/** Every chunk in the heap. */
export function memoryChunkSource(chunks: Chunk[]): ChunkSource {
  const byId = new Map(chunks.map((c) => [c.id, c]));
  const byDoc = new Map<string, Chunk[]>();
  for (const chunk of chunks) {
    const list = byDoc.get(chunk.docId) ?? [];
    list.push(chunk);
    byDoc.set(chunk.docId, list);
  }
  return {
    chunk: (id) => byId.get(id),
    chunkAt: (docId, offset) => byDoc.get(docId)?.find((c) => c.start <= offset && offset < c.end),
  };
}
