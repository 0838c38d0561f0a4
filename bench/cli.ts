// npm run bench -- [--docs N ...] [--json]: speed, memory and how cost grows with the corpus.
// Every measurement runs in its own child process (bench/worker.ts) so one N's memory and JIT
// state never leak into another's; this process only generates corpora and sends HTTP requests.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { loadEmbedder } from '../src/index/embeddings.js';
import { parseArgs, type BenchOptions } from './args.js';
import { timeOverHttp, type LatencyRun } from './ask-latency.js';
import { runTask } from './fork-worker.js';
import { describeMachine } from './machine.js';
import { perfChart } from './perf-chart.js';
import { questionMixForCorpus, questionMixForSeeds, readDevQuestions, type BenchQuestion } from './question-mix.js';
import { renderReport } from './report.js';
import type { BenchResults, CorpusResult, ModeResult, Skipped } from './results.js';
import { scalingExponent } from './scaling.js';
import { compareStores, storeTable, twoServerTable } from './store-comparison.js';
import { summarize } from './summary.js';
import { readSourceReports, writeSyntheticCorpus } from './synthetic-corpus.js';
import { evaluateTargets } from './targets.js';
import { measureFormatIngest } from './format-ingest.js';
import { formatTable } from './report.js';
import type { EmbeddingSetting, IngestMeasurement } from './worker-protocol.js';

const MINUTE = 60_000;
const TIMEOUTS = { ingest: 6 * MINUTE, serve: 5 * MINUTE, hnsw: 6 * MINUTE, bm25: 3 * MINUTE };
// The seeds ingest is short enough for noise from other processes to matter: take the median of a few.
const SEEDS_INGEST_RUNS = 3;

interface Context {
  options: BenchOptions;
  work: string;
  log: (message: string) => void;
  /** The configured embedding model when it loads here; otherwise why not. */
  model: EmbeddingSetting | Skipped;
}

async function measureMode(
  context: Context,
  corpus: { seedsDir: string; name: string; questions: BenchQuestion[]; ingestRuns?: number },
  embedding: EmbeddingSetting,
  profileDir?: string,
): Promise<ModeResult> {
  const { options, log } = context;
  const mode = embedding.enabled ? 'hybrid' : 'keyword';
  const indexDir = path.join(context.work, `index-${corpus.name}-${mode}`);
  log(`${corpus.name} ${mode}: ingest`);
  const runs: IngestMeasurement[] = [];
  for (let i = 0; i < (corpus.ingestRuns ?? 1); i++) {
    // The JSON store, so these figures stay comparable with earlier runs and the HNSW/BM25 comparisons can read chunks.json.
    runs.push(await runTask({ task: 'ingest', seedsDir: corpus.seedsDir, indexDir, embedding, databaseUrl: 'json:' }, { timeoutMs: TIMEOUTS.ingest }));
  }
  const ingest = [...runs].sort((a, b) => a.timingsMs.total - b.timingsMs.total)[Math.floor(runs.length / 2)];
  log(`${corpus.name} ${mode}: ingested ${ingest.documents} docs → ${ingest.chunks} chunks, ${ingest.indicators} indicators in ${(ingest.timingsMs.total / 1000).toFixed(1)} s`);
  const latency = { rounds: options.rounds, warmupRounds: options.warmupRounds };
  let http: LatencyRun | undefined;
  const serve = await runTask(
    { task: 'serve', indexDir, databaseUrl: 'json:', questions: corpus.questions, latency, embedding, profile: profileDir ? { dir: profileDir, name: corpus.name } : undefined },
    {
      timeoutMs: TIMEOUTS.serve,
      onListening: async (port) => {
        http = await timeOverHttp(`http://127.0.0.1:${port}`, corpus.questions, latency);
      },
    },
  );
  log(`${corpus.name} ${mode}: ask p95 ${serve.inProcess.summary.p95.toFixed(2)} ms, http p95 ${http?.summary.p95.toFixed(2)} ms, server peak RSS ${serve.peakRssMb.toFixed(0)} MB`);
  return { ingest, ingestRunsMs: runs.length > 1 ? runs.map((r) => r.timingsMs.total) : undefined, serve: { ...serve, http } };
}

