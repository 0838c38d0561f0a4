import { tokenize } from '../index/tokenizer.js';
import type { Indicator } from './indicator.js';
import type { RowTokens } from './indicator-source.js';

/** Tokens that carry meaning for metric matching: no single CJK characters, no bare numbers. */
export function meaningfulTerms(tokens: string[]): string[] {
  return [...new Set(tokens)].filter((t) => !/^[\u4e00-\u9fa5]$/.test(t) && !/^[\d.]+$/.test(t) && !/\d/.test(t.replace(/^5g(-a)?$|^6g$/, '')));
}

export interface RowIndex {
  tokens: RowTokens[];
  /** term → row ordinals, in the order rows were indexed (companion words append their owner, so a row can repeat). */
  postings: Map<string, number[]>;
}

/**
 * Tokenizes every row's metric name and context once. A figure is also described by its rank and
 * "高于全国…" rows: their metric words count as its context. Ingest stores the result; the in-memory
 * table computes it at open.
 */
export function buildRowIndex(rows: Indicator[]): RowIndex {
  const postings = new Map<string, number[]>();
  const sets = rows.map((row, i) => {
    const metric = new Set(meaningfulTerms(tokenize(row.metric)));
    const context = new Set(meaningfulTerms(tokenize(row.context)));
    for (const t of new Set([...metric, ...context])) {
      const list = postings.get(t) ?? [];
      list.push(i);
      postings.set(t, list);
    }
    return { metric, context };
  });
  const position = new Map(rows.map((row, i) => [row.id, i]));
  rows.forEach((row, i) => {
    if (!row.relatedTo) return;
    const owner = position.get(row.relatedTo);
    if (owner === undefined) return;
    for (const t of sets[i].metric) {
      sets[owner].context.add(t);
      const list = postings.get(t) ?? [];
      if (list[list.length - 1] !== owner) list.push(owner);
      postings.set(t, list);
    }
  });
  return { tokens: sets.map((s) => ({ metric: [...s.metric], context: [...s.context] })), postings };
}

/** Per region: term → row ordinals, each list the whole-table list narrowed to the region's rows. */
export function regionPostings(rows: Indicator[], postings: Map<string, number[]>): Map<string, Map<string, number[]>> {
  const byRegion = new Map<string, Map<string, number[]>>();
  for (const [term, list] of postings) {
    for (const i of list) {
      const region = rows[i].region;
      const byTerm = byRegion.get(region) ?? new Map<string, number[]>();
      byRegion.set(region, byTerm);
      const rowsOfTerm = byTerm.get(term) ?? [];
      rowsOfTerm.push(i);
      byTerm.set(term, rowsOfTerm);
    }
  }
  return byRegion;
}
