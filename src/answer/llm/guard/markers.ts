/**
 * Citation markers as models write them: [1], [1][2], [1,2], [1、3], [1-3], 【1】, [^1].
 * A range expands to every number in it.
 */
export const MARKER_SOURCE = '[\\[【]\\^?\\s*\\d+(?:\\s*[,，、\\-–]\\s*\\d+)*\\s*[\\]】]';
const MARKER_RE = new RegExp(MARKER_SOURCE, 'g');
const MAX_RANGE = 50;

export interface Marker {
  raw: string;
  index: number;
  numbers: number[];
}

function expand(body: string): number[] {
  const numbers: number[] = [];
  for (const part of body.split(/\s*[,，、]\s*/)) {
    const [from, to] = part.split(/\s*[\-–]\s*/).map(Number);
    if (to === undefined) numbers.push(from);
    else for (let n = from; n <= to && n - from < MAX_RANGE; n++) numbers.push(n);
  }
  return numbers;
}

export function findMarkers(text: string): Marker[] {
  return [...text.matchAll(MARKER_RE)].map((match) => ({
    raw: match[0],
    index: match.index,
    numbers: expand(match[0].replace(/^[\[【]\^?\s*|\s*[\]】]$/g, '')),
  }));
}

/** The text with markers replaced by a separator, so "2.2万P[1]" cannot read as part of a number. */
export function withoutMarkers(text: string): string {
  return text.replace(MARKER_RE, '｜');
}
