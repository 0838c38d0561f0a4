import { describe, expect, it } from 'vitest';
import { RRF_K, reciprocalRankFusion } from '../../src/retrieve/fusion.js';

const list = (...ids: string[]) => ids.map((id, i) => ({ id, score: 100 - i }));

describe('reciprocalRankFusion', () => {
  it('scores each id by the sum of 1 / (k + rank), rank counted from 1', () => {
    const fused = reciprocalRankFusion([list('a', 'b'), list('b', 'c')]);
    expect(RRF_K).toBe(60);
    expect(fused.map((f) => f.id)).toEqual(['b', 'a', 'c']);
    expect(fused[0].score).toBeCloseTo(1 / 62 + 1 / 61, 12);
    expect(fused[1].score).toBeCloseTo(1 / 61, 12);
    expect(fused[2].score).toBeCloseTo(1 / 62, 12);
  });

  it('ignores the input scores: only ranks matter', () => {
    const a = reciprocalRankFusion([[{ id: 'x', score: 0.001 }, { id: 'y', score: 0 }]]);
    const b = reciprocalRankFusion([[{ id: 'x', score: 999 }, { id: 'y', score: 998 }]]);
    expect(a).toEqual(b);
  });

  it('uses the given k', () => {
    const [top] = reciprocalRankFusion([list('a')], 1);
    expect(top.score).toBeCloseTo(1 / 2, 12);
  });

  it('lets agreement between lists beat a single first place', () => {
    const fused = reciprocalRankFusion([list('solo', 'both'), list('x', 'both'), list('y', 'both')]);
    expect(fused[0].id).toBe('both');
    expect(fused[0].score).toBeCloseTo(3 / 62, 12);
  });

  it('returns nothing for no lists or empty lists', () => {
    expect(reciprocalRankFusion([])).toEqual([]);
    expect(reciprocalRankFusion([[], []])).toEqual([]);
  });
});
