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
}
