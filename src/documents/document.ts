import type { Period } from '../domain/period.js';
import type { DocumentFormat, DocumentStructure } from './structure.js';

/** How a metadata field was obtained: from seeds/catalog.json or inferred from the text. */
export interface Provenance {
  source: 'catalog' | 'inferred' | 'default';
  how: string;
}

export interface DocumentMeta {
  id: string;
  title: string;
  issuer: string;
  regions: string[];
  /** ISO date (YYYY-MM-DD, or YYYY-MM when only the month is known). */
  published: string;
  /** The year the review part looks back on (e.g. 2024 for a late-2024 work review). */
  reviewYear: number;
  /** The year the plan part looks ahead to. */
  planYear: number;
  /** Period a statement without any time expression refers to, when its section says nothing. */
  defaultPeriod?: string;
  /** Nothing in the text says when it was written or which year it reports ("前三季度，全市…"): its years are assumed. */
  undated?: boolean;
  periods: string[];
  provenance: Record<string, Provenance>;
}

/** A stored document: its metadata and the exact text served by GET /documents/:id. */
export interface StoredDocument extends DocumentMeta {
  text: string;
  sha256: string;
  /** Absent in indexes built before formats other than text were read (then: txt). */
  format?: DocumentFormat;
  /** PDF pages, DOCX/HTML heading paths and table cells, all as offsets into `text`. */
  structure?: DocumentStructure;
  /** The file as ingested, served by GET /documents/:id/original. */
  original?: { file: string; contentType: string; sha256: string };
}

export type SectionRole = 'review' | 'plan' | 'front';

/** A contiguous span of a document with one region and one temporal role. */
export interface Section {
  docId: string;
  start: number;
  end: number;
  heading: string;
  region: string;
  role: SectionRole;
  /** Year the section is about (review year or plan year). */
  year: number;
  /** Period for statements with no time expression of their own. */
  defaultPeriod: Period;
  /** When the section's article was written (YYYY-MM[-DD]): what 今年/去年 mean inside it. */
  written?: string;
  /** How the section's region and date were resolved. */
  scope?: { region: string; written: string };
}

/** A retrievable passage: sentence-aligned, with offsets into the served text. */
export interface Chunk {
  id: string;
  docId: string;
  start: number;
  end: number;
  /** Normalized text (line breaks joined, bold removed) used for search and display. */
  text: string;
  region: string;
  year: number;
  role: SectionRole;
  heading: string;
  /** How the chunk's region was resolved (its article's subject, issuer line …). */
  scopeHow?: string;
  /** The chunk's sentences: clean text with offsets into the served text. */
  sentences: Array<{ start: number; end: number; text: string }>;
}
