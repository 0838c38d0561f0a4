import type { NormalizedText } from './normalize.js';

/** A paragraph of normalized text, with clean offsets. */
export interface Paragraph {
  start: number;
  end: number;
  text: string;
}

export function splitParagraphs(normalized: NormalizedText): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  for (const text of normalized.text.split('\n')) {
    if (text.trim()) paragraphs.push({ start, end: start + text.length, text });
    start += text.length + 1;
  }
  return paragraphs;
}
