/**
 * One interface for every input format: the file's bytes and name in, the served text and its
 * structure out. All offsets are into `text`, the exact string GET /documents/:id serves, so
 * text.slice(start, end) is always what a citation quotes.
 */

import type { DocumentFormat, DocumentStructure } from '../../src/documents/structure.js';

export * from '../../src/documents/structure.js';

export interface LoadedDocument {
  format: DocumentFormat;
  text: string;
  structure: DocumentStructure;
  /** Things worth a log line that did not stop the file from loading (e.g. decoded as GB18030). */
  warnings: string[];
}

/** Called as a paged format (PDF) is read: pages done of the file's total, for progress bars and upload jobs. */
export type PageProgress = (done: number, total: number) => void;

export interface DocumentLoader {
  readonly format: DocumentFormat;
  load(bytes: Uint8Array, name: string, onPage?: PageProgress): Promise<LoadedDocument>;
}
