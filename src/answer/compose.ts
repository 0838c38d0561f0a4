import type { AnswerStatus } from './ask-schema.js';
import type { UsedIndicator } from './answer.js';
import type { CitationList } from './citations.js';
import type { IndicatorTable } from '../indicators/indicator-table.js';
import type { Indicator } from '../indicators/indicator.js';

/** What every composer needs: the indicator table, the citation list being built, and corpus coverage. */
export interface ComposeContext {
  table: IndicatorTable;
  citations: CitationList;
}

export interface Composed {
  status: AnswerStatus;
  answer: string;
  used: UsedIndicator[];
  related: UsedIndicator[];
}

export function cite(context: ComposeContext, row: Indicator, score: number): UsedIndicator {
  return { ...row, citation: context.citations.add(row.docId, row.start, row.end, score) };
}

export function notFound(answer: string, related: UsedIndicator[] = []): Composed {
  return { status: 'not_found', answer, used: [], related };
}
