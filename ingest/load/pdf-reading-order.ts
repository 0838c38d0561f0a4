import type { Line, Segment } from './pdf-lines.js';

/** A line of text in reading order, with the column it belongs to (for telling wrapped lines from paragraph ends). */
export interface FlowLine {
  kind: 'text';
  segment: Segment;
  columnLeft: number;
  columnRight: number;
  /** Lines of one column of one page share a flow id; a change of flow is a column or page break. */
  flow: string;
}

export interface FlowRow {
  kind: 'row';
  cells: Segment[];
  /** The column each cell belongs to, counted from the left (gaps keep their index). */
  columns: number[];
}

export type FlowItem = FlowLine | FlowRow;

/** Most lines of a text column are full (wrapped text fills it; table cells do not): this share of its lines… */
const FILLED_SHARE = 0.6;
/** …are at least this share of the column's width. */
const FILLED_WIDTH = 0.5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Where a column's wrapped lines end: the median right end of its long lines. The rightmost end is an
 * outlier (hanging punctuation, a long number that would not break).
 */
function typicalRight(segments: Segment[], left: number, right: number): number {
  const long = segments.filter((s) => s.x1 - s.x0 >= 0.6 * (right - left)).map((s) => s.x1);
  return long.length ? median(long) : right;
}

/** The x where a second column starts: a segment start in the middle of the page shared by several lines. */
function findGutter(lines: Line[], left: number, right: number): number | undefined {
  const width = right - left;
  const counts = new Map<number, number>();
  for (const line of lines) {
    for (const s of line.segments) {
      if (s.x0 > left + 0.3 * width && s.x0 < left + 0.7 * width) counts.set(Math.round(s.x0 / 2) * 2, (counts.get(Math.round(s.x0 / 2) * 2) ?? 0) + 1);
    }
  }
  let best: [number, number] | undefined;
  for (const [x, n] of counts) if (!best || n > best[1]) best = [x, n];
  return best && best[1] >= 3 ? best[0] - 1 : undefined;
}

interface Band {
  from: number;
  to: number;
}

/** Runs of lines that have no segment crossing the gutter and text on its right side. */
function twoColumnBands(lines: Line[], gutter: number, left: number, right: number): Band[] {
  const crosses = (line: Line) => line.segments.some((s) => s.x0 < gutter - 1 && s.x1 > gutter + 1);
  const hasRight = (line: Line) => line.segments.some((s) => s.x0 >= gutter - 1);
  const bands: Band[] = [];
  let i = 0;
  while (i < lines.length) {
    if (crosses(lines[i]) || !hasRight(lines[i])) {
      i++;
      continue;
    }
    // Columns start level, so the band starts at its first line with right-side text; left-only lines
    // after the last right-side line continue the left column while the line spacing holds.
    const from = i;
    let to = i;
    while (to + 1 < lines.length && !crosses(lines[to + 1])) to++;
    let lastRight = to;
    while (lastRight > from && !hasRight(lines[lastRight])) lastRight--;
    let end = lastRight;
    while (end < to && lines[end].y - lines[end + 1].y <= 1.8 * lines[end + 1].size) end++;
    const segments = lines.slice(from, end + 1).flatMap((l) => l.segments);
    const leftWidth = gutter - left;
    const rightWidth = right - gutter;
    const filled = segments.filter((s) => s.x1 - s.x0 >= FILLED_WIDTH * (s.x0 >= gutter - 1 ? rightWidth : leftWidth)).length;
    if (segments.length >= 4 && filled >= FILLED_SHARE * segments.length) bands.push({ from, to: end });
    i = end + 1;
  }
  return bands;
}

/** Lines of one table cell are closer together than rows, which have cell padding between them. */
const CELL_LINE_PITCH = 1.4;

