import type { Period } from '../domain/period.js';
import { comparableUnit } from '../domain/numbers.js';
import { tokenize } from '../index/tokenizer.js';
import { canonicalize } from '../domain/synonyms.js';
import { MEASURE_TERM } from '../domain/question-words.js';
import type { Indicator, IndicatorKind, Measure } from './indicator.js';
import type { IndicatorSource, ScoringFields } from './indicator-source.js';
import { MemoryIndicatorSource } from './memory-indicator-source.js';
import { meaningfulTerms } from './row-index.js';

export { meaningfulTerms };

export type Intent = 'target' | 'forecast' | 'actual' | 'any';

export interface IndicatorQuery {
  terms: string[];
  focus?: string[];
  regions?: string[];
  period?: Period;
  intent?: Intent;
  measure?: Measure;
  unitHint?: string;
  /** "全年": a year-to-date figure (1—11月) does not answer it. */
  fullYearOnly?: boolean;
  /** Months asked without a year ("一季度" → Q1): only rows of those months, in any year. */
  span?: string;
  /** Several years asked at once (年均, 过去五年, 十四五期间): totals and averages over years answer. */
  severalYears?: boolean;
}

export interface ScoredIndicator {
  row: Indicator;
  score: number;
  /** Share of the question's term weight found in the row's metric name or context. */
  coverage: number;
  /** Share of the question's term weight found anywhere in the sentence up to the number's clause. */
  sentenceCoverage: number;
  /** Question terms found neither in the metric name nor in the sentence. */
  missing: string[];
  /** Share found in the metric name alone. */
  metricCoverage: number;
  /** Share of the metric name's own weight that the question asks for. */
  metricPrecision: number;
}

export interface IndicatorFilter {
  region?: string;
  year?: number;
  metric?: string;
  kind?: IndicatorKind;
  docId?: string;
}

/** A row's words as sets, with the summed weight of its metric words (fixed once the table is open). */
interface RowSets {
  metric: Set<string>;
  context: Set<string>;
  metricWeight: number;
}

const CONTEXT_WEIGHT = 0.6;
const MAX_CACHED_ROWS = 50_000;

/** The metric names a subject, and the question hits only its measure words (增长), none of the subject. */
function otherSubject(metric: Set<string>, weights: Map<string, number>): boolean {
  const subject = [...metric].filter((m) => !MEASURE_TERM.test(m));
  return subject.length > 0 && !subject.some((m) => weights.has(m)) && [...weights.keys()].some((t) => !MEASURE_TERM.test(t));
}
/**
 * "集成电路、生物医药、人工智能三大先导产业规模达3740亿元" is the sum of its list: a question that names
 * one item (生物医药) and not the others asks for that item's own figure.
 */
function asksOneItem(metric: string, terms: string[]): boolean {
  if (!metric.includes('、')) return false;
  const items = metric.split('、');
  items[items.length - 1] = items[items.length - 1].replace(/[两三四五六七八九十]大.*$|等.*$/, '');
  const named = items.filter((item) => terms.some((t) => t.length >= 2 && item.includes(t) && items.filter((i) => i.includes(t)).length === 1));
  return named.length === 1;
}

const COUNT_UNITS = new Set(['个', '家', '户', '项', '款', '台', '套', '件', '场', '辆', '人', '名', '座', '所', '批']);

export function periodMatches(
  row: Pick<Indicator, 'year' | 'period' | 'undated' | 'multiYear'>,
  period: Period | undefined,
  fullYearOnly = false,
  severalYears = false,
): boolean {
  // "全年…增长多少" with no year: a span of months (1—5月) is not the year.
  if (!period) return !fullYearOnly || /^\d{4}$/.test(row.period);
  // "过去四年新增490户" is no answer for one of those years.
  if (row.multiYear && !severalYears) return false;
  // A text that never names its year answers for the months it names, in whatever year is asked (and says so).
  if (row.undated) return row.period.slice(4) === period.key.slice(4);
  if (row.year !== period.year) return false;
  if (period.fromMonth === undefined) return !fullYearOnly || row.period === period.key;
  return row.period === period.key;
}

