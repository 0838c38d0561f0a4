import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const MB = 1024 * 1024;

/** The process's peak resident set so far (getrusage ru_maxrss), which catches spikes sampling misses. */
export function peakRssMb(): number {
  return (process.resourceUsage().maxRSS * 1024) / MB;
}

export function rssMb(): number {
  return process.memoryUsage().rss / MB;
}

export function heapUsedMb(): number {
  return process.memoryUsage().heapUsed / MB;
}

/** Bytes on disk under a folder (file sizes, recursively). */
export async function directoryBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await directoryBytes(full);
    else if (entry.isFile()) total += (await stat(full)).size;
  }
  return total;
}

export function toMb(bytes: number): number {
  return bytes / MB;
}
