import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { TextBuilder } from './text-builder.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'nav', 'iframe', 'svg', 'button', 'select', 'form']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'aside', 'header', 'footer', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'figure', 'figcaption', 'center', 'address', 'body', 'html', 'caption', 'tr', 'tbody', 'thead',
]);
const HEADING = /^h([1-6])$/;
/** A cell longer than this is running text: the table lays out the page rather than holding data. */
const MAX_CELL_CHARS = 300;

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/**
 * Walks HTML in document order into served-text blocks: h1–h6 as headings, tables as cells, every
 * other run of inline content between block boundaries as a paragraph.
 */
export function htmlToText(html: string, builder = new TextBuilder()): ReturnType<TextBuilder['build']> {
  const $ = cheerio.load(html);
  let inline = '';
  const flush = () => {
    if (inline.trim()) builder.paragraph(inline);
    inline = '';
  };
  const textOf = (node: AnyNode): string => {
    if (node.type === 'text') return node.data;
    if (!isElement(node) || SKIP.has(node.name)) return '';
    if (node.name === 'br') return '\n';
    return node.children.map(textOf).join('');
  };
  // Old government pages put the whole article in a layout table: read its cells as ordinary content.
  const isDataTable = (table: Element): boolean => {
    const $table = $(table);
    if ($table.find('table').length) return false;
    const rows = $table.find('tr').toArray();
    const widest = Math.max(0, ...rows.map((tr) => $(tr).children('td,th').length));
    if (rows.length < 2 || widest < 2) return false;
    return $table
      .find('td,th')
      .toArray()
      .every((cell) => textOf(cell).trim().length <= MAX_CELL_CHARS && !$(cell).find('p,div,li').toArray().some((b) => $(b).nextAll('p,div,li').length > 0));
  };
  const visit = (node: AnyNode): void => {
    if (node.type === 'text') {
      inline += node.data;
      return;
    }
    if (!isElement(node) || SKIP.has(node.name)) return;
    const name = node.name;
    if (name === 'br') {
      inline += '\n';
      return;
    }
    const heading = HEADING.exec(name);
    if (heading) {
      flush();
      builder.heading(Number(heading[1]), textOf(node));
      return;
    }
    if (name === 'table' && isDataTable(node)) {
      flush();
      const rows = $(node)
        .find('tr')
        .filter((_, tr) => $(tr).closest('table')[0] === node)
        .toArray()
        .map((tr) =>
          $(tr)
            .children('td,th')
            .toArray()
            .map((cell) => ({ text: textOf(cell), span: Number($(cell).attr('colspan') ?? 1) || 1 })),
        );
      builder.table(rows);
      return;
    }
    if (name === 'p' && !textOf(node).trim()) {
      flush();
      builder.blank();
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    for (const child of node.children) visit(child);
    if (block) flush();
  };
  const root = $.root()[0];
  for (const child of root.children) visit(child);
  flush();
  return builder.build();
}
