import type { Bm25Comparison } from './bm25-comparison.js';
import type { FormatIngestResult } from './format-ingest.js';
import type { HnswComparison } from './hnsw-comparison.js';
import type { MachineInfo } from './machine.js';
import type { IngestMeasurement, PhaseProfile, ServeMeasurement } from './worker-protocol.js';

export interface Skipped {
  skipped: string;
}

export function isSkipped<T extends object>(value: T | Skipped): value is Skipped {
  return 'skipped' in value;
}

/** One retrieval mode over one corpus: a fresh ingest, then a fresh server. */
export interface ModeResult {
  /** The median run when ingest was repeated. */
  ingest: IngestMeasurement;
  /** Every run's runIngest total (ms), when repeated. */
  ingestRunsMs?: number[];
  serve: ServeMeasurement;
}

export interface CorpusResult {
  label: string;
  docs: number;
  synthetic: boolean;
  textBytes: number;
  generateMs: number | null;
  questions: number;
  /** Keyword + indicator mode: no embedding model. */
  keyword: ModeResult;
  /** Indicators + BM25 + dense; only with a real embedding model installed. */
  hybrid: ModeResult | Skipped;
  /** --profile, largest N: an extra ingest run under the CPU profiler (not the one timed above). */
  ingestProfile?: PhaseProfile;
}

export interface TargetResult {
  id: string;
  description: string;
  threshold: string;
  measured: string;
  met: boolean | null;
  note?: string;
}

export type SummaryValue = number | string | boolean | null;
export type BenchSummary = Record<string, SummaryValue | Record<string, SummaryValue>>;

export interface BenchResults {
  startedAt: string;
  durationMs: number;
  machine: MachineInfo & { loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  options: { docs: number[]; seed: number; rounds: number; warmupRounds: number; vectors: string };
  seeds: CorpusResult;
  corpora: CorpusResult[];
  hnsw: HnswComparison | Skipped;
  bm25: Bm25Comparison | Skipped;
  /** A long report as PDF and as DOCX (LibreOffice), ingest time per page; skipped without LibreOffice or with --no-formats. */
  formats: FormatIngestResult | Skipped;
  scaling: {
    /** Slope of log(ingest ms) on log(N); ≤ 1 means flat or falling cost per document. */
    ingestExponent: number | null;
    askP95Exponent: number | null;
    ingestMsPerDoc: Record<string, number>;
    /** ms/doc at the largest N over ms/doc at the next smaller N: ≤ 1 is flat or better. */
    ingestPerDocGrowth: number | null;
  };
  targets: TargetResult[];
  summary: BenchSummary;
}
