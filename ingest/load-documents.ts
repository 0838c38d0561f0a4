import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogSchema, type Catalog } from '../src/documents/catalog.js';
import { AppError } from '../src/errors.js';

export const CATALOG_FILE = 'catalog.json';
const DOCUMENT_EXTENSIONS = /\.(txt|md)$/i;
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface SourceFile {
  id: string;
  text: string;
  bytes: number;
  encoding: 'utf-8' | 'gb18030';
}

export interface LoadResult {
  files: SourceFile[];
  catalog: Catalog;
  catalogText: string;
  warnings: string[];
}

function looksBinary(buffer: Buffer): boolean {
  const sample = buffer.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control > sample.length * 0.1;
}

/** UTF-8 when it decodes cleanly, else GB18030 (a superset of GBK/GB2312), which older government sites still serve. */
export function decodeText(buffer: Buffer): { text: string; encoding: SourceFile['encoding'] } {
  const start = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(start)), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(buffer), encoding: 'gb18030' };
  }
}

export async function loadCatalog(seedsDir: string): Promise<{ catalog: Catalog; text: string }> {
  const text = await readFile(join(seedsDir, CATALOG_FILE), 'utf8').catch(() => '');
  if (!text) return { catalog: {}, text: '' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError('ingest_failed', 400, `${join(seedsDir, CATALOG_FILE)} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = catalogSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.');
    throw new AppError('ingest_failed', 400, `${join(seedsDir, CATALOG_FILE)}: ${field}: ${issue.message}`, field);
  }
  return { catalog: parsed.data, text };
}

/**
 * Reads every document in the seeds folder. A file that is empty, binary, too large or gone
 * by the time it is read is skipped with a warning naming it; the others still load.
 */
export async function loadDocuments(seedsDir: string): Promise<LoadResult> {
  const entries = await readdir(seedsDir).catch(() => {
    throw new AppError('ingest_failed', 400, `seeds folder ${seedsDir} does not exist or cannot be read`);
  });
  const { catalog, text: catalogText } = await loadCatalog(seedsDir);
  const warnings: string[] = [];
  const files: SourceFile[] = [];
  for (const name of entries.filter((e) => DOCUMENT_EXTENSIONS.test(e)).sort()) {
    const path = join(seedsDir, name);
    try {
      const info = await stat(path);
      if (!info.isFile()) continue;
      if (info.size > MAX_DOCUMENT_BYTES) {
        warnings.push(`${name}: skipped, ${info.size} bytes is over the ${MAX_DOCUMENT_BYTES}-byte limit`);
        continue;
      }
      const buffer = await readFile(path);
      if (buffer.length === 0 || buffer.toString('utf8').trim() === '') {
        warnings.push(`${name}: skipped, the file is empty`);
        continue;
      }
      if (looksBinary(buffer)) {
        warnings.push(`${name}: skipped, the file is binary, not text`);
        continue;
      }
      const { text, encoding } = decodeText(buffer);
      if (encoding !== 'utf-8') warnings.push(`${name}: decoded as GB18030 (not valid UTF-8)`);
      files.push({ id: name, text: text.replace(/\r\n?/g, '\n'), bytes: buffer.length, encoding });
    } catch (error) {
      warnings.push(`${name}: skipped, could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  for (const id of Object.keys(catalog)) {
    if (!files.some((f) => f.id === id)) warnings.push(`${CATALOG_FILE}: entry ${id} has no document file`);
  }
  return { files, catalog, catalogText, warnings };
}
