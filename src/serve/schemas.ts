import { z } from 'zod';
import { askRequestSchema, citationSchema } from '../answer/ask-schema.js';

export { askRequestSchema };

export const errorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }) })
  .meta({ id: 'Error' });

const indicatorSchema = z
  .object({
    id: z.string(),
    docId: z.string(),
    region: z.string(),
    period: z.string(),
    year: z.number(),
    metric: z.string(),
    value: z.number(),
    unit: z.string(),
    raw: z.string(),
    kind: z.string(),
    modality: z.string(),
    measure: z.string(),
    qualifier: z.string(),
    sentence: z.string(),
    start: z.number(),
    end: z.number(),
    scope: z
      .object({ region: z.string(), period: z.string(), written: z.string().optional() })
      .optional()
      .describe('how region and period were resolved (named in the sentence, or inherited from paragraph, section or article)'),
  })
  .passthrough()
  .meta({ id: 'Indicator' });

export const askResponseSchema = z
  .object({
    status: z.enum(['answered', 'not_found']),
    answer: z.string(),
    citations: z.array(citationSchema),
    indicators: z.array(indicatorSchema),
    related: z.array(indicatorSchema),
    question: z.object({
      regions: z.array(z.string()),
      periods: z.array(z.string()),
      intent: z.string(),
      type: z.string(),
      terms: z.array(z.string()),
      resolved: z.string().describe('the question that was answered: a follow-up written out in full with what it took from `history`'),
      followUp: z.boolean(),
      inherited: z
        .object({ regions: z.array(z.string()).optional(), period: z.string().optional(), metric: z.string().optional(), kind: z.string().optional() })
        .optional()
        .describe('slots a follow-up took from earlier turns'),
    }),
    retrieval: z.object({
      retrievers: z.array(z.string()),
      dense: z.object({ active: z.boolean(), model: z.string(), reason: z.string().optional() }),
      chunks: z.array(
        z.object({
          chunkId: z.string(),
          docId: z.string(),
          start: z.number(),
          end: z.number(),
          score: z.number(),
          text: z.string(),
          scope: z.object({ region: z.string(), year: z.number(), how: z.string().optional() }).optional(),
        }),
      ),
    }),
    timingMs: z.record(z.string(), z.number()),
  })
  .passthrough()
  .meta({ id: 'AskResponse' });

export const documentMetaSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    issuer: z.string(),
    regions: z.array(z.string()),
    published: z.string(),
    periods: z.array(z.string()),
    format: z.enum(['txt', 'md', 'pdf', 'docx', 'html']).optional(),
    original: z.object({ file: z.string(), contentType: z.string(), sha256: z.string() }).optional(),
  })
  .passthrough()
  .meta({ id: 'DocumentMeta' });

const spanSchema = { start: z.number().int(), end: z.number().int() };

/** Offsets into `text`: the PDF page of each range, the heading path over each range, table cells. */
export const documentStructureSchema = z
  .object({
    pages: z.array(z.object({ page: z.number().int(), ...spanSchema })).optional(),
    headings: z.array(z.object({ path: z.array(z.string()), ...spanSchema })).optional(),
    tables: z.array(
      z.object({
        ...spanSchema,
        caption: z.string().optional(),
        rows: z.array(z.array(z.object({ row: z.number().int(), col: z.number().int(), text: z.string(), ...spanSchema }))),
      }),
    ),
  })
  .meta({ id: 'DocumentStructure' });

export const documentSchema = documentMetaSchema
  .extend({ text: z.string(), structure: documentStructureSchema.optional() })
  .meta({ id: 'Document' });

export const indicatorQuerySchema = z
  .object({
    region: z.string().max(20).optional(),
    year: z.coerce.number().int().min(1900).max(2100).optional(),
    metric: z.string().max(50).optional(),
    kind: z.enum(['actual', 'target', 'forecast', 'growth', 'share', 'rank', 'count-change']).optional(),
    docId: z.string().max(200).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const indicatorPageSchema = z
  .object({
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    items: z.array(indicatorSchema.extend({ citation: z.object({
          docId: z.string(),
          title: z.string(),
          quote: z.string(),
          start: z.number(),
          end: z.number(),
          page: z.number().int().optional(),
          headingPath: z.array(z.string()).optional(),
        }) })),
  })
  .meta({ id: 'IndicatorPage' });

export const healthSchema = z
  .object({
    status: z.enum(['starting', 'ready', 'degraded']),
    retrievers: z.array(z.string()),
    dense: z.object({ active: z.boolean(), model: z.string(), reason: z.string().optional() }),
    llm: z.object({ configured: z.boolean(), model: z.string().optional() }).optional(),
    /** Which index store the engine reads (DATABASE_URL). */
    store: z.enum(['json', 'sqlite', 'postgres']).optional(),
    /** PostgreSQL only: vectors kept in the database ('database') or none, and whether pgvector is installed, available or not installed. */
    storeVectors: z.object({ kept: z.enum(['database', 'none']), pgvector: z.enum(['installed', 'available', 'not installed']) }).optional(),
    index: z.object({ createdAt: z.string(), corpusHash: z.string(), documents: z.number(), chunks: z.number(), indicators: z.number() }).optional(),
  })
  .meta({ id: 'Health' });
