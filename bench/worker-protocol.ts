import type { LatencyRun, LatencyOptions } from './ask-latency.js';
import type { HotSpot } from './cpu-profile.js';
import type { BenchQuestion } from './question-mix.js';
import type { Bm25Comparison } from './bm25-comparison.js';
import type { HnswComparison, VectorSourceChoice } from './hnsw-comparison.js';

/** Which embedding model ingest and the engine may load; disabled = keyword + indicator mode. */
export interface EmbeddingSetting {
  enabled: boolean;
  modelDir?: string;
  embeddingModel?: string;
}

export interface IngestTask {
  task: 'ingest';
  seedsDir: string;
  indexDir: string;
  /** DATABASE_URL of the store to write (default: SQLite in indexDir); the main bench uses json:. */
  databaseUrl?: string;
  embedding: EmbeddingSetting;
  /** Profile the ingest into dir/name.cpuprofile (it then runs a little slower). */
  profile?: { dir: string; name: string };
}

export interface ServeTask {
  task: 'serve';
  indexDir: string;
  databaseUrl?: string;
  questions: BenchQuestion[];
  latency: LatencyOptions;
  embedding: EmbeddingSetting;
  /** Profile opening the index and an extra (untimed) pass of asks; files go to dir as <name>-open/ask.cpuprofile. */
  profile?: { dir: string; name: string };
}

export interface HnswTask {
  task: 'hnsw';
  chunksFile: string;
  questions: string[];
  vectors: VectorSourceChoice;
  seed: number;
}

export interface Bm25Task {
  task: 'bm25';
  chunksFile: string;
  questions: string[];
  rounds: number;
}

export type WorkerTask = IngestTask | ServeTask | HnswTask | Bm25Task;

export interface IngestMeasurement {
  documents: number;
  sections: number;
  chunks: number;
  indicators: number;
  vectors: number;
  /** runIngest's own stage timings (ms): normalize, sections, chunks, indicators, bm25, embeddings, write, total. */
  timingsMs: Record<string, number>;
  /** Process start to finish, including module loading (what `npm run ingest` costs). */
  processMs: number;
  peakRssMb: number;
  indexBytes: number;
  dense: { active: boolean; reason?: string };
  profile?: PhaseProfile;
}

export interface ServeMeasurement {
  openMs: number;
  rssBeforeOpenMb: number;
  rssAfterOpenMb: number;
  heapAfterOpenMb: number;
  inProcess: LatencyRun;
  /** Filled in by the parent, which sends the HTTP requests while the worker serves. */
  http?: LatencyRun;
  /** Peak RSS of the serving process over open, in-process asks and HTTP serving. */
  peakRssMb: number;
  retrievers: string[];
  dense: { active: boolean; reason?: string };
  profiles?: { open: PhaseProfile; ask: PhaseProfile };
}

/** Where one phase of the server spent its CPU time. */
export interface PhaseProfile {
  file: string;
  durationMs: number;
  /** The project's own functions (src/, ingest/). */
  project: HotSpot[];
  /** Every function, libraries and natives included. */
  all: HotSpot[];
}

export type TaskResult = IngestMeasurement | ServeMeasurement | HnswComparison | Bm25Comparison;

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'result'; result: TaskResult }
  | { type: 'listening'; port: number }
  | { type: 'error'; message: string };

export type ParentMessage = WorkerTask | { type: 'finish' };

export function isWorkerTask(value: unknown): value is WorkerTask {
  if (typeof value !== 'object' || value === null) return false;
  const task = (value as Record<string, unknown>).task;
  return task === 'ingest' || task === 'serve' || task === 'hnsw' || task === 'bm25';
}
