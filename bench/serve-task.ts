import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { openEngine } from '../src/engine.js';
import { createApp } from '../src/serve/app.js';
import { timeInProcess } from './ask-latency.js';
import { hotSpots, profileDurationMs, saveProfile, type CpuProfile } from './cpu-profile.js';
import { heapUsedMb, peakRssMb, rssMb } from './memory.js';
import { startProfiling } from './profiler.js';
import { tsxLineLookup } from './source-lines.js';
import type { PhaseProfile, ServeMeasurement, ServeTask } from './worker-protocol.js';

export interface ServeHooks {
  /** Called with the port once the HTTP server listens on 127.0.0.1; resolves when the client is done. */
  listening: (port: number) => Promise<void>;
}

const PROJECT_FRAMES = / (src|ingest)\//;

async function summarizeProfile(task: ServeTask, phase: string, profile: CpuProfile): Promise<PhaseProfile> {
  const dir = task.profile?.dir ?? '.';
  const file = await saveProfile(dir, `${task.profile?.name ?? 'serve'}-${phase}`, profile);
  const options = { root: process.cwd(), lookup: await tsxLineLookup() };
  return {
    file,
    durationMs: profileDurationMs(profile),
    project: hotSpots(profile, { ...options, include: PROJECT_FRAMES, limit: 25 }),
    all: hotSpots(profile, { ...options, limit: 25 }),
  };
}

/**
 * The server as `npm start` runs it, minus ingest: open the index, answer the mix in-process, then
 * serve it over loopback HTTP to the parent, which times the requests from outside the process.
 * With profiling on, opening is profiled and the asks are profiled in an extra, untimed pass.
 */
export async function runServeTask(task: ServeTask, hooks: ServeHooks): Promise<ServeMeasurement> {
  // What the process holds before any index is read: Node, tsx, jieba, onnxruntime and the app's modules.
  const rssBeforeOpenMb = rssMb();
  const stopOpenProfile = task.profile ? await startProfiling() : undefined;
  const started = performance.now();
  const engine = await openEngine({
    indexDir: task.indexDir,
    modelDir: task.embedding.modelDir,
    embeddingModel: task.embedding.embeddingModel,
  });
  const openMs = performance.now() - started;
  const openProfile = stopOpenProfile ? await stopOpenProfile() : undefined;
  const rssAfterOpenMb = rssMb();
  const heapAfterOpenMb = heapUsedMb();

  const inProcess = await timeInProcess(engine, task.questions, task.latency);
  let profiles: ServeMeasurement['profiles'];
  if (task.profile && openProfile) {
    const stop = await startProfiling();
    await timeInProcess(engine, task.questions, { rounds: task.latency.rounds, warmupRounds: 0 });
    profiles = { open: await summarizeProfile(task, 'open', openProfile), ask: await summarizeProfile(task, 'ask', await stop()) };
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
