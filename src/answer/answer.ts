import type { Inherited } from './conversation/resolve-follow-up.js';
import type { AnswerStatus, Citation } from './ask-schema.js';
import type { Indicator } from '../indicators/indicator.js';

export type RetrieverName = 'indicators' | 'bm25' | 'dense';

/** An indicator row as shown in an answer, tied to the citation that supports it. */
export interface UsedIndicator extends Indicator {
  citation: number;
}

export interface RetrievedChunkView {
  chunkId: string;
  docId: string;
  start: number;
  end: number;
  score: number;
  text: string;
  scope?: { region: string; year: number; how?: string };
}

export interface RetrievalReport {
  retrievers: RetrieverName[];
  dense: { active: boolean; model: string; reason?: string };
  chunks: RetrievedChunkView[];
}

export interface QuestionReport {
  regions: string[];
  periods: string[];
  intent: string;
  type: string;
  terms: string[];
  /** The question answered: a follow-up written out with what it took from the conversation. */
  resolved: string;
  followUp: boolean;
  inherited?: Inherited;
}

export interface AskResponse {
  status: AnswerStatus;
  answer: string;
  citations: Citation[];
  indicators: UsedIndicator[];
  /** When not_found: rows the reports do hold for the same metric (other years, regions or kinds). */
  related: UsedIndicator[];
  question: QuestionReport;
  retrieval: RetrievalReport;
  timingMs: Record<string, number>;
  /** Which composer wrote `answer`; absent means extractive. */
  mode?: AnswerMode;
  /** The numeric-faithfulness check of an LLM draft; present whenever a draft was generated. */
  guard?: GuardReport;
  /** What happened with the LLM when one was requested (see src/answer/llm/). */
  llm?: LlmReport;
}

export type AnswerMode = 'extractive' | 'llm';

export interface GuardReport {
  passed: boolean;
  reasons: string[];
}

/**
 * answered: the LLM draft is shown. rejected: the guard refused it, the extractive answer is shown.
 * unavailable: the endpoint failed or timed out. disabled: no LLM configured. skipped: the
 * extractive not-found stands (nothing the LLM could ground an answer in).
 */
export interface LlmReport {
  status: 'answered' | 'rejected' | 'unavailable' | 'disabled' | 'skipped';
  model?: string;
  reason?: string;
  attempts?: number;
}
