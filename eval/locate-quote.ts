import { normalizeWithOffsets } from './normalize-text.js';

export interface Span {
  start: number;
  end: number;
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/**
 * Every place the quote occurs in the document, in the document's own offsets. Exact matches
 * win; otherwise both sides are normalized (PDF line breaks, `**`, widths) and the matches are
 * mapped back through the offset table, so a cited span can be compared with the gold one.
 */
export function locateQuote(documentText: string, quote: string): Span[] {
  const exact = occurrences(documentText, quote);
  if (exact.length > 0) return exact.map((start) => ({ start, end: start + quote.length }));

  const normalizedDocument = normalizeWithOffsets(documentText);
  const normalizedQuote = normalizeWithOffsets(quote).text;
  return occurrences(normalizedDocument.text, normalizedQuote).map((start) => ({
    start: normalizedDocument.offsets[start],
    end: normalizedDocument.offsets[start + normalizedQuote.length - 1] + 1,
  }));
}

/** Half-open spans [start, end) overlap when each starts before the other ends. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
