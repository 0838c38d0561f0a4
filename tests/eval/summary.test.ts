import { describe, expect, it } from 'vitest';
import type { ItemResult } from '../../eval/score.js';
import { metricsOf, percentile, ratioOf, summarize } from '../../eval/summary.js';

function item(overrides: Partial<ItemResult>): ItemResult {
  return {
    id: 'x',
    kind: 'target',
    question: 'q',
    expected: 'a',
    got: 'a',
    status: 'answered',
    answerable: true,
    correct: true,
    refused: false,
    citationCorrect: true,
    recallAt5: true,
    latencyMs: 10,
    goldUnlocated: 0,
    why: [],
    ...overrides,
  };
}

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const values = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });
});

describe('metricsOf', () => {
  it('uses the right denominator for each metric', () => {
    const results = [
      item({ latencyMs: 10 }),
      item({ correct: false, refused: true, status: 'not_found', citationCorrect: false, recallAt5: false, latencyMs: 30 }),
      item({ citationCorrect: null, recallAt5: null, latencyMs: 20 }),
      item({ kind: 'unanswerable', answerable: false, correct: true, citationCorrect: null, recallAt5: null, latencyMs: 40 }),
    ];
    expect(metricsOf(results)).toEqual({
      n: 4,
      accuracy: 3 / 4,
      citationAccuracy: 1 / 2,
      refusalAccuracy: 1,
      recallAt5: 1 / 2,
      falseRefusals: 1,
      latencyP50Ms: 20,
      latencyP95Ms: 40,
    });
  });
});

describe('summarize and ratioOf', () => {
  it('groups by kind in the schema order and divides ours by the baseline', () => {
    const ours = summarize([item({ kind: 'list' }), item({ kind: 'target', latencyMs: 30 })]);
    expect(Object.keys(ours.byKind)).toEqual(['target', 'list']);
    const baseline = summarize([item({ kind: 'list', correct: false, citationCorrect: false }), item({ kind: 'target', latencyMs: 10 })]);
    const ratio = ratioOf(ours.overall, baseline.overall);
    expect(ratio.accuracy).toBe(2);
    expect(ratio.citationAccuracy).toBe(2);
    expect(ratio.refusalAccuracy).toBeNull();
    expect(ratio.latencyP95Ms).toBe(3);
  });
});
