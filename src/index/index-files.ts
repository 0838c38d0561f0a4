import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Chunk, Section, StoredDocument } from '../documents/document.js';
import type { Indicator } from '../indicators/indicator.js';
import { AppError } from '../errors.js';
import type { Bm25Data } from './bm25.js';
import { manifestSchema, type Manifest } from './manifest.js';

export const FILES = {
  manifest: 'manifest.json',
  documents: 'documents.json',
  sections: 'sections.json',
  chunks: 'chunks.json',
  indicators: 'indicators.json',
  bm25: 'bm25.json',
  vectors: 'vectors',
} as const;

export interface IndexPayload {
  documents: StoredDocument[];
  sections: Section[];
  chunks: Chunk[];
  indicators: Indicator[];
  bm25: Bm25Data;
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(await readFile(join(dir, FILES.manifest), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the JSON parts of an index into `dir` and returns their checksums for the manifest. */
export async function writePayload(dir: string, payload: IndexPayload): Promise<Manifest['files']> {
  await mkdir(dir, { recursive: true });
  const files: Manifest['files'] = {};
  const parts: Array<[string, unknown]> = [
    [FILES.documents, payload.documents],
    [FILES.sections, payload.sections],
    [FILES.chunks, payload.chunks],
    [FILES.indicators, payload.indicators],
    [FILES.bm25, payload.bm25],
  ];
  for (const [name, value] of parts) {
    const body = JSON.stringify(value);
    await writeFile(join(dir, name), body);
    files[name] = { sha256: sha256(body), bytes: Buffer.byteLength(body) };
  }
  return files;
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFile(join(dir, FILES.manifest), JSON.stringify(manifest, null, 2));
}

/**
 * Replaces `target` with the complete index in `staging`: the old index stays in place until the
 * new one is whole, and a crash leaves either the old or the new index, never a mix.
 */
export async function swapIndex(staging: string, target: string): Promise<void> {
  const retired = `${target}.old-${process.pid}-${Date.now()}`;
  const hadTarget = await stat(target).then(() => true, () => false);
  if (hadTarget) await rename(target, retired);
  await rename(staging, target);
  if (hadTarget) await rm(retired, { recursive: true, force: true });
}

/** Leftovers of interrupted runs next to the index. */
export async function removeStaleStaging(target: string): Promise<void> {
  const parent = join(target, '..');
  const base = target.split(/[\\/]/).pop() ?? '';
  const entries = await readdir(parent).catch(() => [] as string[]);
  for (const entry of entries) {
    if (entry.startsWith(`${base}.staging-`) || entry.startsWith(`${base}.old-`)) {
      await rm(join(parent, entry), { recursive: true, force: true });
    }
  }
}

const storedDocumentsSchema = z.array(z.object({ id: z.string(), text: z.string() }).passthrough());

/**
 * The documents of an existing index, or [] when it is missing or its documents file fails its checksum:
 * what ingest reuses for files whose bytes have not changed.
 */
export async function readStoredDocuments(dir: string, manifest: Manifest): Promise<StoredDocument[]> {
  const body = await readFile(join(dir, FILES.documents)).catch(() => undefined);
  const expected = manifest.files[FILES.documents];
  if (!body || !expected || sha256(body) !== expected.sha256) return [];
  const parsed = storedDocumentsSchema.safeParse(JSON.parse(body.toString('utf8')));
  return parsed.success ? (parsed.data as unknown as StoredDocument[]) : [];
}

/** Reads and verifies an index; a missing, truncated or tampered file is an error, never served. */
export async function readPayload(dir: string, manifest: Manifest): Promise<IndexPayload> {
  const read = async (name: string): Promise<unknown> => {
    const body = await readFile(join(dir, name)).catch(() => {
      throw new AppError('index_unavailable', 503, `index file ${name} is missing in ${dir}`);
    });
    const expected = manifest.files[name];
    if (!expected || sha256(body) !== expected.sha256) {
      throw new AppError('index_unavailable', 503, `index file ${name} in ${dir} does not match its checksum`);
    }
    return JSON.parse(body.toString('utf8'));
  };
  const documents = storedDocumentsSchema.parse(await read(FILES.documents)) as unknown as StoredDocument[];
  return {
    documents,
    sections: (await read(FILES.sections)) as Section[],
    chunks: (await read(FILES.chunks)) as Chunk[],
    indicators: (await read(FILES.indicators)) as Indicator[],
    bm25: (await read(FILES.bm25)) as Bm25Data,
  };
}

