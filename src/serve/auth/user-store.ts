import { z } from 'zod';
import { roleSchema } from './roles.js';

/**
 * What the product remembers about accounts. Secrets are never stored: passwords as scrypt
 * hashes, session tokens and API keys as SHA-256 hashes (they are long random strings, so a fast
 * hash is enough). A SQLite or PostgreSQL store implements the same interface.
 */
export const userRecordSchema = z.object({
  id: z.string(),
  /** Normalized (NFKC, lower case): the sign-in name. */
  name: z.string(),
  role: roleSchema,
  passwordHash: z.string(),
  disabled: z.boolean(),
  createdAt: z.string(),
});

export const sessionRecordSchema = z.object({
  tokenHash: z.string(),
  userId: z.string(),
  /** Sent back in X-CSRF-Token on the session's unsafe requests; not a credential by itself. */
  csrfToken: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
});

export const apiKeyRecordSchema = z.object({
  id: z.string(),
  userId: z.string(),
  label: z.string(),
  role: roleSchema,
  hash: z.string(),
  /** The first characters of the secret, so people can tell their keys apart. */
  prefix: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().optional(),
});

export type UserRecord = z.infer<typeof userRecordSchema>;
export type SessionRecord = z.infer<typeof sessionRecordSchema>;
export type ApiKeyRecord = z.infer<typeof apiKeyRecordSchema>;
export type UserChange = Partial<Pick<UserRecord, 'role' | 'passwordHash' | 'disabled'>>;

export interface UserStore {
  listUsers(): Promise<UserRecord[]>;
  findUser(id: string): Promise<UserRecord | undefined>;
  findUserByName(name: string): Promise<UserRecord | undefined>;
  /** Throws AppError conflict when the name is taken. */
  addUser(user: UserRecord): Promise<void>;
  updateUser(id: string, change: UserChange): Promise<UserRecord | undefined>;
  /** Removes the user with their sessions and keys; false when there was no such user. */
  removeUser(id: string): Promise<boolean>;

  addSession(session: SessionRecord): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | undefined>;
  removeSession(tokenHash: string): Promise<void>;
  /** Signs a user out everywhere (password changed, account disabled); returns how many sessions ended. */
  removeSessionsOf(userId: string): Promise<number>;
  /** Drops sessions that expired before `now` (ISO time). */
  pruneSessions(now: string): Promise<number>;

  addApiKey(key: ApiKeyRecord): Promise<void>;
  /** Only keys that are not revoked. */
  findApiKeyByHash(hash: string): Promise<ApiKeyRecord | undefined>;
  /** All keys, or one user's, revoked ones included (they say when they stopped working). */
  listApiKeys(userId?: string): Promise<ApiKeyRecord[]>;
  revokeApiKey(id: string, at: string): Promise<ApiKeyRecord | undefined>;
}
