import type { Hono } from 'hono';
import { AppError } from '../../errors.js';
import type { Engine } from '../../engine.js';

export function registerDocuments(app: Hono, engine: () => Engine): void {
  app.get('/documents', (c) => c.json({ documents: engine().documents() }));
  app.get('/documents/:id', (c) => {
    const id = c.req.param('id');
    const doc = engine().document(id);
    if (!doc) throw new AppError('not_found', 404, `no document with id ${id}`, 'id');
    const { sha256: _sha, ...rest } = doc;
    return c.json(rest);
  });
}
