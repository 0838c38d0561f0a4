import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogSchema, type Catalog } from '../src/documents/catalog.js';
import { AppError } from '../src/errors.js';
import { sha256 } from '../src/index/index-files.js';
import { DOCUMENT_FILE, loadFile } from './load/load-file.js';
import { CONTENT_TYPES, type DocumentFormat, type DocumentStructure, type LoadedDocument } from './load/loader.js';

export const CATALOG_FILE = 'catalog.json';
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface SourceFile {
  id: string;
  /** The served text the loader produced (for PDF the repaired text). */
  text: string;
  bytes: number;
  format: DocumentFormat;
  structure: DocumentStructure;
  /** The original file, for GET /documents/:id/original. */
  original: { file: string; contentType: string; sha256: string };
}

export interface LoadResult {
  files: SourceFile[];
  catalog: Catalog;
  catalogText: string;
  warnings: string[];
  /** Files whose loaded text and structure came from the previous index (same bytes). */
  reused: string[];
}

export { decodeText } from './load/text-loader.js';

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

/** Where loading a seeds folder is: `done` of `total` files, the one being read, and its pages read so far (PDF). */
export interface FileProgress {
  done: number;
  total: number;
  name?: string;
  pages?: { done: number; total: number };
}

export interface LoadOptions {
  /** What an earlier ingest read from a file with these bytes (by SHA-256): reused instead of parsing the file again. */
  reuse?: (sha256: string, name: string) => LoadedDocument | undefined;
  onFile?: (progress: FileProgress) => void;
}

/**
 * Reads every document in the seeds folder (text, markdown, PDF, DOCX, HTML in any mix). A file that
 * is empty, binary, broken, encrypted, without a text layer, too large or gone by the time it is read
 * is skipped with a warning naming it; the others still load.
 */
export async function loadDocuments(seedsDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const entries = await readdir(seedsDir).catch(() => {
    throw new AppError('ingest_failed', 400, `seeds folder ${seedsDir} does not exist or cannot be read`);
  });
  const { catalog, text: catalogText } = await loadCatalog(seedsDir);
  const warnings: string[] = [];
  const files: SourceFile[] = [];
  const reusedFiles: string[] = [];
  const names = entries.filter((e) => DOCUMENT_FILE.test(e)).sort();
  const onFile = options.onFile ?? (() => {});
  for (const [index, name] of names.entries()) {
    onFile({ done: index, total: names.length, name });
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
      const hash = sha256(buffer);
      const reused = options.reuse?.(hash, name);
      const onPage = (done: number, total: number) => onFile({ done: index, total: names.length, name, pages: { done, total } });
      const loaded = reused ?? (await loadFile(new Uint8Array(buffer), name, onPage));
      warnings.push(...loaded.warnings);
      if (reused) reusedFiles.push(name);
      files.push({
        id: name,
        text: loaded.text,
        bytes: buffer.length,
        format: loaded.format,
        structure: loaded.structure,
        original: { file: name, contentType: CONTENT_TYPES[loaded.format], sha256: hash },
      });
    } catch (error) {
      // A broken, encrypted or image-only file is named in the log; the other files still load.
      if (error instanceof AppError) warnings.push(`${name}: skipped, ${error.message.replace(`${name}: `, '')}`);
      else warnings.push(`${name}: skipped, could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  if (names.length > 0) onFile({ done: names.length, total: names.length });
  for (const id of Object.keys(catalog)) {
    if (!files.some((f) => f.id === id)) warnings.push(`${CATALOG_FILE}: entry ${id} has no document file`);
  }
  return { files, catalog, catalogText, warnings, reused: reusedFiles };
}
