import { AppError } from '../../errors.js';
import { DEFAULT_SCRYPT_COST, hashPassword, verifyPassword, type ScryptCost } from './password.js';
import type { Principal, PublicUser } from './principal.js';
import { allows, lowerRole, type Role } from './roles.js';
import { randomId, randomToken, sha256Hex } from './secrets.js';
import type { ApiKeyRecord, UserRecord, UserStore } from './user-store.js';

/** Every per-user key starts so: a bearer token without it is not looked up in the store at all. */
export const API_KEY_PREFIX = 'pqa_';

export interface AccountsOptions {
  store: UserStore;
  /** How long a sign-in lasts; default 12 hours. */
  sessionHours?: number;
  now?: () => number;
  /** Lower only in tests: the default is the production cost. */
  passwordCost?: ScryptCost;
}

export interface PublicApiKey {
  id: string;
  userId: string;
  label: string;
  role: Role;
  prefix: string;
  createdAt: string;
  revokedAt?: string;
}

export interface SignedIn {
  user: PublicUser;
  /** The cookie value; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/** Sign-in names compare as people read them: 全角 letters and case do not make a second account. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

export function publicUser(user: UserRecord): PublicUser {
  return { id: user.id, name: user.name, role: user.role, disabled: user.disabled, createdAt: user.createdAt };
}

function publicKey(key: ApiKeyRecord): PublicApiKey {
  const { hash: _hash, ...rest } = key;
  return rest;
}

/** The rules around the store: hashing, expiry, roles, and never leaving the product without an admin. */
export class Accounts {
  readonly store: UserStore;
  private readonly sessionMs: number;
  private readonly now: () => number;
  private readonly cost: ScryptCost;
  /** Compared against when the name is unknown, so a wrong name takes as long as a wrong password. */
  private decoy: Promise<string> | undefined;

  constructor(options: AccountsOptions) {
    this.store = options.store;
    this.sessionMs = (options.sessionHours ?? 12) * 3600_000;
    this.now = options.now ?? Date.now;
    this.cost = options.passwordCost ?? DEFAULT_SCRYPT_COST;
  }

  private iso(offsetMs = 0): string {
    return new Date(this.now() + offsetMs).toISOString();
  }

  async countUsers(): Promise<number> {
    return (await this.store.listUsers()).length;
  }

  async listUsers(): Promise<PublicUser[]> {
    return (await this.store.listUsers()).map(publicUser);
  }

  async findByName(name: string): Promise<PublicUser | undefined> {
    const user = await this.store.findUserByName(normalizeName(name));
    return user && publicUser(user);
  }

  async createUser(input: { name: string; password: string; role: Role }): Promise<PublicUser> {
    const user: UserRecord = {
      id: randomId('u_'),
      name: normalizeName(input.name),
      role: input.role,
      passwordHash: await hashPassword(input.password, this.cost),
      disabled: false,
      createdAt: this.iso(),
    };
    await this.store.addUser(user);
    return publicUser(user);
  }

  async updateUser(id: string, change: { role?: Role; password?: string; disabled?: boolean }): Promise<PublicUser> {
    const user = await this.requireUser(id);
    const losesAdmin = user.role === 'admin' && !user.disabled && ((change.role !== undefined && change.role !== 'admin') || change.disabled === true);
    if (losesAdmin) await this.keepAnAdmin(id);
    const updated = await this.store.updateUser(id, {
      role: change.role,
      disabled: change.disabled,
      passwordHash: change.password === undefined ? undefined : await hashPassword(change.password, this.cost),
    });
    if (!updated) throw new AppError('not_found', 404, `no user with id ${id}`, 'id');
    // A new password or a disabled account ends every open sign-in of that user.
    if (change.password !== undefined || change.disabled === true) await this.store.removeSessionsOf(id);
    return publicUser(updated);
  }

