import type { DocumentFormat } from './loader.js';

const PDF_MAGIC = '%PDF-';
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function asciiPrefix(bytes: Uint8Array, length: number): string {
  return Buffer.from(bytes.subarray(0, length)).toString('latin1');
}

/**
 * The format from the content, not only the name: a report saved as .txt that is really a PDF, or a
 * .doc download that is a DOCX, still loads. The extension decides only between plain text and markdown,
 * and an unknown zip or binary returns undefined.
 */
export function detectType(bytes: Uint8Array, name: string): DocumentFormat | undefined {
  // Some generators put a few bytes of junk before %PDF; readers accept it within the first KiB.
  if (asciiPrefix(bytes, 1024).includes(PDF_MAGIC)) return 'pdf';
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
    // File names in a zip are stored uncompressed, so the Word part's name is visible in the bytes.
    return Buffer.from(bytes).includes('word/document.xml') ? 'docx' : undefined;
  }
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (/^<!doctype html|^<html[\s>]|^<\?xml[^>]*>\s*<html/.test(head) || (/^<(head|body|meta|title)[\s>]/.test(head) && /<\/?(body|p|div)[\s>]/.test(head))) {
    return 'html';
  }
  return /\.(md|markdown)$/i.test(name) ? 'md' : 'txt';
}
