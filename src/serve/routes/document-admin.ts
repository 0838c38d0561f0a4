import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Hono } from 'hono';
import { MAX_DOCUMENT_BYTES } from '../../../ingest/load-documents.js';
import { DOCUMENT_FILE, loadFile } from '../../../ingest/load/load-file.js';
import type { Engine } from '../../engine.js';
import { AppError } from '../../errors.js';
import { sha256 } from '../../index/index-files.js';
import type { ReindexReport } from './admin.js';

export interface DocumentAdminOptions {
  seedsDir: string;
  reindex: (request: { force: boolean }) => Promise<ReindexReport>;
}

// A file name is kept as the document id, so it must be one plain name: no folders, no hidden files.
const SAFE_NAME = /^[^/\\\0<>:"|?*\u0000-\u001f]{1,200}$/;

function fileName(raw: string): string {
  const name = basename(raw.normalize('NFC')).trim();
  if (!SAFE_NAME.test(name) || name.startsWith('.')) throw new AppError('invalid_request', 400, `unusable file name ${JSON.stringify(raw)}`, 'file');
  if (!DOCUMENT_FILE.test(name)) {
    throw new AppError('unsupported_media_type', 415, `${name}: supported are .txt .md .pdf .docx .html files`, 'file');
  }
  return name;
}

/**
 * POST /documents (multipart `file`) and DELETE /documents/:id, for editors (the access policy). An upload is loaded
 * first, so a broken, encrypted or scanned file is refused with the loader's reason and never written;
 * a file whose bytes are already indexed under that name changes nothing. Both re-index, and the
 * re-index itself skips work when the corpus hash (per-file content hashes) did not change.
 */
export function registerDocumentAdmin(app: Hono, engine: () => Engine, options: DocumentAdminOptions): void {
  let queue: Promise<unknown> = Promise.resolve();
  // One change at a time: two uploads never race each other's re-index.
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  app.post('/documents', async (c) => {
    const form = await c.req.parseBody().catch(() => {
      throw new AppError('invalid_request', 400, 'expected a multipart/form-data body with a file field', 'file');
    });
    const file = form.file;
    if (!(file instanceof File)) throw new AppError('invalid_request', 400, 'the form has no file field', 'file');
    const name = fileName(file.name);
    if (file.size === 0) throw new AppError('invalid_request', 400, `${name}: the file is empty`, 'file');
    if (file.size > MAX_DOCUMENT_BYTES) throw new AppError('payload_too_large', 413, `${name}: over the ${MAX_DOCUMENT_BYTES}-byte limit`, 'file');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const loaded = await loadFile(bytes, name);
    const hash = sha256(Buffer.from(bytes));
    return serially(async () => {
      const existing = engine().document(name);
      const onDisk = await readFile(join(options.seedsDir, name)).catch(() => undefined);
      if (existing?.original?.sha256 === hash && onDisk && sha256(onDisk) === hash) {
        return c.json({ status: 'unchanged', id: name, format: loaded.format, sha256: hash }, 200);
      }
      // Written beside the target and renamed, so ingest never reads half a file.
      const temporary = join(options.seedsDir, `.upload-${randomUUID()}`);
      await writeFile(temporary, bytes);
      await rename(temporary, join(options.seedsDir, name));
      const reindex = await options.reindex({ force: false });
      return c.json({ status: existing ? 'replaced' : 'created', id: name, format: loaded.format, sha256: hash, reindex }, existing ? 200 : 201);
    });
  });

  app.delete('/documents/:id', async (c) => {
    const id = c.req.param('id');
    return serially(async () => {
      const doc = engine().document(id);
      if (!doc) throw new AppError('not_found', 404, `no document with id ${id}`, 'id');
      await rm(join(options.seedsDir, fileName(doc.original?.file ?? doc.id)), { force: true });
      const reindex = await options.reindex({ force: false });
      return c.json({ status: 'deleted', id, reindex });
    });
  });
}
