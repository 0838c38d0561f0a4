import type { Citation } from '../ask-schema.js';
import type { AskResponse } from '../answer.js';
import { citationLocation, type DocumentText } from '../citations.js';
import { cleanPassageText } from './clean-text.js';

export const DEFAULT_MAX_PASSAGES = 8;

export interface Passage {
  n: number;
  title: string;
  text: string;
}

export interface PreparedPassages {
  /** The extractive citations first, unchanged, then retrieved chunks as further citations. */
  citations: Citation[];
  /** The same, as the model reads them: numbered alike, text cleaned of layout. */
  passages: Passage[];
}

/**
 * Numbers the passages the model may cite. The extractive citations keep their numbers, so the
 * indicator rows' `citation` fields and the extractive fallback stay valid; the top retrieved
 * chunks follow as extra citations, quoted from the served text so text.slice(start, end) === quote.
 */
export function preparePassages(
  extractive: AskResponse,
  document: (id: string) => DocumentText | undefined,
  maxPassages = DEFAULT_MAX_PASSAGES,
): PreparedPassages {
  const citations: Citation[] = [...extractive.citations];
  for (const chunk of extractive.retrieval.chunks) {
    if (citations.length >= maxPassages) break;
    if (citations.some((c) => c.docId === chunk.docId && c.start <= chunk.start && chunk.end <= c.end)) continue;
    const doc = document(chunk.docId);
    if (!doc) continue;
    const n = Math.max(0, ...citations.map((c) => c.n)) + 1;
    citations.push({
      n,
      docId: chunk.docId,
      title: doc.title,
      quote: doc.text.slice(chunk.start, chunk.end),
      start: chunk.start,
      end: chunk.end,
      ...citationLocation(doc, chunk.start),
      score: Math.round(chunk.score * 1000) / 1000,
    });
  }
  const passages = citations.map((c) => ({ n: c.n, title: c.title, text: cleanPassageText(c.quote) }));
  return { citations, passages };
}
