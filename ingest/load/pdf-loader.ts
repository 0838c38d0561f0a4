import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { AppError } from '../../src/errors.js';
import type { DocumentLoader, LoadedDocument, PageProgress } from './loader.js';
import { dropFurniture, type PageLines } from './pdf-furniture.js';
import { groupLines, type PdfItem } from './pdf-lines.js';
import { openPdf } from './pdf-open.js';
import { assembleText } from './pdf-paragraphs.js';
import { readingOrder } from './pdf-reading-order.js';
import { MIN_CHARS_PER_PAGE, noTextLayer } from './pdf-text-layer.js';

async function pageLines(doc: PDFDocumentProxy, onPage?: PageProgress): Promise<PageLines[]> {
  const pages: PageLines[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const [, , , height] = page.view;
    const content = await page.getTextContent();
    const items: PdfItem[] = content.items
      .filter((i): i is TextItem => 'str' in i)
      .map((i) => ({ str: i.str, x: i.transform[4], y: i.transform[5], width: i.width, size: Math.hypot(i.transform[2], i.transform[3]) || i.height }));
    pages.push({ page: p, height, lines: groupLines(p, items) });
    page.cleanup();
    onPage?.(p, doc.numPages);
  }
  return pages;
}

/**
 * PDF through pdf.js text items with their positions, repaired in general ways: running headers,
 * footers and page numbers dropped, two-column pages read column by column, wrapped lines rejoined,
 * layout spaces next to Chinese characters removed, aligned rows read as table cells.
 */
export const pdfLoader: DocumentLoader = {
  format: 'pdf',
  async load(bytes: Uint8Array, name: string, onPage?: PageProgress): Promise<LoadedDocument> {
    const doc = await openPdf(bytes, name);
    let pages: PageLines[];
    try {
      pages = await pageLines(doc, onPage);
    } catch (error) {
      throw new AppError('ingest_failed', 422, `${name}: the PDF could not be read (${(error as Error).message})`);
    } finally {
      await doc.destroy();
    }
    const visible = pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.segments.reduce((k, s) => k + s.text.replace(/\s/g, '').length, 0), 0), 0);
    if (visible < MIN_CHARS_PER_PAGE * pages.length) {
      throw noTextLayer(name);
    }
    const flow = dropFurniture(pages).flatMap((p) => readingOrder(p.page, p.lines));
    const { text, pages: pageSpans, tables } = assembleText(flow);
    return { format: 'pdf', text, structure: { pages: pageSpans, tables }, warnings: [] };
  },
};
