import { AppError } from '../../src/errors.js';
import { detectType } from './detect-type.js';
import { loadFile } from './load-file.js';
import type { DocumentFormat, LoadedDocument } from './loader.js';
import { openPdf } from './pdf-open.js';
import { assertTextLayer } from './pdf-text-layer.js';

export interface PreflightResult {
  format: DocumentFormat;
  /** Formats that read quickly are read in full here, and the job uses this instead of reading them again. */
  loaded?: LoadedDocument;
}

/**
 * What can be told about an upload before it is queued, so the uploader's mistakes come back at once as a
 * 4xx naming the file: the type by content, and for a PDF whether it opens (broken, encrypted) and has a
 * text layer. A PDF is read in full only by the job (with page progress); DOCX, HTML and text read in well
 * under a second per report, so they are simply loaded here.
 */
export async function preflight(bytes: Uint8Array, name: string): Promise<PreflightResult> {
  const format = detectType(bytes, name);
  if (!format) throw new AppError('unsupported_media_type', 415, `${name}: unsupported file type (a zip archive that is not a DOCX document)`);
  if (format !== 'pdf') return { format, loaded: await loadFile(bytes, name) };
  const doc = await openPdf(bytes, name);
  try {
    await assertTextLayer(doc, name);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('ingest_failed', 422, `${name}: the PDF could not be read (${(error as Error).message})`);
  } finally {
    await doc.destroy();
  }
  return { format };
}
