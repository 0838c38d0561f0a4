import { z } from 'zod';

/** The one model this service offers through the OpenAI-compatible API. */
export const MODEL_ID = 'policy-report-qa';

const contentPartSchema = z.looseObject({ type: z.string(), text: z.string().optional() });

const chatMessageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: z.union([z.string(), z.array(contentPartSchema), z.null()]).optional(),
  name: z.string().optional(),
});

/**
 * Only the fields this service acts on are checked. Other OpenAI parameters (temperature, tools,
 * response_format, …) are accepted and ignored, because stock clients send them by default and the
 * answer is not theirs to tune: it is extractive, or an LLM draft held to the same sources by the guard.
 */
export const chatCompletionRequestSchema = z
  .looseObject({
    model: z.literal(MODEL_ID, { error: `model must be "${MODEL_ID}" (see GET /v1/models)` }),
    messages: z.array(chatMessageSchema).min(1, 'messages must not be empty').max(200),
    stream: z.boolean().nullish(),
    stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
    n: z.literal(1, { error: 'n must be 1: there is one answer per question' }).nullish(),
  })
  .meta({ id: 'ChatCompletionRequest' });

export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;
export type ChatMessage = z.infer<typeof chatMessageSchema>;

const usageSchema = z.object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() });

export const chatCompletionSchema = z
  .object({
    id: z.string(),
    object: z.literal('chat.completion'),
    created: z.number(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number(),
        message: z.object({ role: z.literal('assistant'), content: z.string() }),
        finish_reason: z.literal('stop'),
        logprobs: z.null(),
      }),
    ),
    usage: usageSchema,
  })
  .meta({ id: 'ChatCompletion' });

export const chatCompletionChunkSchema = z
  .object({
    id: z.string(),
    object: z.literal('chat.completion.chunk'),
    created: z.number(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number(),
        delta: z.object({ role: z.literal('assistant').optional(), content: z.string().optional() }),
        finish_reason: z.literal('stop').nullable(),
        logprobs: z.null(),
      }),
    ),
    usage: usageSchema.nullable().optional(),
  })
  .meta({
    id: 'ChatCompletionChunk',
    description: 'one `data:` line of a streamed completion; the stream ends with `data: [DONE]`',
  });

export const modelListSchema = z
  .object({
    object: z.literal('list'),
    data: z.array(z.object({ id: z.string(), object: z.literal('model'), created: z.number(), owned_by: z.string() })),
  })
  .meta({ id: 'ModelList' });

export type ChatCompletion = z.infer<typeof chatCompletionSchema>;
export type ChatCompletionChunk = z.infer<typeof chatCompletionChunkSchema>;
export type ModelList = z.infer<typeof modelListSchema>;
