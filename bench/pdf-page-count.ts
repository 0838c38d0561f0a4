import { readFile } from 'node:fs/promises';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** How many pages a PDF has, as pdf.js (the loader's reader) sees it. */
export async function pdfPageCount(file: string): Promise<number> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false }).promise;
  try {
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}
