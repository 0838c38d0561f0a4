/**
 * Question text is data. Control and invisible formatting characters (NUL, ESC, bidi overrides,
 * zero-width spaces) carry no meaning in a question but can break parsing, hide text in logs or
 * the UI, and defeat matching ("湖北\u0000算力" would miss the indicator), so they are removed.
 * Tab, CR and LF are kept: they are ordinary whitespace to the question parser.
 */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * Lone surrogates are not text: they cannot be encoded as UTF-8, so they would turn into U+FFFD
 * somewhere downstream (tokenizer, logs, JSON output) and the answer would be about a different
 * string than the one asked. They are rejected rather than guessed at.
 */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}
