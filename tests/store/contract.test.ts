import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { JsonIndexStore } from '../../src/store/json/json-store.js';
import { PostgresIndexStore } from '../../src/store/postgres/postgres-store.js';
import { SqliteIndexStore } from '../../src/store/sqlite/sqlite-store.js';
import { describeIndexStoreContract } from './contract.js';
import { pgUnavailableReason, startPgTestServer, type PgTestServer } from './pg-test-db.js';

function temporaryRoots() {
  const roots: string[] = [];
  return {
    make: async () => {
      const root = await mkdtemp(join(tmpdir(), 'policy-qa-store-'));
      roots.push(root);
      return root;
    },
    cleanup: async () => {
      for (const root of roots) await rm(root, { recursive: true, force: true });
    },
  };
}

const jsonRoots = temporaryRoots();
describeIndexStoreContract('JSON files', {
  create: async () => new JsonIndexStore(join(await jsonRoots.make(), 'index')),
  reopen: async (store) => new JsonIndexStore(store.location),
  cleanup: jsonRoots.cleanup,
});

const sqliteRoots = temporaryRoots();
describeIndexStoreContract('SQLite', {
  create: async () => new SqliteIndexStore(join(await sqliteRoots.make(), 'index', 'index.sqlite')),
  reopen: async (store) => new SqliteIndexStore(store.location),
  cleanup: sqliteRoots.cleanup,
});

// PostgreSQL: PG_TEST_URL's server or a throwaway cluster (tests/store/pg-test-db.ts); each run gets its own database.
const pgMissing = pgUnavailableReason();
if (pgMissing) {
  console.warn(pgMissing);
  describe('IndexStore contract: PostgreSQL', () => it.skip(pgMissing, () => {}));
} else {
  let server: PgTestServer | undefined;
  describeIndexStoreContract('PostgreSQL', {
    create: async () => {
      server ??= await startPgTestServer();
      return new PostgresIndexStore(await server.database());
    },
    reopen: async (store) => new PostgresIndexStore((store as PostgresIndexStore).connectionUrl),
    cleanup: async () => server?.stop(),
  });
}
