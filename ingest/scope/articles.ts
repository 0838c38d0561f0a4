import type { Paragraph } from '../paragraphs.js';
import { isIssuerLine } from './issuer.js';

/** One article of a file: a clipping, or one report of several pasted together. */
export interface Article {
  /** Clean-text offsets. */
  start: number;
  end: number;
  paragraphs: Paragraph[];
}

// A clipping starts with where it was copied from: "来源: https://…", "来源: zjjnews.cn, 2025-02-26", "来源：湖南日报".
const SOURCE_LINE_RE = /^\s*(?:来源|原文链接|转载自|出处)\s*[:：]\s*(?:https?[:：]\/\/|www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)+|[\u4e00-\u9fa5]{2,20}(?:[,，(（\s]|$))/i;
const MAX_SOURCE_LINE = 120;

/** A title-like line: short, no sentence punctuation. */
export function isShortHeading(text: string): boolean {
  return text.length <= 40 && !/[。；，]/.test(text);
}

/**
 * Splits a file into articles. A source-address line starts one; so does an issuer line
 * ("湖南省工业和信息化厅") after the first paragraphs, together with the title line above it.
 */
export function splitArticles(paragraphs: Paragraph[], textLength: number): Article[] {
  const starts: number[] = [0];
  paragraphs.forEach((p, i) => {
    if (i === 0) return;
    if (isSourceLine(p.text)) {
      starts.push(i);
    } else if (isIssuerLine(p.text) && i > 2) {
      const title = paragraphs[i - 1];
      const at = isShortHeading(title.text) && !starts.includes(i - 1) ? i - 1 : i;
      if (at > starts[starts.length - 1]) starts.push(at);
    }
  });
  const unique = [...new Set(starts)].sort((a, b) => a - b);
  return unique.map((from, k) => {
    const to = k + 1 < unique.length ? unique[k + 1] : paragraphs.length;
    const slice = paragraphs.slice(from, to);
    return {
      start: k === 0 ? 0 : slice[0]?.start ?? 0,
      end: k + 1 < unique.length ? paragraphs[to].start : textLength,
      paragraphs: slice,
    };
  });
}

export function isSourceLine(text: string): boolean {
  return text.length <= MAX_SOURCE_LINE && SOURCE_LINE_RE.test(text);
}
