import type { Chunk } from '../documents/document.js';
import { parseChineseInteger } from '../domain/numbers.js';
import type { RetrievedChunk } from '../retrieve/hybrid-retriever.js';
import type { CitationList } from './citations.js';
import type { Composed } from './compose.js';
import type { ParsedQuestion } from './parse-question.js';

const NUMERAL = '[一二三四五六七八九十两]{1,3}|\\d{1,2}';
// "哪八项重点工作", "哪八个方面", "哪几大任务".
const ASKED_COUNT_RE = new RegExp(`哪(${NUMERAL})(项|个方面|个|大|条|件|方面)([\u4e00-\u9fa5]{0,6})`);
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

type Sentence = Chunk['sentences'][number];

function countOf(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : parseChineseInteger(text);
}

/** "聚焦八项重点工作:A,B,C…": the items after the colon, when there are as many as announced. */
function inlineList(sentence: Sentence, count: number, noun: string): string[] | undefined {
  const re = new RegExp(`(${NUMERAL})(?:项|个方面|大|条|件)[^：:。]{0,16}[：:]`, 'g');
  for (const m of sentence.text.matchAll(re)) {
    if (countOf(m[1]) !== count || !sentence.text.slice(0, (m.index ?? 0) + m[0].length).includes(noun)) continue;
    const items = sentence.text
      .slice((m.index ?? 0) + m[0].length)
      .replace(/[。；;]$/, '')
      .split(/[，,；;、]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (items.length === count) return items;
  }
  return undefined;
}

/** "一是…", "二是…" or "（一）…" in order: the first clause of each item. */
function enumerated(sentences: Sentence[], count: number, noun: string): Sentence[] | undefined {
  const marker = (k: number) => new RegExp(`^(?:${ORDINALS[k]}是|[（(]${ORDINALS[k]}[)）]|${ORDINALS[k]}、)`);
  for (let start = 0; start < sentences.length; start++) {
    if (!marker(0).test(sentences[start].text)) continue;
    // The list must be the one asked about: its noun is named just before it or in its first item.
    const lead = sentences.slice(Math.max(0, start - 2), start + 1).map((s) => s.text).join('');
    if (!lead.includes(noun)) continue;
    const found: Sentence[] = [sentences[start]];
    for (let j = start + 1; j < sentences.length && found.length < count; j++) {
      if (marker(found.length).test(sentences[j].text)) found.push(sentences[j]);
    }
    if (found.length === count && !sentences.slice(start).some((s) => marker(count).test(s.text))) return found;
  }
  return undefined;
}

/**
 * "…哪八项重点工作？": a list announced with its count, answered with exactly that many items, from
 * one sentence that spells them out or from an enumeration (一是…二是…) in the same passage.
 */
export function answerCountedList(
  question: ParsedQuestion,
  retrieved: RetrievedChunk[],
  citations: CitationList,
  nextChunk: (chunk: Chunk) => Chunk | undefined,
): Composed | undefined {
  const asked = ASKED_COUNT_RE.exec(question.text);
  const count = asked ? countOf(asked[1]) : undefined;
  if (!count || count < 2 || count > ORDINALS.length) return undefined;
  // "重点工作" → "工作", "方面", "体系": the noun the list is of.
  const noun = (asked?.[3] ?? '').replace(/[是有呢吗]+$/, '').slice(-2) || (asked?.[2].includes('方面') ? '方面' : '');
  if (!noun) return undefined;
  for (const { chunk, score } of retrieved) {
    const sentences = [...chunk.sentences];
    for (let next = nextChunk(chunk), k = 0; next && k < 3; next = nextChunk(next), k++) sentences.push(...next.sentences);
    for (const sentence of sentences) {
      const items = inlineList(sentence, count, noun);
      if (!items) continue;
      const n = citations.add(chunk.docId, sentence.start, sentence.end, score);
      return { status: 'answered', answer: `共${count}项：${items.join('；')}[${n}]。`, used: [], related: [] };
    }
    const list = enumerated(sentences, count, noun);
    if (list) {
      const parts = list.map((s) => {
        const n = citations.add(chunk.docId, s.start, s.end, score);
        const head = s.text.replace(/^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)/, '').split(/[。；，,]/)[0];
        return `${head}[${n}]`;
      });
      return { status: 'answered', answer: `共${count}项：${parts.join('；')}。`, used: [], related: [] };
    }
  }
  return undefined;
}
