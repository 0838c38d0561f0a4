import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, VerbosityLevel, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../../src/errors.js';

// Chinese PDFs often use predefined CJK CMaps (UniGB-UCS2-H); pdf.js needs its packed copies to map them to Unicode.
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_URL = join(PDFJS_DIR, 'cmaps') + '/';
const STANDARD_FONTS_URL = join(PDFJS_DIR, 'standard_fonts') + '/';

/** Opens a PDF with pdf.js; a broken or password-protected file is an AppError naming the file and the reason. */
export async function openPdf(bytes: Uint8Array, name: string): Promise<PDFDocumentProxy> {
  try {
    // pdf.js takes ownership of (and detaches) the buffer it is given; it gets a copy.
    return await getDocument({
      data: new Uint8Array(bytes),
      cMapUrl: CMAP_URL,
      cMapPacked: true,
      standardFontDataUrl: STANDARD_FONTS_URL,
      isEvalSupported: false,
      useSystemFonts: false,
      verbosity: VerbosityLevel.ERRORS,
    }).promise;
  } catch (error) {
    const err = error as Error;
    if (err.name === 'PasswordException') {
      throw new AppError('ingest_failed', 422, `${name}: the PDF is encrypted (password-protected); save an unprotected copy`);
    }
    throw new AppError('ingest_failed', 422, `${name}: not a readable PDF (${err.message})`);
  }
}
