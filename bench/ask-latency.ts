import type { Engine } from '../src/engine.js';
import { summarize, type LatencySummary } from './percentiles.js';
import type { BenchQuestion } from './question-mix.js';

export interface StageSummary {
  mean: number;
  p95: number;
}

export interface LatencyRun {
  summary: LatencySummary;
  /** answered / not_found / error counts over the measured requests. */
  statuses: Record<string, number>;
  /** Unanswerable-shaped questions that still got an answer (should stay near 0). */
  unanswerableAnswered: number;
  /** The engine's own per-stage timings (parse, indicators, retrieval, compose), from timingMs. */
  stages: Record<string, StageSummary>;
}

export interface LatencyOptions {
  rounds: number;
  warmupRounds: number;
}

interface Outcome {
  status: string;
  timingMs?: Record<string, number>;
}

type Asker = (question: BenchQuestion) => Promise<Outcome>;

function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>).status === 'string';
}

/**
 * Sequential requests, one at a time, so each sample is the latency a single user sees; warm-up
 * rounds let V8 compile the hot paths first and are not counted.
 */
async function measure(ask: Asker, questions: BenchQuestion[], options: LatencyOptions): Promise<LatencyRun> {
  for (let r = 0; r < options.warmupRounds; r++) for (const q of questions) await ask(q).catch(() => undefined);
  const samples: number[] = [];
  const statuses: Record<string, number> = {};
  const stageSamples = new Map<string, number[]>();
  let unanswerableAnswered = 0;
  for (let r = 0; r < options.rounds; r++) {
    for (const q of questions) {
      const started = performance.now();
      let outcome: Outcome;
      try {
        outcome = await ask(q);
      } catch {
        outcome = { status: 'error' };
      }
      samples.push(performance.now() - started);
      statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
      if (q.unanswerable && outcome.status === 'answered') unanswerableAnswered++;
      for (const [stage, ms] of Object.entries(outcome.timingMs ?? {})) {
        const list = stageSamples.get(stage) ?? [];
        list.push(ms);
        stageSamples.set(stage, list);
      }
    }
  }
  const stages: Record<string, StageSummary> = {};
  for (const [stage, list] of stageSamples) {
    const s = summarize(list);
    stages[stage] = { mean: s.mean, p95: s.p95 };
  }
  return { summary: summarize(samples), statuses, unanswerableAnswered, stages };
}

export function timeInProcess(engine: Engine, questions: BenchQuestion[], options: LatencyOptions): Promise<LatencyRun> {
  return measure((q) => engine.ask({ question: q.question }), questions, options);
}

/** Over a real socket: JSON encoding, routing, validation and the response body read in full. */
export function timeOverHttp(baseUrl: string, questions: BenchQuestion[], options: LatencyOptions): Promise<LatencyRun> {
  return measure(
    async (q) => {
      const response = await fetch(`${baseUrl}/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: q.question }),
      });
      const body: unknown = await response.json();
      if (!response.ok || !isOutcome(body)) return { status: `http_${response.status}` };
      return body;
    },
    questions,
    options,
  );
}
