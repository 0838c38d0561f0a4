import { round } from './percentiles.js';
import { isSkipped, type BenchResults, type CorpusResult, type TargetResult } from './results.js';

/** The targets for this 2-core machine, keyword + indicator mode. */
export const TARGETS = {
  askP95Ms: 20,
  httpP95Ms: 30,
  seedsIngestMs: 3000,
  /** Exponent of ingest time on N; ≤ this counts as flat cost per document (5% allows for noise). */
  ingestExponent: 1.05,
  /** …and ms/doc between the two largest N may not grow by more than this (fixed costs flatter the exponent). */
  perDocGrowth: 1.1,
  serverPeakRssMb: 1024,
  hnswRecall: 0.95,
  hnswSpeedup: 10,
  atDocs: 1000,
  /** A text PDF of this many pages ingests within pdfIngestMs. */
  pdfPages: 100,
  pdfIngestMs: 20_000,
} as const;

type Measured = Omit<BenchResults, 'targets' | 'summary'>;

function largest(results: Measured): CorpusResult | undefined {
  return results.corpora[results.corpora.length - 1];
}

function scaleNote(corpus: CorpusResult | undefined): string | undefined {
  if (!corpus) return 'no synthetic corpus was measured';
  return corpus.docs < TARGETS.atDocs ? `measured at N=${corpus.docs}, the target is for N=${TARGETS.atDocs}` : undefined;
}

function check(value: number | null | undefined, limit: number, atLeast = false): boolean | null {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  return atLeast ? value >= limit : value <= limit;
}

/** The PDF target from the per-format rows; not measured (null) without LibreOffice or with too short a PDF. */
export function pdfTarget(formats: Measured['formats']): TargetResult {
  const base = { id: 'pdf_100_pages_ingest', description: `ingest of a ${TARGETS.pdfPages}-page text PDF (runIngest total, no embeddings)`, threshold: `≤ ${TARGETS.pdfIngestMs / 1000} s` };
  if (isSkipped(formats)) return { ...base, measured: 'n/a', met: null, note: formats.skipped };
  const pdf = formats.rows.find((r) => r.format === 'pdf');
  if (!pdf) return { ...base, measured: 'n/a', met: null, note: 'no PDF row' };
  const total = pdf.ingest.timingsMs.total;
  // A shorter PDF than the target's cannot show the target was met; a longer one can.
  const met = pdf.pages >= TARGETS.pdfPages ? total <= TARGETS.pdfIngestMs : null;
  return { ...base, measured: `${round(total / 1000, 2)} s for ${pdf.pages} pages (${round(total / pdf.pages, 1)} ms/page)`, met, note: met === null ? `only ${pdf.pages} pages (--pages)` : undefined };
}

export function evaluateTargets(results: Measured): TargetResult[] {
  const top = largest(results);
  const note = scaleNote(top);
  const hnsw = isSkipped(results.hnsw) ? undefined : results.hnsw.runs[0];
  const ask = top?.keyword.serve.inProcess.summary.p95;
  const http = top?.keyword.serve.http?.summary.p95;
  const rss = top?.keyword.serve.peakRssMb;
  const seeds = results.seeds.keyword.ingest.timingsMs.total;
  const exponent = results.scaling.ingestExponent;
  const growth = results.scaling.ingestPerDocGrowth;
  const previous = results.corpora[results.corpora.length - 2];
  const targets: TargetResult[] = [
    {
      id: 'ask_p95',
      description: `/ask in-process p95 at N=${TARGETS.atDocs}`,
      threshold: `≤ ${TARGETS.askP95Ms} ms`,
      measured: ask === undefined ? 'n/a' : `${round(ask)} ms`,
      met: check(ask, TARGETS.askP95Ms),
      note,
    },
    {
      id: 'http_p95',
      description: `/ask over HTTP (loopback) p95 at N=${TARGETS.atDocs}`,
      threshold: `≤ ${TARGETS.httpP95Ms} ms`,
      measured: http === undefined ? 'n/a' : `${round(http)} ms`,
      met: check(http, TARGETS.httpP95Ms),
      note,
    },
    {
      id: 'seeds_ingest',
      description: 'ingest of the 5 seed reports, no embeddings (runIngest total)',
      threshold: `≤ ${TARGETS.seedsIngestMs / 1000} s`,
      measured: `${round(seeds / 1000, 3)} s`,
      met: check(seeds, TARGETS.seedsIngestMs),
    },
    {
      id: 'ingest_per_doc_flat',
      description: 'ingest cost per document flat or better as N grows (slope of log time on log N)',
      threshold: `exponent ≤ ${TARGETS.ingestExponent}, last step ≤ ×${TARGETS.perDocGrowth}`,
      measured:
        exponent === null
          ? 'n/a'
          : `exponent ${round(exponent, 3)}` + (growth === null ? '' : `; ms/doc ×${round(growth, 2)} from N=${previous?.docs} to N=${top?.docs}`),
      met: exponent === null ? null : check(exponent, TARGETS.ingestExponent) === true && (growth === null || growth <= TARGETS.perDocGrowth),
    },
    {
      id: 'server_peak_rss',
      description: `server peak RSS at N=${TARGETS.atDocs}`,
      threshold: `≤ ${TARGETS.serverPeakRssMb} MiB`,
      measured: rss === undefined ? 'n/a' : `${round(rss, 0)} MiB`,
      met: check(rss, TARGETS.serverPeakRssMb),
      note,
    },
    {
      id: 'hnsw_recall',
      description: `HNSW recall@10 vs exact search at ef=${hnsw?.efSearch ?? 'n/a'} (${hnsw?.source ?? 'not run'})`,
      threshold: `≥ ${TARGETS.hnswRecall}`,
      measured: hnsw ? `${round(hnsw.recallAt10, 3)} (strict by id ${round(hnsw.recallAt10ById, 3)})` : 'n/a',
      met: check(hnsw?.recallAt10, TARGETS.hnswRecall, true),
      note: hnsw ? `${hnsw.vectors} vectors` : undefined,
    },
    {
      id: 'hnsw_speedup',
      description: 'HNSW speed-up over exact search (JS Float32Array scan)',
      threshold: `≥ ${TARGETS.hnswSpeedup}×`,
      measured: hnsw ? `${round(hnsw.speedupVsExactJs, 1)}× (vs native brute force ${round(hnsw.speedupVsExactNative, 1)}×)` : 'n/a',
      met: check(hnsw?.speedupVsExactJs, TARGETS.hnswSpeedup, true),
      note: hnsw ? `${hnsw.vectors} vectors` : undefined,
    },
    pdfTarget(results.formats),
  ];
  return targets;
}