async function measureCorpus(
  context: Context,
  corpus: {
    seedsDir: string;
    name: string;
    label: string;
    docs: number;
    synthetic: boolean;
    textBytes: number;
    generateMs: number | null;
    questions: BenchQuestion[];
    ingestRuns?: number;
  },
  profileDir?: string,
): Promise<CorpusResult> {
  const keyword = await measureMode(context, corpus, { enabled: false }, profileDir);
  let hybrid: ModeResult | Skipped;
  if ('skipped' in context.model) hybrid = context.model;
  else if (corpus.docs > context.options.hybridMaxDocs) hybrid = { skipped: `N=${corpus.docs} is over --hybrid-max-docs ${context.options.hybridMaxDocs}` };
  else hybrid = await measureMode(context, corpus, context.model);
  let ingestProfile: CorpusResult['ingestProfile'];
  if (profileDir) {
    context.log(`${corpus.name}: profiling an extra ingest`);
    const indexDir = path.join(context.work, `index-${corpus.name}-profiled`);
    const run = await runTask(
      { task: 'ingest', seedsDir: corpus.seedsDir, indexDir, databaseUrl: 'json:', embedding: { enabled: false }, profile: { dir: profileDir, name: `${corpus.name}-ingest` } },
      { timeoutMs: TIMEOUTS.ingest },
    );
    ingestProfile = run.profile;
    await rm(indexDir, { recursive: true, force: true });
  }
  return {
    ingestProfile,
    label: corpus.label,
    docs: corpus.docs,
    synthetic: corpus.synthetic,
    textBytes: corpus.textBytes,
    generateMs: corpus.generateMs,
    questions: corpus.questions.length,
    keyword,
    hybrid,
  };
}

function perDocGrowth(corpora: CorpusResult[]): number | null {
  const [previous, last] = corpora.slice(-2);
  if (!previous || !last) return null;
  return last.keyword.ingest.timingsMs.total / last.docs / (previous.keyword.ingest.timingsMs.total / previous.docs);
}

