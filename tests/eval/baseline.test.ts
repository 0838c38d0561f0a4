import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { chunkDocument, openBaseline } from '../../eval/baseline.js';
import { Bm25Index, tokenize } from '../../eval/bm25.js';

describe('tokenize', () => {
  it('cuts Chinese into search tokens and drops punctuation', () => {
    const tokens = tokenize('2026年湖北算力目标是多少？');
    expect(tokens).toContain('湖北');
    expect(tokens).toContain('算力');
    expect(tokens).not.toContain('？');
  });
});

describe('Bm25Index', () => {
  it('ranks the passage sharing the rare terms first', () => {
    const index = new Bm25Index(['武汉软件业务收入增长15.7%', '湖北算力规模突破2.2万P', '湖南工业经济增长7.8%']);
    const hits = index.search('湖北算力规模', 2);
    expect(hits[0].index).toBe(1);
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
  });
});

describe('chunkDocument', () => {
  it('gives offsets that slice back to each chunk', async () => {
    const text = await readFile('seeds/003_f47457e2a58c5af4.txt', 'utf8');
    const chunks = await chunkDocument('003', text);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(text.slice(chunk.start, chunk.end)).toBe(chunk.text);
      expect(chunk.text.length).toBeLessThanOrEqual(500);
    }
  });
});

describe('openBaseline', () => {
  it('answers with the top chunk verbatim, cites it, and never refuses', async () => {
    const baseline = await openBaseline({ seedsDir: 'seeds' });
    const response = await baseline.ask('2025年上半年武汉软件业务收入同比增长多少？');
    expect(response.status).toBe('answered');
    expect(response.retrieval.chunks).toHaveLength(5);
    const [citation] = response.citations;
    expect(response.answer).toBe(baseline.documentText(citation.docId)?.slice(citation.start, citation.end));
    expect(response.retrieval.chunks[0]).toMatchObject({ docId: citation.docId, start: citation.start });
    expect(baseline.documentText('003_f47457e2a58c5af4')).toBe(baseline.documentText('003_f47457e2a58c5af4.txt'));
    expect(baseline.describe()).toMatch(/^LangChain RecursiveCharacterTextSplitter 500\/50 \(\d+ chunks\), BM25 over jieba tokens/);
    await baseline.close();
  });

  it('uses embeddings for retrieval when given them', async () => {
    // Two-dimensional fake: the query vector points at chunks that mention 广东.
    const embed = (text: string): number[] => (text.includes('广东') ? [1, 0] : [0, 1]);
    const baseline = await openBaseline({
      seedsDir: 'seeds',
      embeddings: {
        embedDocuments: async (texts: string[]) => texts.map(embed),
        embedQuery: async () => [1, 0],
      },
    });
    const response = await baseline.ask('任意问题');
    expect(response.answer).toContain('广东');
    expect(baseline.describe()).toContain('dense retrieval');
  });
});
