import type { PageSpan, TableBlock, TableCell } from './loader.js';
import type { FlowItem, FlowLine } from './pdf-reading-order.js';
import { CAPTION, CELL_SEPARATOR } from './text-builder.js';

/**
 * A wrapped line ends within this many font sizes of its column's typical right end: ragged-right text
 * leaves up to a few characters when a number or a closing mark cannot break. A line ending a sentence
 * must reach the edge more closely to count as wrapped.
 */
const WRAP_SLACK = 4;
const SENTENCE_END_SLACK = 1;
const SENTENCE_END = /[。！？；：]$/;
/** Lines of one paragraph are at most this many font sizes apart; paragraph spacing is larger. */
const LINE_PITCH = 1.75;
const INDENT = 1.5;
/** A gap of about two lines within one column is an empty line in the source: kept as an empty line. */
const BLANK_LINE_GAP = 2.1;

const LATIN = /[A-Za-z]/;

/** The next line continues the paragraph of the previous one (a wrap, a column break or a page break inside it). */
function continues(previous: FlowLine, line: FlowLine): boolean {
  const p = previous.segment;
  const l = line.segment;
  if (Math.abs(p.size - l.size) > 0.5) return false;
  const slack = SENTENCE_END.test(p.text) ? SENTENCE_END_SLACK : WRAP_SLACK;
  if (p.x1 < previous.columnRight - slack * p.size) return false;
  // A first-line indent starts a paragraph.
  if (l.x0 > line.columnLeft + INDENT * l.size) return false;
  if (previous.flow === line.flow) {
    const gap = p.y - l.y;
    if (gap <= 0 || gap > LINE_PITCH * l.size) return false;
  }
  return true;
}

export interface PdfText {
  text: string;
  pages: PageSpan[];
  tables: TableBlock[];
}

/**
 * Writes the flow as served text: wrapped lines rejoined with no break or space inside a sentence
 * (a space only between two Latin letters), one paragraph per line, table rows with cells separated
 * by a tab; records the page of every character range and each table cell's offsets.
 */
export function assembleText(flow: FlowItem[]): PdfText {
  let text = '';
  const pages: PageSpan[] = [];
  const tables: TableBlock[] = [];
  let previous: FlowLine | undefined;
  let table: TableBlock | undefined;
  let lineStart = 0;

  const write = (piece: string, page: number) => {
    const start = text.length;
    text += piece;
    const last = pages[pages.length - 1];
    if (last && last.page === page && last.end === start) last.end = text.length;
    else pages.push({ page, start, end: text.length });
  };
  const newLine = (page: number) => {
    if (text.length) write('\n', page);
    lineStart = text.length;
  };

  for (const item of flow) {
    if (item.kind === 'row') {
      previous = undefined;
      const page = item.cells[0].page;
      const lineBefore = text.slice(lineStart);
      newLine(page);
      if (!table) {
        table = { start: text.length, end: text.length, rows: [], ...(CAPTION.test(lineBefore) ? { caption: lineBefore } : {}) };
        tables.push(table);
      }
      const row: TableCell[] = [];
      const r = table.rows.length;
      item.cells.forEach((cell, k) => {
        if (k > 0) write(CELL_SEPARATOR, page);
        const start = text.length;
        write(cell.text, page);
        row.push({ row: r, col: item.columns[k], text: cell.text, start, end: text.length });
      });
      table.rows.push(row);
      table.end = text.length;
      continue;
    }
    table = undefined;
    const page = item.segment.page;
    if (previous && continues(previous, item)) {
      if (LATIN.test(text.slice(-1)) && LATIN.test(item.segment.text[0] ?? '')) write(' ', page);
    } else {
      if (previous && previous.flow === item.flow && previous.segment.y - item.segment.y > BLANK_LINE_GAP * item.segment.size) write('\n', page);
      newLine(page);
    }
    write(item.segment.text, page);
    previous = item;
  }
  return { text, pages, tables };
}
