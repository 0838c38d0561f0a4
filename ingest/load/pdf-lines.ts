/** Positioned text from pdf.js, grouped into lines and gap-separated segments (one page at a time). */

export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A run of text on one baseline with no wide gap inside: a column's line, or one table cell. */
export interface Segment {
  page: number;
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
}

export interface Line {
  page: number;
  y: number;
  size: number;
  segments: Segment[];
}

const CJK = /[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’]/;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;
// Kangxi radicals and compatibility ideographs (⼯ for 工) that some PDF fonts map to: they look the same but match nothing.
const COMPATIBILITY = /[\u2e80-\u2fdf\uf900-\ufaff]/g;

/** A gap wider than this many font sizes separates columns or table cells, not words. */
const SEGMENT_GAP = 1.2;

/**
 * Spaces next to a Chinese character are layout (LibreOffice's and Word's CJK–Latin autospacing,
 * or the space pdf.js puts between items), never part of the text: "增长 7.2%" is "增长7.2%".
 */
export function cleanSpaces(text: string): string {
  let out = '';
  const chars = [...text.replace(COMPATIBILITY, (c) => c.normalize('NFKC'))];
  chars.forEach((ch, i) => {
    if (/\s/.test(ch)) {
      const before = out[out.length - 1];
      const after = chars.slice(i + 1).find((c) => !/\s/.test(c));
      if (before === undefined || after === undefined || CJK.test(before) || CJK.test(after) || before === ' ') return;
      out += ' ';
      return;
    }
    out += ch;
  });
  return out;
}

function segmentText(items: PdfItem[]): string {
  let text = '';
  items.forEach((item, i) => {
    const previous = items[i - 1];
    // Words a PDF places apart without a space glyph still need one between Latin letters or digits.
    if (previous && item.x - (previous.x + previous.width) > 0.25 * item.size && LATIN_OR_DIGIT.test(text.slice(-1)) && LATIN_OR_DIGIT.test(item.str[0] ?? '')) {
      text += ' ';
    }
    text += item.str;
  });
  return cleanSpaces(text);
}

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Estimated x of each character of an item: wide characters take a font size, spaces share what is left. */
function charPositions(item: PdfItem): number[] {
  const chars = [...item.str];
  const fixed = chars.map((c) => (/\s/.test(c) ? 0 : WIDE.test(c) ? item.size : 0.55 * item.size));
  const spaces = chars.filter((c) => /\s/.test(c)).length;
  const spaceWidth = spaces ? Math.max(0, item.width - fixed.reduce((a, b) => a + b, 0)) / spaces : 0;
  const xs: number[] = [];
  let x = item.x;
  chars.forEach((c, i) => {
    xs.push(x);
    x += /\s/.test(c) ? spaceWidth : fixed[i];
  });
  return xs;
}

/**
 * LibreOffice draws Western glyphs inside CJK text (“ ” quotes, some digits) as separate items on top of
 * a space the CJK run leaves for them: the glyph goes into that space, and bare spaces under a glyph go.
 */
function mergeOverlays(items: PdfItem[]): PdfItem[] {
  const visible = items.filter((i) => i.str.trim());
  const overlaps = (a: PdfItem, b: PdfItem) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5;
  const kept = items.filter((i) => i.str.trim() || !visible.some((v) => overlaps(i, v)));
  const hosts = kept.map((i) => ({ ...i }));
  const out: PdfItem[] = [];
  for (const item of hosts) {
    const host = hosts.find(
      (h) => h !== item && /\s/.test(h.str) && h.str.trim() && item.str.trim() && item.x >= h.x + 0.5 && item.x + item.width <= h.x + h.width + 0.5,
    );
    if (!host) {
      out.push(item);
      continue;
    }
    const chars = [...host.str];
    const xs = charPositions(host);
    let best = -1;
    chars.forEach((c, i) => {
      if (/\s/.test(c) && (best < 0 || Math.abs(xs[i] - item.x) < Math.abs(xs[best] - item.x))) best = i;
    });
    chars[best] = item.str;
    host.str = chars.join('');
  }
  return out;
}

export function groupLines(page: number, items: PdfItem[]): Line[] {
  const sorted = items.filter((i) => i.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  for (const item of sorted) {
    const current = groups[groups.length - 1];
    const size = Math.max(item.size, current?.[0].size ?? 0);
    if (current && Math.abs(current[0].y - item.y) <= 0.35 * size) current.push(item);
    else groups.push([item]);
  }
  const lines: Line[] = [];
  for (const raw of groups) {
    const group = mergeOverlays(raw).sort((a, b) => a.x - b.x);
    const segments: Segment[] = [];
    let run: PdfItem[] = [];
    const close = () => {
      const visible = run.filter((i) => i.str.trim());
      if (visible.length) {
        const text = segmentText(run);
        if (text) {
          const size = Math.max(...visible.map((i) => i.size));
          segments.push({ page, x0: visible[0].x, x1: Math.max(...visible.map((i) => i.x + i.width)), y: visible[0].y, size, text });
        }
      }
      run = [];
    };
    for (const item of group) {
      const last = [...run].reverse().find((i) => i.str.trim());
      if (last && item.str.trim() && item.x - (last.x + last.width) > SEGMENT_GAP * Math.max(item.size, last.size)) close();
      run.push(item);
    }
    close();
    if (segments.length) lines.push({ page, y: segments[0].y, size: Math.max(...segments.map((s) => s.size)), segments });
  }
  return lines;
}
