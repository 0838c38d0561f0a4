import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { AppError } from '../../errors.js';
import type { Engine } from '../../engine.js';
import { sha256 } from '../../index/index-files.js';

export function registerDocuments(app: Hono, engine: () => Engine): void {
  app.get('/documents', (c) => c.json({ documents: engine().documents() }));
  app.get('/documents/:id', (c) => {
    const id = c.req.param('id');
    const doc = engine().document(id);
    if (!doc) throw new AppError('not_found', 404, `no document with id ${id}`, 'id');
    const { sha256: _sha, ...rest } = doc;
    return c.json(rest);
  });
  // The file as ingested (PDF, DOCX, HTML, text), read from the seeds folder and checked against the
  // hash taken at ingest, so a file replaced since then is never served as the source of old citations.
  app.get('/documents/:id/original', async (c) => {
    const id = c.req.param('id');
    const current = engine();
    const doc = current.document(id);
    if (!doc) throw new AppError('not_found', 404, `no document with id ${id}`, 'id');
    const original = doc.original ?? { file: doc.id, contentType: 'text/plain; charset=utf-8', sha256: '' };
    const bytes = await readFile(join(current.manifest.seedsDir, original.file)).catch(() => undefined);
    if (!bytes) throw new AppError('not_found', 404, `the original file of ${id} is no longer in the seeds folder`, 'id');
    if (original.sha256 && sha256(bytes) !== original.sha256) {
      throw new AppError('not_found', 404, `the original file of ${id} has changed since it was indexed; re-index first`, 'id');
    }
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': original.contentType,
      'content-length': String(bytes.length),
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(original.file)}`,
      // A saved web page may carry its site's scripts: it is shown sandboxed, never run on this origin.
      'content-security-policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    });
  });
}
