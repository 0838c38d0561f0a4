import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { findNumberMentions } from '../domain/numbers.js';
import { canonicalize, DOMAIN_WORDS } from '../domain/synonyms.js';

let jieba: Jieba | undefined;

function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(DOMAIN_WORDS.map((w) => `${w} 200000`).join('\n')));
  }
  return jieba;
}

const STOPWORDS = new Set(
  '的 了 和 与 及 等 在 是 为 对 将 把 被 从 向 以 于 并 或 也 都 又 其 之 个 有 多少 什么 哪些 哪个 哪 几 吗 呢 是否 怎么 如何 年 月 全省 全市 全年 今年 明年 一 二 三 这 那 该'.split(
    ' ',
  ),
);

/**
 * Tokens for keyword search: number-with-unit mentions kept whole ("2.2万P"), the rest cut by
 * jieba in search mode (which also emits the sub-words of long words), after canonicalizing
 * synonyms so 规模以上 and 规上 meet.
 */
export function tokenize(text: string): string[] {
  const canonical = canonicalize(text);
  const tokens: string[] = [];
  let cursor = 0;
  const cutPlain = (segment: string) => {
    for (const token of segmenter().cutForSearch(segment, true)) {
      const t = token.trim().toLowerCase();
      if (!t || STOPWORDS.has(t) || /^[\p{P}\p{S}\s]+$/u.test(t)) continue;
      tokens.push(t);
    }
  };
  for (const mention of findNumberMentions(canonical)) {
    cutPlain(canonical.slice(cursor, mention.start));
    tokens.push(mention.raw.toLowerCase());
    cursor = mention.end;
  }
  cutPlain(canonical.slice(cursor));
  return tokens;
}

/**
 * Plain jieba segmentation (no search-mode sub-words), for splitting a phrase into its words. Without
 * HMM only dictionary words come out, never guessed ones such as 厅业.
 */
export function segmentWords(text: string, hmm = true): string[] {
  return segmenter().cut(text, hmm);
}
