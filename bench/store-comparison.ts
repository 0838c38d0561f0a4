// npm run bench -- --stores [--store-docs N ...]: the same synthetic corpora ingested into each
// index store, then served by a real `npm start` over the existing index.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { timeOverHttp } from './ask-latency.js';
import { runTask } from './fork-worker.js';
import { markdownTable } from './markdown-table.js';
import { round } from './percentiles.js';
import { questionMixForCorpus, readDevQuestions } from './question-mix.js';
import { startServerProcess } from './server-process.js';
import { writeSyntheticCorpus } from './synthetic-corpus.js';
import { loadServers, type LoadResult } from './two-servers.js';

export type BenchStore = 'json' | 'sqlite' | 'postgres';

/** DATABASE_URL per store; PostgreSQL's comes from BENCH_DATABASE_URL (a database the bench may overwrite). */
export function storeUrl(store: BenchStore): string | undefined {
  if (store === 'postgres') return process.env.BENCH_DATABASE_URL || undefined;
  return store === 'json' ? 'json:' : '';
}

export interface StoreRun {
  store: BenchStore;
  docs: number;
  textMb: number;
  ingest?: { seconds: number; docsPerSecond: number; peakRssMb: number; indexMb: number; chunks: number; indicators: number };
  serve?: { healthyMs: number; readyMs: number; rssMb: number; peakRssMb: number; httpP50Ms: number; httpP95Ms: number; requests: number; statuses: Record<string, number> };
  /** With --two-servers: one load against one server, and for PostgreSQL the same split across two servers on its database. */
  loads?: LoadResult[];
  error?: string;
}

export interface StoreComparisonOptions {
  docs: number[];
  stores: BenchStore[];
  seedsDir: string;
  seed: number;
  rounds: number;
  warmupRounds: number;
  work: string;
  log: (message: string) => void;
  /** After each store's run: this load against one server, and for PostgreSQL against two on its database (see two-servers.ts). */
  twoServers?: { connections: number; seconds: number };
}

const MINUTE = 60_000;

export async function compareStores(options: StoreComparisonOptions): Promise<StoreRun[]> {
  const dev = await readDevQuestions();
  const runs: StoreRun[] = [];
  for (const docs of options.docs) {
    const corpusDir = path.join(options.work, `store-corpus-${docs}`);
    const corpus = await writeSyntheticCorpus({ seedsDir: options.seedsDir, outDir: corpusDir, docs, seed: options.seed });
    const questions = questionMixForCorpus(dev, corpus.documents, options.seed);
    const textMb = corpus.bytes / 1024 ** 2;
    options.log(`stores N=${docs}: generated ${textMb.toFixed(1)} MB, ${questions.length} questions`);
    for (const store of options.stores) {
      const indexDir = path.join(options.work, `store-index-${store}-${docs}`);
      const run: StoreRun = { store, docs, textMb };
      runs.push(run);
      const databaseUrl = storeUrl(store);
      if (databaseUrl === undefined) {
        run.error = 'skipped: set BENCH_DATABASE_URL=postgres://… to a database the bench may overwrite';
        options.log(`stores N=${docs} ${store}: ${run.error}`);
        continue;
      }
      try {
        const ingest = await runTask(
          { task: 'ingest', seedsDir: corpusDir, indexDir, embedding: { enabled: false }, databaseUrl },
          { timeoutMs: 60 * MINUTE },
        );
        run.ingest = {
          seconds: ingest.timingsMs.total / 1000,
          docsPerSecond: docs / (ingest.timingsMs.total / 1000),
          peakRssMb: ingest.peakRssMb,
          indexMb: ingest.indexBytes / 1024 ** 2,
          chunks: ingest.chunks,
          indicators: ingest.indicators,
        };
        options.log(`stores N=${docs} ${store}: ingested in ${run.ingest.seconds.toFixed(1)} s, index ${run.ingest.indexMb.toFixed(0)} MB`);
        const env = { INDEX_DIR: indexDir, SEEDS_DIR: corpusDir, DATABASE_URL: databaseUrl };
        const server = await startServerProcess(env, 20 * MINUTE);
        try {
          const http = await timeOverHttp(server.baseUrl, questions, { rounds: options.rounds, warmupRounds: options.warmupRounds });
          const memory = server.memoryMb();
          run.serve = {
            healthyMs: server.healthyMs,
            readyMs: server.readyMs,
            rssMb: memory.rss,
            peakRssMb: memory.peak,
            httpP50Ms: http.summary.p50,
            httpP95Ms: http.summary.p95,
            requests: http.summary.count,
            statuses: http.statuses,
          };
          options.log(
            `stores N=${docs} ${store}: healthy in ${(server.healthyMs / 1000).toFixed(2)} s (seeds checked at ${(server.readyMs / 1000).toFixed(2)} s), RSS ${memory.rss.toFixed(0)} MB (peak ${memory.peak.toFixed(0)}), http p50 ${http.summary.p50.toFixed(2)} ms p95 ${http.summary.p95.toFixed(2)} ms`,
          );
        } finally {
          await server.stop();
        }
        if (options.twoServers && store !== 'json') {
          const postgres = store === 'postgres';
          run.loads = await loadServers(postgres ? 2 : 1, { env, ...(postgres ? { databaseUrl } : {}), questions, ...options.twoServers, timeoutMs: 20 * MINUTE, log: options.log });
          for (const load of run.loads) {
            options.log(`stores N=${docs} ${store} under load, ${load.servers} server(s): ${load.requestsPerSecond.toFixed(1)} req/s, p50 ${load.p50Ms.toFixed(0)} ms, p99 ${load.p99Ms.toFixed(0)} ms, ${load.errors} errors`);
          }
        }
      } catch (error) {
        run.error = (error as Error).message.split('\n')[0].slice(0, 300);
        options.log(`stores N=${docs} ${store}: failed: ${run.error}`);
      }
      await rm(indexDir, { recursive: true, force: true });
    }
    await rm(corpusDir, { recursive: true, force: true });
  }
  return runs;
}

