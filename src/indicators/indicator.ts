/** What the wording says about a number's status. */
export type Modality = 'actual' | 'target' | 'forecast';
/** What the number measures. */
export type Measure = 'level' | 'growth' | 'share' | 'rank' | 'count-change';

/** A growth rate or a share: a percentage that is not a quantity of its own. */
export function isRate(measure: Measure | undefined): boolean {
  return measure === 'growth' || measure === 'share';
}
/** The single kind the API reports: modality when not actual, otherwise the measure. */
export type IndicatorKind = 'actual' | 'target' | 'forecast' | 'growth' | 'share' | 'rank' | 'count-change';

export interface Indicator {
  id: string;
  docId: string;
  region: string;
  period: string;
  year: number;
  metric: string;
  /** Sentence text up to the end of the number's clause, used for matching. */
  context: string;
  /** The clause that states the number, for display. */
  phrase: string;
  value: number;
  unit: string;
  /** Exact source text of the number with its unit, as written. */
  raw: string;
  kind: IndicatorKind;
  modality: Modality;
  measure: Measure;
  /** 突破/超/约/以上/左右/近/余… */
  qualifier: string;
  /** The sentence (normalized) the number was read from. */
  sentence: string;
  /** Offsets of the sentence in the served document text. */
  start: number;
  end: number;
  /** Offsets of `raw` in the served text. */
  valueStart: number;
  valueEnd: number;
  /** Whether the metric name stands before the number ("算力规模突破2.2万P") or after it ("15个项目入选…"). */
  metricSide: 'before' | 'after';
  /** For ranks and "高于全国…" rows: the id of the figure they qualify. */
  relatedTo?: string;
  /** How region and period were resolved: named in the clause or sentence, or inherited (and from where). */
  scope?: ResolvedScope;
  /** The text never names the year (an undated "前三季度…"): `period` holds its months, in a year ingest assumed. */
  undated?: boolean;
  /** A total or average over several years ("过去四年…新增490户", "年均增长10.4%"): no one year's figure. */
  multiYear?: boolean;
}

export interface ResolvedScope {
  region: string;
  period: string;
  /** When the article was written, which 今年/去年 were read against. */
  written?: string;
}
