import { locateQuote, type Span } from './locate-quote.js';
import type { Question } from './questions.js';

export interface GoldQuote {
  doc: string;
  quote: string;
}

export interface GoldSpan extends Span {
  doc: string;
}

export interface GoldLocation {
  spans: GoldSpan[];
  /** Gold quotes that could not be found in their document: a question-file or corpus problem. */
  unlocated: GoldQuote[];
}

export type DocumentTextLookup = (docId: string) => string | undefined;

// Comparison questions draw on two facts; the note names the second as 另见 <doc>：「<quote>」.
const SEE_ALSO = /另见\s*([\w.\-]+)\s*[：:]?\s*「([^」]+)」/g;

/** The doc ids "001_x.txt" (catalog file name) and "001_x" (index id) name the same document. */
export function documentKey(docId: string): string {
  // The same report converted to another format keeps its name: 001.txt, 001.pdf and 001.docx are one document.
  return docId.replace(/\.(txt|md|pdf|docx|html?)$/i, '');
}

export function sameDocument(a: string, b: string): boolean {
  return documentKey(a) === documentKey(b);
}

export function goldQuotes(question: Question): GoldQuote[] {
  if (question.doc === null || question.quote === null) return [];
  const quotes: GoldQuote[] = [{ doc: question.doc, quote: question.quote }];
  if (question.kind === 'comparison' && question.note) {
    for (const match of question.note.matchAll(SEE_ALSO)) quotes.push({ doc: match[1], quote: match[2] });
  }
  return quotes;
}

export function locateGold(question: Question, documentText: DocumentTextLookup): GoldLocation {
  const location: GoldLocation = { spans: [], unlocated: [] };
  for (const gold of goldQuotes(question)) {
    const text = documentText(gold.doc);
    const spans = text === undefined ? [] : locateQuote(text, gold.quote);
    if (spans.length === 0) location.unlocated.push(gold);
    for (const span of spans) location.spans.push({ doc: gold.doc, ...span });
  }
  return location;
}
