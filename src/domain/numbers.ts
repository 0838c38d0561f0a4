/**
 * Number-with-unit mentions in normalized Chinese report text: "2.2万P", "3.3万亿元", "4700多个",
 * "15%左右", "第4位". Values are normalized to plain numbers (2.2万 → 22000) while `raw` keeps the
 * source text so answers can quote it exactly.
 */

export interface NumberMention {
  /** Offsets in the scanned text. */
  start: number;
  end: number;
  /** The number with magnitude and unit, as written (without leading qualifiers). */
  raw: string;
  value: number;
  /** Unit without magnitude: 元, 辆, 个, %, 个百分点, P, PFLOPS, 位 (rank) … */
  unit: string;
  /** 余/多 after the number, 以上/左右 after the unit. */
  approx: string;
  isRank: boolean;
}

const MAGNITUDES: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3 };

// Longest first so that 个百分点 wins over 个, 万辆 is magnitude+unit, PFLOPS over P.
export const UNITS = [
  '个百分点', '百分点', 'PFLOPS', 'EFLOPS', 'TFLOPS', 'Gbps', 'Tbps', 'Mbps', 'PB', 'TB', 'EB', '千瓦时', '万千瓦', '平方米', '家次', '人次', '个月',
  '英寸', '公里', '千瓦', '端口', '亿元', '万元', '吨标准煤', '立方米', '标准箱', '公斤', '兆瓦', '吉瓦', '标箱', '斤',
  '%', '元', '辆', '个', '家', '户', '项', '款', '台', '套', '件', '场', '人', '名', '次', '批', '条', '座', '所',
  '亩', '吨', '年', '天', '倍', '类', '颗', '片', '张', '部', '架', '艘', '只', '块', '份', '篇', '市', '县',
  '区', '省', '层', '种', '期', '轮', '单', '组', '支', '根', '处', '栋', '间', '门', 'P', 'E', 'T',
];

/** Units that count things; "15个项目" puts the counted noun after the unit. */
export const COUNT_UNITS = new Set([
  '个', '家', '户', '项', '款', '台', '套', '件', '场', '人', '名', '次', '批', '条', '座', '所', '类', '颗', '片',
  '张', '部', '架', '艘', '只', '块', '份', '篇', '市', '县', '区', '省', '层', '种', '期', '轮', '单', '组', '支',
  '根', '处', '栋', '间', '门', '家次', '人次', '辆',
]);

const unitPattern = UNITS.map((u) => u.replace(/[%]/g, '\\$&')).join('|');
const NUMBER_RE = new RegExp(
  // "360台/万人": a density keeps its per-unit.
  `(\\d+(?:\\.\\d+)?)(余|多)?(万亿|亿|万|千)?(余|多)?((?:${unitPattern})(?:\\/(?:万人|百人|千人|人|平方公里|亩|户))?)?(以上|左右|以内|以下)?`,
  'g',
);
const RANK_RE = /第(\d+|[一二三四五六七八九十]+)(位|名)?|首位/g;
const RANK_SCOPE = /(居|排|位列|列|全国|中部|西部|东部|全省|全市|城市|大省|强省|世界|全球|行业)[^，。；]{0,6}$/;

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Parses small Chinese numerals (一 … 九十九, 十五) used in ranks and questions. */
export function parseChineseInteger(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[零〇一二两三四五六七八九十百千万]+$/.test(text)) return undefined;
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in CHINESE_DIGITS) {
      digit = CHINESE_DIGITS[ch];
    } else if (ch === '十' || ch === '百' || ch === '千') {
      const factor = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
      section += (digit || 1) * factor;
      digit = 0;
    } else if (ch === '万') {
      total += (section + digit) * 10000;
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

function isIdentifierChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9.+\-]/.test(ch);
}

/**
 * Finds quantity mentions. A bare number without magnitude or unit is not a quantity ("“51020”
 * 产业集群", "5G", "T8"), nor are dates and years (2025年, 1—11月, 10月份).
 */
const UNIT_STARTS_WORD = /^(台阶|台账|家庭|人员|期间|条件)$/;

