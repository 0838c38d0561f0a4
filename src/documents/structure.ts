/** The structure a loader reads from a document, as offsets into its served text. */

export type DocumentFormat = 'txt' | 'md' | 'pdf' | 'docx' | 'html';

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

/** A character range of the served text that came from one PDF page (1-based). */
export interface PageSpan {
  page: number;
  start: number;
  end: number;
}

/** A range of the served text under one heading path (outermost heading first). */
export interface HeadingSpan {
  path: string[];
  start: number;
  end: number;
}

export interface TableCell {
  row: number;
  col: number;
  text: string;
  start: number;
  end: number;
}

/** A table as rows of cells; row 0 is the header row when the table has one. */
export interface TableBlock {
  start: number;
  end: number;
  rows: TableCell[][];
  /** The line just before the table ("表1　主要指标"), when it reads as a caption. */
  caption?: string;
}

export interface DocumentStructure {
  pages?: PageSpan[];
  headings?: HeadingSpan[];
  tables: TableBlock[];
}

/** Where a span of the served text sits in the original: its page (PDF) or heading path (DOCX/HTML). */
export interface SourceLocation {
  page?: number;
  headingPath?: string[];
}

export function locateSpan(structure: DocumentStructure | undefined, start: number): SourceLocation {
  if (!structure) return {};
  const location: SourceLocation = {};
  const page = structure.pages?.find((p) => p.start <= start && start < p.end);
  if (page) location.page = page.page;
  const heading = structure.headings?.find((h) => h.start <= start && start < h.end);
  if (heading && heading.path.length) location.headingPath = heading.path;
  return location;
}
