/**
 * A PostgreSQL database for tests: PG_TEST_URL's server when set, else a throwaway cluster started
 * from /usr/lib/postgresql/N/bin (initdb into a temp dir, a free port, stopped and deleted after).
 * Each call to `database()` creates a database with a random name, dropped at teardown. Without any
 * PostgreSQL the tests are skipped with the reason printed (CI installs it: .ci/run).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { freePort } from '../../bench/free-port.js';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PgTestServer {
  /** A new empty database on the server; dropped by stop(). */
  database(): Promise<string>;
  stop(): Promise<void>;
}

/** The newest installed PostgreSQL's bin folder, if any. */
function installedBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

/** Why the Postgres tests cannot run here, or undefined when they can. */
export function pgUnavailableReason(): string | undefined {
  if (process.env.PG_TEST_URL) return undefined;
  if (!installedBin()) return 'no PostgreSQL here: set PG_TEST_URL or install postgresql (CI does, in .ci/run); Postgres store tests skipped';
  if (userInfo().uid === 0 && !ownerAccount()) return 'running as root and no "postgres" account to run initdb as; Postgres store tests skipped';
  return undefined;
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` account the package creates. */
function ownerAccount(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}


function run(bin: string, args: string[], owner?: { uid: number; gid: number }): void {
  const result = spawnSync(bin, args, { encoding: 'utf8', ...(owner ? { uid: owner.uid, gid: owner.gid } : {}), cwd: tmpdir() });
  if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed: ${result.stderr || result.stdout || result.error?.message}`);
}

/** Replaces the database name in a URL. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function startPgTestServer(): Promise<PgTestServer> {
  let adminUrl = process.env.PG_TEST_URL;
  let stopCluster = async () => {};
  if (!adminUrl) {
    const bin = installedBin();
    if (!bin) throw new Error('no PostgreSQL installed');
    const owner = ownerAccount();
    const root = mkdtempSync(join(tmpdir(), 'policy-qa-pg-'));
    if (owner) chownSync(root, owner.uid, owner.gid);
    const data = join(root, 'data');
    const port = await freePort();
    run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], owner);
    // Socket in the temp dir, TCP on localhost only; fsync off: a test cluster need not survive a power cut.
    const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(root, 'log'), '-o', options, '-w', '-t', '60', 'start'], owner);
    adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    stopCluster = async () => {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], owner);
      rmSync(root, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const created: string[] = [];
  return {
    database: async () => {
      const name = `policy_qa_test_${randomBytes(6).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${name}`);
      created.push(name);
      return withDatabase(adminUrl, name);
    },
    stop: async () => {
      try {
        for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.end();
        await stopCluster();
      }
    },
  };
}
