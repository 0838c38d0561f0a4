/** The format fixtures: one report made by LibreOffice in each format (scripts/make-fixtures.sh). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFile } from '../../../ingest/load/load-file.js';
import type { LoadedDocument } from '../../../ingest/load/loader.js';
import { prepareDocument, type PreparedDocument } from '../../../ingest/prepare-document.js';

export const FORMATS_DIR = join(import.meta.dirname, '../../fixtures/formats');
export const REPORTS = ['report.txt', 'report.pdf', 'report.docx', 'report.html'] as const;

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FORMATS_DIR, name)));
}

const cache = new Map<string, Promise<{ loaded: LoadedDocument; prepared: PreparedDocument }>>();

/** Loads and prepares a fixture once per test file. */
export function fixture(name: string): Promise<{ loaded: LoadedDocument; prepared: PreparedDocument }> {
  let result = cache.get(name);
  if (!result) {
    result = loadFile(fixtureBytes(name), name).then((loaded) => ({
      loaded,
      prepared: prepareDocument(name, loaded.text, undefined, undefined, loaded.structure),
    }));
    cache.set(name, result);
  }
  return result;
}
