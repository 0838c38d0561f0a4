import type { Chunk } from '../documents/document.js';
import type { ChunkSource } from '../retrieve/chunk-source.js';
import { BoundedCache } from './bounded-cache.js';
import type { ChunkColumns, StoredLookups } from './stored-lookups.js';

/** Strings by small integer, so per-chunk columns fit in typed arrays. */
class Interned {
  readonly names: string[] = [];
  private readonly codes = new Map<string, number>();

  code(name: string): number {
    let code = this.codes.get(name);
    if (code === undefined) {
      code = this.names.length;
      this.names.push(name);
      this.codes.set(name, code);
    }
    return code;
  }
}

/**
 * Chunks of a database store: the filter columns of every chunk in typed arrays (read once at open),
 * whole chunks by query behind a bounded cache. Also gives the ids and token counts by ordinal, for BM25.
 */
export function storedChunkSource(lookups: StoredLookups, rows: ChunkColumns[]): { source: ChunkSource; ids: string[]; lengths: Int32Array } {
  const cache = new BoundedCache<string, Chunk | undefined>(5_000);
  const chunk = (id: string) =>
    cache.get(id, () => {
      const json = lookups.chunkJson(id);
      return json === undefined ? undefined : (JSON.parse(json) as Chunk);
    });
  const ordOf = new Map<string, number>();
  const ids: string[] = new Array<string>(rows.length);
  const regions = new Interned();
  const docs = new Interned();
  const regionOf = new Int32Array(rows.length);
  const docOf = new Int32Array(rows.length);
  const yearOf = new Int32Array(rows.length);
  const lengths = new Int32Array(rows.length);
  const namedYears = new Map<number, Uint8Array>();
  rows.forEach(([id, docId, region, year, years, tokens], ord) => {
    ordOf.set(id, ord);
    ids[ord] = id;
    regionOf[ord] = regions.code(region);
    docOf[ord] = docs.code(docId);
    yearOf[ord] = year;
    lengths[ord] = tokens;
    if (years === '[]') return;
    for (const y of JSON.parse(years) as number[]) {
      let bits = namedYears.get(y);
      if (!bits) namedYears.set(y, (bits = new Uint8Array((rows.length >> 3) + 1)));
      bits[ord >> 3] |= 1 << (ord & 7);
    }
  });
  const source: ChunkSource = {
    chunk,
    passes: (id, filters) => {
      const ord = ordOf.get(id);
      if (ord === undefined) return false;
      if (filters.regions?.length && !filters.regions.includes(regions.names[regionOf[ord]])) return false;
      if (filters.docIds?.length && !filters.docIds.includes(docs.names[docOf[ord]])) return false;
      const year = filters.year;
      if (year !== undefined && yearOf[ord] !== year) {
        // The text check of chunkPasses (`${year}年` in the text) from the stored years; other shapes read the chunk.
        if (!Number.isInteger(year) || year < 1000 || year > 9999) {
          const whole = chunk(id);
          return whole !== undefined && whole.text.includes(`${year}年`);
        }
        const bits = namedYears.get(year);
        if (!bits || !(bits[ord >> 3] & (1 << (ord & 7)))) return false;
      }
      return true;
    },
    chunkAt: (docId, offset) => {
      const json = lookups.chunkJsonAt(docId, offset);
      if (json === undefined) return undefined;
      const found = JSON.parse(json) as Chunk;
      return cache.get(found.id, () => found);
    },
  };
  return { source, ids, lengths };
}
