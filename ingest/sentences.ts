/** A sentence of normalized text: clean offsets [start, end). */
export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

// 。！？ end sentences; ；separates the long enumerations typical of work reports, so it ends one too.
const SENTENCE_END = /[。！？；\n]/;
const LEADING_NOISE = /^[\s●•■▲◆—]+/;

export function splitSentences(text: string, from = 0, to = text.length): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  let start = from;
  const push = (end: number) => {
    let s = start;
    const lead = LEADING_NOISE.exec(text.slice(s, end));
    if (lead) s += lead[0].length;
    const body = text.slice(s, end);
    if (body.trim().length > 1) sentences.push({ start: s, end, text: body });
  };
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (!SENTENCE_END.test(ch)) continue;
    // Keep a closing quote or bracket with the sentence it closes.
    if (ch === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    let end = i + 1;
    while (end < to && /[”’」）)]/.test(text[end])) end++;
    push(end);
    start = end;
    i = end - 1;
  }
  if (start < to) push(to);
  return sentences;
}
