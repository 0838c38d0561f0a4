import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIngest } from '../../ingest/pipeline.js';
import { readManifest, readPayload } from '../../src/index/index-files.js';
import type { IndexSnapshot } from '../../src/store/index-store.js';
import { SEEDS_DIR } from '../fixtures/seeds.js';

let cached: Promise<IndexSnapshot> | undefined;

/** The five seeds as ingest makes them, read back from a JSON index: the data every store must keep exactly. */
export function referenceSnapshot(): Promise<IndexSnapshot> {
  cached ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'policy-qa-reference-'));
    try {
      await runIngest({ seedsDir: SEEDS_DIR, indexDir: dir, databaseUrl: 'json:', embedder: null });
      const manifest = await readManifest(dir);
      if (!manifest) throw new Error('reference ingest wrote no manifest');
      return { manifest: { ...manifest, files: {} }, ...(await readPayload(dir, manifest)) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
  return cached;
}

/** The same index limited to its first documents, as a later ingest after files were removed would write it. */
export function subsetOf(snapshot: IndexSnapshot, documents: number): IndexSnapshot {
  const ids = new Set(snapshot.documents.slice(0, documents).map((d) => d.id));
  const chunkIndexes = snapshot.chunks.flatMap((c, i) => (ids.has(c.docId) ? [i] : []));
  const renumber = new Map(chunkIndexes.map((old, i) => [old, i]));
  const postings: IndexSnapshot['bm25']['postings'] = {};
  for (const [term, list] of Object.entries(snapshot.bm25.postings)) {
    const kept = list.flatMap(([doc, tf]): Array<[number, number]> => (renumber.has(doc) ? [[renumber.get(doc) as number, tf]] : []));
    if (kept.length) postings[term] = kept;
  }
  const kept = snapshot.documents.filter((d) => ids.has(d.id));
  return {
    manifest: {
      ...snapshot.manifest,
      corpusHash: `${snapshot.manifest.corpusHash}-first-${documents}`,
      documents: snapshot.manifest.documents.filter((d) => ids.has(d.id)),
      counts: {
        ...snapshot.manifest.counts,
        documents: kept.length,
        sections: snapshot.sections.filter((s) => ids.has(s.docId)).length,
        chunks: chunkIndexes.length,
        indicators: snapshot.indicators.filter((r) => ids.has(r.docId)).length,
        vocabulary: Object.keys(postings).length,
      },
    },
    documents: kept,
    sections: snapshot.sections.filter((s) => ids.has(s.docId)),
    chunks: chunkIndexes.map((i) => snapshot.chunks[i]),
    indicators: snapshot.indicators.filter((r) => ids.has(r.docId)),
    bm25: { ...snapshot.bm25, ids: chunkIndexes.map((i) => snapshot.bm25.ids[i]), lengths: chunkIndexes.map((i) => snapshot.bm25.lengths[i]), postings },
  };
}
