/**
 * Served document text keeps the source's layout: PDF line breaks inside words and numbers
 * ("2.2\n万P"), markdown bold ("**7.8%**"), full-width digits. The model should read, and the guard
 * should compare, the same clean text, so both use this.
 */
export function cleanPassageText(text: string): string {
  return toHalfWidthAscii(text)
    .replace(/\*+/g, '')
    .replace(/\s*\n\s*/g, (_match, offset: number, whole: string) => (isLatinPair(whole, offset) ? ' ' : ''))
    .replace(/[ \t\u3000]+/g, ' ')
    .trim();
}

/** Full-width ASCII (０-９, ％, Ａ) becomes plain ASCII; Chinese punctuation stays. */
export function toHalfWidthAscii(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (ch) => {
    const ascii = String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
    return /[A-Za-z0-9%.+\-]/.test(ascii) ? ascii : ch;
  });
}

// A line break between two Latin words is a word space; anywhere else in Chinese text it is layout.
function isLatinPair(whole: string, offset: number): boolean {
  const before = whole.slice(0, offset).trimEnd().slice(-1);
  const after = whole.slice(offset).trimStart().charAt(0);
  return /[A-Za-z]/.test(before) && /[A-Za-z]/.test(after);
}

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };

/**
 * A lossy form for asking "is this quotation verbatim from that passage?": cleaned, without any
 * whitespace, with half- and full-width punctuation folded together (the served text and the
 * normalized sentences the extractive answers quote differ exactly there).
 */
export function foldForMatch(text: string): string {
  return cleanPassageText(text)
    .replace(/\s+/g, '')
    .replace(/[,;:()!?]/g, (ch) => HALF_TO_FULL[ch] ?? ch);
}