export function intentMatches(row: Pick<Indicator, 'modality'>, intent: Intent | undefined): boolean {
  if (!intent || intent === 'any') return true;
  if (intent === 'actual') return row.modality === 'actual';
  return row.modality !== 'actual';
}

/**
 * The indicator rows of the corpus with a token index over their metric names and contexts, so a
 * question's terms can be matched against what each number measures. The rows and their index come
 * from a source: in memory (built from the rows) or a store (read as ingest wrote it).
 */
export class IndicatorTable {
  private readonly source: IndicatorSource;
  private readonly weights = new Map<string, number>();
  /** Row sets by ordinal, filled as rows are scored; bounded, since a store's table may be far larger than the heap should hold. */
  private readonly sets = new Map<number, RowSets>();

  constructor(rows: Indicator[] | IndicatorSource) {
    this.source = Array.isArray(rows) ? new MemoryIndicatorSource(rows) : rows;
  }

  get size(): number {
    return this.source.size;
  }

  private rowSets(ord: number): RowSets {
    let sets = this.sets.get(ord);
    if (!sets) {
      const tokens = this.source.tokens(ord);
      sets = { metric: new Set(tokens.metric), context: new Set(tokens.context), metricWeight: 0 };
      for (const m of sets.metric) sets.metricWeight += this.weight(m);
      if (this.sets.size >= MAX_CACHED_ROWS) this.sets.clear();
      this.sets.set(ord, sets);
    }
    return sets;
  }

  /** Rank and "高于全国…" rows that qualify the row with this id. */
  companionsOf(id: string): Indicator[] {
    return this.source.companionsOf(id);
  }

  /** The same table limited to some documents (the docIds filter of /ask). */
  restrictedTo(docIds: string[] | undefined): IndicatorTable {
    if (!docIds?.length) return this;
    return new IndicatorTable(this.source.rowsOfDocuments(docIds));
  }

  get(id: string): Indicator | undefined {
    const ord = this.source.ordOf(id);
    return ord === undefined ? undefined : this.source.row(ord);
  }

  weight(term: string): number {
    let w = this.weights.get(term);
    if (w === undefined) {
      w = Math.log(1 + this.source.size / (1 + this.source.df(term)));
      this.weights.set(term, w);
    }
    return w;
  }

  /** Rows whose metric matches the query terms, best first; region/period/intent are hard filters. */
  search(query: IndicatorQuery, limit = 10): ScoredIndicator[] {
    const terms = meaningfulTerms(query.terms);
    if (terms.length === 0) return [];
    const weights = new Map(terms.map((t) => [t, this.weight(t)]));
    const total = [...weights.values()].reduce((a, b) => a + b, 0);
    const candidates = new Set<number>();
    const regions: Array<string | undefined> = query.regions?.length ? query.regions : [undefined];
    for (const region of regions) for (const t of terms) for (const i of this.source.postings(t, region)) candidates.add(i);
    this.source.prefetch?.(candidates);

    const results: Array<Omit<ScoredIndicator, 'row'> & { row: ScoringFields; ord: number }> = [];
    for (const i of candidates) {
      // The filters first, on the few fields a store can give without reading the whole row.
      const head = this.source.head?.(i) ?? this.source.row(i);
      if (query.regions?.length && !query.regions.includes(head.region)) continue;
      if (!periodMatches(head, query.period, query.fullYearOnly, query.severalYears)) continue;
      if (!query.period && query.span && head.period.slice(4) !== query.span) continue;
      if (!intentMatches(head, query.intent)) continue;
      const row = this.source.scoring?.(i) ?? this.source.row(i);
      const sets = this.rowSets(i);
      const { metric, context, metricWeight } = sets;
      let metricHit = 0;
      let contextHit = 0;
      const missing: string[] = [];
      for (const [t, w] of weights) {
        if (metric.has(t)) metricHit += w;
        else if (context.has(t)) contextHit += w;
        else missing.push(t);
      }
      const coverage = (metricHit + CONTEXT_WEIGHT * contextHit) / total;
      const metricCoverage = metricHit / total;
      let extra = 0;
      for (const m of metric) if (!weights.has(m)) extra += this.weight(m);
      const metricPrecision = metricWeight ? 1 - extra / metricWeight : 0;
      let score = coverage + 0.3 * metricCoverage - 0.4 * (1 - metricPrecision);
      score += this.shapeBonus(row, sets, query);
      // "5G基站增速" is not the growth of another subject in the same sentence (集成电路产量同比增长).
      if (query.measure && row.measure === query.measure && otherSubject(metric, weights)) score -= 0.5;
      if (asksOneItem(row.metric, terms)) score -= 0.8;
      const sentenceCoverage = (metricHit + contextHit) / total;
      results.push({ row, ord: i, score, coverage, metricCoverage, metricPrecision, sentenceCoverage, missing });
    }
    // Whole rows (sentence, context, scope) only for the ones returned.
    return results
      .sort((a, b) => b.score - a.score || b.row.year - a.row.year)
      .slice(0, limit)
      .map(({ ord, row: _fields, ...scored }) => ({ row: this.source.row(ord), ...scored }));
  }

