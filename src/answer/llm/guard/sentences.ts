import { MARKER_SOURCE } from './markers.js';

export interface Claim {
  /** The sentence, its markers included. */
  text: string;
  index: number;
}

// A sentence ends at 。！？ or a line break; markers written after the stop ("……2.2万P。[1]") still
// belong to it. ；and ，do not end a claim: "一是…；二是…[1]" cites one source for the whole list.
const BOUNDARY = new RegExp(`[。！？!?\\n](?:[ \\t]*${MARKER_SOURCE})*`, 'g');

/** Splits an answer into the units a citation marker vouches for. */
export function splitClaims(text: string): Claim[] {
  const claims: Claim[] = [];
  let start = 0;
  const push = (end: number) => {
    const piece = text.slice(start, end);
    if (piece.trim()) claims.push({ text: piece, index: start });
    start = end;
  };
  for (const match of text.matchAll(BOUNDARY)) push(match.index + match[0].length);
  push(text.length);
  return claims;
}