/** The next line of a row's cells ("…研究与试验发展经费|支出占营业收入比重"): close below, starting where cells start. */
function continuesRow(line: Line, previous: Line): boolean {
  const gap = previous.y - line.y;
  if (gap <= 0 || gap > CELL_LINE_PITCH * line.size) return false;
  // …and stays inside its cell: a paragraph line running under the next cell is text, not a cell.
  return line.segments.every((s) => {
    const cell = previous.segments.find((p) => Math.abs(p.x0 - s.x0) <= 2);
    if (!cell) return false;
    const next = previous.segments.filter((p) => p.x0 > cell.x0 + 2).sort((a, b) => a.x0 - b.x0)[0];
    return !next || s.x1 <= next.x0 + 2;
  });
}

function joinCellText(a: string, b: string): string {
  return /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;
}

/** Rows of a table with the column of each cell (anchors: where the cells of the widest row start); wrapped cell lines join their cell. */
function rowColumns(lines: Line[]): FlowRow[] {
  const widest = lines.reduce((a, b) => (b.segments.length > a.segments.length ? b : a));
  const anchors = widest.segments.map((s) => s.x0);
  const columnOf = (s: Segment) => {
    let col = 0;
    anchors.forEach((x, k) => {
      if (x <= s.x0 + 2) col = k;
    });
    return col;
  };
  const rows: FlowRow[] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    const row = rows[rows.length - 1];
    if (row && previous && line.segments.length < widest.segments.length && continuesRow(line, previous)) {
      for (const s of line.segments) {
        const k = row.columns.indexOf(columnOf(s));
        if (k >= 0) row.cells[k] = { ...row.cells[k], text: joinCellText(row.cells[k].text, s.text), x1: Math.max(row.cells[k].x1, s.x1) };
      }
    } else {
      rows.push({ kind: 'row', cells: line.segments.map((s) => ({ ...s })), columns: line.segments.map(columnOf) });
    }
    previous = line;
  }
  return rows;
}

/**
 * Orders one page's lines for reading: a two-column band is read left column first, then right
 * (columns found by clustering segment start positions); consecutive lines of several short segments
 * are table rows; everything else is one line of text.
 */
export function readingOrder(page: number, lines: Line[]): FlowItem[] {
  if (!lines.length) return [];
  const all = lines.flatMap((l) => l.segments);
  const left = Math.min(...all.map((s) => s.x0));
  const right = Math.max(...all.map((s) => s.x1));
  const gutter = findGutter(lines, left, right);
  const bands = gutter === undefined ? [] : twoColumnBands(lines, gutter, left, right);
  const out: FlowItem[] = [];
  const pageRight = typicalRight(all, left, right);
  const full = (segment: Segment, flow: string, columnLeft = left, columnRight = pageRight): FlowLine => ({ kind: 'text', segment, columnLeft, columnRight, flow });
  let i = 0;
  while (i < lines.length) {
    const band = bands.find((b) => b.from === i);
    if (band && gutter !== undefined) {
      const segments = lines.slice(band.from, band.to + 1).flatMap((l) => l.segments);
      const leftSegments = segments.filter((s) => s.x0 < gutter - 1);
      const rightSegments = segments.filter((s) => s.x0 >= gutter - 1);
      const leftRight = typicalRight(leftSegments, left, Math.max(...leftSegments.map((s) => s.x1)));
      const rightRight = typicalRight(rightSegments, gutter, right);
      for (const s of leftSegments) out.push(full(s, `${page}:${band.from}:L`, left, leftRight));
      for (const s of rightSegments) out.push(full(s, `${page}:${band.from}:R`, gutter, rightRight));
      i = band.to + 1;
      continue;
    }
    if (lines[i].segments.length >= 2) {
      let j = i;
      while (
        j + 1 < lines.length &&
        (lines[j + 1].segments.length >= 2 || continuesRow(lines[j + 1], lines[j])) &&
        !bands.some((b) => b.from === j + 1)
      ) {
        j++;
      }
      if (j > i) {
        out.push(...rowColumns(lines.slice(i, j + 1)));
        i = j + 1;
        continue;
      }
      // A single line of spaced-out parts ("发布日期：…    来源：…") reads as separate lines.
      for (const s of lines[i].segments) out.push(full(s, `${page}:main`));
      i++;
      continue;
    }
    out.push(full(lines[i].segments[0], `${page}:main`));
    i++;
  }
  return out;
}
