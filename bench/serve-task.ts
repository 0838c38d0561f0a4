import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { openEngine } from '../src/engine.js';
import { createApp } from '../src/serve/app.js';
import { timeInProcess } from './ask-latency.js';
import { heapUsedMb, peakRssMb, rssMb } from './memory.js';
import { profiled } from './phase-profile.js';
import type { ServeMeasurement, ServeTask } from './worker-protocol.js';

export interface ServeHooks {
  /** Called with the port once the HTTP server listens on 127.0.0.1; resolves when the client is done. */
  listening: (port: number) => Promise<void>;
}

/**
 * The server as `npm start` runs it, minus ingest: open the index, answer the mix in-process, then
 * serve it over loopback HTTP to the parent, which times the requests from outside the process.
 * With profiling on, opening is profiled and the asks are profiled in an extra, untimed pass.
 */
export async function runServeTask(task: ServeTask, hooks: ServeHooks): Promise<ServeMeasurement> {
  // What the process holds before any index is read: Node, tsx, jieba, onnxruntime and the app's modules.
  const rssBeforeOpenMb = rssMb();
  const where = (phase: string) => task.profile && { dir: task.profile.dir, name: `${task.profile.name}-${phase}` };
  let openMs = 0;
  const opened = await profiled(where('open'), async () => {
    const started = performance.now();
    const opening = await openEngine({
      indexDir: task.indexDir,
      databaseUrl: task.databaseUrl,
      modelDir: task.embedding.modelDir,
      embeddingModel: task.embedding.embeddingModel,
    });
    openMs = performance.now() - started;
    return opening;
  });
  const engine = opened.value;
  const rssAfterOpenMb = rssMb();
  const heapAfterOpenMb = heapUsedMb();

  const inProcess = await timeInProcess(engine, task.questions, task.latency);
  let profiles: ServeMeasurement['profiles'];
  if (opened.profile) {
    const asked = await profiled(where('ask'), () => timeInProcess(engine, task.questions, { rounds: task.latency.rounds, warmupRounds: 0 }));
    if (asked.profile) profiles = { open: opened.profile, ask: asked.profile };
  }

  const app = createApp({ engine: () => engine });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  await hooks.listening(port);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await engine.close();

  return {
    openMs,
    rssBeforeOpenMb,
    rssAfterOpenMb,
    heapAfterOpenMb,
    inProcess,
    peakRssMb: peakRssMb(),
    retrievers: ['indicators', 'bm25', ...(engine.dense.active ? ['dense'] : [])],
    dense: { active: engine.dense.active, reason: engine.dense.reason },
    profiles,
  };
}
