/**
 * Shared setup of the LLM-mode tests: the seed index (keyword + indicator retrieval), a local
 * OpenAI-compatible stand-in fed from a queue of scripted replies, and engines pointed at it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIngest } from '../../../ingest/pipeline.js';
import type { AskResponse } from '../../../src/answer/answer.js';
import type { LlmSettingsInput } from '../../../src/answer/llm/llm-config.js';
import { openEngine, type Engine } from '../../../src/engine.js';
import { SEEDS_DIR } from '../../fixtures/seeds.js';
import { startOpenAiStandIn, type RecordedRequest, type ScriptedReply, type StandIn } from '../../fixtures/openai-stand-in.js';

export const QUESTION = '2026年湖北算力目标是多少';
export const FAITHFUL = '根据2026年工作重点，湖北算力规模的目标是突破2.2万P[1]。';
export const MODEL = 'stand-in-qwen';

export interface PromptData {
  question: string;
  indicators: { citation: number; figure: string }[];
  passages: { n: number; text: string }[];
}

export const promptData = (request: RecordedRequest): PromptData => JSON.parse(request.messages[1].content) as PromptData;

export type Scripted = ScriptedReply | ((request: RecordedRequest) => ScriptedReply);

export interface LlmTestBed {
  standIn: StandIn;
  /** Replies for the next requests, in order; a function sees the request (to cite the right passage). */
  queue: Scripted[];
  /** An engine whose LLM is the stand-in (timeout 3 s, 2 retries, 5 ms backoff) unless overridden. */
  open(overrides?: Partial<LlmSettingsInput>): Promise<Engine>;
  /** An engine with no LLM configured. */
  plain: Engine;
  extractive(question?: string): Promise<AskResponse>;
  reset(): void;
  close(): Promise<void>;
}

export async function startLlmTestBed(): Promise<LlmTestBed> {
  const root = await mkdtemp(join(tmpdir(), 'policy-qa-llm-'));
  const indexDir = join(root, 'index');
  await runIngest({ seedsDir: SEEDS_DIR, indexDir, embedder: null });
  const queue: Scripted[] = [];
  const standIn = await startOpenAiStandIn((request) => {
    const next = queue.shift() ?? { kind: 'error', status: 500, message: 'no scripted reply left' };
    return typeof next === 'function' ? next(request) : next;
  });
  const engines: Engine[] = [];
  const openWith = async (llm?: LlmSettingsInput) => {
    const engine = await openEngine({ indexDir, llm });
    engines.push(engine);
    return engine;
  };
  const plain = await openWith();
  return {
    standIn,
    queue,
    plain,
    open: (overrides = {}) =>
      openWith({ baseURL: standIn.baseURL, model: MODEL, apiKey: 'test-key', timeoutMs: 3000, maxRetries: 2, retryBaseDelayMs: 5, ...overrides }),
    extractive: (question = QUESTION) => plain.ask({ question }),
    reset: () => {
      queue.length = 0;
      standIn.requests.length = 0;
    },
    close: async () => {
      await standIn.close();
      await Promise.all(engines.map((engine) => engine.close()));
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Every citation quotes the served text exactly. */
export function citationsAreExact(engine: Engine, response: AskResponse): boolean {
  return response.citations.every((c) => engine.document(c.docId)?.text.slice(c.start, c.end) === c.quote);
}
