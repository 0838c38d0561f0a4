import type { DocumentMeta, StoredDocument } from '../documents/document.js';
import type { Indicator } from '../indicators/indicator.js';
import { scoringFields, type RowTokens } from '../indicators/indicator-source.js';

/**
 * What a database store writes beside each row's JSON so its reader can filter and score without
 * parsing whole rows; SQLite and PostgreSQL write the same values.
 */

/** Every 4-digit year written "NNNN年" in a chunk, so the retrieval year filter needs no chunk text. */
export function textYears(text: string): number[] {
  return [...new Set([...text.matchAll(/(?=(\d{4})年)/g)].map((m) => Number(m[1])))];
}

/** A document without its text and structure (pages, headings, table cells): what GET /documents lists. */
export function documentListItem(doc: StoredDocument): DocumentMeta {
  const { text: _text, structure: _structure, ...item } = doc;
  return item;
}

/** The JSON of a row's scoring record: the fields scoring reads and the row's tokens. */
export function storedScoring(row: Indicator, tokens: RowTokens): string {
  return JSON.stringify({ fields: scoringFields(row), tokens });
}