  /** Prefers rows whose measure, unit and modality fit the way the question is asked. */
  private shapeBonus(row: ScoringFields, tokens: RowSets, query: IndicatorQuery): number {
    let bonus = 0;
    if (query.measure) {
      if (row.measure === query.measure) bonus += 0.15;
      else if (!(query.measure === 'count-change' && row.measure === 'level')) bonus -= 0.3;
    } else if (row.measure === 'rank' || row.measure === 'growth' || row.measure === 'share') {
      bonus -= 0.2;
    }
    if (row.relatedTo && query.measure !== 'rank') bonus -= 0.1;
    // "连续18个月" is a duration, rarely the figure asked for.
    if (/^(个月|年|天)$/.test(row.unit) && query.unitHint !== row.unit) bonus -= 0.3;
    if (query.unitHint) {
      const hint = comparableUnit(query.unitHint);
      const unit = comparableUnit(row.unit);
      if (unit === hint || (hint === '元' && unit === '元')) bonus += 0.1;
      else if (COUNT_UNITS.has(hint) !== COUNT_UNITS.has(unit) || unit === '%') bonus -= 0.2;
    }
    if (query.intent === 'any' && row.modality === 'actual') bonus += 0.05;
    if (query.intent === 'target' && row.modality === 'forecast') bonus -= 0.05;
    // A year asked for is best answered by a full-year figure; 1—11月 or 一季度 only when nothing else says.
    if (query.period && query.period.fromMonth === undefined) bonus += row.period === String(row.year) ? 0.05 : -0.15;
    if (query.focus?.length) {
      const focus = meaningfulTerms(query.focus);
      if (focus.length) bonus += (0.1 * focus.filter((t) => tokens.metric.has(t)).length) / focus.length;
      // The word right before 多少 names what is asked: "总量达到多少户" wants the 总量 row.
      const tail = focus[focus.length - 1];
      if (tail && canonicalize(row.metric).endsWith(tail)) bonus += 0.15;
    }
    // Without "多少家/个", the asked quantity is more often named before its number than counted after it.
    if (!query.unitHint && row.metricSide === 'after') bonus -= 0.05;
    return bonus;
  }

  /** Plain listing for GET /indicators. */
  list(filter: IndicatorFilter): Indicator[] {
    const metricTerms = filter.metric ? meaningfulTerms(tokenize(filter.metric)) : [];
    const rows: Indicator[] = [];
    for (const i of this.source.ordsIn({ region: filter.region, year: filter.year, docId: filter.docId })) {
      const row = this.source.row(i);
      if (filter.kind && row.kind !== filter.kind && row.modality !== filter.kind && row.measure !== filter.kind) continue;
      // Ranks and "高于全国" rows qualify figures rather than state them; listed only when ranks are asked for.
      if ((row.relatedTo || row.measure === 'rank') && filter.kind !== 'rank') continue;
      if (filter.metric) {
        const { metric } = this.rowSets(i);
        const inMetric = row.metric.includes(filter.metric) || (metricTerms.length > 0 && metricTerms.every((t) => metric.has(t)));
        if (!inMetric) continue;
      }
      rows.push(row);
    }
    return rows;
  }
}
