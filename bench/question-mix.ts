import { readFile } from 'node:fs/promises';
import { applyRegionMap } from './region-substitution.js';
import { shiftYears } from './numeric-substitution.js';
import { deriveSeed, pick, seededRandom } from './seeded-random.js';
import type { SyntheticDocumentInfo } from './synthetic-corpus.js';

export const DEV_QUESTIONS_FILE = 'eval/dev.jsonl';
export const MIX_SIZE = 50;
/** No report (real or synthetic) reaches this year, so questions about it must come back not_found. */
export const UNCOVERED_YEAR = 2045;

export interface DevQuestion {
  id: string;
  question: string;
  kind: string;
  doc: string | null;
}

export interface BenchQuestion {
  id: string;
  question: string;
  kind: string;
  /** Asked about something no report covers: the engine should answer not_found. */
  unanswerable: boolean;
}

function isDevQuestion(value: unknown): value is DevQuestion {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.question === 'string' && typeof v.kind === 'string' && (v.doc === null || typeof v.doc === 'string');
}

export async function readDevQuestions(file = DEV_QUESTIONS_FILE): Promise<DevQuestion[]> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim());
  return lines.map((line, i) => {
    const parsed: unknown = JSON.parse(line);
    if (!isDevQuestion(parsed)) throw new Error(`${file}:${i + 1} is not a dev question`);
    return parsed;
  });
}

// Metric shapes asked for a year no report reaches (the year-coverage refusal path).
const UNCOVERED_SHAPES = ['规上工业增加值增长多少？', '算力规模目标是多少？', '新增多少家专精特新“小巨人”企业？', '数字经济核心产业增加值是多少？'];

/**
 * Every unanswerable dev question, four uncovered-year questions, and answerable shapes spaced
 * evenly through the dev set (so every kind — target, actual, growth, list, comparison, trap — is in).
 */
export function selectShapes(dev: DevQuestion[], size = MIX_SIZE): DevQuestion[] {
  const unanswerable = dev.filter((q) => q.kind === 'unanswerable');
  const answerable = dev.filter((q) => q.kind !== 'unanswerable');
  const wanted = Math.max(0, Math.min(answerable.length, size - unanswerable.length - UNCOVERED_SHAPES.length));
  // One of each kind first (entity has a single dev question), then the rest spaced evenly.
  const firsts = [...new Set(answerable.map((q) => q.kind))]
    .flatMap((kind) => answerable.filter((q) => q.kind === kind).slice(0, 1))
    .slice(0, wanted);
  const rest = answerable.filter((q) => !firsts.includes(q));
  const fill = wanted - firsts.length;
  const spaced = Array.from({ length: fill }, (_, i) => rest[Math.floor((i * rest.length) / fill)]);
  const chosen = new Set([...firsts, ...spaced]);
  return [...answerable.filter((q) => chosen.has(q)), ...unanswerable];
}

function uncovered(regions: string[]): BenchQuestion[] {
  return UNCOVERED_SHAPES.map((shape, i) => ({
    id: `uncovered-${i + 1}`,
    question: `${UNCOVERED_YEAR}年${regions[i % regions.length]}${shape}`,
    kind: 'unanswerable',
    unanswerable: true,
  }));
}

/** The mix over the real reports: the dev questions as written. */
export function questionMixForSeeds(dev: DevQuestion[], size = MIX_SIZE): BenchQuestion[] {
  const shapes = selectShapes(dev, size).map((q) => ({ id: q.id, question: q.question, kind: q.kind, unanswerable: q.kind === 'unanswerable' }));
  return [...shapes, ...uncovered(['湖北', '武汉', '湖南', '广东'])];
}

/**
 * The mix over a synthetic corpus: each dev question re-asked about one synthetic copy of its
 * report, with that copy's region swap and year shift (2026年湖北 → 2028年江西), so it has the
 * shape of a real question about a document that exists.
 */
export function questionMixForCorpus(dev: DevQuestion[], documents: SyntheticDocumentInfo[], seed: number, size = MIX_SIZE): BenchQuestion[] {
  if (documents.length === 0) throw new Error('a question mix needs at least one synthetic document');
  const shapes = selectShapes(dev, size);
  const questions = shapes.map((shape, i): BenchQuestion => {
    const random = seededRandom(deriveSeed(seed, i));
    const copies = documents.filter((d) => d.sourceId === shape.doc);
    const doc = pick(random, copies.length ? copies : documents);
    const swapped = applyRegionMap(shape.question, new Map(Object.entries(doc.regions)));
    return { id: shape.id, question: shiftYears(swapped, doc.yearShift), kind: shape.kind, unanswerable: shape.kind === 'unanswerable' };
  });
  const regions = [...new Set(documents.slice(0, 8).flatMap((d) => Object.values(d.regions).slice(0, 1)))];
  return [...questions, ...uncovered(regions)];
}
