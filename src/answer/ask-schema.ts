import { z } from 'zod';

export const MAX_QUESTION_LENGTH = 500;

export const askRequestSchema = z
  .object({
    question: z
      .string({ error: (issue) => (issue.input === undefined ? 'question is required' : 'question must be a string') })
      .trim()
      .min(1, 'question must not be empty')
      .max(MAX_QUESTION_LENGTH, `question must be at most ${MAX_QUESTION_LENGTH} characters`),
    topK: z.number().int().min(1).max(20).optional(),
    filters: z
      .object({
        region: z.string().min(1).max(20).optional(),
        year: z.number().int().min(1900).max(2100).optional(),
        docIds: z.array(z.string().min(1).max(200)).max(50).optional(),
      })
      .strict()
      .optional(),
    stream: z.boolean().optional(),
    mode: z.enum(['extractive', 'llm']).optional(),
  })
  .strict();

export type AskRequest = z.infer<typeof askRequestSchema>;

export const citationSchema = z.object({
  n: z.number().int(),
  docId: z.string(),
  title: z.string(),
  quote: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  score: z.number(),
});
export type Citation = z.infer<typeof citationSchema>;

export const answerStatusSchema = z.enum(['answered', 'not_found']);
export type AnswerStatus = z.infer<typeof answerStatusSchema>;
