/**
 * Text normalization shared by answer matching and quote location: the reports mix full- and
 * half-width punctuation, break lines inside words (PDF columns) and wrap numbers in markdown bold,
 * none of which changes what the text says.
 */

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_TO_HALF_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/** One character in, one character out, so offsets into the original survive. */
export function toHalfWidthChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) return String.fromCharCode(code - FULL_TO_HALF_OFFSET);
  if (code === IDEOGRAPHIC_SPACE) return ' ';
  return char;
}

export interface NormalizedText {
  text: string;
  /** offsets[i] is the index in the original text of normalized character i. */
  offsets: number[];
}

/** Removes whitespace and `**`, unifies widths, and remembers where each kept character came from. */
export function normalizeWithOffsets(original: string): NormalizedText {
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < original.length; i += 1) {
    if (original[i] === '*' && original[i + 1] === '*') {
      i += 1;
      continue;
    }
    const char = toHalfWidthChar(original[i]);
    if (/\s/.test(char)) continue;
    text += char;
    offsets.push(i);
  }
  return { text, offsets };
}

export function normalizeText(original: string): string {
  return normalizeWithOffsets(original).text;
}
