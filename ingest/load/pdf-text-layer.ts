import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { AppError } from '../../src/errors.js';

/** Fewer visible characters than this per page on average: a scan with at most stray text. */
export const MIN_CHARS_PER_PAGE = 10;

export function noTextLayer(name: string): AppError {
  return new AppError('ingest_failed', 422, `${name}: the PDF has no text layer (scanned pages or images only); run OCR on it first`);
}

/**
 * The quick form of the loader's text-layer check, for refusing an upload before it is queued: pages are read
 * only until the text seen reaches what the whole file needs, so a text PDF costs about one page and only a
 * scan is read to the end (cheaply, as its pages hold images and no text to extract).
 */
export async function assertTextLayer(doc: PDFDocumentProxy, name: string): Promise<void> {
  const needed = MIN_CHARS_PER_PAGE * doc.numPages;
  let seen = 0;
  for (let p = 1; p <= doc.numPages && seen < needed; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    for (const item of content.items) if ('str' in item) seen += (item as TextItem).str.replace(/\s/g, '').length;
    page.cleanup();
  }
  if (seen < needed) throw noTextLayer(name);
}
