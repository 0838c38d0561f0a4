import type { Random } from './seeded-random.js';

/** Isotropic unit vectors (normal coordinates via Box–Muller, then scaled): the worst case for HNSW recall. */
export function randomUnitVectors(random: Random, count: number, dimensions: number): number[][] {
  const normal = () => {
    const u = Math.max(random(), Number.EPSILON);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  return Array.from({ length: count }, () => {
    const v = Array.from({ length: dimensions }, normal);
    const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
    return v.map((x) => x / norm);
  });
}
