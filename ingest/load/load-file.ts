import { AppError } from '../../src/errors.js';
import { detectType } from './detect-type.js';
import type { DocumentFormat, DocumentLoader, LoadedDocument, PageProgress } from './loader.js';
import { textLoader } from './text-loader.js';

// PDF, DOCX and HTML loaders pull in pdfjs, mammoth, linkedom and cheerio (over a second of module
// loading): imported on first use, so a server starting over an existing index never pays for them.
const LOADERS: Record<DocumentFormat, () => Promise<DocumentLoader>> = {
  txt: async () => textLoader('txt'),
  md: async () => textLoader('md'),
  pdf: async () => (await import('./pdf-loader.js')).pdfLoader,
  docx: async () => (await import('./docx-loader.js')).docxLoader,
  html: async () => (await import('./html-loader.js')).htmlLoader,
};

/** File names ingest reads from a seeds folder; the content, not the name, then picks the loader. */
export const DOCUMENT_FILE = /\.(txt|md|markdown|pdf|docx|html?|xhtml)$/i;

/** Loads one file with the loader its content calls for; every failure is an AppError naming the file. */
export async function loadFile(bytes: Uint8Array, name: string, onPage?: PageProgress): Promise<LoadedDocument> {
  const format = detectType(bytes, name);
  if (!format) throw new AppError('unsupported_media_type', 415, `${name}: unsupported file type (a zip archive that is not a DOCX document)`);
  try {
    return await (await LOADERS[format]()).load(bytes, name, onPage);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('ingest_failed', 422, `${name}: could not be read as ${format.toUpperCase()} (${(error as Error).message})`);
  }
}
