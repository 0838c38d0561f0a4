import { hotSpots, profiledFrames, profileDurationMs, saveProfile, type CpuProfile } from './cpu-profile.js';
import { startProfiling } from './profiler.js';
import { tsxLineLookup } from './source-lines.js';
import type { PhaseProfile } from './worker-protocol.js';

const PROJECT_FRAMES = / (src|ingest)\//;
// Starting the profiler is itself sampled; it is the profiler's cost, not the app's.
const PROFILER_FRAMES = / bench\/profiler\.ts:/;

/** Saves a phase's profile as <dir>/<name>.cpuprofile and ranks where it spent its time. */
export async function summarizeProfile(dir: string, name: string, profile: CpuProfile): Promise<PhaseProfile> {
  const file = await saveProfile(dir, name, profile);
  const options = { root: process.cwd(), lookup: await tsxLineLookup(profiledFrames(profile)), exclude: PROFILER_FRAMES };
  return {
    file,
    durationMs: profileDurationMs(profile),
    project: hotSpots(profile, { ...options, include: PROJECT_FRAMES, limit: 25 }),
    all: hotSpots(profile, { ...options, limit: 25 }),
  };
}

/** Runs work under the CPU profiler when `where` is given; otherwise just runs it. */
export async function profiled<T>(where: { dir: string; name: string } | undefined, work: () => Promise<T>): Promise<{ value: T; profile?: PhaseProfile }> {
  if (!where) return { value: await work() };
  const stop = await startProfiling();
  const value = await work();
  return { value, profile: await summarizeProfile(where.dir, where.name, await stop()) };
}
