/**
 * Least-squares slope of log(cost) against log(N): 1 means cost grows in proportion to N (flat
 * cost per document), below 1 cheaper per document as N grows, above 1 superlinear.
 */
export function scalingExponent(points: Array<{ n: number; cost: number }>): number | null {
  const usable = points.filter((p) => p.n > 0 && p.cost > 0);
  if (usable.length < 2) return null;
  const xs = usable.map((p) => Math.log(p.n));
  const ys = usable.map((p) => Math.log(p.cost));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i] - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? null : num / den;
}
