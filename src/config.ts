import { z } from 'zod';
import { AppError } from './errors.js';
import { DEFAULT_EMBEDDING_MODEL } from './index/embeddings.js';

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  INDEX_DIR: z.string().min(1).default('data/index'),
  SEEDS_DIR: z.string().min(1).default('seeds'),
  MODEL_DIR: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
  EMBEDDING_MODEL: z.string().min(1).default(DEFAULT_EMBEDDING_MODEL),
  /** On machines with internet, transformers.js may download the model on first use. */
  ALLOW_MODEL_DOWNLOAD: z
    .preprocess(emptyToUndefined, z.enum(['true', 'false', '1', '0']).optional())
    .transform((v) => v === 'true' || v === '1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema>;

/** Reads configuration from the environment; an invalid value stops start-up with a message naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue.path[0] ?? 'config');
    throw new AppError('config_invalid', 500, `invalid configuration ${field}: ${issue.message}`, field);
  }
  return parsed.data;
}
