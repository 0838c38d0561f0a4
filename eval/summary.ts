import { QUESTION_KINDS } from './questions.js';
import type { ItemResult } from './score.js';

export interface Metrics {
  n: number;
  /** Share of all items scored correct (for unanswerable items: a clean refusal). */
  accuracy: number | null;
  /** Over answerable items whose gold quote was located. */
  citationAccuracy: number | null;
  /** Over unanswerable items. */
  refusalAccuracy: number | null;
  /** Over answerable items whose gold quote was located. */
  recallAt5: number | null;
  /** Answerable items answered with not_found. */
  falseRefusals: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
}

export interface Summary {
  overall: Metrics;
  byKind: Record<string, Metrics>;
}

export const RATIO_METRICS = [
  'accuracy',
  'citationAccuracy',
  'refusalAccuracy',
  'recallAt5',
  'latencyP50Ms',
  'latencyP95Ms',
] as const;

export type RatioMetric = (typeof RATIO_METRICS)[number];
export type Ratio = Record<RatioMetric, number | null>;

/** Nearest-rank percentile: always one of the measured values, never an interpolation. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function share(flags: (boolean | null)[]): number | null {
  const scored = flags.filter((flag): flag is boolean => flag !== null);
  if (scored.length === 0) return null;
  return scored.filter(Boolean).length / scored.length;
}

export function metricsOf(results: ItemResult[]): Metrics {
  const latencies = results.map((result) => result.latencyMs);
  return {
    n: results.length,
    accuracy: share(results.map((result) => result.correct)),
    citationAccuracy: share(results.map((result) => result.citationCorrect)),
    refusalAccuracy: share(results.filter((result) => !result.answerable).map((result) => result.correct)),
    recallAt5: share(results.map((result) => result.recallAt5)),
    falseRefusals: results.filter((result) => result.refused).length,
    latencyP50Ms: percentile(latencies, 50),
    latencyP95Ms: percentile(latencies, 95),
  };
}

export function summarize(results: ItemResult[]): Summary {
  const byKind: Record<string, Metrics> = {};
  for (const kind of QUESTION_KINDS) {
    const ofKind = results.filter((result) => result.kind === kind);
    if (ofKind.length > 0) byKind[kind] = metricsOf(ofKind);
  }
  return { overall: metricsOf(results), byKind };
}

/** ours / baseline per metric; null when either side has no value or the baseline's is zero. */
export function ratioOf(ours: Metrics, baseline: Metrics): Ratio {
  const ratio = (metric: RatioMetric): number | null => {
    const a = ours[metric];
    const b = baseline[metric];
    return a === null || b === null || b === 0 ? null : a / b;
  };
  return {
    accuracy: ratio('accuracy'),
    citationAccuracy: ratio('citationAccuracy'),
    refusalAccuracy: ratio('refusalAccuracy'),
    recallAt5: ratio('recallAt5'),
    latencyP50Ms: ratio('latencyP50Ms'),
    latencyP95Ms: ratio('latencyP95Ms'),
  };
}
