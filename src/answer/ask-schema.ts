import { z } from 'zod';
import { CONTEXT_TURNS } from './conversation/conversation.js';

export const MAX_QUESTION_LENGTH = 500;

/** Longer histories are refused rather than cut, so a client bug that resends everything shows up. */
export const MAX_HISTORY_TURNS = 50;

const questionText = (name: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${name} is required` : `${name} must be a string`) })
    .trim()
    .min(1, `${name} must not be empty`)
    .max(MAX_QUESTION_LENGTH, `${name} must be at most ${MAX_QUESTION_LENGTH} characters`);

/**
 * An earlier turn: its question as typed, `{question}` (an earlier request), or an earlier response
 * echoed back, whose `question.resolved` is taken as the resolved form.
 */
export const historyTurnSchema = z.union([
  questionText('history item'),
  z.object({ question: questionText('history item question') }),
  z.object({ question: z.object({ resolved: questionText('history item question.resolved') }) }),
]);
export type HistoryTurn = z.infer<typeof historyTurnSchema>;

export const askRequestSchema = z
  .object({
    question: questionText('question'),
    history: z
      .array(historyTurnSchema)
      .max(MAX_HISTORY_TURNS, `history must have at most ${MAX_HISTORY_TURNS} turns`)
      .optional()
      .describe(
        `Earlier turns of the conversation, oldest first: questions as typed, {question} requests, or earlier responses echoed back. ` +
          `The question may then be a follow-up ("那2025年呢？", "武汉呢？", "它的增速呢？", "出自哪份报告？"); only the last ${CONTEXT_TURNS} turns count; at most ${MAX_HISTORY_TURNS} are accepted.`,
      ),
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
  /** PDF: the page (1-based) the cited span starts on. */
  page: z.number().int().optional(),
  /** DOCX/HTML: the headings the cited span stands under, outermost first. */
  headingPath: z.array(z.string()).optional(),
  score: z.number(),
});
export type Citation = z.infer<typeof citationSchema>;

export const answerStatusSchema = z.enum(['answered', 'not_found']);
export type AnswerStatus = z.infer<typeof answerStatusSchema>;
