import type { SourceReport } from './synthetic-corpus.js';

/**
 * LibreOffice's default A4 page holds about this many Chinese characters of the seed reports' text
 * (measured: 154,553 characters → 108 pages); used only to write enough text, the page count is then read from the PDF.
 */
export const CHARS_PER_PAGE = 1431;

/** The seed reports one after another, repeated until the text fills at least `pages` pages (with 10% to spare). */
export function longReportText(sources: SourceReport[], pages: number): string {
  if (sources.length === 0) throw new Error('no source reports to build a long report from');
  const wanted = Math.ceil(pages * CHARS_PER_PAGE * 1.1);
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < wanted; i++) {
    const text = sources[i % sources.length].text.trim();
    parts.push(text);
    length += text.length + 2;
  }
  return parts.join('\n\n');
}
