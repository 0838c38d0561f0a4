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

/** Builds the lookup from tsx's cache; files compiled more than once use the newest entry. */
export async function tsxLineLookup(): Promise<LineLookup> {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const dir = path.join(os.tmpdir(), `tsx-${uid}`);
  const newest = new Map<string, { mtime: number; columns: Array<[number, number]> }>();
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const file = path.join(dir, name);
    try {
      const mtime = (await stat(file)).mtimeMs;
      const entry = JSON.parse(await readFile(file, 'utf8')) as CacheEntry;
      const source = entry.map?.sources?.[0];
      if (!source || !entry.map?.mappings) continue;
      const known = newest.get(source);
      if (known && known.mtime >= mtime) continue;
      newest.set(source, { mtime, columns: firstLineMappings(entry.map.mappings) });
    } catch {
      // Not a cache entry (or being written): skip it.
    }
  }
  return (file, column) => {
    const columns = newest.get(file)?.columns;
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
