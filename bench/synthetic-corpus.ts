import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deriveSeed, seededRandom } from './seeded-random.js';
import { synthesizeDocument } from './synthetic-document.js';

export const DEFAULT_CORPUS_SEED = 20260101;

export interface SyntheticDocumentInfo {
  id: string;
  /** The real report it was built from. */
  sourceId: string;
  yearShift: number;
  regions: Record<string, string>;
  bytes: number;
}

export interface SyntheticCorpus {
  dir: string;
  documents: SyntheticDocumentInfo[];
  bytes: number;
}

export interface SyntheticCorpusOptions {
  seedsDir: string;
  outDir: string;
  docs: number;
  seed?: number;
}

export interface SourceReport {
  id: string;
  text: string;
}

export async function readSourceReports(seedsDir: string): Promise<SourceReport[]> {
  const names = (await readdir(seedsDir)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(names.map(async (id) => ({ id, text: await readFile(path.join(seedsDir, id), 'utf8') })));
}

export function syntheticId(index: number, sourceId: string): string {
  return `syn-${String(index).padStart(5, '0')}-${sourceId.slice(0, 3)}.txt`;
}

/**
 * Document i of any corpus size is built from source report i mod 5 with a generator seeded by
 * (seed, i): the 10-document corpus is the first tenth of the 100-document one, and reruns match.
 */
export function synthesizeAt(sources: SourceReport[], index: number, seed = DEFAULT_CORPUS_SEED) {
  const source = sources[index % sources.length];
  const doc = synthesizeDocument(source.text, seededRandom(deriveSeed(seed, index)));
  return { id: syntheticId(index, source.id), sourceId: source.id, ...doc };
}

/**
 * Writes `docs` synthetic reports into outDir with no catalog.json, so ingest infers title,
 * issuer, region and years from the text as it would for an uncatalogued upload.
 */
export async function writeSyntheticCorpus(options: SyntheticCorpusOptions): Promise<SyntheticCorpus> {
  const sources = await readSourceReports(options.seedsDir);
  if (sources.length === 0) throw new Error(`no .txt reports in ${options.seedsDir}`);
  await mkdir(options.outDir, { recursive: true });
  const documents: SyntheticDocumentInfo[] = [];
  let bytes = 0;
  for (let i = 0; i < options.docs; i++) {
    const doc = synthesizeAt(sources, i, options.seed);
    const size = Buffer.byteLength(doc.text);
    await writeFile(path.join(options.outDir, doc.id), doc.text);
    documents.push({ id: doc.id, sourceId: doc.sourceId, yearShift: doc.yearShift, regions: doc.regions, bytes: size });
    bytes += size;
  }
  return { dir: options.outDir, documents, bytes };
}
