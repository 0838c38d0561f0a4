/**
 * Starts the real app on a free loopback port over an index built from the seeds into a temp
 * folder (keyword + indicator retrieval; no embedding model on test machines).
 */
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { runIngest } from '../../ingest/pipeline.js';
import { openEngine, type Engine } from '../../src/engine.js';
import { createApp, type AppOptions } from '../../src/serve/app.js';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds', import.meta.url));

export interface TestServer {
  url: string;
  app: Hono;
  engine: Engine;
  close: () => Promise<void>;
}

export async function buildEngine(): Promise<{ engine: Engine; cleanup: () => Promise<void> }> {
  const indexDir = await mkdtemp(join(tmpdir(), 'policy-qa-serve-'));
  await runIngest({ seedsDir: SEEDS_DIR, indexDir, embedder: null });
  const engine = await openEngine({ indexDir });
  return {
    engine,
    cleanup: async () => {
      await engine.close();
      await rm(indexDir, { recursive: true, force: true });
    },
  };
}

export async function startTestServer(options: Omit<AppOptions, 'engine'> = {}): Promise<TestServer> {
  const { engine, cleanup } = await buildEngine();
  const app = createApp({ ...options, engine: () => engine });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    engine,
    close: async () => {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await cleanup();
    },
  };
}
