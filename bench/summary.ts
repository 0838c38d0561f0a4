import { round } from './percentiles.js';
import { isSkipped, type BenchResults, type BenchSummary, type CorpusResult, type SummaryValue } from './results.js';

function byN(corpora: CorpusResult[], value: (c: CorpusResult) => number | undefined, digits = 2): Record<string, SummaryValue> {
  return Object.fromEntries(corpora.map((c) => [String(c.docs), (() => {
    const v = value(c);
    return v === undefined ? null : round(v, digits);
  })()]));
}

const perDoc = (c: CorpusResult) => c.keyword.ingest.timingsMs.total / c.docs;

function formatSummary(results: Omit<BenchResults, 'summary'>): Record<string, SummaryValue> {
  if (isSkipped(results.formats)) return { formats: results.formats.skipped };
  const out: Record<string, SummaryValue> = {};
  for (const r of results.formats.rows) {
    out[`${r.format}_pages`] = r.pages;
    out[`${r.format}_ingest_ms`] = round(r.ingest.timingsMs.total, 0);
    out[`${r.format}_ingest_ms_per_page`] = round(r.ingest.timingsMs.total / r.pages, 1);
  }
  return out;
}

/** The flat summary printed as the last stdout line with --json: keys name the figure and its unit. */
export function summarize(results: Omit<BenchResults, 'summary'>): BenchSummary {
  const top = results.corpora[results.corpora.length - 1];
  const serve = top?.keyword.serve;
  const ingest = top?.keyword.ingest;
  const hnsw = isSkipped(results.hnsw) ? undefined : results.hnsw;
  const shipped = hnsw?.runs[0];
  const random = hnsw?.runs.find((r) => r.source === 'random');
  const bm25 = isSkipped(results.bm25) ? undefined : results.bm25;
  const opt = (x: number | undefined, digits = 2): SummaryValue => (x === undefined ? null : round(x, digits));
  const hybrid = top ? (isSkipped(top.hybrid) ? top.hybrid.skipped : 'measured') : null;
  return {
    docs: top?.docs ?? null,
    chunks: ingest?.chunks ?? null,
    indicators: ingest?.indicators ?? null,
    text_mb: opt(top ? top.textBytes / 1024 ** 2 : undefined),
    ask_p50_ms: opt(serve?.inProcess.summary.p50),
    ask_p95_ms: opt(serve?.inProcess.summary.p95),
    ask_p99_ms: opt(serve?.inProcess.summary.p99),
    http_p50_ms: opt(serve?.http?.summary.p50),
    http_p95_ms: opt(serve?.http?.summary.p95),
    http_p99_ms: opt(serve?.http?.summary.p99),
    ingest_ms: opt(ingest?.timingsMs.total, 0),
    ingest_ms_per_doc: opt(top ? perDoc(top) : undefined),
    ingest_scaling_exponent: opt(results.scaling.ingestExponent ?? undefined, 3),
    ingest_per_doc_ratio_last_step: opt(results.scaling.ingestPerDocGrowth ?? undefined, 3),
    ask_p95_scaling_exponent: opt(results.scaling.askP95Exponent ?? undefined, 3),
    seeds_ingest_ms: opt(results.seeds.keyword.ingest.timingsMs.total, 0),
    seeds_ask_p95_ms: opt(results.seeds.keyword.serve.inProcess.summary.p95),
    peak_rss_mb: opt(serve?.peakRssMb, 0),
    rss_before_open_mb: opt(serve?.rssBeforeOpenMb, 0),
    ingest_peak_rss_mb: opt(ingest?.peakRssMb, 0),
    index_mb: opt(ingest ? ingest.indexBytes / 1024 ** 2 : undefined, 1),
    engine_open_ms: opt(serve?.openMs, 0),
    hybrid,
    hnsw_vectors: shipped?.source ?? null,
    hnsw_vector_count: shipped?.vectors ?? null,
    hnsw_ef: shipped?.efSearch ?? null,
    hnsw_recall_at_10: opt(shipped?.recallAt10, 4),
    hnsw_recall_at_10_by_id: opt(shipped?.recallAt10ById, 4),
    hnsw_speedup: opt(shipped?.speedupVsExactJs, 1),
    hnsw_speedup_vs_native: opt(shipped?.speedupVsExactNative, 1),
    hnsw_query_ms: opt(shipped?.hnsw.mean, 3),
    hnsw_random_recall_at_10: random && random !== shipped ? round(random.recallAt10, 4) : null,
    hnsw_random_speedup: random && random !== shipped ? round(random.speedupVsExactJs, 1) : null,
    bm25_speedup: opt(bm25?.searchSpeedup, 1),
    bm25_query_ms: opt(bm25?.ours.search.mean, 3),
    bm25_baseline_query_ms: opt(bm25?.baseline.search.mean, 3),
    ...formatSummary(results),
    targets_met: results.targets.filter((t) => t.met === true).length,
    targets_total: results.targets.length,
    targets_missed: results.targets.filter((t) => t.met !== true).map((t) => t.id).join(',') || null,
    ask_p95_ms_by_n: byN(results.corpora, (c) => c.keyword.serve.inProcess.summary.p95),
    http_p95_ms_by_n: byN(results.corpora, (c) => c.keyword.serve.http?.summary.p95),
    ingest_ms_per_doc_by_n: byN(results.corpora, perDoc),
    peak_rss_mb_by_n: byN(results.corpora, (c) => c.keyword.serve.peakRssMb, 0),
    duration_s: round(results.durationMs / 1000, 1),
    load_average_at_start: results.machine.loadAverageAtStart[0] ?? null,
  };
}
