import { readFile } from 'node:fs/promises';
import type { Chunk } from '../src/documents/document.js';
import { Bm25Index } from '../src/index/bm25.js';
import { Bm25Index as BaselineBm25 } from '../eval/bm25.js';
import { summarize, type LatencySummary } from './percentiles.js';

const K = 10;

export interface Bm25Comparison {
  chunks: number;
  queries: number;
  /** src/index/bm25.ts: inverted index (postings per term). */
  ours: { buildMs: number; search: LatencySummary };
  /** eval/bm25.ts, the eval baseline's retriever: scores every chunk's term counts for every query. */
  baseline: { buildMs: number; search: LatencySummary };
  /** baseline mean / ours mean: how many times faster our query is. */
  searchSpeedup: number;
  /** baseline build / ours build. */
  buildRatio: number;
}

function timed<T>(task: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = task();
  return { value, ms: performance.now() - started };
}

/** Both retrievers over the same chunk texts (heading + text, as ingest indexes them), same queries. */
export async function compareBm25(options: { chunksFile: string; questions: string[]; rounds: number }): Promise<Bm25Comparison> {
  const chunks = JSON.parse(await readFile(options.chunksFile, 'utf8')) as Chunk[];
  const items = chunks.map((c) => ({ id: c.id, text: `${c.heading} ${c.text}` }));
  const ours = timed(() => Bm25Index.build(items));
  const baseline = timed(() => new BaselineBm25(items.map((i) => i.text)));
  // One untimed pass so both have their tokenizer loaded and their code compiled.
  for (const q of options.questions) {
    ours.value.search(q, K);
    baseline.value.search(q, K);
  }
  const oursMs: number[] = [];
  const baselineMs: number[] = [];
  for (let r = 0; r < options.rounds; r++) {
    for (const q of options.questions) {
      oursMs.push(timed(() => ours.value.search(q, K)).ms);
      baselineMs.push(timed(() => baseline.value.search(q, K)).ms);
    }
  }
  const oursSearch = summarize(oursMs);
  const baselineSearch = summarize(baselineMs);
  return {
    chunks: chunks.length,
    queries: oursMs.length,
    ours: { buildMs: ours.ms, search: oursSearch },
    baseline: { buildMs: baseline.ms, search: baselineSearch },
    searchSpeedup: baselineSearch.mean / oursSearch.mean,
    buildRatio: baseline.ms / ours.ms,
  };
}
