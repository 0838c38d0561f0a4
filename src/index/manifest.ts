import { z } from 'zod';

/**
 * Bump when ingest output changes shape or meaning, so old indexes are rebuilt, and when a loader's
 * output changes: unchanged PDF/DOCX files are not parsed again within one version.
 */
export const PIPELINE_VERSION = 7;

export const manifestSchema = z.object({
  pipelineVersion: z.number().int(),
  corpusHash: z.string(),
  createdAt: z.string(),
  seedsDir: z.string(),
  documents: z.array(z.object({ id: z.string(), sha256: z.string(), chars: z.number().int() })),
  counts: z.object({
    documents: z.number().int(),
    sections: z.number().int(),
    chunks: z.number().int(),
    indicators: z.number().int(),
    vocabulary: z.number().int(),
    vectors: z.number().int(),
  }),
  embedding: z.object({ model: z.string(), active: z.boolean(), dimensions: z.number().int().optional(), reason: z.string().optional() }),
  files: z.record(z.string(), z.object({ sha256: z.string(), bytes: z.number().int() })),
  warnings: z.array(z.string()),
});

export type Manifest = z.infer<typeof manifestSchema>;
