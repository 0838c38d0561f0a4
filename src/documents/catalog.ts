import { z } from 'zod';

const year = z.number().int().min(1900).max(2100);

/** seeds/catalog.json: metadata for known documents, keyed by file name. */
export const catalogEntrySchema = z
  .object({
    title: z.string().min(1),
    issuer: z.string().min(1),
    regions: z.array(z.string().min(1)).min(1),
    published: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'published must be YYYY-MM or YYYY-MM-DD'),
    reviewYear: year,
    planYear: year,
    defaultPeriod: z.string().optional(),
    periods: z.array(z.string()).default([]),
    source: z.string().optional(),
    articles: z
      .array(z.object({ title: z.string().min(1), issuer: z.string().min(1), region: z.string().min(1) }))
      .optional(),
    note: z.string().optional(),
  })
  .strict();

export const catalogSchema = z.record(z.string(), catalogEntrySchema);

export type CatalogEntry = z.infer<typeof catalogEntrySchema>;
export type Catalog = z.infer<typeof catalogSchema>;
