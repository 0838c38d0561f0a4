import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { AppError } from '../../errors.js';
import { authDataSchema, emptyAuthData, MemoryUserStore, type AuthData } from './memory-user-store.js';

/**
 * Users, sessions and keys in one JSON file (AUTH_FILE). Every change writes a temporary file,
 * fsyncs it and renames it over the old one, so a crash leaves the old or the new file, never half
 * of one. The file is re-read whenever it changed on disk, so a user added or a key revoked with
 * `npm run users` takes effect in a running server at once, and the server never writes back a
 * stale copy over it. Changes in this process are serialized.
 */
export class FileUserStore extends MemoryUserStore {
  readonly file: string;
  private stamp: string | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(file: string) {
    super();
    this.file = resolve(file);
  }

  protected override async read(): Promise<AuthData> {
    const info = await stat(this.file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw this.unusable(error.message);
    });
    const stamp = info ? `${info.ino}:${info.size}:${info.mtimeMs}` : 'absent';
    if (stamp === this.stamp) return this.data;
    this.data = info ? this.parse(await readFile(this.file, 'utf8')) : emptyAuthData();
    this.stamp = stamp;
    return this.data;
  }

  protected override change<T>(edit: (data: AuthData) => T): Promise<T> {
    const run = this.queue.then(async () => {
      const data = structuredClone(await this.read());
      const result = edit(data);
      await this.write(data);
      this.data = data;
      return result;
    });
    // A failed change must not block the ones after it.
    this.queue = run.catch(() => undefined);
    return run;
  }

  private parse(text: string): AuthData {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw this.unusable(`not valid JSON (${(error as Error).message})`);
    }
    const parsed = authDataSchema.safeParse(json);
    if (!parsed.success) throw this.unusable(`${parsed.error.issues[0]?.path.join('.') || 'file'}: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  }

  /** Refuse rather than start with no users: an empty store would let ADMIN_USER take over. */
  private unusable(reason: string): AppError {
    return new AppError('config_invalid', 500, `the user store ${this.file} (AUTH_FILE) cannot be used: ${reason}`, 'AUTH_FILE');
  }

  private async write(data: AuthData): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    const temporary = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      // Password hashes and key hashes are for this service's eyes only.
      const handle = await open(temporary, 'w', 0o600);
      try {
        await handle.writeFile(JSON.stringify(data, null, 1));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, this.file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    await syncFolder(dirname(this.file));
    const info = await stat(this.file);
    this.stamp = `${info.ino}:${info.size}:${info.mtimeMs}`;
  }
}

/** The rename is durable only once the folder entry is on disk; some file systems cannot fsync folders. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Best effort (not supported everywhere).
  } finally {
    await handle.close();
  }
}
