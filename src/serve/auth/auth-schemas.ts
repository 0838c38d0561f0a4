import { z } from 'zod';
import { ROLES, roleSchema } from './roles.js';

/** Letters of any script, digits and . _ @ -: names that survive logs, URLs and shells unquoted. */
export const userNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'letters, digits and . _ @ - only')
  .meta({ example: 'zhang.wei' });
export const passwordSchema = z.string().min(10, 'at least 10 characters').max(256);

export const loginRequestSchema = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }).strict().meta({ id: 'LoginRequest' });

export const publicUserSchema = z
  .object({ id: z.string(), name: z.string(), role: roleSchema, disabled: z.boolean(), createdAt: z.string() })
  .meta({ id: 'User' });

export const sessionSchema = z
  .object({
    user: publicUserSchema,
    csrfToken: z.string().describe('send as X-CSRF-Token on POST/PATCH/DELETE requests signed in with the cookie'),
    expiresAt: z.string(),
  })
  .meta({ id: 'Session' });

export const meSchema = z
  .object({
    authenticated: z.boolean(),
    via: z.enum(['anonymous', 'static-key', 'admin-token', 'api-key', 'session']),
    role: roleSchema.optional().describe('absent when anonymous on a server that requires no credential'),
    user: publicUserSchema.optional(),
    csrfToken: z.string().optional(),
    expiresAt: z.string().optional(),
    accounts: z.boolean().describe('user accounts (sign-in) are on'),
  })
  .meta({ id: 'Me' });

export const createUserSchema = z
  .object({ name: userNameSchema, password: passwordSchema, role: roleSchema.default('reader') })
  .strict()
  .meta({ id: 'CreateUser' });

export const updateUserSchema = z
  .object({ role: roleSchema.optional(), password: passwordSchema.optional(), disabled: z.boolean().optional() })
  .strict()
  .refine((v) => v.role !== undefined || v.password !== undefined || v.disabled !== undefined, 'give role, password or disabled')
  .meta({ id: 'UpdateUser' });

export const createKeySchema = z
  .object({ label: z.string().min(1).max(80), role: z.enum(ROLES).optional().describe("default: the owner's role; never more") })
  .strict()
  .meta({ id: 'CreateApiKey' });

export const apiKeySchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    label: z.string(),
    role: roleSchema,
    prefix: z.string().describe('the first characters of the secret'),
    createdAt: z.string(),
    revokedAt: z.string().optional(),
  })
  .meta({ id: 'ApiKey' });

export const createdKeySchema = z
  .object({ key: apiKeySchema, secret: z.string().describe('shown this once: only its SHA-256 is stored') })
  .meta({ id: 'CreatedApiKey' });
