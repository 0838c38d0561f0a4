import { z } from 'zod';
import { AppError } from './errors.js';
import { DEFAULT_EMBEDDING_MODEL } from './index/embeddings.js';
import { llmEnvShape, requireCompleteLlmEnv } from './answer/llm/llm-config.js';
import { isAddressOrRange } from './serve/middleware/client-address.js';
import { passwordSchema, userNameSchema } from './serve/auth/auth-schemas.js';

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);
/** An empty variable (PORT= in a .env file) means unset, not 0. */
const envNumber = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema);

export const configSchema = z.object({
  PORT: envNumber(z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: z.string().default('0.0.0.0'),
  INDEX_DIR: z.string().min(1).default('data/index'),
  /** Where the index lives: unset → SQLite file in INDEX_DIR; sqlite:PATH; json: (the JSON files in INDEX_DIR). */
  DATABASE_URL: z.preprocess(emptyToUndefined, z.string().regex(/^(sqlite:.+|json:?|postgres(ql)?:\/\/.+)$/, 'DATABASE_URL must be sqlite:PATH, json: or postgres://…').optional()),
  SEEDS_DIR: z.string().min(1).default('seeds'),
  MODEL_DIR: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
  EMBEDDING_MODEL: z.string().min(1).default(DEFAULT_EMBEDDING_MODEL),
  /** On machines with internet, transformers.js may download the model on first use. */
  ALLOW_MODEL_DOWNLOAD: z
    .preprocess(emptyToUndefined, z.enum(['true', 'false', '1', '0']).optional())
    .transform((v) => v === 'true' || v === '1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** When set, /ask and /v1/* require `Authorization: Bearer <API_KEY>`. */
  API_KEY: z.preprocess(emptyToUndefined, z.string().min(8, 'API_KEY must be at least 8 characters').optional()),
  /** When set, POST /admin/reindex exists and requires `Authorization: Bearer <ADMIN_TOKEN>`. */
  ADMIN_TOKEN: z.preprocess(emptyToUndefined, z.string().min(16, 'ADMIN_TOKEN must be at least 16 characters').optional()),
  /** User accounts: sign-in for the web page, per-user API keys, roles; stored in AUTH_FILE. */
  AUTH_USERS: z
    .preprocess(emptyToUndefined, z.enum(['true', 'false', '1', '0']).optional())
    .transform((v) => v === 'true' || v === '1'),
  /** The user store (users, password hashes, sessions, hashed API keys), written atomically. */
  AUTH_FILE: z.string().min(1).default('data/auth.json'),
  /** First admin, created at start-up when the store has no users yet (ignored afterwards). */
  ADMIN_USER: z.preprocess(emptyToUndefined, userNameSchema.optional()),
  ADMIN_PASSWORD: z.preprocess(emptyToUndefined, passwordSchema.optional()),
  /** How long a sign-in lasts. */
  SESSION_HOURS: envNumber(z.coerce.number().min(0.05).max(24 * 30).default(12)),
  /** Secure flag of the session cookie: auto (when the request came over TLS, X-Forwarded-Proto with TRUST_PROXY), always, never. */
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  /** Failed sign-in attempts per minute, per client address and per user name. */
  LOGIN_ATTEMPTS_PER_MINUTE: envNumber(z.coerce.number().int().min(1).max(1000).default(10)),
  /** Comma-separated origins allowed to call the API from a browser ("*" for any); empty: none. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean)),
  /** Requests per minute per client IP on the API routes; 0 turns rate limiting off. */
  RATE_LIMIT_PER_MINUTE: envNumber(z.coerce.number().int().min(0).default(120)),
  /** Believe X-Forwarded-For for the client IP: only behind a reverse proxy that sets it. */
  TRUST_PROXY: z
    .preprocess(emptyToUndefined, z.enum(['true', 'false', '1', '0']).optional())
    .transform((v) => v === 'true' || v === '1'),
  /**
   * With TRUST_PROXY: addresses or CIDR ranges of further proxies in the X-Forwarded-For chain. The
   * client is the rightmost entry not listed; empty: the rightmost entry (what the proxy saw).
   */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .refine((list) => list.every(isAddressOrRange), 'TRUSTED_PROXIES must be IP addresses or CIDR ranges, comma-separated'),
  /** Largest request body in bytes (413 beyond). */
  BODY_LIMIT_BYTES: envNumber(z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(64 * 1024)),
  /** A damaged index, or one built with another EMBEDDING_MODEL, found at start-up: rebuild it from the seeds, or refuse to start. */
  INDEX_ON_CORRUPT: z.enum(['rebuild', 'refuse']).default('rebuild'),
  /**
   * How often a server asks the store whether another process wrote a newer index (servers sharing one
   * PostgreSQL database or SQLite file), and then serves it; 0 turns this off.
   */
  INDEX_POLL_SECONDS: envNumber(z.coerce.number().min(0).max(3600).default(2)),
  /** On SIGTERM, how long in-flight requests may take to finish before the server exits anyway. */
  SHUTDOWN_TIMEOUT_MS: envNumber(z.coerce.number().int().min(0).default(10_000)),
  /** Optional LLM answer mode (LLM_BASE_URL, LLM_API_KEY, LLM_MODEL, LLM_TIMEOUT_MS, LLM_MAX_RETRIES). */
  ...llmEnvShape,
})
  .superRefine(requireCompleteLlmEnv)
  .superRefine((config, context) => {
    // Equal secrets would make every API user an administrator without anyone noticing.
    if (config.API_KEY !== undefined && config.API_KEY === config.ADMIN_TOKEN) {
      context.addIssue({ code: 'custom', path: ['ADMIN_TOKEN'], message: 'ADMIN_TOKEN must differ from API_KEY (equal values would let every API user re-index)' });
    }
    if ((config.ADMIN_USER !== undefined || config.ADMIN_PASSWORD !== undefined) && !config.AUTH_USERS) {
      context.addIssue({ code: 'custom', path: [config.ADMIN_USER !== undefined ? 'ADMIN_USER' : 'ADMIN_PASSWORD'], message: 'ADMIN_USER and ADMIN_PASSWORD need AUTH_USERS=true' });
    }
    if ((config.ADMIN_USER === undefined) !== (config.ADMIN_PASSWORD === undefined)) {
      context.addIssue({ code: 'custom', path: [config.ADMIN_USER === undefined ? 'ADMIN_USER' : 'ADMIN_PASSWORD'], message: 'set ADMIN_USER and ADMIN_PASSWORD together' });
    }
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
