import { readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { FILES, sha256 } from '../../index/index-files.js';
import { manifestSchema, type Manifest } from '../../index/manifest.js';
import type { IndexCheck } from '../index-store.js';
import { modelCheck } from '../manifest-check.js';

/** The JSON parts every index has; each must be present and match the size and checksum its manifest records. */
const PAYLOAD_FILES = [FILES.documents, FILES.sections, FILES.chunks, FILES.indicators, FILES.bm25];

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Verifies an index on disk without loading it: manifest, every payload file's size and SHA-256,
 * the vector folder when the manifest promises vectors, and the embedding model it was built with.
 */
export async function checkIndex(indexDir: string, embeddingModel: string): Promise<IndexCheck> {
  const dir = resolve(indexDir);
  const manifestPath = join(dir, FILES.manifest);
  let manifestText: string;
  try {
    manifestText = await readFile(manifestPath, 'utf8');
  } catch {
    const entries = await readdir(dir).catch(() => [] as string[]);
    // Ingest writes the manifest last and swaps whole folders, so files without a manifest are damage, not a build in progress.
    return entries.length === 0
      ? { state: 'missing', reason: `no index in ${dir}` }
      : { state: 'corrupt', reason: `index in ${dir} has no ${FILES.manifest}` };
  }
  let manifest: Manifest;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(manifestText));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { state: 'corrupt', reason: `${manifestPath} is invalid: ${issue.path.join('.') || 'manifest'}: ${issue.message}` };
    }
    manifest = parsed.data;
  } catch (error) {
    return { state: 'corrupt', reason: `${manifestPath} is not valid JSON (truncated?): ${(error as Error).message}` };
  }

  for (const name of PAYLOAD_FILES) {
    const expected = manifest.files[name];
    if (!expected) return { state: 'corrupt', reason: `${manifestPath} lists no checksum for ${name}` };
    const body = await readFile(join(dir, name)).catch(() => undefined);
    if (!body) return { state: 'corrupt', reason: `index file ${name} is missing in ${dir}` };
    if (body.length !== expected.bytes) {
      return { state: 'corrupt', reason: `index file ${name} in ${dir} has ${body.length} bytes, its manifest says ${expected.bytes} (truncated or altered)` };
    }
    if (sha256(body) !== expected.sha256) {
      return { state: 'corrupt', reason: `index file ${name} in ${dir} does not match its checksum (altered or damaged)` };
    }
  }
  if (manifest.embedding.active && !(await exists(join(dir, FILES.vectors)))) {
    return { state: 'corrupt', reason: `index in ${dir} was built with vectors but ${FILES.vectors}/ is missing` };
  }
  return modelCheck(dir, manifest, embeddingModel);
}

/**
 * swapIndex moves the old index aside, then the new one into place. A crash between those two
 * renames leaves no index at `indexDir` but a complete one beside it: finish the swap with the new
 * (staging) index if its manifest is there, else put the old one back. Returns what was done.
 */
export async function recoverInterruptedSwap(indexDir: string, embeddingModel: string): Promise<string | undefined> {
  const target = resolve(indexDir);
  if (await exists(join(target, FILES.manifest))) return undefined;
  if ((await readdir(target).catch(() => [] as string[])).length > 0) return undefined;
  const parent = dirname(target);
  const base = basename(target);
  const siblings = (await readdir(parent).catch(() => [] as string[])).sort().reverse();
  const candidates = [...siblings.filter((e) => e.startsWith(`${base}.staging-`)), ...siblings.filter((e) => e.startsWith(`${base}.old-`))];
  for (const candidate of candidates) {
    const check = await checkIndex(join(parent, candidate), embeddingModel);
    if (check.state !== 'ok') continue;
    await rm(target, { recursive: true, force: true });
    await rename(join(parent, candidate), target);
    return `index in ${target} was missing after an interrupted swap; restored the complete index from ${candidate}`;
  }
  return undefined;
}

