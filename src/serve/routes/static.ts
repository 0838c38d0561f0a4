import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Hono } from 'hono';
import { AppError } from '../../errors.js';

/** Resolved from this module, not the working directory, so `npm start` works from any folder. */
const WEB_DIR = fileURLToPath(new URL('../../../web/', import.meta.url));
const SWAGGER_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
/** Only what docs.html loads; the rest of swagger-ui-dist (source maps, other bundles) stays private. */
const SWAGGER_FILES = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'favicon-32x32.png', 'favicon-16x16.png']);
/** One path segment of ordinary characters: rules out `..`, slashes and hidden files. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
};

async function sendFile(c: Context, dir: string, name: string, cacheControl: string): Promise<Response> {
  const type = CONTENT_TYPES[extname(name)];
  if (!SAFE_NAME.test(name) || !type) throw new AppError('not_found', 404, `no file ${name}`, 'file');
  const path = join(dir, name);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new AppError('not_found', 404, `no file ${name}`, 'file');
  // Weak validator from size and mtime: edits to web/ show up on reload without a server restart.
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = { 'Content-Type': type, 'Cache-Control': cacheControl, ETag: etag };
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  return c.body(new Uint8Array(await readFile(path)), 200, headers);
}

/** The browser UI (web/) and the locally served Swagger UI assets; no CDN is ever referenced. */
export function registerStatic(app: Hono): void {
  app.get('/', (c) => sendFile(c, WEB_DIR, 'index.html', 'no-cache'));
  app.get('/web/:file', (c) => sendFile(c, WEB_DIR, c.req.param('file'), 'no-cache'));
  app.get('/docs', (c) => sendFile(c, WEB_DIR, 'docs.html', 'no-cache'));
  app.get('/docs/assets/:file', (c) => {
    const file = c.req.param('file');
    if (!SWAGGER_FILES.has(file)) throw new AppError('not_found', 404, `no file ${file}`, 'file');
    // The package version pins these files, so they may be cached for a day.
    return sendFile(c, SWAGGER_DIR, file, 'public, max-age=86400');
  });
}
