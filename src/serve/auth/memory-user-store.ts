import { z } from 'zod';
import { AppError } from '../../errors.js';
import {
  apiKeyRecordSchema,
  sessionRecordSchema,
  userRecordSchema,
  type ApiKeyRecord,
  type SessionRecord,
  type UserChange,
  type UserRecord,
  type UserStore,
} from './user-store.js';

/** Everything a store holds, as one value: what the file store writes to disk. */
export const authDataSchema = z.object({
  version: z.literal(1),
  users: z.array(userRecordSchema),
  sessions: z.array(sessionRecordSchema),
  keys: z.array(apiKeyRecordSchema),
});
export type AuthData = z.infer<typeof authDataSchema>;

export function emptyAuthData(): AuthData {
  return { version: 1, users: [], sessions: [], keys: [] };
}

/**
 * The store's logic over one in-memory value. Subclasses decide where the value comes from and
 * goes to by overriding read() and change(); this class alone is the store for tests and demos.
 */
export class MemoryUserStore implements UserStore {
  protected data: AuthData = emptyAuthData();

  protected async read(): Promise<AuthData> {
    return this.data;
  }

  /** Applies `edit` to the data; a thrown error leaves the data unchanged (edits check before they mutate). */
  protected async change<T>(edit: (data: AuthData) => T): Promise<T> {
    return edit(this.data);
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.read()).users.map((u) => ({ ...u }));
  }

  async findUser(id: string): Promise<UserRecord | undefined> {
    const user = (await this.read()).users.find((u) => u.id === id);
    return user && { ...user };
  }

  async findUserByName(name: string): Promise<UserRecord | undefined> {
    const user = (await this.read()).users.find((u) => u.name === name);
    return user && { ...user };
  }

  addUser(user: UserRecord): Promise<void> {
    return this.change((data) => {
      if (data.users.some((u) => u.name === user.name)) throw new AppError('conflict', 409, `a user named ${user.name} already exists`, 'name');
      if (data.users.some((u) => u.id === user.id)) throw new AppError('conflict', 409, `user id ${user.id} is taken`, 'id');
      data.users.push({ ...user });
    });
  }

  updateUser(id: string, change: UserChange): Promise<UserRecord | undefined> {
    return this.change((data) => {
      const user = data.users.find((u) => u.id === id);
      if (!user) return undefined;
      Object.assign(user, Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)));
      return { ...user };
    });
  }

  removeUser(id: string): Promise<boolean> {
    return this.change((data) => {
      const before = data.users.length;
      data.users = data.users.filter((u) => u.id !== id);
      data.sessions = data.sessions.filter((s) => s.userId !== id);
      data.keys = data.keys.filter((k) => k.userId !== id);
      return data.users.length < before;
    });
  }

  addSession(session: SessionRecord): Promise<void> {
    return this.change((data) => {
      data.sessions.push({ ...session });
    });
  }

  async findSession(tokenHash: string): Promise<SessionRecord | undefined> {
    const session = (await this.read()).sessions.find((s) => s.tokenHash === tokenHash);
    return session && { ...session };
  }

  removeSession(tokenHash: string): Promise<void> {
    return this.change((data) => {
      data.sessions = data.sessions.filter((s) => s.tokenHash !== tokenHash);
    });
  }

  removeSessionsOf(userId: string): Promise<number> {
    return this.change((data) => {
      const before = data.sessions.length;
      data.sessions = data.sessions.filter((s) => s.userId !== userId);
      return before - data.sessions.length;
    });
  }

  pruneSessions(now: string): Promise<number> {
    return this.change((data) => {
      const before = data.sessions.length;
      data.sessions = data.sessions.filter((s) => s.expiresAt > now);
      return before - data.sessions.length;
    });
  }

  addApiKey(key: ApiKeyRecord): Promise<void> {
    return this.change((data) => {
      if (!data.users.some((u) => u.id === key.userId)) throw new AppError('not_found', 404, `no user with id ${key.userId}`, 'userId');
      data.keys.push({ ...key });
    });
  }

  async findApiKeyByHash(hash: string): Promise<ApiKeyRecord | undefined> {
    const key = (await this.read()).keys.find((k) => k.hash === hash && !k.revokedAt);
    return key && { ...key };
  }

  async listApiKeys(userId?: string): Promise<ApiKeyRecord[]> {
    return (await this.read()).keys.filter((k) => userId === undefined || k.userId === userId).map((k) => ({ ...k }));
  }

  revokeApiKey(id: string, at: string): Promise<ApiKeyRecord | undefined> {
    return this.change((data) => {
      const key = data.keys.find((k) => k.id === id);
      if (!key) return undefined;
      key.revokedAt ??= at;
      return { ...key };
    });
  }
}
