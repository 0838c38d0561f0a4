import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../src/index/bm25.js';

const CORPUS = [
  { id: 'hubei-2026', text: '推动数字经济核心产业增加值突破6500亿元，新建5G及5G-A基站1.58万个，算力规模突破2.2万P。' },
  { id: 'hubei-2025', text: '累计建成5G基站18.8万个，算力规模超1.8万P，算力运载力指数居全国第3、中部第1。' },
  { id: 'hubei-cars', text: '全年汽车整车、新能源汽车产量分别达183.6万辆、82.4万辆，新能源汽车增速达43.9%。' },
  { id: 'wuhan-h1', text: '规上工业增加值同比增长5.1%；高技术制造业增加值增长15.7%，高于规上工业10.6个百分点。' },
  { id: 'guangdong', text: '1—10月，全省规上工业企业实现营业收入17.3万亿元、利润7851.5亿元，规模均居全国首位。' },
  { id: 'hunan', text: '全省新增1家领航级、7家卓越级、176家先进级智能工厂，12722个智能工位。' },
];

describe('Bm25Index', () => {
  const index = Bm25Index.build(CORPUS);

  it('ranks the passage sharing the rare terms first', () => {
    expect(index.search('新能源汽车产量', 3)[0].id).toBe('hubei-cars');
    expect(index.search('卓越级智能工厂', 3)[0].id).toBe('hunan');
    expect(index.search('营业收入', 3)[0].id).toBe('guangdong');
  });

  it('matches a number token exactly: 2.2万P finds only the 2026 passage', () => {
    expect(index.search('2.2万P', 5).map((h) => h.id)).toEqual(['hubei-2026']);
  });

  it('matches 规模以上 against 规上 in the corpus', () => {
    expect(index.search('规模以上工业增加值', 2)[0].id).toBe('wuhan-h1');
  });

  it('returns scores in descending order, at most k, and nothing for unknown terms', () => {
    const hits = index.search('算力', 10);
    expect(hits.map((h) => h.id).sort()).toEqual(['hubei-2025', 'hubei-2026']);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
    expect(index.search('算力规模', 1)).toHaveLength(1);
    expect(index.search('量子引力', 5)).toEqual([]);
    expect(index.search('', 5)).toEqual([]);
  });

  it('honours the filter', () => {
    const hits = index.search('算力', 10, (id) => id !== 'hubei-2026');
    expect(hits.map((h) => h.id)).toEqual(['hubei-2025']);
    expect(index.search('算力规模', 10, () => false)).toEqual([]);
  });

  it('weights rarer terms higher (idf)', () => {
    expect(index.idf('卓越级')).toBeGreaterThan(index.idf('增加值'));
    expect(index.idf('never-seen')).toBeGreaterThan(index.idf('卓越级'));
  });

  it('survives a JSON round trip with identical results', () => {
    const restored = new Bm25Index(JSON.parse(JSON.stringify(index.toJSON())));
    expect(restored.size).toBe(CORPUS.length);
    expect(restored.vocabularySize).toBe(index.vocabularySize);
    expect(restored.toJSON().ids).toContain('hunan');
    for (const query of ['算力规模', '新能源汽车产量', '规上工业增加值增长', '2.2万P']) {
      expect(restored.search(query, 5)).toEqual(index.search(query, 5));
    }
  });

  it('uses the given k1 and b', () => {
    const flat = Bm25Index.build(CORPUS, { k1: 1.2, b: 0 });
    expect(flat.toJSON().options).toEqual({ k1: 1.2, b: 0 });
    expect(flat.search('算力规模', 2)[0].score).not.toBeCloseTo(index.search('算力规模', 2)[0].score, 6);
  });

  it('keeps the k best of many hits, and calls the filter only for candidates that could enter them', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ id: `doc-${i}`, text: `算力规模${'算力'.repeat(i % 7)}第${i}段` }));
    const big = Bm25Index.build(many);
    const all = big.search('算力规模', 200);
    const filtered: string[] = [];
    const top = big.search('算力规模', 5, (id) => {
      filtered.push(id);
      return id !== all[0].id;
    });
    // Scores, not ids: equal-scoring documents may come in either order.
    expect(top.map((h) => h.score)).toEqual(all.filter((h) => h.id !== all[0].id).slice(0, 5).map((h) => h.score));
    expect(top.map((h) => h.id)).not.toContain(all[0].id);
    expect(filtered.length).toBeLessThan(200);
  });
});