async function probeModel(): Promise<EmbeddingSetting | Skipped> {
  const config = loadConfig();
  const load = await loadEmbedder({ modelId: config.EMBEDDING_MODEL, modelDir: config.MODEL_DIR });
  if (!load.ok) return { skipped: `no real embedding model, so no hybrid figures (the tiny test model is used only for the HNSW comparison): ${load.reason}` };
  return { enabled: true, modelDir: config.MODEL_DIR, embeddingModel: config.EMBEDDING_MODEL };
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  // Other work on the machine skews timings; the load average at both ends says how much there was.
  const loadAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const log = (message: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
  const work = options.workDir ? path.resolve(options.workDir) : await mkdtemp(path.join(os.tmpdir(), 'policy-bench-'));
  await mkdir(work, { recursive: true });
  await mkdir(options.outDir, { recursive: true });
  const profileDir = options.profile ? path.resolve(options.outDir, 'profiles') : undefined;
  const context: Context = { options, work, log, model: await probeModel() };
  if ('skipped' in context.model) log(context.model.skipped);

  try {
    if (options.stores) {
      const runs = await compareStores({
        docs: options.storeDocs,
        stores: options.storeList,
        seedsDir: options.seedsDir,
        seed: options.seed,
        rounds: options.rounds,
        warmupRounds: options.warmupRounds,
        work,
        log,
        ...(options.twoServers ? { twoServers: { connections: options.loadConnections, seconds: options.loadSeconds } } : {}),
      });
      const machine = describeMachine();
      const report = [
        `Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}; load average ${loadAtStart.join(' ')} at start, ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} at end; ${((Date.now() - started) / 1000).toFixed(0)} s total`,
        '',
        storeTable(runs),
        ...(runs.some((r) => r.loads) ? ['', `Under load (--two-servers): one server, and two on one PostgreSQL database; ${machine.cores} cores shared by the servers, PostgreSQL and the load generator:`, '', twoServerTable(runs)] : []),
      ].join('\n');
      await writeFile(path.join(options.outDir, 'stores.json'), `${JSON.stringify({ startedAt, machine, runs }, null, 2)}\n`);
      await writeFile(path.join(options.outDir, 'stores.md'), `${report}\n`);
      console.log(report);
      return;
    }
    const sources = await readSourceReports(options.seedsDir);
    const measureFormats = () => (options.formats ? measureFormatIngest(sources, options.pages, work, log) : Promise.resolve({ skipped: '--no-formats' }));
    if (options.formatsOnly) {
      const formats = await measureFormats();
      if ('skipped' in formats) log(formats.skipped);
      const file = path.join(options.outDir, 'formats.json');
      await writeFile(file, `${JSON.stringify({ startedAt, machine: describeMachine(), formats }, null, 2)}\n`);
      log(`wrote ${file}`);
      console.log(formatTable(formats));
      return;
    }
    const dev = await readDevQuestions();
    const seeds = await measureCorpus(context, {
      seedsDir: options.seedsDir,
      name: 'seeds',
      label: 'seeds',
      docs: sources.length,
      synthetic: false,
      textBytes: sources.reduce((sum, r) => sum + Buffer.byteLength(r.text), 0),
      generateMs: null,
      questions: questionMixForSeeds(dev),
      ingestRuns: SEEDS_INGEST_RUNS,
    });

    const corpora: CorpusResult[] = [];
    let largestQuestions: BenchQuestion[] = [];
    for (const docs of options.docs) {
      const largest = docs === options.docs[options.docs.length - 1];
      const dir = path.join(work, `corpus-${docs}`);
      const t = performance.now();
      const corpus = await writeSyntheticCorpus({ seedsDir: options.seedsDir, outDir: dir, docs, seed: options.seed });
      const generateMs = performance.now() - t;
      log(`N=${docs}: generated ${(corpus.bytes / 1024 ** 2).toFixed(1)} MB in ${(generateMs / 1000).toFixed(1)} s`);
      const questions = questionMixForCorpus(dev, corpus.documents, options.seed);
      if (largest) largestQuestions = questions;
      corpora.push(
        await measureCorpus(
          context,
          { seedsDir: dir, name: `n${docs}`, label: `N=${docs}`, docs, synthetic: true, textBytes: corpus.bytes, generateMs, questions },
          largest ? profileDir : undefined,
        ),
      );
      if (!largest && !options.keep) {
        await rm(dir, { recursive: true, force: true });
        await rm(path.join(work, `index-n${docs}-keyword`), { recursive: true, force: true });
      }
    }

    const largestIndex = path.join(work, `index-n${options.docs[options.docs.length - 1]}-keyword`);
    const chunksFile = path.join(largestIndex, 'chunks.json');
    const questionTexts = largestQuestions.map((q) => q.question);
    let hnsw: BenchResults['hnsw'] = { skipped: '--no-compare' };
    let bm25: BenchResults['bm25'] = { skipped: '--no-compare' };
    if (options.compare) {
      log(`HNSW vs exact search over the N=${options.docs[options.docs.length - 1]} chunks (${options.vectors} vectors)`);
      hnsw = await runTask({ task: 'hnsw', chunksFile, questions: questionTexts, vectors: options.vectors, seed: options.seed }, { timeoutMs: TIMEOUTS.hnsw });
      log(`HNSW: ${hnsw.note}; ${hnsw.runs.map((r) => `${r.source} recall@10 ${r.recallAt10.toFixed(3)}, ${r.speedupVsExactJs.toFixed(1)}× faster than exact JS`).join('; ')}`);
      bm25 = await runTask({ task: 'bm25', chunksFile, questions: questionTexts, rounds: options.rounds }, { timeoutMs: TIMEOUTS.bm25 });
      log(`BM25: ours ${bm25.ours.search.mean.toFixed(3)} ms vs baseline ${bm25.baseline.search.mean.toFixed(3)} ms per query`);
    }

    const formats = await measureFormats();
    if ('skipped' in formats) log(`formats: ${formats.skipped}`);

    const synthetic = corpora.filter((c) => c.synthetic);
    const measured: Omit<BenchResults, 'targets' | 'summary'> = {
      startedAt,
      durationMs: Date.now() - started,
      machine: { ...describeMachine(), loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100) },
      options: { docs: options.docs, seed: options.seed, rounds: options.rounds, warmupRounds: options.warmupRounds, vectors: options.vectors },
      seeds,
      corpora,
      hnsw,
      bm25,
      formats,
      scaling: {
        ingestExponent: scalingExponent(synthetic.map((c) => ({ n: c.docs, cost: c.keyword.ingest.timingsMs.total }))),
        askP95Exponent: scalingExponent(synthetic.map((c) => ({ n: c.docs, cost: c.keyword.serve.inProcess.summary.p95 }))),
        ingestMsPerDoc: Object.fromEntries(synthetic.map((c) => [String(c.docs), c.keyword.ingest.timingsMs.total / c.docs])),
        ingestPerDocGrowth: perDocGrowth(synthetic),
      },
    };
    const withTargets = { ...measured, targets: evaluateTargets(measured) };
    const results: BenchResults = { ...withTargets, summary: summarize(withTargets) };

    const report = renderReport(results);
    const resultsFile = path.join(options.outDir, 'results.json');
    await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    await writeFile(path.join(options.outDir, 'report.md'), `${report}\n`);
    await mkdir(path.dirname(options.chartFile), { recursive: true });
    await writeFile(options.chartFile, perfChart(results));
    log(`wrote ${resultsFile}, ${path.join(options.outDir, 'report.md')} and ${options.chartFile}`);

    console.log(report);
    if (options.json) console.log(JSON.stringify(results.summary));
  } finally {
    if (!options.keep && !options.workDir) await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
