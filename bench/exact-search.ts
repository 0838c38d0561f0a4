/** Exact top-k by cosine over unit vectors: a dot product with every stored vector, the cost HNSW avoids. */
export class ExactSearch {
  private readonly matrix: Float32Array;
  readonly size: number;

  constructor(
    vectors: readonly number[][],
    readonly dimensions: number,
  ) {
    this.size = vectors.length;
    this.matrix = new Float32Array(vectors.length * dimensions);
    vectors.forEach((v, i) => this.matrix.set(v, i * dimensions));
  }

  score(query: Float32Array, index: number): number {
    const base = index * this.dimensions;
    let dot = 0;
    for (let j = 0; j < this.dimensions; j++) dot += query[j] * this.matrix[base + j];
    return dot;
  }

  /** Best first; a bounded insertion list keeps it O(n·k) without sorting all n scores. */
  search(queryVector: readonly number[], k: number): Array<{ index: number; score: number }> {
    const query = Float32Array.from(queryVector);
    const top: Array<{ index: number; score: number }> = [];
    for (let i = 0; i < this.size; i++) {
      const score = this.score(query, i);
      if (top.length === k && score <= top[k - 1].score) continue;
      let at = top.length < k ? top.length : k - 1;
      while (at > 0 && top[at - 1].score < score) at--;
      top.splice(at, 0, { index: i, score });
      if (top.length > k) top.pop();
    }
    return top;
  }
}
