import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repairMetric } from '../../../ingest/indicators/metric-phrase.js';
import { prepareDocument } from '../../../ingest/prepare-document.js';
import { findNumberMentions } from '../../../src/domain/numbers.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
// Every corpus in the repository, and the shared development corpus when it sits beside the clone.
const CORPORA = ['seeds', 'eval/unseen-seeds', 'eval/unseen-2', 'eval/unseen-3', '../shared/corpus-dev']
  .map((dir) => join(root, dir))
  .filter((dir) => existsSync(dir));

/** Why a metric name is cut across a clause or a bracket, or undefined when it is whole. */
function cut(metric: string): string | undefined {
  if (/[，；。,;]/.test(metric)) return 'holds a clause break';
  if ((metric.match(/[（(]/g) ?? []).length !== (metric.match(/[）)]/g) ?? []).length) return 'has an unbalanced bracket';
  if (findNumberMentions(metric).some((m) => m.unit !== '' && !/^[2-6]G/i.test(m.raw))) return 'holds another figure';
  return metric.trim() ? undefined : 'is empty';
}

describe('indicator metric names', () => {
  it('are whole on every corpus in the repository (no clause, bracket or other figure inside)', () => {
    expect(CORPORA.length).toBeGreaterThanOrEqual(4);
    const problems: string[] = [];
    let rows = 0;
    for (const dir of CORPORA) {
      for (const file of readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f))) {
        for (const row of prepareDocument(file, readFileSync(join(dir, file), 'utf8')).indicators) {
          rows++;
          const why = cut(row.metric);
          if (why) problems.push(`${file}: "${row.metric}" (${row.raw}) ${why}`);
        }
      }
    }
    expect(rows).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
  });
});

describe('repairMetric', () => {
  it('keeps what names the number when a phrase reaches over another figure or clause', () => {
    expect(repairMetric('营业收入增长8.1%，利润总额')).toBe('利润总额');
    expect(repairMetric('工业投资年均增长6%、技改投资占比')).toBe('技改投资占比');
    expect(repairMetric('规上工业增加值增长5%左右')).toBe('规上工业增加值');
    expect(repairMetric('重点县（市')).toBe('重点县');
    expect(repairMetric('）和新建项目')).toBe('和新建项目');
  });
});

describe('aligned lists without 分别', () => {
  it('reads "A、B达X、Y" item by item', () => {
    const rows = prepareDocument('list.txt', '2024年全市工作回顾\n2024年，全市高新技术、专精特新企业达320家、58家。').indicators;
    expect(rows.map((r) => [r.metric, r.raw])).toEqual([
      ['高新技术企业', '320家'],
      ['专精特新企业', '58家'],
    ]);
  });
});