  async removeUser(id: string): Promise<void> {
    const user = await this.requireUser(id);
    if (user.role === 'admin' && !user.disabled) await this.keepAnAdmin(id);
    await this.store.removeUser(id);
  }

  /** The wrong name and the wrong password are the same answer: undefined. */
  async signIn(name: string, password: string): Promise<SignedIn | undefined> {
    const user = await this.store.findUserByName(normalizeName(name));
    if (!user) {
      this.decoy ??= hashPassword('decoy password', this.cost);
      await verifyPassword(password, await this.decoy);
      return undefined;
    }
    if (!(await verifyPassword(password, user.passwordHash)) || user.disabled) return undefined;
    await this.store.pruneSessions(this.iso());
    const token = randomToken();
    const session = { tokenHash: sha256Hex(token), userId: user.id, csrfToken: randomToken(), createdAt: this.iso(), expiresAt: this.iso(this.sessionMs) };
    await this.store.addSession(session);
    return { user: publicUser(user), token, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  }

  async signOut(token: string): Promise<void> {
    await this.store.removeSession(sha256Hex(token));
  }

  async sessionPrincipal(token: string): Promise<Principal | undefined> {
    const session = await this.store.findSession(sha256Hex(token));
    if (!session || session.expiresAt <= this.iso()) return undefined;
    const user = await this.store.findUser(session.userId);
    if (!user || user.disabled) return undefined;
    return { via: 'session', role: user.role, user: publicUser(user), csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  }

  /** The secret is returned this once; the store keeps its SHA-256 only. */
  async createKey(userId: string, input: { label: string; role?: Role }): Promise<{ key: PublicApiKey; secret: string }> {
    const user = await this.requireUser(userId);
    const role = input.role ?? user.role;
    if (!allows(user.role, role)) throw new AppError('forbidden', 403, `a key cannot hold more than its owner's role (${user.role})`, 'role');
    const secret = randomToken(API_KEY_PREFIX);
    const key: ApiKeyRecord = {
      id: randomId('k_'),
      userId,
      label: input.label,
      role,
      hash: sha256Hex(secret),
      prefix: secret.slice(0, API_KEY_PREFIX.length + 6),
      createdAt: this.iso(),
    };
    await this.store.addApiKey(key);
    return { key: publicKey(key), secret };
  }

  async keyPrincipal(secret: string): Promise<Principal | undefined> {
    if (!secret.startsWith(API_KEY_PREFIX)) return undefined;
    const key = await this.store.findApiKeyByHash(sha256Hex(secret));
    if (!key) return undefined;
    const user = await this.store.findUser(key.userId);
    if (!user || user.disabled) return undefined;
    return { via: 'api-key', role: lowerRole(key.role, user.role), user: publicUser(user), keyId: key.id };
  }

  async listKeys(userId?: string): Promise<PublicApiKey[]> {
    return (await this.store.listApiKeys(userId)).map(publicKey);
  }

  /** With `ownerId`, only that user's key may be revoked (a user revoking their own). */
  async revokeKey(id: string, ownerId?: string): Promise<PublicApiKey> {
    const key = (await this.store.listApiKeys(ownerId)).find((k) => k.id === id);
    if (!key) throw new AppError('not_found', 404, `no API key with id ${id}`, 'id');
    const revoked = await this.store.revokeApiKey(id, this.iso());
    if (!revoked) throw new AppError('not_found', 404, `no API key with id ${id}`, 'id');
    return publicKey(revoked);
  }

  private async requireUser(id: string): Promise<UserRecord> {
    const user = await this.store.findUser(id);
    if (!user) throw new AppError('not_found', 404, `no user with id ${id}`, 'id');
    return user;
  }

  private async keepAnAdmin(leaving: string): Promise<void> {
    const others = (await this.store.listUsers()).filter((u) => u.id !== leaving && u.role === 'admin' && !u.disabled);
    if (others.length === 0) throw new AppError('conflict', 409, 'this is the last active admin: make another user admin first');
  }
}
