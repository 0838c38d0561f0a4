import { AppError } from '../../src/errors.js';
import type { DocumentFormat, DocumentLoader, LoadedDocument } from './loader.js';

export function looksBinary(buffer: Uint8Array): boolean {
  const sample = buffer.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control > sample.length * 0.1;
}

/** UTF-8 when it decodes cleanly, else GB18030 (a superset of GBK/GB2312), which older government sites still serve. */
export function decodeText(buffer: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  const start = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(start)), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(buffer), encoding: 'gb18030' };
  }
}

/** Plain text and markdown: served as decoded, CRLF folded to LF; no structure beyond the lines. */
export function textLoader(format: Extract<DocumentFormat, 'txt' | 'md'>): DocumentLoader {
  return {
    format,
    async load(bytes: Uint8Array, name: string): Promise<LoadedDocument> {
      if (looksBinary(bytes)) throw new AppError('ingest_failed', 422, `${name}: the file is binary, not text`);
      const { text, encoding } = decodeText(bytes);
      const warnings = encoding === 'utf-8' ? [] : [`${name}: decoded as GB18030 (not valid UTF-8)`];
      return { format, text: text.replace(/\r\n?/g, '\n'), structure: { tables: [] }, warnings };
    },
  };
}
