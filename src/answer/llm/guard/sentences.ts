import { MARKER_SOURCE } from './markers.js';

export interface Claim {
  /** The sentence, its markers included. */
  text: string;
  index: number;
}

const OPEN_QUOTES = '“「『';
const CLOSE_QUOTES = '”」』';
const STOPS = '。！？!?';
const TRAILING_MARKERS = new RegExp(`^(?:[ \\t]*${MARKER_SOURCE})*`);

/**
 * Splits an answer into the units a citation marker vouches for. A sentence ends at 。！？ or a
 * line break; markers written after the stop ("……2.2万P。[1]") still belong to it; a stop inside
 * “quotation marks” does not end it (a quoted source sentence stays one claim). ；and ，do not end a
 * claim: "一是…；二是…[1]" cites one source for the whole list.
 */
export function splitClaims(text: string): Claim[] {
  const claims: Claim[] = [];
  let start = 0;
  let depth = 0;
  const push = (end: number) => {
    const piece = text.slice(start, end);
    if (piece.trim()) claims.push({ text: piece, index: start });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (OPEN_QUOTES.includes(ch)) depth++;
    else if (CLOSE_QUOTES.includes(ch)) depth = Math.max(0, depth - 1);
    // A quotation never runs past a line: an unclosed one must not swallow the rest of the answer.
    if (ch === '\n') depth = 0;
    if (ch === '\n' || (depth === 0 && STOPS.includes(ch))) {
      const end = i + 1 + (TRAILING_MARKERS.exec(text.slice(i + 1))?.[0].length ?? 0);
      push(end);
      i = end - 1;
    }
  }
  push(text.length);
  return claims;
}

/** Offsets [start, end) of the outermost “…” / 「…」 quotations in `text`, marks excluded. */
export function quotations(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let depth = 0;
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    if (OPEN_QUOTES.includes(text[i])) {
      if (depth === 0) open = i + 1;
      depth++;
    } else if (CLOSE_QUOTES.includes(text[i]) && depth > 0) {
      depth--;
      if (depth === 0) spans.push({ start: open, end: i });
    }
  }
  return spans;
}
