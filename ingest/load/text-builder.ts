import type { DocumentStructure, HeadingSpan, TableBlock, TableCell } from './loader.js';

/** Table cells in served text are separated by a tab: normalize reads it as a clause break. */
export const CELL_SEPARATOR = '\t';

export const CAPTION = /^(表|附表|table)\s*[\d一二三四五六七八九十]+|(情况|指标|一览)表?$/i;

/**
 * Builds served text from blocks of a structured document (headings, paragraphs, tables), one block
 * per line, recording the heading path over every range and each table cell's offsets.
 */
export class TextBuilder {
  private text = '';
  private readonly headingStack: Array<{ level: number; text: string }> = [];
  private readonly headings: HeadingSpan[] = [];
  private readonly tables: TableBlock[] = [];
  private lastLine = '';
  private blankPending = false;

  private append(line: string): { start: number; end: number } {
    if (this.text.length > 0) this.text += this.blankPending ? '\n\n' : '\n';
    this.blankPending = false;
    const start = this.text.length;
    this.text += line;
    const path = this.headingStack.map((h) => h.text);
    const last = this.headings[this.headings.length - 1];
    if (last && last.path.join('\u0000') === path.join('\u0000')) last.end = this.text.length;
    else this.headings.push({ path, start, end: this.text.length });
    this.lastLine = line;
    return { start, end: this.text.length };
  }

  heading(level: number, raw: string): void {
    const text = collapse(raw);
    if (!text) return;
    while (this.headingStack.length && this.headingStack[this.headingStack.length - 1].level >= level) this.headingStack.pop();
    this.headingStack.push({ level, text });
    this.append(text);
  }

  paragraph(raw: string): void {
    // A <br> inside a paragraph is kept as a line of its own.
    for (const line of raw.split('\n')) {
      const text = collapse(line);
      if (text) this.append(text);
    }
  }

  /** An empty paragraph: kept as one empty line, which (as in a text file) can end a paragraph of wrapped lines. */
  blank(): void {
    this.blankPending = this.text.length > 0;
  }

  /** rows[r][c] is a cell's text; a spanned cell appears once and the columns it covers repeat its offsets. */
  table(rows: Array<Array<{ text: string; span: number }>>): void {
    const cleaned = rows.map((r) => r.map((c) => ({ text: collapse(c.text.replace(/\n/g, ' ')), span: Math.max(1, c.span) }))).filter((r) => r.some((c) => c.text));
    if (!cleaned.length) return;
    const caption = CAPTION.test(this.lastLine) ? this.lastLine : undefined;
    const cells: TableCell[][] = [];
    let tableStart = -1;
    cleaned.forEach((row, r) => {
      const line = row.map((c) => c.text).join(CELL_SEPARATOR);
      const { start } = this.append(line);
      if (tableStart < 0) tableStart = start;
      const out: TableCell[] = [];
      let offset = start;
      let col = 0;
      for (const cell of row) {
        for (let k = 0; k < cell.span; k++) out.push({ row: r, col: col++, text: cell.text, start: offset, end: offset + cell.text.length });
        offset += cell.text.length + CELL_SEPARATOR.length;
      }
      cells.push(out);
    });
    this.tables.push({ start: tableStart, end: this.text.length, rows: cells, ...(caption ? { caption } : {}) });
  }

  build(): { text: string; structure: DocumentStructure } {
    return { text: this.text, structure: { headings: this.headings.filter((h) => h.path.length), tables: this.tables } };
  }
}

/** HTML whitespace collapses to one space; a space next to a CJK character is layout, not text. */
export function collapse(text: string): string {
  return text
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/ ?([\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) ?/g, '$1')
    .trim();
}
