import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Okapi BM25 over jieba search-mode tokens, for the baseline. LangChain's BM25Retriever is not
 * usable on Chinese: it splits the query on whitespace (a Chinese question is one token) and
 * measures document length with /\w+/, which counts only ASCII words.
 */

const K1 = 1.2;
const B = 0.75;

let jieba: Jieba | undefined;

export function tokenize(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  return jieba
    .cutForSearch(text, true)
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token !== '' && !/^[\p{P}\p{S}\s]+$/u.test(token));
}

export interface Bm25Hit {
  index: number;
  score: number;
}

export class Bm25Index {
  private readonly termCounts: Map<string, number>[];
  private readonly lengths: number[];
  private readonly averageLength: number;
  private readonly documentFrequency = new Map<string, number>();

  constructor(texts: string[]) {
    this.termCounts = texts.map((text) => {
      const counts = new Map<string, number>();
      for (const token of tokenize(text)) counts.set(token, (counts.get(token) ?? 0) + 1);
      return counts;
    });
    this.lengths = this.termCounts.map((counts) => [...counts.values()].reduce((sum, count) => sum + count, 0));
    this.averageLength = this.lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, texts.length);
    for (const counts of this.termCounts) {
      for (const term of counts.keys()) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
  }

  private idf(term: string): number {
    const n = this.termCounts.length;
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Best first; ties keep document order so results are reproducible. */
  search(query: string, k: number): Bm25Hit[] {
    const terms = [...new Set(tokenize(query))];
    const hits = this.termCounts.map((counts, index): Bm25Hit => {
      const length = this.lengths[index];
      let score = 0;
      for (const term of terms) {
        const tf = counts.get(term) ?? 0;
        if (tf === 0) continue;
        score += (this.idf(term) * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / (this.averageLength || 1)));
      }
      return { index, score };
    });
    return hits.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, k);
  }
}
