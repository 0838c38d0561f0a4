/**
 * Turns the served document text into clean text for sentence splitting and matching, keeping for
 * every clean character the offset of the source character it came from, so any clean span maps
 * back to an exact span of the served text.
 */

import { toSimplified } from '../src/domain/simplified.js';
import { segmentWords } from '../src/index/tokenizer.js';

export interface NormalizedText {
  text: string;
  /** map[i] = offset in the source of clean character i. */
  map: number[];
}

// Web and magazine furniture that carries no report content.
const BOILERPLATE = [
  /^网站支持IPV6$/i,
  /^无障碍\s*长者版$/,
  /^\|?智能问答$/,
  /^分享[:：]?$/,
  /^扫一扫在手机上查看当前页面$/,
  /^已阅\s*\d+\s*点赞\s*\d+$/,
  /^(相关附件|附件|相关文档)[:：]?$/,
  /^扫码订刊$/,
  /^期刊官微$/,
  /^每期定价.*元/,
  /^联系电话[:：]/,
  /^XIN XING GONG YE HUA$/,
  /^理论性\s*权威性\s*指导性\s*实践性$/,
  /^《新型工业化》主要面向/,
  /^特\d+\s/,
  // Photo captions interrupt paragraphs; dropping them lets the paragraph rejoin.
  /^图为/,
  // "…工人正在调试设备。郭子毅摄（资料图）": a caption credited to its photographer.
  /(摄|供图)\s*([（(]资料图[）)])?$|^[（(]?资料图[）)]?$/,
];

const TERMINAL = /[。！？；：]$/;
const BULLET = /^[●•■▲◆]/;
const ENUMERATOR = /^([（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|[一二三四五六七八九十]+是)/;
const MAX_HEADING_LENGTH = 40;

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };

function isAsciiWord(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9]/.test(ch);
}

/** One character of a line, rewritten for matching; '' drops it. */
function normalizeChar(line: string, i: number, pipeRow: boolean): string {
  const ch = line[i];
  const code = ch.charCodeAt(0);
  if (ch === '*' && (line[i + 1] === '*' || line[i - 1] === '*')) return '';
  // A tab separates table cells (ingest/load writes rows that way), as a | does in a text table: each cell reads as its own clause.
  if (ch === '\t' || (pipeRow && ch === '|')) return line.slice(0, i).trim() && line.slice(i + 1).trim() ? '；' : '';
  if (/\s/.test(ch)) {
    return isAsciiWord(line[i - 1]) && isAsciiWord(line[i + 1]) ? ' ' : '';
  }
  if (code >= 0xff01 && code <= 0xff5e) {
    const ascii = String.fromCharCode(code - 0xfee0);
    if (/[A-Za-z0-9%+.\-/]/.test(ascii)) return ascii;
    return ch;
  }
  const full = HALF_TO_FULL[ch];
  if (full) {
    const between = /\d/.test(line[i - 1] ?? '') && /\d/.test(line[i + 1] ?? '');
    return between && (ch === ',' || ch === ':') ? ch : full;
  }
  return ch;
}

interface Line {
  offset: number;
  clean: string;
  map: number[];
  /** An empty line came before this one. */
  afterBlank: boolean;
  /** A table row (cells separated by tabs): never joined with the lines around it. */
  tableRow: boolean;
}

// "2025年和“十四五”工作回顾" is a heading even when a dictionary word runs on into the next line (回顾|过去).
const YEAR_HEADING = /^.{0,12}\d{4}年.{0,14}(工作|回顾|思路|重点|要点|计划|目标|任务|安排|成效)$/;

// A clipping's source address, a date line or a dateline header always stands on its own line.
const STANDALONE = /^(来源|原文链接|发布时间|发布日期)[:：]|^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|^\d{1,2}\/\d{1,2}$|^\d{4}$|^\d{1,2}[:：]\d{2}$/;

