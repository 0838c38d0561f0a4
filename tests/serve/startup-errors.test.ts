import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexDirError } from '../../src/index/index-dir-error.js';
import { SEEDS_DIR } from '../fixtures/seeds.js';
import { startServer } from './child-server.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Starts `npm start` with env and returns its exit code and every log line once it has exited. */
async function failedStart(env: Record<string, string>): Promise<{ code: number | null; lines: Array<Record<string, unknown>> }> {
  const child = startServer(env);
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 30_000);
  const { code } = await child.exited;
  clearTimeout(timer);
  return { code, lines: child.logs };
}

describe('start-up refusals: one clear line, no stack, exit code 1', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'policy-qa-startup-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('refuses ADMIN_TOKEN equal to API_KEY', async () => {
    const secret = 'one-secret-for-both-0123';
    const { code, lines } = await failedStart({ API_KEY: secret, ADMIN_TOKEN: secret, INDEX_DIR: join(root, 'unused'), SEEDS_DIR });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 60, code: 'config_invalid', field: 'ADMIN_TOKEN' });
    expect(lines[0].msg).toBe('invalid configuration ADMIN_TOKEN: ADMIN_TOKEN must differ from API_KEY (equal values would let every API user re-index)');
    expect(JSON.stringify(lines)).not.toContain(secret);
  });

  it('an INDEX_DIR that cannot be created names the folder and the variable', async () => {
    const file = join(root, 'a-file');
    await writeFile(file, 'not a folder');
    const indexDir = join(file, 'index');
    const { code, lines } = await failedStart({ INDEX_DIR: indexDir, SEEDS_DIR });
    expect(code).toBe(1);
    const fatal = lines.filter((line) => line.level === 60);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatchObject({ code: 'index_unwritable', field: 'INDEX_DIR' });
    expect(fatal[0].msg).toMatch(new RegExp(`^cannot write the index to ${escape(indexDir)} \\(INDEX_DIR\\): `));
    expect(JSON.stringify(fatal[0])).not.toMatch(/stack|\\n\s+at /);
  });

  // Root may write where a mode allows nothing, so as root the read-only place is sysfs, which refuses mkdir to everyone.
  const asRoot = process.getuid?.() === 0;
  it.skipIf(asRoot && !existsSync('/sys/kernel'))('a read-only INDEX_DIR parent is refused the same way', async () => {
    const readOnly = asRoot ? '/sys/policy-qa-test' : join(root, 'read-only');
    if (!asRoot) {
      await mkdir(readOnly);
      await chmod(readOnly, 0o555);
    }
    const indexDir = join(readOnly, asRoot ? 'data' : '', 'index');
    const { code, lines } = await failedStart({ INDEX_DIR: indexDir, SEEDS_DIR });
    if (!asRoot) await chmod(readOnly, 0o755);
    expect(code).toBe(1);
    const fatal = lines.filter((line) => line.level === 60);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatchObject({ code: 'index_unwritable', field: 'INDEX_DIR' });
    expect(fatal[0].msg).toMatch(new RegExp(`^cannot write the index to ${escape(indexDir)} \\(INDEX_DIR\\): (permission denied \\(EACCES\\)|operation not permitted \\(EPERM\\))`));
  });

  it('turns file-system refusals into that line and leaves other errors alone', () => {
    const rofs = Object.assign(new Error("EROFS: read-only file system, mkdir '/srv/qa'"), { code: 'EROFS', syscall: 'mkdir' });
    expect(indexDirError(rofs, '/srv/qa/index')?.message).toBe(
      'cannot write the index to /srv/qa/index (INDEX_DIR): the file system is read-only (EROFS); set INDEX_DIR to a writable folder',
    );
    const enoent = Object.assign(new Error("ENOENT: no such file or directory, mkdir '/proc/x'"), { code: 'ENOENT' });
    expect(indexDirError(enoent, '/proc/x/index')?.message).toContain('a parent folder does not exist and cannot be created (ENOENT)');
    expect(indexDirError(new Error('boom'), '/srv/qa/index')).toBeUndefined();
  });
});