const fixed = (x: number | undefined, digits: number) => (x === undefined || Number.isNaN(x) ? 'n/a' : round(x, digits).toFixed(digits));

export function storeTable(runs: StoreRun[]): string {
  return markdownTable(
    ['N', 'store', 'ingest s', 'docs/s', 'ingest peak RSS MB', 'index MB', 'healthy s (existing index)', 'seeds checked s', 'server RSS MB', 'server peak RSS MB', 'HTTP /ask p50 ms', 'p95 ms', 'answered/not_found/other'],
    runs.map((r) => [
      String(r.docs),
      r.store,
      fixed(r.ingest?.seconds, 1),
      fixed(r.ingest?.docsPerSecond, 1),
      fixed(r.ingest?.peakRssMb, 0),
      fixed(r.ingest?.indexMb, 0),
      fixed(r.serve && r.serve.healthyMs / 1000, 2),
      fixed(r.serve && r.serve.readyMs / 1000, 2),
      fixed(r.serve?.rssMb, 0),
      fixed(r.serve?.peakRssMb, 0),
      fixed(r.serve?.httpP50Ms, 2),
      r.serve ? fixed(r.serve.httpP95Ms, 2) : r.error ? `failed: ${r.error.slice(0, 80)}` : 'n/a',
      r.serve ? `${r.serve.statuses.answered ?? 0}/${r.serve.statuses.not_found ?? 0}/${r.serve.requests - (r.serve.statuses.answered ?? 0) - (r.serve.statuses.not_found ?? 0)}` : '',
    ]),
  );
}

/** The --two-servers figures: one row per load, all on one server or split across two. */
export function twoServerTable(runs: StoreRun[]): string {
  const rows = runs.flatMap((r) => (r.loads ?? []).map((load) => ({ docs: r.docs, store: r.store, load })));
  return markdownTable(
    ['N', 'store', 'servers', 'connections', 'seconds', 'requests', 'requests/s', 'p50 ms', 'p99 ms', 'errors', 'timeouts', 'non-2xx', 'peak DB connections', 'server RSS MB'],
    rows.map(({ docs, store, load }) => [
      String(docs),
      store,
      String(load.servers),
      String(load.connections),
      String(load.seconds),
      String(load.requests),
      fixed(load.requestsPerSecond, 1),
      fixed(load.p50Ms, 0),
      fixed(load.p99Ms, 0),
      String(load.errors),
      String(load.timeouts),
      String(load.non2xx),
      load.peakDbConnections ? String(load.peakDbConnections) : '–',
      load.rssMb.map((mb) => fixed(mb, 0)).join(' + '),
    ]),
  );
}
