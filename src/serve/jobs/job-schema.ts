import { z } from 'zod';

/** What POST /admin/reindex and every document change report once the new index is in service. */
export const reindexReportSchema = z
  .object({
    status: z.literal('reindexed'),
    changed: z.boolean(),
    rebuiltBecause: z.string().optional(),
    documents: z.number(),
    chunks: z.number(),
    indicators: z.number(),
    warnings: z.array(z.string()),
    index: z.object({ createdAt: z.string(), corpusHash: z.string() }),
    durationMs: z.number(),
  })
  .meta({ id: 'ReindexReport' });

export const jobProgressSchema = z
  .object({
    done: z.number().int().min(0),
    total: z.number().int().min(0),
    /** page: pages of the uploaded PDF read; file: seed files read; document: documents indexed; chunk, step: the index being written. */
    unit: z.enum(['page', 'file', 'document', 'chunk', 'step']),
  })
  .meta({ id: 'JobProgress' });

export const documentChangeSchema = z
  .object({
    id: z.string(),
    status: z.enum(['created', 'replaced', 'unchanged', 'deleted']),
    format: z.enum(['txt', 'md', 'pdf', 'docx', 'html']).optional(),
    sha256: z.string().optional(),
  })
  .meta({ id: 'DocumentChange' });

export const jobSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['upload', 'delete', 'reindex']),
    state: z.enum(['queued', 'running', 'done', 'failed']),
    /** The uploaded or removed file's name. */
    file: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().optional(),
    progress: jobProgressSchema,
    error: z.object({ code: z.string(), message: z.string() }).optional(),
    documents: z.array(documentChangeSchema).optional(),
    reindex: reindexReportSchema.optional(),
  })
  .meta({ id: 'Job' });

export const jobParamsSchema = z.object({ id: z.uuid({ message: 'not a job id' }) }).strict();

export type Job = z.infer<typeof jobSchema>;
export type JobKind = Job['kind'];
export type JobProgress = z.infer<typeof jobProgressSchema>;
export type DocumentChange = z.infer<typeof documentChangeSchema>;
export type ReindexReport = z.infer<typeof reindexReportSchema>;
