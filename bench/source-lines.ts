import { readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * tsx compiles each .ts file to one minified line, so a CPU profile's positions are columns of
 * line 0. tsx keeps every compiled file with its source map in its cache folder; decoding those maps
 * turns a (file, column) back into the line of the .ts file.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = BASE64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** Generated column → original line (0-based), for generated line 0 only. */
function firstLineMappings(mappings: string): Array<[number, number]> {
  const line = mappings.split(';')[0] ?? '';
  const out: Array<[number, number]> = [];
  let column = 0;
  let sourceLine = 0;
  for (const segment of line.split(',')) {
    if (!segment) continue;
    const v = decodeVlq(segment);
    column += v[0] ?? 0;
    if (v.length >= 4) {
      sourceLine += v[2];
      out.push([column, sourceLine]);
    }
  }
  return out;
}

interface CacheEntry {
  code?: string;
  map?: { mappings?: string; sources?: string[] };
}

export type LineLookup = (file: string, column: number) => number | undefined;

/** A profiled function: where V8 saw it in the compiled file. */
export interface ProfiledFrame {
  file: string;
  functionName: string;
  column: number;
}

/** How many named functions of the profile sit where this compiled text has them. */
function agreement(code: string, frames: ProfiledFrame[]): number {
  return frames.filter((f) => f.functionName && code.slice(Math.max(0, f.column - 60), f.column + 60).includes(f.functionName)).length;
}

/**
 * Builds the lookup from tsx's cache. A file edited while others run tsx has several cache
 * entries; the one whose function names sit at the profiled columns is the version that ran.
 */
export async function tsxLineLookup(frames: ProfiledFrame[]): Promise<LineLookup> {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const dir = path.join(os.tmpdir(), `tsx-${uid}`);
  const framesByFile = new Map<string, ProfiledFrame[]>();
  for (const f of frames) framesByFile.set(f.file, [...(framesByFile.get(f.file) ?? []), f]);
  const best = new Map<string, { score: number; mtime: number; columns: Array<[number, number]> }>();
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const file = path.join(dir, name);
    try {
      const entry = JSON.parse(await readFile(file, 'utf8')) as CacheEntry;
      const source = entry.map?.sources?.[0];
      if (!source || !entry.map?.mappings || !framesByFile.has(source)) continue;
      const score = agreement(entry.code ?? '', framesByFile.get(source) ?? []);
      const mtime = (await stat(file)).mtimeMs;
      const known = best.get(source);
      if (known && (known.score > score || (known.score === score && known.mtime >= mtime))) continue;
      best.set(source, { score, mtime, columns: firstLineMappings(entry.map.mappings) });
    } catch {
      // Not a cache entry (or being written): skip it.
    }
  }
  return (file, column) => {
    const columns = best.get(file)?.columns;
    if (!columns?.length) return undefined;
    let lo = 0;
    let hi = columns.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (columns[mid][0] <= column) lo = mid;
      else hi = mid - 1;
    }
    return columns[lo][1];
  };
}
