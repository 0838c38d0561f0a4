import type { Hono } from 'hono';
import { canonicalRegion } from '../../domain/regions.js';
import { citationLocation } from '../../answer/citations.js';
import type { Engine } from '../../engine.js';
import { indicatorQuerySchema } from '../schemas.js';
import { parseWith } from '../validation.js';

export function registerIndicators(app: Hono, engine: () => Engine): void {
  app.get('/indicators', (c) => {
    const query = parseWith(indicatorQuerySchema, c.req.query(), 'query');
    const region = query.region ? canonicalRegion(query.region) ?? query.region : undefined;
    const rows = engine().indicators.list({ ...query, region });
    const start = (query.page - 1) * query.pageSize;
    const items = rows.slice(start, start + query.pageSize).map((row) => {
      const doc = engine().document(row.docId);
      return {
        ...row,
        citation: {
          docId: row.docId,
          title: doc?.title ?? '',
          quote: doc?.text.slice(row.start, row.end) ?? '',
          start: row.start,
          end: row.end,
          ...(doc ? citationLocation(doc, row.start) : {}),
        },
      };
    });
    return c.json({ total: rows.length, page: query.page, pageSize: query.pageSize, items });
  });
}
