import type { ScorableResponse } from './score.js';

/** A question-answering system under evaluation: the real pipeline or the baseline. */
export interface EvalTarget {
  /** `history`: earlier user turns of a conversation, oldest first. */
  ask(question: string, history?: string[]): Promise<ScorableResponse>;
  /** The text citation offsets point into, by doc id. */
  documentText(docId: string): string | undefined;
  /** Which system and retrievers answered, for the report; called after the run. */
  describe(): string;
  close(): Promise<void>;
}
