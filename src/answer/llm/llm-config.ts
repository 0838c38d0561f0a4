import { z } from 'zod';

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

export const DEFAULT_LLM_TIMEOUT_MS = 20_000;
export const DEFAULT_LLM_MAX_RETRIES = 2;

/**
 * The LLM_* environment variables, spread into the app's config schema. All optional: without
 * LLM_BASE_URL and LLM_MODEL the product stays extractive.
 */
export const llmEnvShape = {
  /** Any OpenAI-compatible chat-completions endpoint, e.g. http://localhost:11434/v1 (Ollama). */
  LLM_BASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  /** Local servers (Ollama, vLLM) usually need none. */
  LLM_API_KEY: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
  LLM_MODEL: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
  /** Budget for the whole LLM step, retries and backoff included; when spent, the extractive answer is served. */
  LLM_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).max(600_000).default(DEFAULT_LLM_TIMEOUT_MS)),
  /** Extra attempts after a retryable failure (refused or dropped connection, 429, 5xx), within LLM_TIMEOUT_MS. */
  LLM_MAX_RETRIES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(10).default(DEFAULT_LLM_MAX_RETRIES)),
};

interface LlmEnv {
  LLM_BASE_URL?: string;
  LLM_API_KEY?: string;
  LLM_MODEL?: string;
  LLM_TIMEOUT_MS: number;
  LLM_MAX_RETRIES: number;
}

/** A half-configured LLM is an operator mistake; say so at start-up rather than silently stay extractive. */
export function requireCompleteLlmEnv(env: LlmEnv, context: z.RefinementCtx): void {
  if (env.LLM_BASE_URL && !env.LLM_MODEL) {
    context.addIssue({ code: 'custom', path: ['LLM_MODEL'], message: 'LLM_MODEL must be set when LLM_BASE_URL is' });
  }
  if (env.LLM_MODEL && !env.LLM_BASE_URL) {
    context.addIssue({ code: 'custom', path: ['LLM_BASE_URL'], message: 'LLM_BASE_URL must be set when LLM_MODEL is' });
  }
}

/** Settings of the LLM answer mode, as the engine takes them. */
export const llmSettingsSchema = z
  .object({
    baseURL: z.url({ protocol: /^https?$/ }),
    apiKey: z.string().min(1).optional(),
    model: z.string().min(1),
    timeoutMs: z.number().int().min(1).max(600_000).default(DEFAULT_LLM_TIMEOUT_MS),
    maxRetries: z.number().int().min(0).max(10).default(DEFAULT_LLM_MAX_RETRIES),
    /** First backoff delay; doubles per retry, with jitter. */
    retryBaseDelayMs: z.number().int().min(0).max(60_000).default(250),
  })
  .strict();

export type LlmSettings = z.output<typeof llmSettingsSchema>;
export type LlmSettingsInput = z.input<typeof llmSettingsSchema>;

/** The engine's LLM settings from the parsed environment; undefined when no LLM is configured. */
export function llmSettingsFromConfig(env: LlmEnv): LlmSettingsInput | undefined {
  if (!env.LLM_BASE_URL || !env.LLM_MODEL) return undefined;
  return {
    baseURL: env.LLM_BASE_URL,
    apiKey: env.LLM_API_KEY,
    model: env.LLM_MODEL,
    timeoutMs: env.LLM_TIMEOUT_MS,
    maxRetries: env.LLM_MAX_RETRIES,
  };
}