export function findNumberMentions(text: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  for (const match of text.matchAll(NUMBER_RE)) {
    const start = match.index;
    const [whole, digits, approxBefore, magnitude, approxAfter, unit, tail] = match;
    const before = text[start - 1];
    const after = text[start + whole.length];
    // "GDP451亿元": an amount with magnitude and unit is one even when an acronym is glued before it (T8, A1 are names).
    const amountAfterAcronym = /[A-Z]/.test(before ?? '') && /[A-Z]{2}$/.test(text.slice(Math.max(0, start - 3), start)) && Boolean(magnitude && unit);
    if (isIdentifierChar(before) && before !== '+' && before !== '-' && !amountAfterAcronym) continue;
    if (!magnitude && !unit) continue;
    // "第1名" is a rank, read below, never one person.
    if (before === '第') continue;
    // 5G, 6G, 4K, 50GPON: a digit glued to Latin letters is a name, not a quantity.
    if (!unit && after !== undefined && /[A-Za-z]/.test(after)) continue;
    if (unit && /^[PETG]$/.test(unit) && after !== undefined && /[A-Za-z0-9]/.test(after)) continue;
    if (unit === '年' && !magnitude && digits.length === 4) continue;
    if (unit === '年' && /^[度底末初内中]/.test(text.slice(start + whole.length))) continue;
    if (!unit && magnitude === '千') continue;
    // 10月 / 1—11月 are time; "个月" is a duration unit and stays.
    if (!unit && !magnitude) continue;
    if (/^[月日号时]/.test(text.slice(start + digits.length))) continue;
    // "迈上3000亿台阶": the unit character starts a word (台阶), so the amount has no unit.
    const wordAfter = unit && unit.length === 1 && UNIT_STARTS_WORD.test(unit + (after ?? ''));
    if (wordAfter && !magnitude) continue;
    const rawEnd = start + whole.length - (tail?.length ?? 0) - (wordAfter ? unit.length : 0);
    const raw = text.slice(start, rawEnd);
    const value = Number(digits) * (magnitude ? MAGNITUDES[magnitude] : 1);
    mentions.push({
      start,
      end: rawEnd,
      raw,
      value,
      unit: wordAfter ? '' : unit ?? '',
      approx: [approxBefore, approxAfter, wordAfter ? '' : tail].filter(Boolean).join(''),
      isRank: false,
    });
  }
  mergeRanges(text, mentions);
  sharedUnits(text, mentions);
  for (const match of text.matchAll(RANK_RE)) {
    const start = match.index;
    const value = match[0] === '首位' ? 1 : parseChineseInteger(match[1]);
    if (value === undefined) continue;
    if (mentions.some((m) => m.start < start + match[0].length && start < m.end)) continue;
    // A rank is placed somewhere (居全国第3, 中部第一) or says 位/名; 第一批 and 第二曲线 are ordinals.
    if (!match[2] && match[0] !== '首位' && !RANK_SCOPE.test(text.slice(Math.max(0, start - 8), start))) continue;
    mentions.push({ start, end: start + match[0].length, raw: match[0], value, unit: '位', approx: '', isRank: true });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

// "分别高4.2、4.3、3.2个百分点": the unit written once after a list of rates is every item's.
const RATE_LIST = /(?:\d+(?:\.\d+)?[、和])+\d+(?:\.\d+)?(个百分点|百分点|%)/g;

function sharedUnits(text: string, mentions: NumberMention[]): void {
  for (const list of text.matchAll(RATE_LIST)) {
    const unit = list[1];
    let start = list.index;
    for (const raw of list[0].slice(0, -unit.length).split(/[、和]/).slice(0, -1)) {
      const covered = isIdentifierChar(text[start - 1]) || mentions.some((m) => m.start <= start && start < m.end);
      if (!covered) mentions.push({ start, end: start + raw.length, raw, value: Number(raw), unit, approx: '', isRank: false });
      start += raw.length + 1;
    }
  }
}

const RANGE_DASH = /^[—\-–~至到]$/;

/**
 * "增长5.5%—6%", "5—6%": a range is one figure, written as the source writes it; its value is the
 * lower bound, the least the text commits to.
 */
function mergeRanges(text: string, mentions: NumberMention[]): void {
  for (let i = mentions.length - 1; i >= 0; i--) {
    const upper = mentions[i];
    const lower = mentions[i - 1];
    if (lower && comparableUnit(lower.unit) === comparableUnit(upper.unit) && RANGE_DASH.test(text.slice(lower.end, upper.start))) {
      mentions.splice(i - 1, 2, { ...upper, start: lower.start, raw: text.slice(lower.start, upper.end), value: lower.value, approx: lower.approx + upper.approx });
      i--;
      continue;
    }
    const bare = /(\d+(?:\.\d+)?)[—\-–~至到]$/.exec(text.slice(Math.max(0, upper.start - 12), upper.start));
    if (bare && !/\d/.test(text[upper.start - bare[0].length - 1] ?? '') && upper.unit) {
      const start = upper.start - bare[0].length;
      const scale = upper.value / Number(upper.raw.match(/\d+(?:\.\d+)?/)?.[0] ?? 1);
      mentions[i] = { ...upper, start, raw: text.slice(start, upper.end), value: Number(bare[1]) * (Number.isFinite(scale) ? scale : 1) };
    }
  }
}

/** Canonical unit for comparing values written with different unit spellings (P vs PFLOPS). */
export function comparableUnit(unit: string): string {
  if (unit === 'PFLOPS') return 'P';
  if (unit === 'EFLOPS') return 'E';
  if (unit === '百分点') return '个百分点';
  if (unit === '户') return '家';
  return unit;
}
