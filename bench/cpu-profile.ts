import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LineLookup, ProfiledFrame } from './source-lines.js';

/** The parts of a V8 CPU profile (inspector Profiler.stop, node --cpu-prof) this summary reads. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface HotSpot {
  /** function file:line, the file relative to the project root. */
  name: string;
  /** Samples where this is the innermost frame of the chosen kind (for project frames: library code it calls included). */
  selfMs: number;
  /** Samples with the function anywhere on the stack (recursion counted once). */
  totalMs: number;
}

export interface HotSpotOptions {
  root: string;
  lookup?: LineLookup;
  /** Which frames count, by label; others are looked through (e.g. only src/ and ingest/). */
  include?: RegExp;
  /** Samples with such a frame on the stack are dropped (the profiler's own start-up). */
  exclude?: RegExp;
  limit?: number;
}

type Node = CpuProfile['nodes'][number];

function labeller(options: HotSpotOptions): (node: Node) => string {
  return (node) => {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (!url) return functionName || '(anonymous)';
    const file = url.startsWith('file://') ? new URL(url).pathname : url;
    // tsx output is one line: map the column back through its cached source map.
    const line = lineNumber === 0 ? (options.lookup?.(file, columnNumber) ?? lineNumber) : lineNumber;
    return `${functionName || '(anonymous)'} ${path.isAbsolute(file) ? path.relative(options.root, file) : file}:${line + 1}`;
  };
}

const NOT_CODE = /^\((idle|program|garbage collector|root)\)$/;

/** Time per function, hottest (by innermost time) first. */
export function hotSpots(profile: CpuProfile, options: HotSpotOptions): HotSpot[] {
  const label = labeller(options);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const labels = new Map(profile.nodes.map((n) => [n.id, label(n)]));
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const skipped = new Set(profile.nodes.filter((n) => options.exclude?.test(labels.get(n.id) ?? '')).map((n) => n.id));
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (skipped.has(at)) return;
    const seen = new Set<string>();
    let innermost = true;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = labels.get(at);
      if (!key || !byId.has(at) || NOT_CODE.test(key)) continue;
      if (options.include && !options.include.test(key)) continue;
      if (innermost) self.set(key, (self.get(key) ?? 0) + ms);
      innermost = false;
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  });
  return [...total.entries()]
    .map(([name, totalMs]) => ({ name, selfMs: self.get(name) ?? 0, totalMs }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, options.limit ?? 25);
}

/** The profile's frames in project files, for matching them to the compiled text that ran. */
export function profiledFrames(profile: CpuProfile): ProfiledFrame[] {
  return profile.nodes
    .filter((n) => n.callFrame.url.startsWith('file://'))
    .map((n) => ({ file: new URL(n.callFrame.url).pathname, functionName: n.callFrame.functionName, column: n.callFrame.columnNumber }));
}

export function profileDurationMs(profile: CpuProfile): number {
  return (profile.endTime - profile.startTime) / 1000;
}

export async function saveProfile(dir: string, name: string, profile: CpuProfile): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.cpuprofile`);
  await writeFile(file, JSON.stringify(profile));
  return file;
}
