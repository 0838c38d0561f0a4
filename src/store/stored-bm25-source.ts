import type { Bm25Options, Bm25Source } from '../index/bm25.js';
import { BoundedCache } from './bounded-cache.js';
import { decodeInts } from './int-blob.js';
import type { StoredLookups } from './stored-lookups.js';

/** BM25 over stored postings, one query per term behind a cache; chunk ids and lengths by ordinal come from the chunk columns read at open. */
export function storedBm25Source(lookups: StoredLookups, options: Bm25Options, vocabularySize: number, ids: string[], lengths: Int32Array): Bm25Source {
  // Bounded by posting entries, not terms: a common word at 10k reports has hundreds of thousands.
  const terms = new BoundedCache<string, { df: number; postings?: Int32Array }>(8_000_000, (v) => 16 + (v.postings?.length ?? 0));
  const lookup = (t: string) =>
    terms.get(t, () => {
      const row = lookups.bm25Term(t);
      return row ? { df: row.df, postings: decodeInts(row.postings) } : { df: 0 };
    });
  return {
    options,
    lengths,
    vocabularySize,
    id: (ord) => ids[ord],
    postings: (t) => lookup(t).postings,
    df: (t) => lookup(t).df,
  };
}
