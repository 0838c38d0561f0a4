import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Hono } from 'hono';
import { z } from 'zod';
import { MAX_DOCUMENT_BYTES } from '../../../ingest/load-documents.js';
import { DOCUMENT_FILE, loadFile } from '../../../ingest/load/load-file.js';
import type { LoadedDocument } from '../../../ingest/load/loader.js';
import { preflight } from '../../../ingest/load/preflight.js';
import type { Engine } from '../../engine.js';
import { AppError } from '../../errors.js';
import { sha256 } from '../../index/index-files.js';
import { jobProgressOf } from '../jobs/ingest-progress.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { JobProgress, ReindexReport } from '../jobs/job-schema.js';
import { parseWith } from '../validation.js';
import { acceptedJob } from './accepted-job.js';
import type { AdminOptions } from './admin.js';

export interface DocumentAdminOptions {
  seedsDir: string;
  reindex: AdminOptions['reindex'];
}

// A file name is kept as the document id, so it must be one plain name: no folders, no hidden files.
const SAFE_NAME = /^[^/\\\0<>:"|?*\u0000-\u001f]{1,200}$/;

/** The multipart form of POST /documents; other fields are ignored, as browsers and curl may add some. */
const uploadFormSchema = z.object({ file: z.instanceof(File, { message: 'the form has no file field' }) });

function fileName(raw: string): string {
  const name = basename(raw.normalize('NFC')).trim();
  if (!SAFE_NAME.test(name) || name.startsWith('.')) throw new AppError('invalid_request', 400, `unusable file name ${JSON.stringify(raw)}`, 'file');
  if (!DOCUMENT_FILE.test(name)) {
    throw new AppError('unsupported_media_type', 415, `${name}: supported are .txt .md .pdf .docx .html files`, 'file');
  }
  return name;
}

/**
 * Puts `bytes` at `path` (or removes it when undefined), written beside it and renamed so ingest never reads
 * half a file. Returns how to put back what was there, for when the re-index that follows fails.
 */
async function replaceFile(dir: string, name: string, bytes: Uint8Array | undefined): Promise<() => Promise<void>> {
  const path = join(dir, name);
  const before = await readFile(path).catch(() => undefined);
  const put = async (content: Uint8Array | undefined) => {
    if (!content) return rm(path, { force: true });
    const temporary = join(dir, `.upload-${randomUUID()}`);
    await writeFile(temporary, content);
    await rename(temporary, path);
  };
  await put(bytes);
  return () => put(before);
}

/** Re-indexes after a change to the seeds folder; if that fails the change is undone, so folder and index agree. */
async function reindexOrUndo(
  options: DocumentAdminOptions,
  undo: () => Promise<void>,
  progress: (p: JobProgress) => void,
  preloaded?: ReadonlyMap<string, LoadedDocument>,
): Promise<ReindexReport> {
  try {
    return await options.reindex({ force: false, preloaded, onProgress: (event) => progress(jobProgressOf(event)) });
  } catch (error) {
    await undo();
    throw error;
  }
}

/**
 * POST /documents (multipart `file`) and DELETE /documents/:id, for editors (the access policy). What can be
 * checked at once is, and refused with a 4xx naming the file: the form, the name, the size, the type by
 * content, and for a PDF whether it opens and has a text layer. The rest (reading every page of a long PDF,
 * re-indexing) is a job: 202 with its id, polled at GET /jobs/:id. The file is written to the seeds folder
 * only once it has been read in full, and taken out again if the re-index fails, so a bad file never
 * changes the index. The same bytes again under the same name change nothing (status `unchanged`).
 */
export function registerDocumentAdmin(app: Hono, engine: () => Engine, options: DocumentAdminOptions, jobs: JobQueue): void {
  app.post('/documents', async (c) => {
    engine();
    const form = await c.req.parseBody().catch(() => {
      throw new AppError('invalid_request', 400, 'expected a multipart/form-data body with a file field', 'file');
    });
    const { file } = parseWith(uploadFormSchema, form, 'file');
    const name = fileName(file.name);
    if (file.size === 0) throw new AppError('invalid_request', 400, `${name}: the file is empty`, 'file');
    if (file.size > MAX_DOCUMENT_BYTES) throw new AppError('payload_too_large', 413, `${name}: over the ${MAX_DOCUMENT_BYTES}-byte limit`, 'file');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const checked = await preflight(bytes, name);
    const hash = sha256(Buffer.from(bytes));
    const change = { id: name, format: checked.format, sha256: hash };

    const job = jobs.submit('upload', { done: 0, total: 1, unit: 'file' }, async (progress) => {
      const existing = engine().document(name);
      const onDisk = await readFile(join(options.seedsDir, name)).catch(() => undefined);
      if (existing?.original?.sha256 === hash && onDisk && sha256(onDisk) === hash) {
        progress({ done: 1, total: 1, unit: 'file' });
        return { documents: [{ ...change, status: 'unchanged' }] };
      }
      const loaded = checked.loaded ?? (await loadFile(bytes, name, (done, total) => progress({ done, total, unit: 'page' })));
      const undo = await replaceFile(options.seedsDir, name, bytes);
      const reindex = await reindexOrUndo(options, undo, progress, new Map([[hash, loaded]]));
      return { documents: [{ ...change, status: existing ? 'replaced' : 'created' }], reindex };
    }, name);
    return acceptedJob(c, job);
  });

  app.delete('/documents/:id', async (c) => {
    const id = c.req.param('id');
    const doc = engine().document(id);
    if (!doc) throw new AppError('not_found', 404, `no document with id ${id}`, 'id');
    const file = fileName(doc.original?.file ?? doc.id);
    const job = jobs.submit('delete', { done: 0, total: 1, unit: 'step' }, async (progress) => {
      // Another job may have removed it while this one waited.
      if (!engine().document(id)) throw new AppError('not_found', 404, `no document with id ${id}`, 'id');
      const undo = await replaceFile(options.seedsDir, file, undefined);
      const reindex = await reindexOrUndo(options, undo, progress);
      return { documents: [{ id, status: 'deleted' }], reindex };
    }, file);
    return acceptedJob(c, job);
  });
}
