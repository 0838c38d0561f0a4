import { markdownTable } from './markdown-table.js';
import { round } from './percentiles.js';
import type { FormatIngestResult } from './format-ingest.js';
import { isSkipped, type BenchResults, type CorpusResult, type Skipped } from './results.js';

const STAGES = ['normalize', 'sections', 'chunks', 'indicators', 'bm25', 'embeddings', 'write'] as const;

const ms = (x: number | undefined, digits = 1) => (x === undefined || Number.isNaN(x) ? 'n/a' : round(x, digits).toFixed(digits));
const mb = (bytes: number) => (bytes / 1024 ** 2).toFixed(1);

function corpusName(c: CorpusResult): string {
  return c.synthetic ? `synthetic N=${c.docs}` : `seeds (${c.docs} real)`;
}

export function ingestTable(results: Omit<BenchResults, 'summary' | 'targets'>): string {
  const rows = [results.seeds, ...results.corpora].map((c) => {
    const i = c.keyword.ingest;
    return [
      corpusName(c),
      mb(c.textBytes),
      String(i.chunks),
      String(i.indicators),
      ms(i.timingsMs.total / 1000, 2),
      ms(i.timingsMs.total / c.docs, 1),
      ...STAGES.map((s) => ms(i.timingsMs[s], 0)),
      mb(i.indexBytes),
      ms(i.peakRssMb, 0),
    ];
  });
  return markdownTable(
    ['corpus', 'text MB', 'chunks', 'indicators', 'ingest s', 'ms/doc', ...STAGES.map((s) => `${s} ms`), 'index MB', 'ingest peak RSS MB'],
    rows,
  );
}

export function serveTable(results: Omit<BenchResults, 'summary' | 'targets'>): string {
  const rows: string[][] = [];
  for (const c of [results.seeds, ...results.corpora]) {
    const modes: Array<[string, CorpusResult['keyword']]> = [['keyword+indicator', c.keyword]];
    if (!isSkipped(c.hybrid)) modes.push(['hybrid', c.hybrid]);
    for (const [mode, m] of modes) {
      const s = m.serve;
      const answered = s.inProcess.statuses.answered ?? 0;
      const total = s.inProcess.summary.count;
      rows.push([
        corpusName(c),
        mode,
        ms(s.openMs / 1000, 2),
        ms(s.inProcess.summary.p50, 2),
        ms(s.inProcess.summary.p95, 2),
        ms(s.inProcess.summary.p99, 2),
        ms(s.http?.summary.p50, 2),
        ms(s.http?.summary.p95, 2),
        ms(s.http?.summary.p99, 2),
        ms(s.rssBeforeOpenMb, 0),
        ms(s.peakRssMb, 0),
        `${answered}/${total}`,
      ]);
    }
  }
  return markdownTable(
    ['corpus', 'mode', 'open s', 'ask p50', 'ask p95', 'ask p99', 'http p50', 'http p95', 'http p99', 'RSS before open MB', 'server peak RSS MB', 'answered'],
    rows,
  );
}

/** Where /ask spends its time at each N, from the engine's own timingMs (mean ms per request). */
export function stageTable(results: Omit<BenchResults, 'summary' | 'targets'>): string {
  const corpora = [results.seeds, ...results.corpora];
  const stages = [...new Set(corpora.flatMap((c) => Object.keys(c.keyword.serve.inProcess.stages)))];
  return markdownTable(
    ['corpus', ...stages.map((s) => `${s} mean/p95 ms`)],
    corpora.map((c) => [corpusName(c), ...stages.map((s) => {
      const st = c.keyword.serve.inProcess.stages[s];
      return st ? `${ms(st.mean, 2)}/${ms(st.p95, 2)}` : 'n/a';
    })]),
  );
}

export function hnswTable(results: Omit<BenchResults, 'summary' | 'targets'>): string {
  if (isSkipped(results.hnsw)) return `HNSW comparison skipped: ${results.hnsw.skipped}`;
  const rows = results.hnsw.runs.map((r) => [
    r.source,
    String(r.vectors),
    String(r.efSearch),
    ms(r.buildMs / 1000, 1),
    ms(r.hnsw.mean, 3),
    ms(r.hnswAsRetrieved.mean, 3),
    ms(r.exactJs.mean, 2),
    ms(r.exactNative.mean, 2),
    `${round(r.speedupVsExactJs, 1)}×`,
    `${round(r.speedupVsExactNative, 1)}×`,
    r.recallAt10.toFixed(3),
    r.recallAt10ById.toFixed(3),
  ]);
  const sweep = results.hnsw.runs.map((r) => `${r.source}: ${r.efSweep.map((p) => `ef ${p.ef} → ${p.recallAt10.toFixed(3)} (${p.meanMs.toFixed(2)} ms)`).join(', ')}`);
  return [
    markdownTable(
      ['vectors', 'count', 'ef', 'build s', 'hnsw k=10 ms', 'as /ask (k=30, filter) ms', 'exact JS ms', 'exact native ms', 'speed-up vs JS', 'vs native', 'recall@10', 'recall@10 by id'],
      rows,
    ),
    '',
    `recall@10 by ef — ${sweep.join('; ')}`,
    `vectors: ${results.hnsw.note}`,
  ].join('\n');
}