// Markdown heading and list markers carry no words.
const MARKDOWN_PREFIX = /^\s*(#{1,6}\s+|[-*+]\s+|>\s*)/;

/**
 * A line in traditional characters (a Hong Kong or Taiwan source) is matched as simplified. A
 * simplified line with one such character (昇腾, a name) stays as written, and so does a conversion
 * that changes the length (a phrase rewrite), which would break the offsets.
 */
function simplifiedLine(raw: string): string {
  const simplified = toSimplified(raw);
  if (simplified.length !== raw.length) return raw;
  let changed = 0;
  for (let i = 0; i < raw.length; i++) if (raw[i] !== simplified[i]) changed++;
  const cjk = raw.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  return changed >= 3 && changed >= 0.05 * cjk ? simplified : raw;
}

function cleanLine(raw: string, offset: number): Line {
  let clean = '';
  const map: number[] = [];
  const skip = MARKDOWN_PREFIX.exec(raw)?.[0].length ?? 0;
  const line = simplifiedLine(raw);
  const pipeRow = isPipeRow(raw);
  const ruby = pinyinNotes(raw);
  // A markdown table's |---|---| line only draws the rule under the header.
  const rule = pipeRow && /^[\s|:\-]+$/.test(raw);
  for (let i = rule ? raw.length : skip; i < raw.length; i++) {
    const out = ruby.has(i) ? '' : normalizeChar(line, i, pipeRow);
    for (const ch of out) {
      clean += ch;
      map.push(offset + i);
    }
  }
  return { offset, clean, map, afterBlank: false, tableRow: raw.includes('\t') || pipeRow };
}

// "地区（qū）生产总值": a reading aid in pinyin after a character is not part of the text.
const PINYIN_NOTE = /(?<=[\u4e00-\u9fff])[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[）)]/g;

function pinyinNotes(raw: string): Set<number> {
  const skip = new Set<number>();
  for (const m of raw.matchAll(PINYIN_NOTE)) for (let i = m.index; i < m.index + m[0].length; i++) skip.add(i);
  return skip;
}

/** "序号 | 主要工作任务 | 责任单位 |": a row of a table typed with bars (markdown, copied pages). */
function isPipeRow(raw: string): boolean {
  return (raw.match(/\|/g)?.length ?? 0) >= 2 && !/https?:\/\//.test(raw);
}

// A line ending in a function word is cut mid-sentence, never a heading.
// "A、B、C产量分别" is cut before its figures: 分别 never ends a heading.
const OPEN_END = /([的一和与及对在为将把被从向等、“（]|分别)$/;
const COLUMN_SLACK = 3;

/**
 * A heading starts a block, is short, has no sentence punctuation, and is clearly shorter than
 * the lines around it: in PDF column text a line as wide as its neighbours is a wrapped line.
 */
export function isHeadingLike(line: string, startsBlock: boolean, neighbourWidth = Infinity): boolean {
  if (!startsBlock || line.length > MAX_HEADING_LENGTH) return false;
  if (TERMINAL.test(line) || OPEN_END.test(line) || /[，。]/.test(line)) return false;
  return line.length < neighbourWidth - COLUMN_SLACK || line.length < 12;
}

/**
 * "聚焦“补短板”推动产业创新，国家和省重大战略任务进度超前" above a long paragraph is a sub-heading even
 * with its comma; a short line with a comma above another short line is a wrapped PDF column.
 */
function isCommaSubheading(line: string, startsBlock: boolean, next: string | undefined): boolean {
  if (!startsBlock || next === undefined || line.length > MAX_HEADING_LENGTH) return false;
  if (TERMINAL.test(line) || OPEN_END.test(line) || /\d/.test(line)) return false;
  return next.length > 50 && next.length > 2 * line.length;
}

/** A word of the dictionary runs across the break ("产业转|型的"): the line was wrapped, not a heading. */
function wordSpansBreak(before: string, after: string): boolean {
  const tail = before.slice(-3);
  let offset = 0;
  for (const word of segmentWords(tail + after.slice(0, 3), false)) {
    const end = offset + word.length;
    if (offset < tail.length && end > tail.length && /^[\u4e00-\u9fa5]+$/.test(word)) return true;
    offset = end;
  }
  return false;
}

const ENDS_WITH_FIGURE = /[\d.]+\s*(%|‰|[个家户项人台套件座所亩吨元]|万人|万元|亿元|万亿元|个百分点)?(以上|左右|以内)?$/;

/** "规上工业增加值增速保持在9%以上" as a short line in a list of targets ends its row; a full-width line ending in a number is wrapped. */
function endsTableRow(line: string, width: number): boolean {
  return ENDS_WITH_FIGURE.test(line) && line.length < width - COLUMN_SLACK;
}

/** Most gaps around this one are empty lines too: the text is double-spaced, and an empty line says nothing. */
function doubleSpaced(lines: Line[], index: number): boolean {
  let blank = 0;
  let gaps = 0;
  for (let j = Math.max(1, index - 3); j <= Math.min(lines.length - 1, index + 3); j++) {
    if (j === index) continue;
    gaps++;
    if (lines[j].afterBlank) blank++;
  }
  return gaps === 0 || blank * 2 > gaps;
}

function neighbourWidth(lines: Line[], index: number): number {
  let width = 0;
  for (let j = Math.max(0, index - 3); j <= Math.min(lines.length - 1, index + 3); j++) {
    if (j !== index) width = Math.max(width, lines[j].clean.length);
  }
  return width;
}

/**
 * Normalizes source text. Line breaks inside a sentence (PDF columns, magazine page breaks) are
 * removed; a break after terminal punctuation, after a heading, or before an enumerated item or
 * bullet becomes a paragraph break "\n".
 */
export function normalizeText(source: string): NormalizedText {
  const lines: Line[] = [];
  let offset = 0;
  let blank = false;
  for (const rawLine of source.split('\n')) {
    const line = cleanLine(rawLine.replace(/\r$/, ''), offset);
    offset += rawLine.length + 1;
    if (line.clean.length === 0) {
      blank = true;
      continue;
    }
    line.afterBlank = blank;
    blank = false;
    const trimmed = rawLine.trim();
    if (BOILERPLATE.some((re) => re.test(line.clean) || re.test(trimmed))) continue;
    lines.push(line);
  }

  let text = '';
  const map: number[] = [];
  let previous: Line | undefined;
  let previousIsHeading = false;
  for (const [index, line] of lines.entries()) {
    let startsBlock = true;
    if (previous) {
      // An empty line ends a paragraph, unless a word runs across it (a magazine page break: "5G+工|业互联网").
      const join =
        !TERMINAL.test(previous.clean) &&
        !previous.tableRow &&
        !line.tableRow &&
        (!line.afterBlank || doubleSpaced(lines, index) || wordSpansBreak(previous.clean, line.clean)) &&
        !STANDALONE.test(previous.clean) &&
        !STANDALONE.test(line.clean) &&
        !endsTableRow(previous.clean, neighbourWidth(lines, index - 1)) &&
        (!previousIsHeading || (wordSpansBreak(previous.clean, line.clean) && !YEAR_HEADING.test(previous.clean))) &&
        !BULLET.test(line.clean) &&
        !BULLET.test(previous.clean) &&
        !ENUMERATOR.test(line.clean);
      if (join) {
        startsBlock = false;
      } else {
        text += '\n';
        map.push(previous.map[previous.map.length - 1] + 1);
      }
    }
    text += line.clean;
    map.push(...line.map);
    previousIsHeading =
      isHeadingLike(line.clean, startsBlock, neighbourWidth(lines, index)) ||
      isCommaSubheading(line.clean, startsBlock, lines[index + 1]?.clean);
    previous = line;
  }
  return { text, map };
}

/** Maps a clean span [start, end) back to the source span that covers it (the map rises monotonically). */
export function toSourceSpan(normalized: NormalizedText, start: number, end: number): { start: number; end: number } {
  return { start: normalized.map[start], end: normalized.map[end - 1] + 1 };
}
