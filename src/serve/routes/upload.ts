import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { AppError } from '../../errors.js';

/**
 * One path segment ending in .txt or .md: no folders, no `..`, no hidden files, and never
 * catalog.json (its metadata is the operator's, edited by hand).
 */
const REPORT_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,119}\.(txt|md)$/u;
const BODY_TYPES = /^(text\/plain|application\/octet-stream)\b/i;

/**
 * PUT /admin/documents/:name (editor): puts a report into SEEDS_DIR; POST /admin/reindex then
 * ingests it. The bytes are stored as sent, so GBK files keep working (ingest detects the
 * encoding). Written to a temporary file and renamed, so a half-uploaded report is never ingested.
 */
export function registerUpload(app: Hono, seedsDir: string): void {
  app.put('/admin/documents/:name', async (c) => {
    const name = c.req.param('name');
    if (!REPORT_NAME.test(name)) {
      throw new AppError('invalid_request', 400, 'name must be a file name ending in .txt or .md (letters, digits, . _ -; no folders)', 'name');
    }
    if (!BODY_TYPES.test(c.req.header('content-type') ?? '')) {
      throw new AppError('unsupported_media_type', 415, 'send the report as text/plain (UTF-8 or GBK) or application/octet-stream');
    }
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) throw new AppError('invalid_request', 400, 'the report is empty', 'body');
    const target = join(seedsDir, name);
    const replaced = await stat(target).then(() => true, () => false);
    const temporary = join(seedsDir, `.${name}.${randomBytes(4).toString('hex')}.upload`);
    try {
      const handle = await open(temporary, 'w', 0o644);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      const code = (error as NodeJS.ErrnoException).code;
      if (code) throw new AppError('ingest_failed', 500, `cannot write to SEEDS_DIR (${code})`);
      throw error;
    }
    return c.json({ name, bytes: bytes.length, replaced, next: 'POST /admin/reindex to ingest it' }, replaced ? 200 : 201);
  });
}
