import type { Citation } from './ask-schema.js';
import { locateSpan, type DocumentStructure, type SourceLocation } from '../documents/structure.js';

export interface DocumentText {
  id: string;
  title: string;
  text: string;
  structure?: DocumentStructure;
}

/** The page (PDF) or heading path (DOCX/HTML) of a cited span, for readers who open the original. */
export function citationLocation(doc: DocumentText, start: number): SourceLocation {
  return locateSpan(doc.structure, start);
}

/**
 * Collects the spans an answer relies on and numbers them; the same span cited twice keeps one
 * number. Quotes are cut from the served text, so text.slice(start, end) === quote always holds.
 */
export class CitationList {
  private readonly items: Citation[] = [];

  constructor(private readonly documents: (id: string) => DocumentText | undefined) {}

  add(docId: string, start: number, end: number, score: number): number {
    const existing = this.items.find((c) => c.docId === docId && c.start === start && c.end === end);
    if (existing) return existing.n;
    const doc = this.documents(docId);
    if (!doc) throw new Error(`citation to unknown document ${docId}`);
    const n = this.items.length + 1;
    this.items.push({
      n,
      docId,
      title: doc.title,
      quote: doc.text.slice(start, end),
      start,
      end,
      ...citationLocation(doc, start),
      score: Math.round(score * 1000) / 1000,
    });
    return n;
  }

  get size(): number {
    return this.items.length;
  }

  toArray(): Citation[] {
    return [...this.items];
  }
}