export function bm25Table(results: Omit<BenchResults, 'summary' | 'targets'>): string {
  if (isSkipped(results.bm25)) return `BM25 comparison skipped: ${results.bm25.skipped}`;
  const b = results.bm25;
  return markdownTable(
    ['retriever', 'chunks', 'build s', 'query mean ms', 'query p95 ms', 'ratio'],
    [
      ['ours (src/index/bm25.ts, postings)', String(b.chunks), ms(b.ours.buildMs / 1000, 2), ms(b.ours.search.mean, 3), ms(b.ours.search.p95, 3), '1×'],
      [
        'eval baseline (eval/bm25.ts, scans every chunk)',
        String(b.chunks),
        ms(b.baseline.buildMs / 1000, 2),
        ms(b.baseline.search.mean, 3),
        ms(b.baseline.search.p95, 3),
        `${round(b.searchSpeedup, 1)}× slower per query`,
      ],
    ],
  );
}

/** Ingest of one long report per format: seconds, ms per page, and where the time went. */
export function formatTable(formats: FormatIngestResult | Skipped): string {
  if (isSkipped(formats)) return `PDF/DOCX rows skipped: ${formats.skipped}`;
  const rows = formats.rows.map((r) => [
    r.format.toUpperCase(),
    `${r.file} (${mb(r.bytes)} MB)`,
    `${r.pages} (${r.pagesFrom})`,
    ms(r.ingest.timingsMs.total / 1000, 2),
    ms(r.ingest.timingsMs.total / r.pages, 1),
    ms(r.ingest.processMs / 1000, 2),
    String(r.ingest.chunks),
    String(r.ingest.indicators),
    ...STAGES.filter((s) => s !== 'embeddings').map((s) => ms(r.ingest.timingsMs[s], 0)),
    ms(r.ingest.timingsMs.load, 0),
    r.runsMs.map((x) => ms(x, 0)).join(', '),
  ]);
  return [
    markdownTable(
      ['format', 'file', 'pages', 'ingest s', 'ms/page', 'process s', 'chunks', 'indicators', ...STAGES.filter((s) => s !== 'embeddings').map((s) => `${s} ms`), 'load ms', `runs ms (median shown)`],
      rows,
    ),
    '',
    `Files written by ${formats.tool} from the seed reports' text; "ingest s" is runIngest's total (load and parse included), "process s" adds Node start-up and module loading, as \`npm run ingest\` costs.`,
  ].join('\n');
}

export function targetTable(results: BenchResults): string {
  return markdownTable(
    ['target', 'threshold', 'measured', 'met'],
    results.targets.map((t) => [t.description, t.threshold, t.measured + (t.note ? ` (${t.note})` : ''), t.met === null ? 'not measured' : t.met ? 'yes' : 'NO']),
  );
}

/** Hottest project functions of the profiled server (--profile), per phase. */
export function profileSection(results: Omit<BenchResults, 'summary' | 'targets'>): string {
  const corpus = [...results.corpora].reverse().find((c) => c.keyword.serve.profiles);
  const profiles = corpus?.keyword.serve.profiles;
  if (!corpus || !profiles) return '';
  const phase = (name: string, p: NonNullable<typeof profiles>['open']) =>
    [
      `### ${name} (${ms(p.durationMs / 1000, 1)} s profiled; ${p.file})`,
      markdownTable(
        ['function (src/, ingest/)', 'total ms', 'innermost ms'],
        p.project.slice(0, 15).map((h) => [h.name, ms(h.totalMs, 0), ms(h.selfMs, 0)]),
      ),
    ].join('\n');
  return [
    `## CPU profiles at N=${corpus.docs}`,
    ...(corpus.ingestProfile ? [phase('ingest (runIngest, an extra untimed run)', corpus.ingestProfile), ''] : []),
    phase('opening the index (openEngine)', profiles.open),
    '',
    phase(`answering (${results.options.rounds} untimed rounds of the mix, in-process)`, profiles.ask),
  ].join('\n');
}

/** The whole human-readable report: what stdout shows and bench/out/report.md keeps. */
export function renderReport(results: BenchResults): string {
  const m = results.machine;
  return [
    `Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}; load average ${m.loadAverageAtStart.join(' ')} at start, ${m.loadAverageAtEnd.join(' ')} at end; ${round(results.durationMs / 1000, 0)} s total`,
    '',
    '## Ingest (keyword + indicator mode, no embeddings)',
    ingestTable(results),
    '',
    `Ingest scaling exponent (log time on log N): ${results.scaling.ingestExponent === null ? 'n/a' : round(results.scaling.ingestExponent, 3)}` +
      (results.scaling.ingestPerDocGrowth === null ? '' : `; ms/doc at the largest N ÷ the next: ${round(results.scaling.ingestPerDocGrowth, 3)}`) +
      (results.seeds.keyword.ingestRunsMs ? `; seeds ingest runs ${results.seeds.keyword.ingestRunsMs.map((x) => ms(x, 0)).join(', ')} ms (median shown)` : ''),
    '',
    `## /ask latency (ms, sequential; ${results.options.rounds} rounds of the question mix after ${results.options.warmupRounds} warm-up)`,
    serveTable(results),
    '',
    '### /ask stages (engine timingMs)',
    stageTable(results),
    '',
    ...[results.seeds, ...results.corpora].filter((c) => isSkipped(c.hybrid)).slice(0, 1).map((c) => `Hybrid mode: ${isSkipped(c.hybrid) ? c.hybrid.skipped : ''}`),
    '',
    '## Ingest per page: PDF and DOCX',
    formatTable(results.formats),
    '',
    '## HNSW vs exact search (k=10)',
    hnswTable(results),
    '',
    '## BM25: ours vs the eval baseline retriever',
    bm25Table(results),
    '',
    '## Targets',
    targetTable(results),
    ...(profileSection(results) ? ['', profileSection(results)] : []),
  ].join('\n');
}
