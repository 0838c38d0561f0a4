import type { Section } from '../../documents/document.js';
import { PLAN_HEADING_WORDS, PROGRESS_HEADING_WORDS, REVIEW_HEADING_WORDS } from '../../domain/section-words.js';
import type { HeadlineOf } from './answer-in-conversation.js';

const NUMBERED = /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）])/;
const MAX_HEADLINE = 80;

/** "2026年工作思路" and "一、总体思路" divide an article; they do not name it. */
function isSubHeading(heading: string): boolean {
  if (NUMBERED.test(heading)) return true;
  return /\d{4}年/.test(heading) && heading.length <= 16 && (PLAN_HEADING_WORDS.test(heading) || REVIEW_HEADING_WORDS.test(heading) || PROGRESS_HEADING_WORDS.test(heading));
}

/** The first line at `from` that is neither blank nor a source or date line, as a span of `text`. */
function lineAt(text: string, from: number): { start: number; end: number; text: string } | undefined {
  let start = from;
  for (let tries = 0; tries < 3 && start < text.length; tries++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end);
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed && !/^(来源|发布时间|发布日期)\s*[:：]/.test(trimmed)) {
      if (trimmed.length <= MAX_HEADLINE) return { start: start + lead, end: start + lead + trimmed.length, text: trimmed };
      const dated = datedLead(trimmed);
      return dated && { start: start + lead + dated.at, end: start + lead + dated.at + dated.text.length, text: dated.text };
    }
    start = end + 1;
  }
  return undefined;
}

/**
 * An article that opens without a headline line ("起步决定走势！1月26日，…调度会在南宁召开。…") is
 * named by its first sentence that says what happened when.
 */
function datedLead(paragraph: string): { at: number; text: string } | undefined {
  const sentences = [...paragraph.matchAll(/[^。！？!?]+[。！？!?]?/g)];
  for (const [i, m] of sentences.entries()) {
    const sentence = m[0].trim();
    if (sentence.length <= MAX_HEADLINE && /\d{1,2}月\d{1,2}日/.test(sentence) && /召开|举行|开幕|发布|印发|会议|大会/.test(sentence)) {
      const at = m.index + m[0].indexOf(sentence);
      // "…大会开幕。省长…作政府工作报告。": the sentence after names what the article reports.
      const next = sentences[i + 1]?.[0].trim() ?? '';
      const withNext = /报告|讲话|发言|通报/.test(next) && sentence.length + next.length <= 2 * MAX_HEADLINE ? paragraph.slice(at, (sentences[i + 1].index ?? 0) + sentences[i + 1][0].length).trim() : sentence;
      return { at, text: withNext };
    }
  }
  return undefined;
}

/** Finds the headline of the article holding an offset: the nearest section before it that is not a sub-heading. */
export function headlineFinder(sections: Section[] | ((docId: string) => Section[]), textOf: (docId: string) => string | undefined): HeadlineOf {
  let sectionsOf: (docId: string) => Section[];
  if (Array.isArray(sections)) {
    const byDoc = new Map<string, Section[]>();
    for (const s of sections) byDoc.set(s.docId, [...(byDoc.get(s.docId) ?? []), s]);
    sectionsOf = (docId) => byDoc.get(docId) ?? [];
  } else {
    sectionsOf = sections;
  }
  return (docId, offset) => {
    const text = textOf(docId);
    const list = [...sectionsOf(docId)].sort((a, b) => a.start - b.start);
    if (!text || !list?.length) return undefined;
    const before = list.filter((s) => s.start <= offset);
    const article = [...before].reverse().find((s) => !isSubHeading(s.heading)) ?? list[0];
    return lineAt(text, article.start);
  };
}
