import mammoth from 'mammoth';
import { AppError } from '../../src/errors.js';
import { htmlToText } from './html-blocks.js';
import type { DocumentLoader, LoadedDocument } from './loader.js';

/**
 * DOCX through mammoth's HTML, which keeps Word's heading styles as h1–h6 and tables as tables; empty
 * paragraphs are kept, since in reports of short wrapped lines they are what separates paragraphs.
 */
export const docxLoader: DocumentLoader = {
  format: 'docx',
  async load(bytes: Uint8Array, name: string): Promise<LoadedDocument> {
    let html: string;
    try {
      html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: false })).value;
    } catch (error) {
      throw new AppError('ingest_failed', 422, `${name}: not a readable DOCX file (${(error as Error).message})`);
    }
    const { text, structure } = htmlToText(html);
    if (!text.trim()) throw new AppError('ingest_failed', 422, `${name}: the DOCX file contains no text`);
    return { format: 'docx', text, structure, warnings: [] };
  },
};
