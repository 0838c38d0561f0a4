import { Session } from 'node:inspector/promises';
import type { CpuProfile } from './cpu-profile.js';

/**
 * Samples this process's CPU between start and the returned stop(): unlike node --cpu-prof it can
 * cover one phase (opening the index, answering) and leaves out tsx's loader thread.
 */
export async function startProfiling(intervalMicros = 200): Promise<() => Promise<CpuProfile>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalMicros });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    return profile as CpuProfile;
  };
}
