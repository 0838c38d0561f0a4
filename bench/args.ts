import type { VectorSourceChoice } from './hnsw-comparison.js';
import type { BenchStore } from './store-comparison.js';

export interface BenchOptions {
  /** Synthetic corpus sizes, ascending. */
  docs: number[];
  /** --stores: run only the store comparison (JSON, SQLite, PostgreSQL) at storeDocs. */
  stores: boolean;
  storeDocs: number[];
  storeList: BenchStore[];
  /** --two-servers: after the PostgreSQL store run, two servers on its database under loadConnections for loadSeconds (SQLite: one, for reference). */
  twoServers: boolean;
  loadConnections: number;
  loadSeconds: number;
  json: boolean;
  seed: number;
  /** Measured passes over the question mix, per mode. */
  rounds: number;
  warmupRounds: number;
  outDir: string;
  chartFile: string;
  /** Where the synthetic corpora and indexes go; a fresh temp folder when absent. */
  workDir?: string;
  keep: boolean;
  compare: boolean;
  vectors: VectorSourceChoice;
  /** Hybrid mode (real model only) runs for corpora up to this many documents. */
  hybridMaxDocs: number;
  /** CPU-profile the serving worker at the largest N. */
  profile: boolean;
  seedsDir: string;
  /** Pages of the long PDF/DOCX report whose ingest is timed per page. */
  pages: number;
  formats: boolean;
  /** Only the PDF/DOCX per-page rows (a minute or two instead of the whole bench). */
  formatsOnly: boolean;
}

export const USAGE = `npm run bench -- [--docs N ...] [--json] [options]

  --docs N ...          synthetic corpus sizes (default 10 100 1000)
  --json                print the summary as one JSON object on the last line of stdout
  --rounds R            measured passes over the ~50-question mix per mode (default 4)
  --warmup R            unmeasured passes first (default 1)
  --seed S              synthetic corpus seed (default 20260101)
  --out DIR             results folder (default bench/out)
  --chart FILE          SVG chart path (default <out>/perf-latency-memory.svg)
  --work DIR            where corpora and indexes are built (default: a temp folder, removed after)
  --keep                keep the work folder
  --no-compare          skip the HNSW and BM25 comparisons
  --vectors KIND        HNSW comparison vectors: both | tiny | random | auto (default both)
  --hybrid-max-docs N   hybrid mode (when a real embedding model is installed) up to N docs (default 100)
  --profile             write a CPU profile of the server at the largest N to <out>/profiles
  --seeds DIR           real reports to build from (default seeds)
  --pages N             pages of the long PDF/DOCX report timed per page (default 100; needs LibreOffice)
  --no-formats          skip the PDF/DOCX rows
  --formats-only        only the PDF/DOCX rows
  --stores              instead: compare the index stores (ingest rate, size, time to healthy, RSS, HTTP /ask
                        p50/p95 of a real npm start over the existing index); writes <out>/stores.md and stores.json
  --store-docs N ...    corpus sizes for --stores (default 1000 10000)
  --store-list S,...    stores for --stores: json, sqlite, postgres (default json,sqlite; postgres needs
                        BENCH_DATABASE_URL=postgres://… naming a database it may overwrite)
  --two-servers         with --stores and postgres: after its run, two npm start servers on its database under
                        one load, all of it against one server, then split across both (req/s, p50/p99, errors);
                        the SQLite store gets the one-server load too, for reference
  --load-connections N  connections of that load (default 50)
  --load-seconds N      seconds per load (default 15)`;

const VECTOR_CHOICES: readonly VectorSourceChoice[] = ['both', 'tiny', 'random', 'auto'];

function positiveInteger(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a positive integer, got ${value ?? 'nothing'}`);
  return n;
}

export function parseArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    docs: [10, 100, 1000],
    stores: false,
    storeDocs: [1000, 10000],
    storeList: ['json', 'sqlite'],
    twoServers: false,
    loadConnections: 50,
    loadSeconds: 15,
    json: false,
    seed: 20260101,
    rounds: 4,
    warmupRounds: 1,
    outDir: 'bench/out',
    chartFile: '',
    keep: false,
    compare: true,
    vectors: 'both',
    hybridMaxDocs: 100,
    profile: false,
    seedsDir: 'seeds',
    pages: 100,
    formats: true,
    formatsOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--docs': {
        const sizes: number[] = [];
        while (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) {
          for (const part of argv[++i].split(',').filter(Boolean)) sizes.push(positiveInteger('--docs', part));
        }
        if (sizes.length === 0) throw new Error('--docs needs at least one size');
        options.docs = [...new Set(sizes)].sort((a, b) => a - b);
        break;
      }
      case '--stores':
        options.stores = true;
        break;
      case '--store-docs': {
        const sizes: number[] = [];
        while (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) {
          for (const part of argv[++i].split(',').filter(Boolean)) sizes.push(positiveInteger('--store-docs', part));
        }
        if (sizes.length === 0) throw new Error('--store-docs needs at least one size');
        options.storeDocs = [...new Set(sizes)].sort((a, b) => a - b);
        break;
      }
      case '--store-list': {
        const names = value().split(',').filter(Boolean);
        const unknown = names.filter((n) => n !== 'json' && n !== 'sqlite' && n !== 'postgres');
        if (unknown.length || names.length === 0) throw new Error(`--store-list takes json, sqlite and/or postgres, got ${unknown.join(',') || 'nothing'}`);
        options.storeList = names as BenchStore[];
        break;
      }
      case '--two-servers':
        options.twoServers = true;
        break;
      case '--load-connections':
        options.loadConnections = positiveInteger(flag, value());
        break;
      case '--load-seconds':
        options.loadSeconds = positiveInteger(flag, value());
        break;
      case '--json':
        options.json = true;
        break;
      case '--rounds':
        options.rounds = positiveInteger(flag, value());
        break;
      case '--warmup':
        options.warmupRounds = Number(value());
        if (!Number.isInteger(options.warmupRounds) || options.warmupRounds < 0) throw new Error('--warmup needs a whole number');
        break;
      case '--seed':
        options.seed = positiveInteger(flag, value());
        break;
      case '--out':
        options.outDir = value();
        break;
      case '--chart':
        options.chartFile = value();
        break;
      case '--work':
        options.workDir = value();
        break;
      case '--keep':
        options.keep = true;
        break;
      case '--no-compare':
        options.compare = false;
        break;
      case '--vectors': {
        const v = value();
        const choice = VECTOR_CHOICES.find((c) => c === v);
        if (!choice) throw new Error(`--vectors must be one of ${VECTOR_CHOICES.join(', ')}`);
        options.vectors = choice;
        break;
      }
      case '--hybrid-max-docs':
        options.hybridMaxDocs = positiveInteger(flag, value());
        break;
      case '--profile':
        options.profile = true;
        break;
      case '--seeds':
        options.seedsDir = value();
        break;
      case '--pages':
        options.pages = positiveInteger(flag, value());
        break;
      case '--no-formats':
        options.formats = false;
        break;
      case '--formats-only':
        options.formatsOnly = true;
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown option ${flag}\n\n${USAGE}`);
    }
  }
  if (options.formatsOnly && !options.formats) throw new Error('--formats-only and --no-formats contradict each other');
  if (options.twoServers && !(options.stores && options.storeList.includes('postgres'))) throw new Error('--two-servers needs --stores with postgres in --store-list');
  if (!options.chartFile) options.chartFile = `${options.outDir}/perf-latency-memory.svg`;
  return options;
}
