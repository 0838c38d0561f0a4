import type { Line } from './pdf-lines.js';

export interface PageLines {
  page: number;
  height: number;
  lines: Line[];
}

const PAGE_NUMBER = /^[-–—\s]*(第\s*)?(\d{1,4}|[ivxlc]{1,6})(\s*页)?(\s*[/／]\s*(共\s*)?\d{1,4}\s*页?)?[-–—\s]*$|^第\s*\d{1,4}\s*页\s*[,，]?\s*共\s*\d{1,4}\s*页$/i;
/** Running headers and footers sit in the top or bottom band of the page, within this share of its height. */
const BAND = 0.12;
const EDGE_LINES = 2;

function lineText(line: Line): string {
  return line.segments.map((s) => s.text).join(' ');
}

/** Digits vary from page to page in a running header ("第3页", "2026年第2期 · 5"); the rest repeats. */
function furnitureKey(line: Line): string {
  return lineText(line).replace(/\d+/g, '#').replace(/\s+/g, '');
}

function edgeLines(page: PageLines): Line[] {
  const top = page.lines.slice(0, EDGE_LINES).filter((l) => l.y > page.height * (1 - BAND));
  const bottom = page.lines.slice(-EDGE_LINES).filter((l) => l.y < page.height * BAND);
  return [...new Set([...top, ...bottom])];
}

/**
 * Drops running headers, footers and page numbers: lines in the top or bottom band of a page whose
 * text (digits aside) repeats on other pages, and bare page numbers there ("3", "- 3 -", "第3页 共9页").
 */
export function dropFurniture(pages: PageLines[]): PageLines[] {
  const seen = new Map<string, Set<number>>();
  for (const page of pages) {
    for (const line of edgeLines(page)) {
      const key = furnitureKey(line);
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)?.add(page.page);
    }
  }
  const repeated = Math.max(2, Math.ceil(pages.length * 0.3));
  return pages.map((page) => {
    const drop = new Set(
      edgeLines(page).filter((line) => PAGE_NUMBER.test(lineText(line)) || (pages.length > 1 && (seen.get(furnitureKey(line))?.size ?? 0) >= repeated)),
    );
    return { ...page, lines: page.lines.filter((l) => !drop.has(l)) };
  });
}
